/**
 * @rai-kit/core/bridge — the postMessage protocol between a host page and a guest iframe:
 * versioned envelope, handshake from either side with origin and source checks, a private
 * MessageChannel port, calls with ids and timeouts, events, heartbeat and re-handshake, and a
 * queue for everything sent before the connection is up. Framework-free. See README.md.
 */
export { connectToGuest, connectToHost, type CommonOptions, type GuestOptions, type HostOptions } from './handshake.js';
export {
  DEFAULT_TIMEOUTS,
  type CallOptions,
  type Connection,
  type ConnectionState,
  type EventHandler,
  type MessageContext,
  type MethodHandler,
  type Methods,
  type Timeouts,
} from './connection.js';
export { BridgeError, type BridgeErrorCode, type WireError } from './errors.js';
export { compileOrigins, type OriginMatcher } from './origin.js';
export { PROTOCOL, VERSION } from './envelope.js';
export {
  GUEST_EVENTS,
  GUEST_NOTIFICATIONS,
  HOST_EVENTS,
  HOST_METHODS,
  type FrameContext,
  type GuestNotification,
  type NavigateRequest,
  type PostMessageRequest,
} from './kit-protocol.js';
export {
  FRAME_API_META,
  FRAME_PATH,
  FRAME_WIDGETS,
  frameDocumentHtml,
  frameUrl,
  isFrameWidget,
  parseFrameRequest,
  type FrameRequest,
  type FrameWidget,
} from './widget-frame.js';
