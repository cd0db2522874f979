// A lazy chunk for import-chunk.test.ts: tells the test which URL the browser loaded it from.
export const url = import.meta.url;
