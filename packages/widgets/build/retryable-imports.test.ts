import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { rollup, type OutputChunk } from 'rollup';
import { buildWidgets } from './cdn.js';
import { entryLoad } from './chunk-graph.js';
import { retryableImports } from './retryable-imports.js';
import { typescript } from './rollup-plugins.js';

const run = promisify(execFile);
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

/** A built `import()` that goes through the helper: `h(u=>import(u("./path")) …`, minified or not. */
const throughHelper = /[\w$]+\(\(?([\w$]+)\)? => import\(\1\(['"]([^'"]+)['"]\)\)|[\w$]+\(([\w$]+)=>import\(\3\("([^"]+)"\)\)/g;
const helperPaths = (code: string) => [...code.matchAll(throughHelper)].map((match) => match[2] ?? match[4]);
const allImports = (code: string) => code.match(/\bimport\(/g)?.length ?? 0;

describe('a small bundle', () => {
  let dir: string;
  let chunks: OutputChunk[];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rai-kit-retryable-'));
    const source = {
      'entry.js': [
        "import { common } from './common.js';",
        "export const lazy = () => import('./lazy.js');",
        // Put in one chunk with common.js below: Rollup picks the module out with `.then(…)`.
        "export const grouped = () => import('./grouped.js');",
        'export const byName = (specifier) => import(specifier);',
        "export const outside = () => import('node:path');",
        'export { common };',
      ].join('\n'),
      'lazy.js': 'export const url = import.meta.url;',
      'grouped.js': "export const grouped = 'grouped';",
      'common.js': "export const common = 'common';",
    };
    for (const [name, code] of Object.entries(source)) await writeFile(join(dir, name), code);
    const bundle = await rollup({ input: join(dir, 'entry.js'), external: ['node:path'], plugins: [typescript(TSCONFIG), retryableImports()] });
    const { output } = await bundle.write({
      dir: join(dir, 'out'),
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: (id) => (/(grouped|common)\.js$/.test(id) ? 'group' : null),
    });
    await bundle.close();
    chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const entry = () => chunks.find((chunk) => chunk.isEntry)!;
  const chunkOf = (name: string) => chunks.find((chunk) => chunk.name === name)!;

  test('each import() of a module of the bundle goes through the helper; import(expr) and external ones stay as written', () => {
    const { code } = entry();
    assert.deepEqual(helperPaths(code), [`./${chunkOf('lazy').fileName}`, `./${chunkOf('group').fileName}`]);
    assert.match(code, /\(specifier\) => import\(specifier\)/);
    assert.match(code, /const outside = \(\) => import\('node:path'\)/);
    assert.equal(allImports(code), 4);
  });

  test('the built entry runs: lazy chunks load, also one Rollup picks out of a bigger chunk, and retry after a failure', async () => {
    // In a plain Node: tsx, which runs the tests, drops the query of a file URL it resolves.
    const lazyFile = join(dir, 'out', chunkOf('lazy').fileName);
    const script = [
      "import { rename } from 'node:fs/promises';",
      `const built = await import(${JSON.stringify(pathToFileURL(join(dir, 'out', entry().fileName)).href)});`,
      'const grouped = (await built.grouped()).grouped;',
      // A failed load (the file is missing), then the same call once it is back.
      `await rename(${JSON.stringify(lazyFile)}, ${JSON.stringify(`${lazyFile}.away`)});`,
      'const failed = await built.lazy().then(() => false, () => true);',
      `await rename(${JSON.stringify(`${lazyFile}.away`)}, ${JSON.stringify(lazyFile)});`,
      'const lazy = await built.lazy();',
      'const reused = (await built.lazy()) === lazy;',
      'console.log(JSON.stringify({ common: built.common, grouped, failed, retried: new URL(lazy.url).search, reused }));',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script]);
    assert.deepEqual(JSON.parse(stdout), { common: 'common', grouped: 'grouped', failed: true, retried: '?retry=1', reused: true });
  });
});

describe('the CDN build', () => {
  let outdir: string;
  let files: Map<string, string>;
  let outputs: Awaited<ReturnType<typeof buildWidgets>>;
  before(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'rai-kit-cdn-'));
    outputs = await buildWidgets(outdir);
    files = new Map(await Promise.all(Object.keys(outputs).map(async (path) => [path, await readFile(path, 'utf8')] as const)));
  });
  after(() => rm(outdir, { recursive: true, force: true }));

  test('every import() of a lazy chunk (or of an entry, from the frame document) goes through the helper', () => {
    let lazy = 0;
    for (const [path, { imports }] of Object.entries(outputs)) {
      const code = files.get(path)!;
      const expected = imports
        .filter((child) => child.kind === 'dynamic-import')
        .map((child) => relative(dirname(path), child.path))
        .map((target) => (target.startsWith('.') ? target : `./${target}`));
      assert.deepEqual(helperPaths(code).sort(), expected.sort(), path);
      assert.equal(allImports(code), expected.length, `${path} has no other import()`);
      lazy += expected.length;
    }
    assert.ok(lazy >= 20, `the build's import()s are all found (${lazy})`);
  });

  test("the helper is in one shared chunk, in every widget's first load", () => {
    const withHelper = [...files].filter(([, code]) => code.includes('?retry=')).map(([path]) => path);
    assert.equal(withHelper.length, 1, `one chunk has the helper: ${withHelper.join(', ')}`);
    for (const entry of ['rai-leaderboard', 'rai-xp-tier', 'rai-chat-channel', 'rai-store', 'rai-frame', 'frame']) {
      const { firstLoad } = entryLoad(outputs, relative(process.cwd(), join(outdir, `${entry}.js`)));
      assert.ok(firstLoad.includes(withHelper[0]!), `${entry} loads it first`);
    }
  });
});
