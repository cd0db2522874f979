import { RaiChatChannel } from '../chat-channel/chat-channel.js';
import { RaiChatComposer } from '../chat-channel/composer.js';

// The channel renders the composer: one import registers both. The reaction picker
// registers itself when first opened (define/emoji-picker.ts).
RaiChatComposer.define('rai-chat-composer');
RaiChatChannel.define('rai-chat-channel');

declare global {
  interface HTMLElementTagNameMap {
    'rai-chat-channel': RaiChatChannel;
    'rai-chat-composer': RaiChatComposer;
  }
}
