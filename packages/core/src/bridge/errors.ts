/**
 * The one error type the bridge throws or rejects with. Remote failures arrive as plain
 * `{ code, message, data }` records and are rebuilt here: callers never see a raw object.
 */

/** Every `BridgeError.code`. */
export type BridgeErrorCode =
  /** A call got no answer within its `timeoutMs`. */
  | 'timeout'
  /** No handshake within `timeouts.connectMs` (and no better explanation was seen). */
  | 'connect_timeout'
  /** The peer answered from an origin the allow-list refuses, or the allow-list itself is refused (`*` when sensitive). */
  | 'refused_origin'
  /** The peer speaks another protocol version. */
  | 'version_mismatch'
  /** The connection was closed locally (`close()`), or the peer closed it for good. */
  | 'closed'
  /** The port died (peer reloaded, navigated or stopped answering) while the call was in flight; not retried, calls are not assumed idempotent. */
  | 'disconnected'
  /** The remote handler threw; `remoteCode`, `message` and `data` say what it threw. */
  | 'remote_error'
  /** The remote side exposes no such method. */
  | 'method_not_found'
  /** A payload over `maxMessageBytes` (refused before sending, or by the receiver). */
  | 'too_large'
  /** A payload the structured-clone algorithm cannot copy (functions, DOM nodes…). */
  | 'not_cloneable'
  /** Bad options passed to `connectToGuest`/`connectToHost`. */
  | 'invalid_config';

export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  readonly code: BridgeErrorCode;
  /** Extra detail: for `remote_error` the handler's own `data`; for `refused_origin` the origin seen; … */
  readonly data: unknown;
  /** For `remote_error`: the `code` the remote handler's error carried (`'error'` when it had none). */
  readonly remoteCode: string | undefined;

  constructor(code: BridgeErrorCode, message: string, options: { data?: unknown; remoteCode?: string } = {}) {
    super(message);
    this.code = code;
    this.data = options.data;
    this.remoteCode = options.remoteCode;
  }
}

/** What travels on the wire for a failed call. */
export interface WireError {
  code: string;
  message: string;
  data?: unknown;
}

const MAX_MESSAGE_CHARS = 2_000;
const MAX_CODE_CHARS = 100;

/** Turns whatever a handler threw into a cloneable `{ code, message, data }`. */
export function toWireError(thrown: unknown): WireError {
  if (thrown instanceof BridgeError) {
    const code = thrown.code === 'remote_error' ? (thrown.remoteCode ?? 'error') : thrown.code;
    return withData({ code, message: thrown.message }, thrown.data);
  }
  if (thrown instanceof Error) {
    const own = (thrown as { code?: unknown; data?: unknown }).code;
    const code = typeof own === 'string' && own ? own.slice(0, MAX_CODE_CHARS) : 'error';
    return withData({ code, message: thrown.message.slice(0, MAX_MESSAGE_CHARS) }, (thrown as { data?: unknown }).data);
  }
  if (typeof thrown === 'string') return { code: 'error', message: thrown.slice(0, MAX_MESSAGE_CHARS) };
  return { code: 'error', message: 'remote handler failed' };
}

function withData(error: WireError, data: unknown): WireError {
  return data === undefined ? error : { ...error, data };
}

/** Rebuilds a typed local error from a (shape-checked) wire error. */
export function fromWireError(error: WireError, method: string): BridgeError {
  if (error.code === 'method_not_found' || error.code === 'too_large' || error.code === 'not_cloneable') {
    return new BridgeError(error.code, error.message, { data: error.data });
  }
  return new BridgeError('remote_error', error.message || `remote ${method} failed`, {
    data: error.data,
    remoteCode: error.code,
  });
}
