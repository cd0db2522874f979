import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryLoad, type ChunkOutputs } from './chunk-graph.js';

// a → lit (static) → shared (static); a → dialog (dynamic) → lit (static) and → purify (static).
const outputs: ChunkOutputs = {
  'a.js': {
    imports: [
      { path: 'chunks/lit.js', kind: 'import-statement' },
      { path: 'chunks/dialog.js', kind: 'dynamic-import' },
      { path: 'https://cdn.example/x.js', kind: 'import-statement', external: true },
    ],
  },
  'b.js': { imports: [{ path: 'chunks/lit.js', kind: 'import-statement' }] },
  'chunks/lit.js': { imports: [{ path: 'chunks/shared.js', kind: 'import-statement' }] },
  'chunks/shared.js': { imports: [] },
  'chunks/dialog.js': {
    imports: [
      { path: 'chunks/lit.js', kind: 'import-statement' },
      { path: 'chunks/purify.js', kind: 'import-statement' },
    ],
  },
  'chunks/purify.js': { imports: [] },
};

test('first load follows static imports transitively; lazy is what only import() reaches', () => {
  assert.deepEqual(entryLoad(outputs, 'a.js'), {
    firstLoad: ['a.js', 'chunks/lit.js', 'chunks/shared.js'],
    lazy: ['chunks/dialog.js', 'chunks/purify.js'],
  });
});

test('an entry without dynamic imports has no lazy chunks and never counts unrelated ones', () => {
  assert.deepEqual(entryLoad(outputs, 'b.js'), { firstLoad: ['b.js', 'chunks/lit.js', 'chunks/shared.js'], lazy: [] });
});

test('an unknown entry is an error, not an empty (passing) size', () => {
  assert.throws(() => entryLoad(outputs, 'missing.js'), /not an output/);
});
