/**
 * How an outbox keeps its pending items over a reload: a JSON array under its key. In a module
 * of its own because a widget writes there too (messages sent before the outbox's own code has
 * loaded), and must write exactly what the outbox reads back.
 */

/** Where pending items survive a page reload (sessionStorage in browsers). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `sessionStorage`, unless absent or forbidden (reading it throws in sandboxed iframes). */
export function defaultStorage(): OutboxStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** What is stored under `key`, unvalidated: an array, or empty when nothing (or nothing readable) is. */
export function readStoredItems(storage: OutboxStorage, key: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** Stores `items` under `key` (none: removes the key). Full or blocked storage is ignored: the items still live in memory. */
export function writeStoredItems(storage: OutboxStorage, key: string, items: readonly unknown[]): void {
  try {
    if (items.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(items));
  } catch {
    // Full or blocked storage: the items still live in memory for this page.
  }
}
