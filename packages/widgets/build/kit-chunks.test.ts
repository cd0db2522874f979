import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rollup, type Plugin } from 'rollup';
import { firstLoads, kitChunks, kitChunksOf } from './kit-chunks.js';

// Four widget entries w1–w4 and the frame document fd, as the modules each loads first.
const loads = {
  widgets: [
    new Set(['w1', 'base', 'lit', 'api', 'pair']),
    new Set(['w2', 'base', 'lit', 'api', 'pair']),
    new Set(['w3', 'base', 'lit', 'api', 'three']),
    new Set(['w4', 'base', 'lit', 'api', 'three']),
  ],
  frameDocument: new Set(['fd', 'api']),
};
const assign = (id: string) => kitChunksOf(loads)(id, { getModuleInfo: () => null, getModuleIds: () => [][Symbol.iterator]() });

test('what at least three widgets load first goes to kit-core', () => {
  assert.equal(assign('base'), 'kit-core');
  assert.equal(assign('lit'), 'kit-core');
});

test('the part the frame document needs too goes to kit-api, so the frame document loads no Lit', () => {
  assert.equal(assign('api'), 'kit-api');
});

test('code two widgets share, entries and modules no entry loads first are left to Rollup', () => {
  assert.equal(assign('pair'), null);
  assert.equal(assign('three'), null);
  assert.equal(assign('w1'), null);
  assert.equal(assign('lazy'), null);
});

/** Modules from strings, by id; `entry:*` ids are the inputs. */
function virtual(files: Record<string, string>): Plugin {
  return {
    name: 'virtual',
    resolveId: (source) => (source in files ? source : null),
    load: (id) => files[id] ?? null,
  };
}

// A barrel re-exports a builder per widget area, as `@rai-kit/core/api` does with `paths`; the
// widgets' shared base class and two widgets import from it. w1 also loads `lazy` on demand.
const files: Record<string, string> = {
  barrel: `export * from 'shared'; export * from 'only-w1'; export * from 'only-w2';`,
  shared: `export const shared = () => 'shared';`,
  'only-w1': `export const one = () => 'one';`,
  'only-w2': `export const two = () => 'two';`,
  base: `import { shared } from 'barrel'; export const base = () => shared();`,
  lazy: `export const later = () => 'later';`,
  w1: `import { base } from 'base'; import { one } from 'barrel'; console.log(base(), one()); import('lazy').then((m) => console.log(m.later()));`,
  w2: `import { base } from 'base'; import { two } from 'barrel'; console.log(base(), two());`,
  w3: `import { base } from 'base'; console.log(base());`,
  w4: `import { base } from 'base'; console.log(base());`,
  fd: `console.log('frame');`,
};
const entries = ['w1', 'w2', 'w3', 'w4', 'fd'];

test('an entry loads first only the modules whose code it uses, not all a barrel re-exports', async () => {
  const bundle = await rollup({ input: entries, plugins: [virtual(files)], treeshake: { moduleSideEffects: false } });
  try {
    const [w1, w2, w3] = await firstLoads(bundle, entries);
    assert.ok(w1!.has('base') && w1!.has('shared') && w1!.has('only-w1'));
    assert.ok(!w1!.has('only-w2'), 'w1 does not load what only w2 calls');
    assert.ok(!w1!.has('lazy'), 'nor what it imports on demand');
    assert.ok(w2!.has('only-w2') && !w2!.has('only-w1'));
    assert.ok(w3!.has('shared') && !w3!.has('only-w1') && !w3!.has('only-w2'));
  } finally {
    await bundle.close();
  }
});

test('in the build, a module one widget uses through a barrel stays out of the other widgets first load', async () => {
  const bundle = await rollup({ input: entries, plugins: [virtual(files)], treeshake: { moduleSideEffects: false } });
  try {
    const manualChunks = await kitChunks(bundle, { widgets: entries.slice(0, 4), frameDocument: 'fd' });
    const { output } = await bundle.generate({ format: 'es', manualChunks, onlyExplicitManualChunks: true });
    const kitCore = output.find((item) => item.type === 'chunk' && item.name === 'kit-core');
    assert.ok(kitCore?.type === 'chunk', 'a kit-core chunk');
    assert.ok(kitCore.moduleIds.includes('base') && kitCore.moduleIds.includes('shared'));
    assert.ok(!kitCore.moduleIds.includes('only-w1') && !kitCore.moduleIds.includes('only-w2'));
    const w3 = output.find((item) => item.type === 'chunk' && item.facadeModuleId === 'w3');
    assert.ok(w3?.type === 'chunk' && !/'one'|'two'/.test(w3.code), 'w3 carries neither builder');
  } finally {
    await bundle.close();
  }
});
