import { base64url } from 'jose';
import { z } from '@hono/zod-openapi';
import type { Page, PageRequest } from './upstream/upstream.js';

/** Default and maximum page size of every collection. */
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** Query parameters of every paged collection, for route definitions (validation + OpenAPI). */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .default(DEFAULT_PAGE_LIMIT)
    .openapi({ description: `Page size, 1..${MAX_PAGE_LIMIT}.` }),
  cursor: z.string().min(1).optional().openapi({ description: '`meta.nextCursor` of the previous page, unchanged.' }),
});

/** A cursor the server did not issue (or that was altered); the API answers 400. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('Invalid cursor: pass meta.nextCursor from the previous page unchanged.');
  }
}

/** Wraps a position in an opaque base64url cursor, so clients cannot depend on what is inside. */
export function encodeCursor(position: number): string {
  return base64url.encode(JSON.stringify({ p: position }));
}

/** @throws InvalidCursorError */
export function decodeCursor(cursor: string): number {
  try {
    const { p } = JSON.parse(new TextDecoder().decode(base64url.decode(cursor))) as { p?: unknown };
    if (typeof p === 'number' && Number.isSafeInteger(p) && p >= 0) return p;
  } catch {
    // Falls through: any decoding failure is the same client error.
  }
  throw new InvalidCursorError();
}

/** Pages an in-memory list by offset cursor. */
export function pageOf<T>(items: readonly T[], { cursor, limit }: PageRequest): Page<T> {
  const start = cursor === undefined ? 0 : decodeCursor(cursor);
  if (start > items.length) throw new InvalidCursorError();
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? encodeCursor(end) : null };
}
