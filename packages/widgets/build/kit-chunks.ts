/**
 * Which shared chunk a module of the CDN build goes to (Rollup's `manualChunks`).
 *
 * Every file of a split build is compressed on its own and costs a request, so a widget that
 * needs a dozen small shared chunks pays for a dozen gzip dictionaries restarting from nothing.
 * Grouping what the widgets share into two files brings a widget's first load from 9–14 files
 * down to 3–6, while a page with several widgets still downloads each module once:
 *
 * - `kit-core`: what most of the four data widgets need before they render (Lit, the base
 *   classes, data loading, auth, realtime, the shared styles and catalogue).
 * - `kit-api`: the part of that which the widget frame document also needs at first load (the
 *   API client and its errors; no Lit), so the frame document does not fetch Lit before it knows
 *   which widget to run. `kit-core` imports it; it imports nothing of `kit-core`.
 *
 * Everything else (code only two widgets share, lazy code, locale catalogues) is left to Rollup,
 * which puts it in a chunk per set of entries that need it.
 */
import type { GetManualChunk, GetModuleInfo } from 'rollup';

/**
 * How many of the data widgets must need a module at first load for it to join `kit-core` (or `kit-api`).
 * Three of four: measured, also moving what only two share (the avatar's ref directive, a date
 * formatter) made the other two widgets 0.6–0.9 kB gzip larger and saved the two at most 0.5 kB.
 */
const KIT_CORE_MIN_WIDGETS = 3;

export interface KitEntries {
  /** Module ids of the data widgets' entries (the `define/` modules). */
  widgets: string[];
  /** Module id of the widget frame document's entry. */
  frameDocument: string;
}

/** Modules an entry imports statically, transitively: what runs before the entry does. */
function firstLoad(entry: string, moduleInfo: GetModuleInfo): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(moduleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

export function kitChunks({ widgets, frameDocument }: KitEntries): GetManualChunk {
  // Rollup calls this once per module of one build; the module graph is complete by then.
  let graph: { widgets: Set<string>[]; frameDocument: Set<string> } | undefined;
  return (id, { getModuleInfo }) => {
    graph ??= { widgets: widgets.map((entry) => firstLoad(entry, getModuleInfo)), frameDocument: firstLoad(frameDocument, getModuleInfo) };
    const neededBy = graph.widgets.filter((load) => load.has(id)).length;
    if (neededBy < KIT_CORE_MIN_WIDGETS) return null;
    return graph.frameDocument.has(id) ? 'kit-api' : 'kit-core';
  };
}
