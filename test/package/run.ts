/**
 * The npm packages as a user gets them (`npm run test:package`): built, packed, installed from
 * the tarballs into a project outside the workspace (consumer.ts), then used by TypeScript, by
 * plain Node, by esbuild and in Chromium — with no `rai-kit-source` condition anywhere, so
 * everything resolves through the published `exports` to dist/. Not named *.test.ts: that
 * glob is web-test-runner's (browser tests).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';
import { launchChromium } from '../../scripts/chromium.js';
import { createConsumer, PACKAGES, sourceModules, type Consumer, type PackageName } from './consumer.js';

let consumer: Consumer;
before(async () => {
  consumer = await createConsumer();
}, { timeout: 120_000 });
after(() => consumer?.remove());

const names = Object.keys(PACKAGES) as PackageName[];

/** `dist/define/*.js` → a RegExp for the packed paths it names (`*` stays within one folder). */
function pattern(glob: string): RegExp {
  const body = glob.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${body}$`);
}

/** The files an `exports` map sends a user to: every condition but the workspace's own. */
function exportTargets(exports: Record<string, string | Record<string, string>>): string[] {
  return Object.values(exports).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : Object.entries(entry).filter(([condition]) => condition !== 'rai-kit-source').map(([, target]) => target),
  );
}

test('tarballs: dist and custom-elements.json, no sources, tests or build configs', () => {
  for (const name of names) {
    const { files } = consumer.packages[name];
    const stray = files.filter((file) => /^(src|test|build)\//.test(file) || /\.test\.|tsconfig|\.config\./.test(file));
    assert.deepEqual(stray, [], `${name}'s tarball holds files a user does not need`);
    for (const required of ['package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(required), `${name}'s tarball has its ${required}`);
  }
  assert.ok(consumer.packages['@rai-kit/widgets'].files.includes('custom-elements.json'), "@rai-kit/widgets' tarball has custom-elements.json");
});

test('tarballs: every exports target, every source module (.js + .d.ts) and every sideEffects entry is packed', async () => {
  for (const name of names) {
    const { files, manifest } = consumer.packages[name];
    const missing = exportTargets(manifest.exports).filter((target) => !files.some((file) => pattern(target).test(file)));
    assert.deepEqual(missing, [], `${name}: exports point at files the tarball lacks`);

    const modules = await sourceModules(name);
    const uncompiled = modules.filter((module) => !files.includes(`dist/${module}.js`) || !files.includes(`dist/${module}.d.ts`));
    assert.deepEqual(uncompiled, [], `${name}: source modules without dist/<module>.js and .d.ts in the tarball`);

    // Entries for src/ are for builds inside the workspace, which bundle the source; the published ones must name packed files.
    const sideEffects = Array.isArray(manifest.sideEffects) ? manifest.sideEffects.filter((entry) => !entry.startsWith('./src/')) : [];
    const dead = sideEffects.filter((entry) => !files.some((file) => pattern(entry).test(file)));
    assert.deepEqual(dead, [], `${name}: sideEffects entries that match no packed file`);
  }
});

// ── TypeScript ───────────────────────────────────────────────────────────────────────────────

const GOOD_TS = `
import { RaiLeaderboard as RootLeaderboard, RaiStore, VERSION } from '@rai-kit/widgets';
import { RaiLeaderboard } from '@rai-kit/widgets/leaderboard';
import '@rai-kit/widgets/define/store';
import { ApiError, WidgetApiClient, paths, type Me } from '@rai-kit/core/api';

// One class, through the package root and through its own entry.
const board: RaiLeaderboard = new RootLeaderboard();
board.limit = 10;
board.leaderboardId = 'weekly-xp';
// define/store declares the tag, so createElement knows its class.
const store: RaiStore = document.createElement('rai-store');
store.pageSize = 12;
const client = new WidgetApiClient({ apiUrl: 'https://api.example' });
export const me: Promise<Me> = client.get<Me>(paths.me('demo'));
export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.code === 'not_found';
export const version: string = VERSION;
`;

/** Each line marked `// TSnnnn` must be exactly that error: with \`any\` types none would be one. */
const BAD_TS = `
import { RaiLeaderboard } from '@rai-kit/widgets/leaderboard';
import '@rai-kit/widgets/define/store';
import { ApiError, WidgetApiClient, paths } from '@rai-kit/core/api';

new RaiLeaderboard().limit = 'ten'; // TS2322
document.createElement('rai-store').pageSize = 'all'; // TS2322
new WidgetApiClient({ apiUrl: 8080 }); // TS2322
paths.me(42); // TS2345
export const impossible = (error: ApiError): boolean => error.code === 'no_such_code'; // TS2367
`;

interface Found {
  file: string;
  line: number;
  code: number;
  text: string;
}

let typeCheck: Promise<Found[]> | undefined;
/** One tsc program over both files, as the consumer's tsconfig (strict, bundler resolution) sets it up. */
function typeCheckConsumer(): Promise<Found[]> {
  typeCheck ??= (async () => {
    await mkdir(join(consumer.dir, 'src'));
    await writeFile(join(consumer.dir, 'src/good.ts'), GOOD_TS);
    await writeFile(join(consumer.dir, 'src/bad.ts'), BAD_TS);
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        // Our .d.ts files are checked too: they must compile in a project that is not ours.
        skipLibCheck: false,
        noEmit: true,
      },
      include: ['src'],
    };
    await writeFile(join(consumer.dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const config = ts.getParsedCommandLineOfConfigFile(join(consumer.dir, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
    });
    assert.ok(config);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
      file: diagnostic.file?.fileName.slice(consumer.dir.length + 1) ?? '(options)',
      line: diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0,
      code: diagnostic.code,
      text: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    }));
  })();
  return typeCheck;
}

const show = (found: Found[]) => found.map(({ file, line, code, text }) => `${file}:${line} TS${code} ${text}`).join('\n');

test('TypeScript: a strict consumer importing the widgets, an element entry, a define/ module and core/api type-checks', async () => {
  const errors = (await typeCheckConsumer()).filter((found) => found.file !== 'src/bad.ts');
  assert.equal(errors.length, 0, `type errors in the consumer or in the packed .d.ts files:\n${show(errors)}`);
});

test('TypeScript: the packed types are real — a wrong property or argument type is an error', async () => {
  const found = (await typeCheckConsumer()).filter((error) => error.file === 'src/bad.ts');
  const expected = BAD_TS.split('\n').flatMap((source, index) => {
    const code = /\/\/ TS(\d+)$/.exec(source)?.[1];
    return code ? [`line ${index + 1}: TS${code}`] : [];
  });
  assert.ok(expected.length >= 5);
  assert.deepEqual(
    found.map(({ line, code }) => `line ${line}: TS${code}`),
    expected,
    `the wrong types in bad.ts are not (all, or only) the expected errors, so some types are \`any\` or missing:\n${show(found)}`,
  );
});

// ── Node ─────────────────────────────────────────────────────────────────────────────────────

/** Runs an ES module in the consumer with a user's plain Node: no tsx, no export conditions. */
async function plainNode(script: string): Promise<string> {
  // npm passes the workspace's --conditions=rai-kit-source through NODE_OPTIONS; a user's Node has none.
  const { NODE_OPTIONS: _workspaceOnly, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], { cwd: consumer.dir, env, timeout: 30_000 });
  return stdout;
}

/** What the core README documents, exercised against a loopback server by a plain ES module. */
const NODE_SCRIPT = `
import { createServer } from 'node:http';
import * as api from '@rai-kit/core/api';
import { noToken } from '@rai-kit/core/auth';
const { ApiError, WidgetApiClient, paths, sharedClient } = api;

const server = createServer((request, response) => {
  const found = request.url === '/widget/v1/communities/demo/me';
  response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(found ? { data: { userId: 'u1' } } : { error: { code: 'not_found', message: 'No such community', requestId: 'req-1' } }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiUrl = 'http://127.0.0.1:' + server.address().port;
const client = new WidgetApiClient({ apiUrl });
const me = await client.get(paths.me('demo'));
const error = await client.get(paths.community('nope')).catch((caught) => caught);
server.closeAllConnections();
server.close();
console.log(JSON.stringify({
  resolved: import.meta.resolve('@rai-kit/core/api'),
  exports: Object.keys(api),
  url: client.url(paths.me('demo')),
  me,
  error: { isApiError: error instanceof ApiError, code: error.code, status: error.status, requestId: error.requestId },
  shared: sharedClient(apiUrl, noToken) === sharedClient(apiUrl, noToken),
}));
`;

test("Node: plain `import('@rai-kit/core/api')` (no tsx, no conditions) works and exposes what the README documents", async () => {
  const result = JSON.parse(await plainNode(NODE_SCRIPT)) as { resolved: string; exports: string[]; url: string; me: unknown; error: unknown; shared: boolean };
  assert.equal(
    result.resolved,
    `file://${join(consumer.packages['@rai-kit/core'].dir, 'dist/api/index.js')}`,
    'resolved to the installed package’s dist',
  );
  const documented = ['ApiError', 'WidgetApiClient', 'paths', 'sharedClient'];
  assert.deepEqual(documented.filter((name) => !result.exports.includes(name)), [], '@rai-kit/core/api lacks names its README documents');
  assert.match(result.url, /^http:\/\/127\.0\.0\.1:\d+\/widget\/v1\/communities\/demo\/me$/);
  assert.deepEqual(result.me, { userId: 'u1' }, 'client.get answers the envelope’s data');
  assert.deepEqual(result.error, { isApiError: true, code: 'not_found', status: 404, requestId: 'req-1' }, 'a 404 is a typed ApiError');
  assert.equal(result.shared, true, 'sharedClient gives one client per API URL and token source');
});

test('Node: every entry of @rai-kit/core’s exports map loads in plain Node', async () => {
  // The package is for browsers and Node alike, so each entry must load without a DOM.
  const specifiers = Object.keys(consumer.packages['@rai-kit/core'].manifest.exports).map((entry) => `@rai-kit/core${entry.slice(1)}`);
  const script = `
    const failed = [];
    for (const specifier of ${JSON.stringify(specifiers)}) {
      const module = await import(specifier).catch((error) => error);
      if (module instanceof Error || Object.keys(module).length === 0) failed.push(specifier + ': ' + (module.message ?? 'exports nothing'));
    }
    console.log(JSON.stringify(failed));`;
  assert.ok(specifiers.length >= 9, `entries found: ${specifiers.join(', ')}`);
  assert.deepEqual(JSON.parse(await plainNode(script)), [], 'entries that do not load in plain Node');
});

// ── Bundler ──────────────────────────────────────────────────────────────────────────────────

/** esbuild with its defaults for a browser app (no custom conditions), from inside the consumer. */
async function bundle(entry: string): Promise<{ code: string; warnings: string[] }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: consumer.dir, sourcefile: 'entry.js', loader: 'js' },
    absWorkingDir: consumer.dir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', warnings: result.warnings.map((warning) => warning.text) };
}

/** A `Class.define('rai-…')` call (RaiElement.define registers the tag), in esbuild's unminified output. */
const defineCalls = (code: string) => [...code.matchAll(/\.define\("(rai-[a-z-]+)"\)/g)].map((match) => match[1]);

/** esbuild writes a class with static members (Lit's `static properties`) as \`Name = class extends …\`. */
const declaresClass = (code: string, name: string) => new RegExp(`\\b${name} = class\\b`).test(code);

const DEFINE_LEADERBOARD = `import '@rai-kit/widgets/define/leaderboard';\nwindow.bundleRan = true;`;
const CLASS_ONLY = `import { RaiLeaderboard } from '@rai-kit/widgets/leaderboard';\nwindow.bundleRan = typeof RaiLeaderboard;`;

test("esbuild: `import '@rai-kit/widgets/define/leaderboard'` keeps the definition (define/ has side effects)", async () => {
  const { code, warnings } = await bundle(DEFINE_LEADERBOARD);
  assert.deepEqual(warnings, [], 'esbuild warned (a sideEffects list that drops define/ makes it warn that the import is ignored)');
  assert.deepEqual(defineCalls(code), ['rai-leaderboard'], 'the bundle registers <rai-leaderboard> and nothing else');
});

test('esbuild: importing classes defines nothing, and unused widgets shake out (sideEffects lets them)', async () => {
  const fromEntry = await bundle(CLASS_ONLY);
  assert.ok(declaresClass(fromEntry.code, 'RaiLeaderboard'), 'the class entry’s bundle lacks RaiLeaderboard');
  assert.deepEqual(defineCalls(fromEntry.code), [], "the class entry's bundle registers tags");

  // The root re-exports every widget; a package without sideEffects would keep them all.
  const fromRoot = await bundle(`export { RaiXpTier } from '@rai-kit/widgets';`);
  assert.ok(declaresClass(fromRoot.code, 'RaiXpTier'), 'the root’s bundle lacks RaiXpTier');
  const kept = ['RaiLeaderboard', 'RaiChatChannel', 'RaiStore', 'RaiFrame', 'DOMPurify'].filter((name) => fromRoot.code.includes(name));
  assert.deepEqual(kept, [], 'importing RaiXpTier from the package root bundled other widgets');
  assert.deepEqual(defineCalls(fromRoot.code), []);
});

test('Chromium: the define/ bundle upgrades <rai-leaderboard>; the class-only bundle leaves it undefined', { timeout: 60_000 }, async () => {
  const browser = await launchChromium();
  try {
    const load = async (entry: string) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      // Nothing leaves the machine: the widget's API requests fail, and it shows its failure state.
      await page.setRequestInterception(true);
      page.on('request', (request) => void request.abort());
      await page.setContent('<!doctype html><html lang="en"><body><rai-leaderboard community-id="demo" leaderboard-id="weekly" api-url="http://127.0.0.1:9"></rai-leaderboard></body></html>');
      await page.addScriptTag({ content: (await bundle(entry)).code, type: 'module' });
      await page.waitForFunction(() => 'bundleRan' in window);
      const state = await page.evaluate(async () => {
        const element = document.querySelector('rai-leaderboard') as HTMLElement & { updateComplete?: Promise<unknown> };
        const defined = customElements.get('rai-leaderboard');
        await element.updateComplete;
        return { upgraded: defined !== undefined && element instanceof defined, rendered: (element.shadowRoot?.childElementCount ?? 0) > 0 };
      });
      await page.close();
      return { ...state, errors };
    };
    assert.deepEqual(await load(DEFINE_LEADERBOARD), { upgraded: true, rendered: true, errors: [] }, 'define/leaderboard bundle in a page');
    assert.deepEqual(await load(CLASS_ONLY), { upgraded: false, rendered: false, errors: [] }, 'class-only bundle in a page');
  } finally {
    await browser.close();
  }
});
