/** Chat: one channel's calls, its loaded history, the outbox and text segmentation, shared by every client. */
export { ChannelApi, type MessagePage, type PageQuery } from './channel-api.js';
export { newMessageKey } from './message-key.js';
export { MessageLog, type ApplyResult, type MessageLogOptions } from './message-log.js';
export {
  Outbox,
  type Connectivity,
  type OutboxItem,
  type OutboxOptions,
  type OutboxStatus,
  type SendAttempt,
} from './outbox.js';
export { defaultStorage, readStoredItems, writeStoredItems, type OutboxStorage } from './outbox-storage.js';
export { segmentText, stripBidiControls, type TextSegment } from './text-segments.js';
export { EMOJI, REACTION_CHOICES } from './emoji.js';
export { uploadImage, type UploadOptions } from './upload.js';
