import { RaiChatChannel } from '../chat-channel/chat-channel.js';
import { RaiChatComposer } from '../chat-channel/composer.js';
import { RaiEmojiPicker } from '../chat-channel/emoji-picker.js';

// The channel renders the composer and the picker: one import registers all three.
RaiEmojiPicker.define('rai-emoji-picker');
RaiChatComposer.define('rai-chat-composer');
RaiChatChannel.define('rai-chat-channel');

declare global {
  interface HTMLElementTagNameMap {
    'rai-chat-channel': RaiChatChannel;
    'rai-chat-composer': RaiChatComposer;
    'rai-emoji-picker': RaiEmojiPicker;
  }
}
