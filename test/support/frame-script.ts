/**
 * The widget frame document's script for the browser tests, bundled with esbuild the way a CDN
 * build ships it (production Lit, code split per widget) and served by the test API server at
 * FRAME_SCRIPT_PREFIX, so the frame document and its script share the API's origin.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const FRAME_SCRIPT_PREFIX = '/test-frame/';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles the frame document's entry; answers the files by URL path. */
export async function bundleFrameScript(): Promise<{ scriptUrl: string; files: Map<string, string> }> {
  const result = await build({
    entryPoints: { 'frame-document': 'packages/widgets/src/iframe-mode/frame-document.ts' },
    absWorkingDir: repoRoot,
    tsconfig: 'tsconfig.json',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    // Workspace packages from their TypeScript sources; Lit's production build.
    conditions: ['rai-kit-source', 'production'],
    outdir: 'frame-out',
    write: false,
    logLevel: 'warning',
  });
  const outdir = `${repoRoot}frame-out/`;
  const files = new Map(result.outputFiles.map((file) => [`${FRAME_SCRIPT_PREFIX}${file.path.slice(outdir.length)}`, file.text]));
  return { scriptUrl: `${FRAME_SCRIPT_PREFIX}frame-document.js`, files };
}
