import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GetModuleInfo } from 'rollup';
import { kitChunks } from './kit-chunks.js';

// Four widget entries w1–w4 and the frame document fd. Static imports only: `lazy` is what w1
// reaches through import() alone, so it is absent here, as in Rollup's `importedIds`.
const staticImports: Record<string, string[]> = {
  w1: ['base', 'pair'],
  w2: ['base', 'pair'],
  w3: ['base', 'three'],
  w4: ['base', 'three', 'three-dep'],
  fd: ['api'],
  base: ['lit', 'api'],
  lit: [],
  api: [],
  pair: [],
  three: ['three-dep'],
  'three-dep': [],
  lazy: ['lit'],
};
const getModuleInfo = ((id: string) => (id in staticImports ? { importedIds: staticImports[id] } : null)) as unknown as GetModuleInfo;
const assign = (id: string) =>
  kitChunks({ widgets: ['w1', 'w2', 'w3', 'w4'], frameDocument: 'fd' })(id, { getModuleInfo, getModuleIds: () => [][Symbol.iterator]() });

test('what most widgets load first goes to kit-core, transitively', () => {
  assert.equal(assign('base'), 'kit-core');
  assert.equal(assign('lit'), 'kit-core');
  // w3 and w4 import it, w4 also through `three`: still only two widgets.
  assert.equal(assign('three-dep'), null);
});

test('the part the frame document needs too goes to kit-api, so the frame document loads no Lit', () => {
  assert.equal(assign('api'), 'kit-api');
});

test('code two widgets share, entries and lazy-only modules are left to Rollup', () => {
  assert.equal(assign('pair'), null);
  assert.equal(assign('w1'), null);
  assert.equal(assign('lazy'), null);
});
