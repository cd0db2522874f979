/**
 * The loader's discovery, layout reservation, ready event and failure handling, in Chromium.
 * The source loader runs with an importer the test controls (to fail and succeed on cue) and,
 * for the real network failure, with the browser's own import() against a missing folder.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { startLoader, type Loader, type ReadyDetail } from '../../packages/widgets/src/loader/loader.js';
import { reserveLayout } from '../../packages/widgets/src/loader/reserve-styles.js';
import { apiUrl, community, until } from '../support/sandbox.js';

const base = new URL('/cdn-under-test/', location.href);
const entryOf = (url: string) => new URL(url).pathname.split('/').pop();
let loader: Loader | undefined;

reserveLayout(document);

afterEach(() => {
  loader?.stop();
  loader = undefined;
  document.body.replaceChildren();
});

/** Appends one element per tag, configured for the sandbox. */
function place(...tags: string[]): HTMLElement[] {
  return tags.map((tag) => {
    const el = document.createElement(tag);
    el.setAttribute('community-id', community);
    el.setAttribute('api-url', apiUrl);
    document.body.append(el);
    return el;
  });
}

describe('rai-kit loader', () => {
  it('imports only the entries of the tags on the page, then those of tags added later, once each', async () => {
    place('rai-xp-tier', 'rai-xp-tier');
    const imported: string[] = [];
    loader = startLoader(document, {
      base,
      importer: async (url) => {
        imported.push(entryOf(url)!);
        const tag = entryOf(url)!.replace('.js', '');
        if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
      },
    });
    const ready = await loader.ready;
    expect(imported).to.deep.equal(['rai-xp-tier.js']);
    expect(ready).to.deep.equal({ defined: ['rai-xp-tier'], failed: [] });

    const wrapper = document.createElement('section');
    wrapper.append(document.createElement('rai-store'), document.createElement('rai-store'));
    document.body.append(wrapper);
    await customElements.whenDefined('rai-store');
    expect(imported).to.deep.equal(['rai-xp-tier.js', 'rai-store.js']);
    expect(document.querySelector('rai-store')!.matches(':defined')).to.be.true;
  });

  it('fires rai-kit:ready on the document with the startup outcome, also when a tag fails', async () => {
    place('rai-frame');
    const fired = new Promise<ReadyDetail>((resolve) =>
      document.addEventListener('rai-kit:ready', (event) => resolve((event as CustomEvent<ReadyDetail>).detail), { once: true }),
    );
    loader = startLoader(document, { base, importer: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) });
    expect(await fired).to.deep.equal({ defined: [], failed: ['rai-frame'] });
    expect(await loader.ready).to.deep.equal({ defined: [], failed: ['rai-frame'] });
  });

  it('shows an accessible notice with a retry on a failed widget, and retry imports again under a fresh URL', async () => {
    const [first, second] = place('rai-leaderboard', 'rai-leaderboard');
    const urls: string[] = [];
    let online = false;
    loader = startLoader(document, {
      base,
      importer: async (url) => {
        urls.push(url);
        if (!online) throw new TypeError('Failed to fetch dynamically imported module');
        customElements.define('rai-leaderboard', class extends HTMLElement {});
      },
    });
    await loader.ready;
    for (const el of [first!, second!]) {
      expect(el.getAttribute('rai-kit-state')).to.equal('failed');
      const notice = el.querySelector('[role=alert]')!;
      expect(notice.textContent).to.contain('could not load');
      expect(notice.querySelector('button')!.textContent).to.equal('Try again');
    }
    // A tag added while failed shows the notice too, without another request.
    const late = document.createElement('rai-leaderboard');
    document.body.append(late);
    await until(() => late.querySelector('[role=alert]') !== null, 'notice on the late element');
    expect(urls).to.have.length(1);

    online = true;
    first!.querySelector('button')!.click();
    await customElements.whenDefined('rai-leaderboard');
    expect(urls).to.have.length(2);
    expect(new URL(urls[1]!).searchParams.get('retry')).to.equal('1');
    for (const el of [first!, second!, late]) {
      expect(el.querySelector('[role=alert]')).to.be.null;
      expect(el.hasAttribute('rai-kit-state')).to.be.false;
    }
  });

  it('recovers from a load that failed offline: "Try again" once back online defines the widget', async () => {
    const [el] = place('rai-frame');
    await executeServerCommand('go-offline', { afterMs: 0, forMs: 600 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    loader = startLoader(document, { base: new URL('/test/loader/fixture/', location.href) });
    expect(await loader.ready).to.deep.equal({ defined: [], failed: ['rai-frame'] });
    await until(() => navigator.onLine, 'back online', 3_000);
    el!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await customElements.whenDefined('rai-frame');
    expect(el!.matches(':defined')).to.be.true;
    expect(el!.querySelector('[role=alert]')).to.be.null;
  });

  it('handles a real failed import (missing files) without an uncaught error', async () => {
    const [el] = place('rai-chat-channel');
    const uncaught: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      loader = startLoader(document, { base: new URL('/no-such-folder/', location.href) });
      expect(await loader.ready).to.deep.equal({ defined: [], failed: ['rai-chat-channel'] });
      expect(el!.querySelector('[role=alert] button')).to.exist;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
