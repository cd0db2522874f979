/**
 * The two Rollup plugins the CDN build needs beyond module resolution, both thin wrappers over
 * esbuild (already the project's compiler for tests and the loader): TypeScript in, minified
 * ES2022 out. Rollup only groups and orders the modules (see kit-chunks.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { transform } from 'esbuild';
import type { Plugin } from 'rollup';

/**
 * Compiles the kit's TypeScript with the repository's tsconfig (`useDefineForClassFields:
 * false`, which Lit's reactive fields need), as tsc and the test runner do. Sources import each other
 * as `./x.js` (TypeScript's convention for ES modules); Rollup's node resolution does not map
 * that to `./x.ts`, so this plugin does, for relative imports whose `.ts` file exists.
 */
export function typescript(tsconfig: string): Plugin {
  const tsconfigRaw = readFileSync(tsconfig, 'utf8');
  return {
    name: 'rai-kit:typescript',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const ts = resolve(dirname(importer), `${source.slice(0, -'.js'.length)}.ts`);
      return existsSync(ts) ? ts : null;
    },
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const result = await transform(code, { loader: 'ts', format: 'esm', target: 'es2022', tsconfigRaw, sourcefile: id });
      return { code: result.code, map: null };
    },
  };
}

/**
 * Minifies every chunk after Rollup has linked them (so names across the whole chunk are
 * mangled) and moves licence comments to `<chunk>.js.LEGAL.txt` beside it, as esbuild's
 * `legalComments: 'external'` does for a bundle, instead of into every download.
 */
export function minifyWithLegalFiles(): Plugin {
  // Keyed by the chunk's preliminary file name: the hash is only known after rendering.
  const legal = new Map<string, string>();
  return {
    name: 'rai-kit:minify',
    async renderChunk(code, chunk) {
      const result = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'external' });
      if (result.legalComments) legal.set(chunk.fileName, result.legalComments);
      return { code: result.code, map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const comments = chunk.type === 'chunk' ? legal.get(chunk.preliminaryFileName) : undefined;
        if (comments) this.emitFile({ type: 'asset', fileName: `${chunk.fileName}.LEGAL.txt`, source: comments });
      }
    },
  };
}
