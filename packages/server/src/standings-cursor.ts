import { base64url } from 'jose';
import type { LeaderboardEntry, StandingsEventData } from '@rai-kit/core/api';
import { ApiError } from './http/api-error.js';
import type { RankedEntry, StandingKey, StandingsBatch } from './upstream/upstream.js';

/**
 * Standings cursors: the one place they are made and read. A cursor is an opaque base64url
 * wrap of a position in the board's order (`{ s: score, u: userId }`), not of an offset, so
 * it stays meaningful while ranks move and after its member has moved on.
 */

/** The cursor of a position. */
export function encodeStandingsCursor({ score, userId }: StandingKey): string {
  return base64url.encode(JSON.stringify({ s: score, u: userId }));
}

/** The position in a cursor; 400 `invalid_request` naming `param` when it is not one the API issued. */
export function decodeStandingsCursor(cursor: string, param: string): StandingKey {
  try {
    const { s, u } = JSON.parse(new TextDecoder().decode(base64url.decode(cursor))) as { s?: unknown; u?: unknown };
    if (typeof s === 'number' && Number.isSafeInteger(s) && s >= 0 && typeof u === 'string' && u.length <= 200) {
      return { score: s, userId: u };
    }
  } catch {
    // Falls through: any decoding failure is the same client error.
  }
  const message = `Invalid "${param}": pass an entry's cursor, meta.nextCursor or meta.prevCursor unchanged.`;
  throw new ApiError(400, 'invalid_request', message, { details: [{ path: param, message }] });
}

/** The entry with its cursor. */
export function withCursor(entry: RankedEntry): LeaderboardEntry {
  return { ...entry, cursor: encodeStandingsCursor({ score: entry.score, userId: entry.user.id }) };
}

/** The `standings.changed` payload of a batch: each change with the cursor of its new position. */
export function standingsEventData({ period, changes }: StandingsBatch): StandingsEventData {
  return {
    period,
    changes: changes.map((change) => ({
      ...change,
      cursor: change.rank === null ? null : encodeStandingsCursor({ score: change.score, userId: change.user.id }),
    })),
  };
}
