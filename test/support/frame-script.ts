/**
 * The widget frame document's script for the browser tests: the CDN build itself (what a
 * partner's frame loads), built into a temporary folder and served by the test API server
 * under FRAME_SCRIPT_PREFIX, so the frame document and its script share the API's origin.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { buildCdn } from '../../packages/widgets/build/cdn.js';

export const FRAME_SCRIPT_PREFIX = '/test-cdn/';

/** Builds the CDN folder; answers the frame script's URL, a reader of the folder's JS files by URL path, and its removal. */
export async function buildFrameScript(): Promise<{ scriptUrl: string; read: (path: string) => Promise<string | undefined>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rai-kit-test-cdn-'));
  await buildCdn(dir);
  const read = async (path: string) => {
    if (!path.startsWith(FRAME_SCRIPT_PREFIX) || !path.endsWith('.js')) return undefined;
    const file = normalize(join(dir, path.slice(FRAME_SCRIPT_PREFIX.length)));
    if (!file.startsWith(dir)) return undefined;
    return readFile(file, 'utf8').catch(() => undefined);
  };
  return { scriptUrl: `${FRAME_SCRIPT_PREFIX}frame.js`, read, remove: () => rm(dir, { recursive: true, force: true }) };
}
