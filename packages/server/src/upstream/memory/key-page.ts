import { base64url } from 'jose';
import { InvalidCursorError } from '../../pagination.js';
import type { Page, PageRequest } from '../upstream.js';

/** A sort key: a number, then a string to break ties. */
export type SortKey = readonly [number, string];

/** `a` before `b`: negative; the same key: 0. */
export function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function encodeKey([n, s]: SortKey): string {
  return base64url.encode(JSON.stringify([n, s]));
}

/** @throws InvalidCursorError */
function decodeKey(cursor: string): SortKey {
  try {
    const value = JSON.parse(new TextDecoder().decode(base64url.decode(cursor))) as unknown;
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return [value[0] as number, value[1]];
    }
  } catch {
    // Falls through: any decoding failure is the same client error.
  }
  throw new InvalidCursorError();
}

/**
 * Pages `items`, sorted ascending by `keyOf`, with a cursor that holds the last key returned
 * rather than an offset: the next page starts after that key even when items were added or
 * removed in between (a new order on a member's list does not shift their next page).
 */
export function pageByKey<T>(items: readonly T[], keyOf: (item: T) => SortKey, { cursor, limit }: PageRequest): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    const after = decodeKey(cursor);
    // Binary search: the first item whose key sorts after the cursor's.
    let high = items.length;
    while (start < high) {
      const mid = (start + high) >>> 1;
      if (compareKeys(keyOf(items[mid]!), after) <= 0) start = mid + 1;
      else high = mid;
    }
  }
  const page = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { items: page, nextCursor: more ? encodeKey(keyOf(page.at(-1)!)) : null };
}
