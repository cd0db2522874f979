/**
 * The CDN folder (dist/cdn/): `rai-kit.js` (the loader, built alone so it imports nothing),
 * `rai-kit-stub.js` (classic script), one stable-named entry per widget (the names the loader
 * imports), the widget frame document (`frame.js` + `frame.html`), and shared/lazy chunks under
 * chunks/ with content hashes (cached forever).
 *
 * The widgets are bundled by Rollup, for one feature esbuild lacks: choosing the shared chunks
 * (kit-chunks.ts). esbuild's automatic splitting gave each widget 9–14 first-load files, each
 * compressed on its own; with `kit-core` + `kit-api` a widget loads 3–7. esbuild still
 * compiles the TypeScript and minifies (rollup-plugins.ts), and builds the loader and the stub.
 * In between, lit-templates.ts minifies the text of Lit's html`` and css`` templates, which
 * esbuild's minifier leaves as written.
 * retryable-imports.ts sends every lazy chunk's `import()` through a helper that retries with a
 * fresh URL, as the loader does for the entries.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build, type BuildOptions } from 'esbuild';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import { frameDocumentHtml } from '@rai-kit/core/bridge';
import type { ChunkOutputs } from './chunk-graph.js';
import { kitChunks } from './kit-chunks.js';
import { minifyLitTemplates } from './lit-templates.js';
import { retryableImports } from './retryable-imports.js';
import { minifyWithLegalFiles, typescript } from './rollup-plugins.js';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
export const CDN_DIR = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
// Our packages from source, everything else (Lit) from its production build (the default
// export condition; Lit's development build needs `development`).
const CONDITIONS = ['rai-kit-source'];

const WIDGETS = {
  'rai-leaderboard': src('define/leaderboard.ts'),
  'rai-xp-tier': src('define/xp-tier.ts'),
  'rai-chat-channel': src('define/chat-channel.ts'),
  'rai-store': src('define/store.ts'),
};
const FRAME_DOCUMENT = src('iframe-mode/frame-document.ts');

/** The loader and the stub: one self-contained file each, so esbuild alone. */
const single: BuildOptions = {
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  tsconfig: TSCONFIG,
  conditions: CONDITIONS,
  legalComments: 'external',
  metafile: true,
  logLevel: 'warning',
};

/**
 * Bundles the widget entries and the frame document into `outdir`. `before` runs ahead of the
 * build's own plugins: the size bench uses it to price modules by building without them.
 */
export async function buildWidgets(outdir: string, before: Plugin[] = []): Promise<ChunkOutputs> {
  const bundle = await rollup({
    input: { ...WIDGETS, 'rai-frame': src('define/frame.ts'), frame: FRAME_DOCUMENT },
    plugins: [...before, typescript(TSCONFIG), minifyLitTemplates(), retryableImports(), nodeResolve({ exportConditions: CONDITIONS, browser: true })],
  });
  const { output } = await bundle.write({
    dir: outdir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks: await kitChunks(bundle, { widgets: Object.values(WIDGETS), frameDocument: FRAME_DOCUMENT }),
    // Only the modules kitChunks names: Rollup would otherwise add all their imports (see kit-chunks.ts).
    onlyExplicitManualChunks: true,
    plugins: [minifyWithLegalFiles()],
  });
  await bundle.close();
  // The same shape as esbuild's metafile `outputs`, paths relative to the working directory.
  const path = (fileName: string) => relative(process.cwd(), resolve(outdir, fileName));
  const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
  return Object.fromEntries(
    chunks.map((chunk) => [
      path(chunk.fileName),
      {
        imports: [
          ...chunk.imports.map((file) => ({ path: path(file), kind: 'import-statement' })),
          ...chunk.dynamicImports.map((file) => ({ path: path(file), kind: 'dynamic-import' })),
        ],
      },
    ]),
  );
}

/** Builds the folder from scratch (old hashed chunks removed) and returns every JS file's imports. */
export async function buildCdn(outdir = CDN_DIR): Promise<{ outputs: ChunkOutputs }> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const widgets = await buildWidgets(outdir);
  const loader = await build({ ...single, outdir, format: 'esm', entryPoints: { 'rai-kit': src('loader/rai-kit.ts') } });
  const stub = await build({ ...single, outdir, format: 'iife', entryPoints: { 'rai-kit-stub': src('loader/stub.ts') } });
  await writeFile(`${outdir}/frame.html`, frameDocumentHtml({ scriptUrl: './frame.js' }));
  return { outputs: { ...widgets, ...loader.metafile!.outputs, ...stub.metafile!.outputs } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCdn();
  console.log(`rai-kit: CDN build in ${CDN_DIR}`);
}
