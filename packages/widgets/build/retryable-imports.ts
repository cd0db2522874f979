/**
 * Makes every lazy chunk of the CDN build retryable in every browser: each `import()` of a
 * module of the bundle goes through `importChunk` (src/base/import-chunk.ts, which says why),
 * which asks for `chunk.js?retry=N` after a failure instead of the URL a module map may keep
 * failing. The npm build does not use this: its `import('./x.js')`s stay for consumers' bundlers.
 *
 * Two steps, so that Rollup itself links the helper (its chunk, its name after deconflicting
 * and minifying) and keeps splitting at every `import()`:
 * - `transform` wraps each `import()` of a module of the bundle named by a string:
 *   `import('./x.js')` → `importChunk((url) => import('./x.js'), import.meta.url)`, with a
 *   static import of the helper (one module, so it lands in one shared chunk, kit-chunks.ts).
 * - `renderDynamicImport` turns each wrapped `import()` of a chunk into
 *   `import(url('./chunks/x-hash.js'))`: the path as Rollup resolved it, through the helper.
 *   Rollup appends what else it needs (`.then(n => n.x)` for a module inside a bigger chunk)
 *   after it, still inside the arrow; a target in the importer's own chunk, which Rollup renders
 *   without `import()`, simply never asks for a URL.
 * An `import()` of a specifier computed at run time, or of a module outside the bundle, is left
 * as written.
 *
 * Rollup documents a shorter way, rendering `import(` itself as a call of a helper (~12 B gzip
 * less per widget), but the helper must then be in scope under a name this plugin knows while
 * rendering, and the name an import gets in each chunk is Rollup's choice (deconflicted).
 * The price, measured: the helper ~85 B gzip in kit-api (every widget's first load), each
 * wrapped `import()` ~6 B more than a bare one.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'rollup';

const IMPORT_CHUNK = fileURLToPath(new URL('../src/base/import-chunk.ts', import.meta.url));

/** Names the wrapped code introduces: unlikely in a module, and checked (a clash fails the build). */
const HELPER = '__raiImportChunk';
const URL_PARAM = '__raiChunkUrl';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Every `import()` in `node` whose argument is a string Rollup resolves statically. */
function literalImports(node: Node, found: { node: Node; specifier: string }[] = []): { node: Node; specifier: string }[] {
  if (node.type === 'ImportExpression') {
    const source = node.source as Node;
    const quasis = source.quasis as { value: { cooked: string } }[] | undefined;
    const expressions = source.expressions as unknown[] | undefined;
    if (source.type === 'Literal' && typeof source.value === 'string') found.push({ node, specifier: source.value });
    else if (source.type === 'TemplateLiteral' && expressions?.length === 0) found.push({ node, specifier: quasis![0]!.value.cooked });
  }
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) literalImports(child, found);
  }
  return found;
}

export function retryableImports(): Plugin {
  /** `importer\0target` of each wrapped `import()`. */
  const wrapped = new Set<string>();
  return {
    name: 'rai-kit:retryable-imports',
    async transform(code, id) {
      if (!code.includes('import(')) return null;
      const internal: Node[] = [];
      for (const { node, specifier } of literalImports(this.parse(code) as unknown as Node)) {
        const target = await this.resolve(specifier, id);
        if (!target || target.external) continue;
        internal.push(node);
        wrapped.add(`${id}\0${target.id}`);
      }
      if (internal.length === 0) return null;
      for (const name of [HELPER, URL_PARAM]) if (code.includes(name)) this.error(`${id} already uses the name ${name}`);
      // From the end, so the offsets of the imports before stay valid.
      let out = code;
      for (const node of internal.sort((a, b) => b.start - a.start)) {
        const call = `${HELPER}((${URL_PARAM}) => ${code.slice(node.start, node.end)}, import.meta.url)`;
        out = out.slice(0, node.start) + call + out.slice(node.end);
      }
      return { code: `import { importChunk as ${HELPER} } from ${JSON.stringify(IMPORT_CHUNK)};\n${out}`, map: null };
    },
    renderDynamicImport({ moduleId, targetModuleId, targetChunk }) {
      if (!targetChunk || !wrapped.has(`${moduleId}\0${targetModuleId}`)) return null;
      return { left: `import(${URL_PARAM}(`, right: '))' };
    },
  };
}
