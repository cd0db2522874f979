import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCdn } from './cdn.js';

// The real CDN build, into a folder of its own (dist/cdn may be in use by a running server).
let outdir: string;
let files: Map<string, string>;
before(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'rai-kit-cdn-'));
  const { outputs } = await buildCdn(outdir);
  const js = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  files = new Map(await Promise.all(js.map(async (path) => [path, await readFile(path, 'utf8')] as const)));
});
after(() => rm(outdir, { recursive: true, force: true }));

/** The one built file that contains `needle` (a module lands in exactly one chunk). */
function fileWith(needle: string): string {
  const found = [...files.values()].filter((code) => code.includes(needle));
  assert.equal(found.length, 1, `exactly one built file contains ${needle}`);
  return found[0]!;
}

test("the leaderboard's css`` and html`` templates ship without their source indentation", () => {
  const code = fileWith('--rai-leaderboard-row-height');
  assert.match(code, /:host\{--rai-leaderboard-row-height:/, 'its styles are minified');
  // esbuild puts the whole chunk on one line: a line break followed by indentation can only be
  // template text as written in the source.
  const indented = /\n[ \t]+\S.{0,40}/.exec(code);
  assert.equal(indented, null, `indented template text: ${JSON.stringify(indented?.[0])}`);
});

test('spaces that change meaning survive: calc() around + and -, text between an element and a binding', () => {
  const survives = (needle: string, spaced: string) => assert.ok(fileWith(needle).includes(spaced), `the build has ${JSON.stringify(spaced)}`);
  survives('--rai-leaderboard-row-height', 'padding-inline-start:calc(var(--_space) - 3px)');
  survives('rai-emoji-picker{', 'inset-block-end:calc(100% + 4px)');
  // An order's history line: "<time>…</time> — Shipped", not "…—Shipped".
  survives('</time> — ', '</time> — ${');
});
