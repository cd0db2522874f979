import { ApiError } from './http/api-error.js';

/**
 * Message ids: the one place they are made and read. An id is `m_` and the message's
 * sequence number in its channel, zero-padded, so ids sort in creation order and double as
 * history cursors (`before` / `after`). `m_00000000` is the position before the first message.
 */

const ID = /^m_(\d{8})$/;

/** The id of the message with sequence number `seq` (≥ 0) in its channel. */
export function messageId(seq: number): string {
  return `m_${String(seq).padStart(8, '0')}`;
}

/** The sequence number in `id`, or `null` when it is not a message id. */
export function messageSeq(id: string): number | null {
  const match = ID.exec(id);
  return match ? Number(match[1]) : null;
}

/** {@link messageSeq} for a cursor parameter: 400 `invalid_request` naming `param` when it is not an id. */
export function decodeMessageCursor(cursor: string, param: string): number {
  const seq = messageSeq(cursor);
  if (seq !== null) return seq;
  const message = `Invalid "${param}": pass a message id, meta.prevCursor or meta.nextCursor unchanged.`;
  throw new ApiError(400, 'invalid_request', message, { details: [{ path: param, message }] });
}
