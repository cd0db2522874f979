/**
 * Which shared chunk a module of the CDN build goes to (Rollup's `manualChunks`).
 *
 * Every file of a split build is compressed on its own and costs a request, so a widget that
 * needs a dozen small shared chunks pays for a dozen gzip dictionaries restarting from nothing.
 * Grouping what the widgets share into two files brings a widget's first load from 9–14 files
 * down to 3–7, while a page with several widgets still downloads each module once:
 *
 * - `kit-core`: what most of the four data widgets need before they render (Lit, the base
 *   classes, data loading, auth, realtime, the shared styles and catalogue).
 * - `kit-api`: the part of that which the widget frame document also needs at first load (the
 *   API client and its errors; no Lit), so the frame document does not fetch Lit before it knows
 *   which widget to run. `kit-core` imports it; it imports nothing of `kit-core`.
 *
 * Everything else (code only two widgets share, lazy code, locale catalogues) is left to Rollup,
 * which puts it in a chunk per set of entries that need it.
 *
 * What an entry "needs" is read from Rollup's own split of the same bundle (a first `generate`
 * without manual chunks), not from the import statements: a widget that imports one name from a
 * barrel (`@rai-kit/core/api`) does not need the barrel's other modules, and Rollup knows which
 * module each used name comes from. Build with `onlyExplicitManualChunks`, or Rollup pulls every
 * static import of a kit module (barrels included) into the kit chunk anyway. Measured against
 * reading import statements (gzip, each widget alone): leaderboard −0.4 kB, xp-tier −0.5, store
 * −0.4, chat −0.1, all four unchanged, the frame document −0.4: the other widgets' API paths
 * (core/src/api/paths/, one module per area for this), the chat's types and its `@query`
 * decorator no longer load with every widget.
 */
import type { GetManualChunk, OutputChunk, RollupBuild } from 'rollup';

/**
 * How many of the data widgets must need a module at first load for it to join `kit-core` (or `kit-api`).
 * Three of four, measured: also moving what only two share (the avatar, a date
 * formatter; then also Lit's ref directive) made the other two widgets 0.6–0.9 kB gzip larger and saved the two at most 0.5 kB;
 * keeping only what all four need saved xp-tier 0.04 kB and cost the three others 0.1 kB each.
 */
const KIT_CORE_MIN_WIDGETS = 3;

export interface KitEntries<T = string> {
  /** Per data widget (the `define/` modules). */
  widgets: T[];
  /** The widget frame document's. */
  frameDocument: T;
}

/** The kit chunks of modules, given the modules each entry loads before it runs. */
export function kitChunksOf({ widgets, frameDocument }: KitEntries<ReadonlySet<string>>): GetManualChunk {
  return (id) => {
    const neededBy = widgets.filter((load) => load.has(id)).length;
    if (neededBy < KIT_CORE_MIN_WIDGETS) return null;
    return frameDocument.has(id) ? 'kit-api' : 'kit-core';
  };
}

/**
 * The modules each entry (a module id) loads before it runs: those of the chunks it imports
 * statically, transitively, when Rollup splits `bundle` by itself.
 */
export async function firstLoads(bundle: RollupBuild, entries: string[]): Promise<Set<string>[]> {
  const { output } = await bundle.generate({ format: 'es' });
  const chunks = new Map(output.filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  return entries.map((entry) => {
    const start = [...chunks.values()].find((chunk) => chunk.facadeModuleId === entry);
    if (!start) throw new Error(`${entry} is not an entry of this bundle`);
    const modules = new Set<string>();
    const seen = new Set<string>();
    const pending = [start.fileName];
    while (pending.length > 0) {
      const chunk = chunks.get(pending.pop()!)!;
      if (seen.has(chunk.fileName)) continue;
      seen.add(chunk.fileName);
      for (const id of Object.keys(chunk.modules)) modules.add(id);
      pending.push(...chunk.imports);
    }
    return modules;
  });
}

/** `manualChunks` for `bundle`, whose inputs include the entries. */
export async function kitChunks(bundle: RollupBuild, { widgets, frameDocument }: KitEntries): Promise<GetManualChunk> {
  const loads = await firstLoads(bundle, [...widgets, frameDocument]);
  return kitChunksOf({ widgets: loads.slice(0, -1), frameDocument: loads.at(-1)! });
}
