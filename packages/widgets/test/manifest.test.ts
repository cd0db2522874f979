/**
 * custom-elements.json is committed (IDEs, Storybook and the demo's docs page read it from the
 * package) and regenerated with `npm run analyze -w @rai-kit/widgets`. These tests fail when it
 * is stale, and when an element fires an event or renders a part its JSDoc does not document.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GUEST_NOTIFICATIONS } from '@rai-kit/core/bridge';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The part of the manifest schema these tests read. */
interface Documented {
  name: string;
  description?: string;
  type?: { text: string };
}
interface ElementDoc {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  attributes?: (Documented & { inheritedFrom?: { name: string } })[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
}
interface Manifest {
  modules: { path: string; declarations?: ElementDoc[] }[];
}

const manifest = JSON.parse(read('custom-elements.json')) as Manifest;
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ ...d, module: m.path })));
const elementModules = new Set(elements.map((e) => e.module));

/** Every tag a `define/` module registers (`RaiX.define('rai-x')`), read from the source. */
const definedTags = readdirSync(join(root, 'src/define'))
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) => [...read(`src/define/${file}`).matchAll(/\.define\(\s*'([a-z][\w-]*)'\s*\)/g)].map((m) => m[1]!));

/**
 * What an element's source fires and renders: its own module, and from the modules it imports
 * only the declarations it uses (with the module-level helpers those use): a shared module
 * such as `state-views.ts` or `product-card.ts` also holds views this element never renders.
 * Other elements' modules are their own business.
 */
function sourceOf(module: string): string {
  const seen = new Set<string>();
  const collect = (path: string, names: string[] | null): string => {
    const text = read(path);
    const body = names ? declarationsUsing(text, names) : text;
    let source = body;
    for (const [, typeOnly, list, specifier] of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(\.[^']+)'/g)) {
      if (typeOnly) continue;
      const target = posix.join(posix.dirname(path), specifier!).replace(/\.js$/, '.ts');
      if (elementModules.has(target)) continue;
      const used = list!
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && !s.startsWith('type '))
        .map((s) => s.split(/\s+as\s+/).at(-1)!)
        .filter((name) => new RegExp(`\\b${name}\\b`).test(body) && !seen.has(`${target}#${name}`));
      used.forEach((name) => seen.add(`${target}#${name}`));
      if (used.length > 0) source += collect(target, used);
    }
    return source;
  };
  return collect(module, null);
}

/** The top-level declarations `names` in `text`, and the top-level ones they use, transitively. */
function declarationsUsing(text: string, names: string[]): string {
  const starts = [...text.matchAll(/^(?:export )?(?:async )?(?:function|class|const|let) (\w+)/gm)];
  const declarations = new Map(starts.map((m, i) => [m[1]!, text.slice(m.index, starts[i + 1]?.index ?? text.length)]));
  const wanted = new Set(names);
  for (const name of wanted) {
    const declaration = declarations.get(name) ?? '';
    for (const other of declarations.keys()) if (new RegExp(`\\b${other}\\b`).test(declaration)) wanted.add(other);
  }
  return [...wanted].map((name) => declarations.get(name) ?? '').join('\n');
}

/** `emit('rai-x', …)` names. */
const firedIn = (source: string) => new Set([...source.matchAll(/\bemit\(\s*'(rai-[\w-]+)'/g)].map((m) => m[1]!));

/** Part names in `part="a b"` and in the string literals of `part=${mine ? 'row own-row' : 'row'}`. */
function partsIn(source: string): Set<string> {
  const parts = new Set<string>();
  for (const [, fixed, dynamic] of source.matchAll(/\bpart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
    const lists = fixed !== undefined ? [fixed] : [...dynamic!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    for (const name of lists.flatMap((list) => list.split(/\s+/))) if (name) parts.add(name);
  }
  return parts;
}

const names = (docs: Documented[] | undefined) => new Set((docs ?? []).map((d) => d.name));

describe('custom-elements.json', () => {
  test('is what `npm run analyze -w @rai-kit/widgets` generates from the current source', async () => {
    // The analyzer ships no types for its CLI module; a specifier in a variable keeps tsc from resolving it.
    const cliModule = '@custom-elements-manifest/analyzer/cli.js';
    const { cli } = (await import(cliModule)) as {
      cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<Manifest>;
    };
    const fresh = await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: root, noWrite: true });
    // Named by module: a whole-manifest diff would bury the one file that changed.
    const byPath = (m: Manifest) => new Map(m.modules.map((module) => [module.path, JSON.stringify(module)]));
    const [committed, generated] = [byPath(manifest), byPath(JSON.parse(JSON.stringify(fresh)) as Manifest)];
    const stale = [...new Set([...committed.keys(), ...generated.keys()])].filter((path) => committed.get(path) !== generated.get(path));
    assert.deepEqual(stale, [], 'custom-elements.json is stale for these modules: run `npm run analyze -w @rai-kit/widgets`');
  });

  test('maps every tag the define/ modules register to its class, with a summary', () => {
    assert.ok(definedTags.length >= 8, `found only ${definedTags.join(', ')}`);
    assert.deepEqual(elements.map((e) => e.tagName).sort(), [...definedTags].sort());
    for (const element of elements) {
      assert.ok(element.summary?.trim(), `<${element.tagName}> has no @summary`);
      assert.doesNotMatch(element.summary!, /\n\s*\n/, `<${element.tagName}>: the @summary runs into the description (put @summary after it)`);
    }
  });

  test('documents every event an element fires, with its detail type', () => {
    const undocumented = elements.flatMap((element) => {
      const documented = names(element.events);
      return [...firedIn(sourceOf(element.module))].filter((event) => !documented.has(event)).map((event) => `<${element.tagName}> ${event}`);
    });
    assert.deepEqual(undocumented, [], 'events fired without a @fires');
    for (const element of elements) {
      for (const event of element.events ?? []) {
        assert.match(event.type?.text ?? '', /^CustomEvent<.+>$/, `<${element.tagName}> ${event.name} has no type: add it to RaiEventMap`);
        assert.ok(event.description?.trim(), `<${element.tagName}> ${event.name} has no description`);
      }
    }
    // <rai-frame> re-emits its guest's notifications under computed names the scan above cannot see.
    const frame = names(elements.find((e) => e.tagName === 'rai-frame')?.events);
    for (const notification of GUEST_NOTIFICATIONS) assert.ok(frame.has(`rai-${notification}`), `<rai-frame> re-emits rai-${notification} undocumented`);
  });

  test('documents every part an element renders', () => {
    const missing = elements.flatMap((element) => {
      const documented = names(element.cssParts);
      return [...partsIn(sourceOf(element.module))].filter((part) => !documented.has(part)).map((part) => `<${element.tagName}> ${part}`);
    });
    assert.deepEqual(missing, [], 'parts rendered without a @csspart');
  });

  test('lists inherited attributes and describes every attribute and custom property', () => {
    for (const element of elements) {
      const attributes = element.attributes ?? [];
      assert.ok(names(attributes).has('theme'), `<${element.tagName}> lacks the inherited theme attribute`);
      for (const doc of [...attributes, ...(element.cssProperties ?? [])]) {
        assert.ok(doc.description?.trim(), `<${element.tagName}> ${doc.name} has no description`);
      }
    }
    for (const tag of ['rai-leaderboard', 'rai-xp-tier', 'rai-chat-channel', 'rai-store', 'rai-frame']) {
      const attributes = elements.find((e) => e.tagName === tag)?.attributes ?? [];
      for (const name of ['community-id', 'api-url', 'auth-url', 'token']) {
        const attribute = attributes.find((a) => a.name === name);
        assert.equal(attribute?.inheritedFrom?.name, 'RaiWidget', `<${tag}> lacks ${name} from RaiWidget`);
      }
    }
  });
});
