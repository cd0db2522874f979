/**
 * `npm run bench:size-features -w bench`: what each feature costs a widget's first load, for
 * whoever sets the size budget (issue 7's targets: a widget alone ≤ 15 kB gzip, all four ≤ 40).
 *
 * It builds the real CDN folder (build/cdn.ts, same chunking and minification) several times,
 * once as shipped and once per feature with that feature's modules replaced by empty stubs that
 * export the same names, and prints the first-load gzip of each widget alone and of all four,
 * side by side. The stubbed builds are never run: they price the modules (what a page would
 * download if the feature were an opt-in module it did not ask for), not a working product.
 * The call sites stay, so a real opt-in split would save a little more than shown, not less.
 * A minimal Lit element, bundled alone, is the floor no Lit widget goes below.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'rollup';
import { buildWidgets } from '../packages/widgets/build/cdn.js';
import { entryLoad } from '../packages/widgets/build/chunk-graph.js';
import { bundle } from './browser/page-server.js';
import { markdownTable } from './report.js';

const WIDGETS = ['rai-leaderboard', 'rai-xp-tier', 'rai-chat-channel', 'rai-store'];

/** Module ids (absolute paths) per feature; barrels (`index.ts`) stay, only what they re-export is stubbed. */
const FEATURES: Record<string, RegExp> = {
  'realtime (SSE with resume, polling fallback, live row animation)': /core\/src\/realtime\/|controllers\/event-stream-controller\.ts|leaderboard\/flip\.ts/,
  'auth (token sources, refresh, authorised fetch)': /core\/src\/auth\/|controllers\/auth-controller\.ts/,
};

const identifier = /^[A-Za-z_$][\w$]*$/;

/** Records every module's export names during a build, so a later build can stub them. */
function exportRecorder(exportsOf: Map<string, string[]>): Plugin {
  return {
    name: 'bench:record-exports',
    buildEnd() {
      for (const id of this.getModuleIds()) exportsOf.set(id, this.getModuleInfo(id)?.exports ?? []);
    },
  };
}

/** Loads each matching module as `export const name = 0` per export: it builds, it does not run. */
function stubModules(matches: RegExp, exportsOf: Map<string, string[]>): Plugin {
  return {
    name: 'bench:stub-modules',
    load(id) {
      if (!matches.test(id) || id.endsWith('/index.ts')) return null;
      const names = (exportsOf.get(id) ?? []).filter((name) => identifier.test(name));
      return names.map((name) => (name === 'default' ? 'export default 0;' : `export const ${name} = 0;`)).join('\n') || 'export {};';
    },
  };
}

/** First-load gzip bytes of each widget alone and of all four, for one build. */
async function measure(before: Plugin[]): Promise<number[]> {
  const outdir = await mkdtemp(join(tmpdir(), 'rai-size-features-'));
  try {
    const outputs = await buildWidgets(outdir, before);
    const gzip = async (path: string) => gzipSync(await readFile(path), { level: 9 }).length;
    const sum = async (paths: Iterable<string>) => (await Promise.all([...paths].map(gzip))).reduce((a, b) => a + b, 0);
    const loads = WIDGETS.map((tag) => entryLoad(outputs, Object.keys(outputs).find((path) => path.endsWith(`/${tag}.js`))!).firstLoad);
    return [...(await Promise.all(loads.map(sum))), await sum(new Set(loads.flat()))];
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const exportsOf = new Map<string, string[]>();
console.error('building as shipped…');
const shipped = await measure([exportRecorder(exportsOf)]);
const rows = [['as shipped', ...shipped.map(kB)]];
const raw: Record<string, number[]> = { 'as shipped': shipped };
const without = async (label: string, matches: RegExp) => {
  console.error(`building ${label}…`);
  const sizes = await measure([stubModules(matches, exportsOf)]);
  raw[label] = sizes;
  rows.push([label, ...sizes.map((size, i) => `${kB(size)} (−${kB(shipped[i]! - size)})`)]);
};
for (const [feature, matches] of Object.entries(FEATURES)) await without(`without ${feature}`, matches);
await without('without realtime and auth', new RegExp(Object.values(FEATURES).map((re) => re.source).join('|')));

const litFloor = gzipSync(
  await bundle({
    contents: "import { LitElement, html, css } from 'lit'; customElements.define('x-min', class extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>x</p>`; } });",
  }),
  { level: 9 },
).length;
rows.push(['a minimal Lit element alone (the floor)', ...WIDGETS.map(() => kB(litFloor)), kB(litFloor)]);
raw['a minimal Lit element alone'] = [litFloor];
await writeFile(new URL('./results/size-features.json', import.meta.url), `${JSON.stringify({ columns: [...WIDGETS, 'all four'], gzipBytes: raw }, null, 2)}\n`);
rows.push(['issue 7 target', ...WIDGETS.map(() => '15.0'), '40.0']);

console.log('First-load JS, kB gzip -9 (1 kB = 1000 B), each widget alone on a page and all four together:\n');
console.log(markdownTable(['build', ...WIDGETS.map((tag) => `<${tag}>`), 'all four'], rows));
