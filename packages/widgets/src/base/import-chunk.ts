/**
 * Retry for the CDN build's lazy chunks: after an `import()` of a chunk failed (offline for a
 * moment, a 5xx), the next attempt asks for `chunk.js?retry=N`, a URL no module map has seen.
 *
 * Why: until whatwg/html PR #10327 (issue #6768, WPT #55505) the HTML spec kept a failed module
 * fetch in the document's module map, so a second `import()` of the same URL fails at once,
 * without fetching: every widget's Retry would keep failing until a reload. Checked on 2026-11-24
 * with a chunk that answered 503 once: Chromium 156 fetches it again, Firefox 153 ESR rejects the
 * second `import()` without a request and loads `?retry=1`. The loader does the same for widget
 * entries (loader.ts).
 *
 * Nothing in src/ calls this: the CDN build's Rollup plugin (build/retryable-imports.ts)
 * renders each `import('./chunks/x.js')` as `importChunk((url) => import(url('./chunks/x.js')),
 * import.meta.url)`. The npm build keeps plain `import()`s for the consumer's bundler.
 */

/** Failed attempts per chunk URL (absolute, without `retry`). */
const failures = new Map<string, number>();

/**
 * Runs `load`, which imports `url(specifier)`: `specifier` resolved against `base` (the
 * importing chunk's URL), with `?retry=N` once N attempts at it failed. A chunk that loaded stays
 * at its URL, so later calls reuse the module.
 */
export function importChunk<T>(load: (url: (specifier: string) => string) => Promise<T>, base: string): Promise<T> {
  // Set by `url`. A target in the importer's own chunk needs no import(): `url` is never called,
  // and nothing can fail.
  let chunk = '';
  let failed = 0;
  return load((specifier) => {
    // Rollup's chunk paths have no query of their own.
    chunk = new URL(specifier, base).href;
    failed = failures.get(chunk) ?? 0;
    return failed ? `${chunk}?retry=${failed}` : chunk;
  }).catch((error: unknown) => {
    failures.set(chunk, failed + 1);
    throw error;
  });
}
