/**
 * @rai-kit/widgets — importing this module defines nothing; import a `define/` module
 * (e.g. `@rai-kit/widgets/define/xp-tier`) to register a tag.
 */
export { RaiElement, type Theme } from './base/rai-element.js';
export { RaiWidget } from './base/rai-widget.js';
export type {
  RaiEventMap,
  ReadyDetail,
  ErrorDetail,
  TierChangeDetail,
  PeriodChangeDetail,
  MessageSentDetail,
  MessageFailedDetail,
  UnreadChangeDetail,
  PurchaseDetail,
  PurchaseFailedDetail,
  NavigateDetail,
  FrameErrorDetail,
} from './base/events.js';
export { RaiXpTier } from './xp-tier/xp-tier.js';
export { RaiLeaderboard } from './leaderboard/leaderboard.js';
export { RaiChatChannel } from './chat-channel/chat-channel.js';
export { RaiChatComposer, type ComposeDetail } from './chat-channel/composer.js';
export { RaiEmojiPicker, type EmojiPickDetail, type EmojiCloseDetail } from './chat-channel/emoji-picker.js';
export { RaiStore } from './store/store.js';
export { RaiStoreProductDialog } from './store/product-dialog.js';
export { RaiFrame, DEFAULT_SANDBOX } from './frame/frame.js';
export { LocaleController } from './i18n/locale-controller.js';
export type { Catalog } from './i18n/catalog.js';
export { AuthController } from './controllers/auth-controller.js';
export { EventStreamController } from './controllers/event-stream-controller.js';
export { RowWindowController, type RowWindow } from './controllers/row-window-controller.js';
export { lightTokens, darkTokens, sharedTokens, type TokenSet } from './themes/tokens.js';
export { VERSION } from './version.js';
