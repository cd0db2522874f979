/**
 * Part 2 of the bridge bench: what each side of each iframe library costs a page. One esbuild
 * bundle per side (minified ES module for browsers, production builds, as a partner's bundler
 * would ship it), then gzip and brotli at their highest levels. Node side only.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { bundle } from './page-server.js';

export interface SideSize {
  library: string;
  side: 'host' | 'guest';
  /** The entry bundled: what a page of that side imports. */
  entry: string;
  /** Why this entry, when it is not the obvious one. */
  note?: string;
  minifiedBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

interface Side {
  library: string;
  side: 'host' | 'guest';
  entry: string;
  note?: string;
}

const PENPAL = "export { connect, WindowMessenger } from 'penpal';";
const POST_ROBOT = "export { default } from 'post-robot';";
const SIDES: Side[] = [
  { library: 'rai-kit bridge', side: 'host', entry: "export { connectToGuest } from '@rai-kit/core/bridge';" },
  { library: 'rai-kit bridge', side: 'guest', entry: "export { connectToHost } from '@rai-kit/core/bridge';" },
  { library: 'penpal', side: 'host', entry: PENPAL, note: 'one API for both sides' },
  { library: 'penpal', side: 'guest', entry: PENPAL, note: 'one API for both sides' },
  { library: 'post-robot', side: 'host', entry: POST_ROBOT, note: 'one build for both sides' },
  { library: 'post-robot', side: 'guest', entry: POST_ROBOT, note: 'one build for both sides' },
  // zoid's main entry picks one of these two by `process.env.ZOID_FRAME_ONLY` at run time, so a bundler keeps both.
  { library: 'zoid', side: 'host', entry: "export { default } from 'zoid/dist/zoid.js';", note: 'full build' },
  { library: 'zoid', side: 'guest', entry: "export { default } from 'zoid/dist/zoid.frame.js';", note: 'frame-only build (ZOID_FRAME_ONLY)' },
  // Its host side is another package (@iframe-resizer/parent), not installed here.
  { library: '@iframe-resizer/child', side: 'guest', entry: "import '@iframe-resizer/child';", note: 'guest side only' },
];

export async function measureSizes(): Promise<SideSize[]> {
  const sizes: SideSize[] = [];
  for (const side of SIDES) {
    const code = Buffer.from(await bundle({ contents: side.entry }));
    const gzipped = await promisify(gzip)(code, { level: 9 });
    const brotli = await promisify(brotliCompress)(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    sizes.push({ ...side, minifiedBytes: code.length, gzipBytes: gzipped.length, brotliBytes: brotli.length });
  }
  return sizes;
}
