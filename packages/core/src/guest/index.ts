/**
 * @rai-kit/core/guest — the SDK for partner apps inside a community's iframe channel: the
 * frame's context, a channel-confined token, posting into the channel, resize and navigation
 * requests, notifications, all over `@rai-kit/core/bridge` and the kit protocol. See README.md.
 */
export { connectToHost, type HostSession, type HostSessionOptions } from './host-session.js';
export { hostTokenSource } from './host-token-source.js';
export { BridgeError, type BridgeErrorCode, type FrameContext, type GuestNotification } from '../bridge/index.js';
export type { TokenGrant } from '../auth/claims.js';
