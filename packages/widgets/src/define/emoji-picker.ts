import { RaiEmojiPicker } from '../chat-channel/emoji-picker.js';

// Loaded by <rai-chat-channel> when a member first opens the reaction picker (see
// RaiChatChannel#openPicker), not with the channel: most visits only read.
RaiEmojiPicker.define('rai-emoji-picker');

declare global {
  interface HTMLElementTagNameMap {
    'rai-emoji-picker': RaiEmojiPicker;
  }
}
