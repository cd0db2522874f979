/**
 * rai-kit.js as a page runs it: the command-queue stub first, calls queued before the loader
 * arrives, then the loader replaying them; a second copy of the loader or of a widget class
 * warns instead of crashing. (The entry's own directory has no widget entries here, so the
 * tag on the page fails to load, which also shows `ready` reporting failures.)
 */
import { expect } from '@open-wc/testing';
import type { RaiKit } from '../../packages/widgets/src/loader/api.js';
import { RaiElement } from '../../packages/widgets/src/base/rai-element.js';
import { VERSION } from '../../packages/widgets/src/version.js';

interface TokenInputs {
  token?: string;
  authUrl?: string;
}

const warnings: string[] = [];
const warn = console.warn;
before(() => {
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    warn(...args);
  };
});
after(() => {
  console.warn = warn;
});

describe('rai-kit.js entry', () => {
  let readyDetail: unknown;
  const page = document.createElement('rai-xp-tier') as HTMLElement & TokenInputs;
  const own = document.createElement('rai-store') as HTMLElement & TokenInputs;

  before(async () => {
    own.setAttribute('auth-url', '/own/token');
    document.body.append(page, own);
    await import('../../packages/widgets/src/loader/stub.js');
    const queued = window.raiKit as unknown as RaiKit;
    queued('setToken', 'queued-token');
    queued('on', 'ready', (detail) => (readyDetail = detail));
    expect(window.raiKit).to.have.property('q').with.length(2);
    await import('../../packages/widgets/src/loader/rai-kit.js');
    await new Promise<void>((resolve) => document.addEventListener('rai-kit:ready', () => resolve(), { once: true }));
    await Promise.resolve();
  });

  const raiKit = () => window.raiKit as RaiKit;

  it('replaces the stub with the real API and replays the queued calls in order', () => {
    expect(raiKit().version).to.equal(VERSION);
    expect(raiKit()('version')).to.equal(VERSION);
    expect(page.token).to.equal('queued-token');
    expect(readyDetail).to.deep.equal({ defined: [], failed: ['rai-xp-tier', 'rai-store'] });
  });

  it('leaves auth the page set on a widget itself alone until the page calls a set* command', async () => {
    // (This file's first call was setToken, so check the rule on a fresh API instead.)
    const { createApi } = await import('../../packages/widgets/src/loader/api.js');
    const { applyAuth } = createApi(document, Promise.resolve({ defined: [], failed: [] }));
    const el = document.createElement('rai-leaderboard') as HTMLElement & TokenInputs;
    el.authUrl = '/set/by/page';
    applyAuth(el);
    expect(el.authUrl).to.equal('/set/by/page');
  });

  it("applies page auth to present and later widgets, except those with their own auth, and null signs out", async () => {
    raiKit()('setAuthUrl', '/portal/token');
    const later = document.createElement('rai-leaderboard') as HTMLElement & TokenInputs;
    document.body.append(later);
    await new Promise((resolve) => setTimeout(resolve));
    expect([page.authUrl, page.token, later.authUrl]).to.deep.equal(['/portal/token', undefined, '/portal/token']);
    expect(own.authUrl).to.be.undefined;
    raiKit()('setAuthUrl', null);
    expect([page.authUrl, later.authUrl]).to.deep.equal([undefined, undefined]);
  });

  it("calls an 'on ready' listener registered after startup at once", async () => {
    const detail = await new Promise((resolve) => raiKit()('on', 'ready', resolve));
    expect(detail).to.deep.equal({ defined: [], failed: ['rai-xp-tier', 'rai-store'] });
  });

  it('a second copy of the loader warns, naming both versions, and leaves the first in charge', async () => {
    const first = window.raiKit;
    await import(new URL('../../packages/widgets/src/loader/rai-kit.ts?copy=2', import.meta.url).href);
    expect(window.raiKit).to.equal(first);
    expect(warnings.at(-1)).to.equal(`rai-kit: the loader version ${VERSION} is already running; skipping the loader version ${VERSION}.`);
  });

  it('a second definition of a widget tag (another kit version) is skipped with a warning naming both', () => {
    // Two copies of the kit: two RaiElement classes, each carrying its own version.
    class Older extends RaiElement {}
    class Newer extends RaiElement {}
    Object.defineProperty(Older, 'version', { value: '0.0.9' });
    Object.defineProperty(Newer, 'version', { value: '0.2.0' });
    Older.define('rai-test-twice');
    expect(() => Newer.define('rai-test-twice')).not.to.throw();
    expect(customElements.get('rai-test-twice')).to.equal(Older);
    expect(warnings.at(-1)).to.equal('rai-kit: <rai-test-twice> is already defined (version 0.0.9); skipping the definition from version 0.2.0.');
  });
});
