import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Me, Tier } from '@rai-kit/core/api';
import '../define/xp-tier.js';
import type { RaiXpTier } from './xp-tier.js';
import {
  apiUrl,
  authUrl,
  award,
  community,
  injectFault,
  tokensIssued,
  until,
} from '../../../../test/support/sandbox.js';
import { memberIds, mount as mountWidget, resetSandboxAfterEach, shadowText as text } from '../../../../test/support/widgets.js';

const shadow = (el: RaiXpTier) => el.shadowRoot!;
const loaded = (el: RaiXpTier) => until(() => !shadow(el).querySelector('[role=status] .visually-hidden, .skeleton'), 'content');

async function serverTiers(): Promise<Tier[]> {
  return (await (await fetch(`${apiUrl}/widget/v1/communities/${community}/tiers?limit=100`)).json()).data;
}

const mount = <K extends 'rai-ready' | 'rai-error' | 'rai-session-expired'>(waitFor: K, setup?: (el: RaiXpTier) => void) =>
  mountWidget('rai-xp-tier', waitFor, setup);

// Members u_0010 upwards (the leaderboard tests start at u_0150).
const freshUser = memberIds(10);
resetSandboxAfterEach();

describe('<rai-xp-tier> public', () => {
  it('shows the loading skeleton first, accessibly', async () => {
    const el = await fixture<RaiXpTier>(html`<rai-xp-tier community-id=${community} api-url=${apiUrl}></rai-xp-tier>`);
    expect(shadow(el).querySelector('.skeleton')).to.exist;
    expect(text(el, '[role=status]')).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('shows the tier ladder and the ways to earn XP, and fires rai-ready', async () => {
    const { el, event } = await mount('rai-ready');
    expect(event.detail.mode).to.equal('public');
    const tiers = await serverTiers();
    const rows = [...shadow(el).querySelectorAll('[part=tier]')];
    expect(rows.map((r) => r.querySelector('.tier-name')!.textContent!.trim())).to.deep.equal(tiers.map((t) => t.name));
    expect(rows[1]!.textContent).to.contain(`From ${tiers[1]!.minXp.toLocaleString('en')} XP`);
    expect(shadow(el).querySelectorAll('[part=rules] li').length).to.be.greaterThan(0);
    expect(shadow(el).querySelector('[role=progressbar]')).to.be.null;
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows an empty state for a community without tiers', async () => {
    const el = await fixture<RaiXpTier>(html`<rai-xp-tier community-id="fresh-start" api-url=${apiUrl}></rai-xp-tier>`);
    await loaded(el);
    expect(text(el, '[part~=empty]')).to.equal('This community has no tiers yet.');
    expect(shadow(el).querySelector('[part=rules]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows an error with a working retry button, and fires rai-error', async () => {
    await injectFault({ path: `/widget/v1/communities/${community}/tiers`, status: 404, times: 1 });
    const { el, event } = await mount('rai-error');
    expect(event.detail.code).to.equal('not_found');
    const alert = shadow(el).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Something went wrong');
    await expect(el).to.be.accessible();
    const ready = oneEvent(el, 'rai-ready');
    shadow(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await ready;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part=tier]').length).to.be.greaterThan(0);
    el.remove();
  });

  it('names the missing community-id instead of failing silently', async () => {
    const { el, event } = await mount('rai-error', (widget) => widget.removeAttribute('community-id'));
    expect(event.detail.message).to.contain('community-id');
    el.remove();
  });

  it('waits out a 429 Retry-After and then shows the content, no error', async () => {
    await injectFault({ path: `/widget/v1/communities/${community}/xp-rules`, status: 429, times: 1, retryAfter: 1 });
    const started = performance.now();
    const { el } = await mount('rai-ready');
    expect(performance.now() - started).to.be.at.least(950);
    expect(shadow(el).querySelector('[role=alert]')).to.be.null;
    el.remove();
  });

  it('renders dark and RTL (Arabic) accessibly', async () => {
    const el = await fixture<RaiXpTier>(
      html`<div lang="ar"><rai-xp-tier theme="dark" community-id=${community} api-url=${apiUrl}></rai-xp-tier></div>`,
    ).then((wrapper) => wrapper.querySelector('rai-xp-tier')!);
    await loaded(el);
    // Arabic messages load on first use: updateComplete includes them.
    await el.updateComplete;
    const frame = shadow(el).querySelector('[part=frame]')!;
    expect(frame.getAttribute('dir')).to.equal('rtl');
    expect(frame.textContent).to.contain('طرق كسب نقاط الخبرة');
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgb(24, 27, 33)');
    await expect(el).to.be.accessible();
  });
});

describe('<rai-xp-tier> member', () => {
  async function memberWidget(user: string, options: { ttl?: number; session?: string } = {}) {
    const { el, event } = await mount('rai-ready', (widget) => (widget.authUrl = authUrl({ user, ...options })));
    expect(event.detail.mode).to.equal('member');
    return el;
  }

  async function serverMe(user: string): Promise<Me> {
    return award(user, { xp: 0 });
  }

  it('shows the member tier, XP, today and an accessible progress bar', async () => {
    const user = freshUser();
    const me = await serverMe(user);
    const el = await memberWidget(user);
    expect(text(el, '.name')).to.equal(me.user.displayName);
    expect(text(el, '[part=badge]')).to.equal(me.tier.name);
    expect(text(el, '.xp')).to.equal(`${me.xp.toLocaleString('en')} XP`);
    const bar = shadow(el).querySelector('[role=progressbar]')!;
    expect(bar.getAttribute('aria-label')).to.equal('Progress to the next tier');
    if (me.nextTier) {
      expect(bar.getAttribute('aria-valuenow')).to.equal(String(me.progress.current));
      expect(bar.getAttribute('aria-valuetext')).to.contain(me.nextTier.name);
    }
    expect(shadow(el).querySelector('[aria-current=step]')!.textContent).to.contain(me.tier.name);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('updates live from the me stream and announces a tier change', async () => {
    const user = freshUser();
    const el = await memberWidget(user);
    await until(() => !!shadow(el).querySelector('[part=live]:not([hidden])'), 'live indicator');
    const me = await award(user, { xp: 7, reason: 'test' });
    await until(() => text(el, '.xp') === `${me.xp.toLocaleString('en')} XP`, 'live XP');

    const toNext = me.nextTier ? me.nextTier.minXp - me.xp : 0;
    if (me.nextTier) {
      const changed = oneEvent(el, 'rai-tier-change');
      await award(user, { xp: toNext });
      const { detail } = await changed;
      expect(detail.tier.id).to.equal(me.nextTier.id);
      expect(detail.previousTier?.id).to.equal(me.tier.id);
      await el.updateComplete;
      expect(text(el, '[role=status][aria-live=polite]')).to.contain(me.nextTier.name);
    }
    el.remove();
  });

  it('makes one token request for several widgets with the same auth-url', async () => {
    const session = crypto.randomUUID();
    const user = freshUser();
    const widgets = await Promise.all([memberWidget(user, { session }), memberWidget(user, { session }), memberWidget(user, { session })]);
    expect(await tokensIssued(session)).to.equal(1);
    widgets.forEach((w) => w.remove());
  });

  it('refreshes a short-lived token ahead of expiry, with no failed request', async () => {
    const session = crypto.randomUUID();
    const user = freshUser();
    const errors: Event[] = [];
    const el = await memberWidget(user, { ttl: 2, session });
    el.addEventListener('rai-session-expired', (e) => errors.push(e));
    el.addEventListener('rai-error', (e) => errors.push(e));
    await until(async () => (await tokensIssued(session)) >= 3, 'two refreshes', 6_000);
    await el.reload();
    const me = await award(user, { xp: 3 });
    await until(() => text(el, '.xp') === `${me.xp.toLocaleString('en')} XP`, 'live XP after refreshes');
    expect(errors).to.have.length(0);
    el.remove();
  });

  it('renews once on a 401, then shows session expired and tells the host', async () => {
    let calls = 0;
    // A token the server cannot verify, as after a secret rotation.
    const forged = async () => (calls++, { token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged', expiresAt: Date.now() + 60_000 });
    const { el } = await mount('rai-session-expired', (widget) => (widget.tokenProvider = forged));
    expect(calls).to.equal(2, 'one fetch, one renewal after the 401');
    expect(text(el, '[part~=expired]')).to.contain('Your session has expired');
    await expect(el).to.be.accessible();
    const request = oneEvent(el, 'rai-sign-in-request');
    shadow(el).querySelector<HTMLButtonElement>('[part~=sign-in-button]')!.click();
    await request;
    el.remove();
  });

  it('shows session expired when the host backend says the user is signed out', async () => {
    const { el } = await mount('rai-session-expired', (widget) => (widget.authUrl = authUrl({ user: 'none' })));
    expect(shadow(el).querySelector('[part~=expired]')).to.exist;
    el.remove();
  });
});

/** A widget `width` px wide: its skeleton's height (its first render, before any answer), then loaded. */
async function skeletonThenLoaded(width: number, setup: (el: RaiXpTier) => void = () => {}) {
  const el = document.createElement('rai-xp-tier');
  el.setAttribute('community-id', community);
  el.apiUrl = apiUrl;
  el.style.width = `${width}px`;
  setup(el);
  const ready = oneEvent(el, 'rai-ready');
  document.body.append(el);
  await el.updateComplete;
  expect(shadow(el).querySelector('.sk-reserve')).to.exist;
  const skeleton = el.getBoundingClientRect().height;
  await ready;
  await el.updateComplete;
  return { el, skeleton };
}

describe('<rai-xp-tier> layout', () => {
  // The reserve's defaults are the sandbox community's ladder (and a member's summary over it):
  // as tall on a phone as wider, so what follows the widget does not move when the data arrives.
  for (const width of [320, 375, 600]) {
    it(`is as tall loaded as its skeleton at ${width}px`, async () => {
      const { el, skeleton } = await skeletonThenLoaded(width);
      expect(shadow(el).querySelectorAll('[part=tier]')).to.have.length((await serverTiers()).length);
      expect(el.getBoundingClientRect().height).to.be.closeTo(skeleton, 1);
      el.remove();
    });

    it(`is as tall loaded as its skeleton at ${width}px for a member`, async () => {
      const { el, skeleton } = await skeletonThenLoaded(width, (widget) => (widget.authUrl = authUrl({ user: freshUser() })));
      expect(shadow(el).querySelector('[part=summary]')).to.exist;
      expect(el.getBoundingClientRect().height).to.be.closeTo(skeleton, 1);
      el.remove();
    });
  }
});

describe('RaiXpTier.define', () => {
  it('skips a second definition of a taken tag with a warning instead of throwing', async () => {
    const { RaiXpTier } = await import('./xp-tier.js');
    class Copy extends RaiXpTier {}
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      Copy.define('rai-xp-tier');
    } finally {
      console.warn = original;
    }
    expect(customElements.get('rai-xp-tier')).to.equal(RaiXpTier);
    expect(warnings[0]).to.contain('<rai-xp-tier> is already defined');
  });
});
