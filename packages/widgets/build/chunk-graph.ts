/**
 * What a page downloads for one entry of a split build, read from its output graph: the shape
 * of esbuild's metafile `outputs`, which cdn.ts also produces from Rollup's bundle.
 */
export interface ChunkOutputs {
  [path: string]: { imports: { path: string; kind: string; external?: boolean }[] };
}

export interface EntryLoad {
  /** The entry and every chunk it imports statically, transitively: what loads before it runs. */
  firstLoad: string[];
  /** Chunks reachable only through `import()`: fetched later, on demand. */
  lazy: string[];
}

const isStatic = (kind: string) => kind === 'import-statement';

function closure(outputs: ChunkOutputs, starts: string[], follow: (kind: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const pending = [...starts];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const child of outputs[path]?.imports ?? []) if (!child.external && follow(child.kind)) pending.push(child.path);
  }
  return seen;
}

export function entryLoad(outputs: ChunkOutputs, entry: string): EntryLoad {
  if (!outputs[entry]) throw new Error(`${entry} is not an output of this build`);
  const firstLoad = closure(outputs, [entry], isStatic);
  const everything = closure(outputs, [entry], (kind) => isStatic(kind) || kind === 'dynamic-import');
  return {
    firstLoad: [...firstLoad].sort(),
    lazy: [...everything].filter((path) => !firstLoad.has(path)).sort(),
  };
}
