import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AroundMe, LeaderboardEntry, LeaderboardPeriod, StandingsMeta } from '@rai-kit/core/api';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../define/leaderboard.js';
import type { RaiLeaderboard } from './leaderboard.js';
import { navigationCode } from './navigation-code.js';
import {
  apiUrl,
  authUrl,
  award,
  community,
  disconnectStreams,
  injectFault,
  mintToken,
  until,
} from '../../../../test/support/sandbox.js';
import { memberIds, mount, resetSandboxAfterEach, shadowText as text } from '../../../../test/support/widgets.js';

const shadow = (el: RaiLeaderboard) => el.shadowRoot!;
const rows = (el: RaiLeaderboard) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const table = (el: RaiLeaderboard) => shadow(el).querySelector<HTMLElement>('[part=table]')!;
const button = (el: RaiLeaderboard, part: string) => shadow(el).querySelector<HTMLButtonElement>(`[part~=${part}]`)!;
const rowIndex = (row: HTMLElement) => Number(row.getAttribute('aria-rowindex'));
const own = (el: RaiLeaderboard) => shadow(el).querySelector<HTMLElement>('.body > [aria-current=true]');
/** Focus checks compare in the page: a failing `equal` on elements would ship them to the runner. */
const focused = (el: RaiLeaderboard, target: Element | null) => !!target && shadow(el).activeElement === target;

/** Every node in the shadow root, comments (Lit's part markers) included. */
function nodeCount(el: RaiLeaderboard): number {
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

/** After the renders (and the row window's measuring) that a change sets off. */
async function settled(el: RaiLeaderboard): Promise<void> {
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
  await el.updateComplete;
}

/** What a row shows: who, rank and score text, for comparison with the server. */
function shown(row: HTMLElement) {
  const rank = row.querySelector('.medal') ?? row.querySelector('[part=rank]')!;
  return { id: row.dataset['key']!, rank: rank.textContent!.trim(), score: row.querySelector('[part=score]')!.textContent!.trim() };
}

function expected(entry: LeaderboardEntry, lang = 'en') {
  return { id: entry.user.id, rank: entry.rank.toLocaleString(lang), score: `${entry.score.toLocaleString(lang)} XP` };
}

/** A fresh read of the server, to compare the widget with. */
async function serverEntries(board: string, query: Record<string, string | number>): Promise<{ data: LeaderboardEntry[]; meta: StandingsMeta }> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return (await fetch(`${apiUrl}/widget/v1/communities/${community}/leaderboards/${board}/entries?${params}`)).json();
}

async function serverAroundMe(board: string, user: string, period: LeaderboardPeriod): Promise<AroundMe> {
  const response = await fetch(`${apiUrl}/widget/v1/communities/${community}/leaderboards/${board}/entries/around-me?period=${period}&radius=10`, {
    headers: { Authorization: `Bearer ${await mintToken(user)}` },
  });
  return (await response.json()).data;
}

/** The top `count` entries, paged as a client would. */
async function serverTop(board: string, period: string, count: number): Promise<LeaderboardEntry[]> {
  const entries: LeaderboardEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await serverEntries(board, { period, limit: 100, ...(cursor ? { cursor } : {}) });
    entries.push(...page.data);
    cursor = page.meta.nextCursor;
  } while (cursor && entries.length < count);
  return entries;
}

/** True when every rendered row equals the server's row at the same place from the top. */
async function matchesServer(el: RaiLeaderboard, board: string): Promise<boolean> {
  const rendered = rows(el);
  if (rendered.length === 0) return false;
  const first = rowIndex(rendered[0]!) - 2;
  const showing = rendered.map(shown);
  const top = await serverTop(board, el.period, first + rendered.length);
  return JSON.stringify(showing) === JSON.stringify(top.slice(first, first + rendered.length).map((e) => expected(e)));
}

function board(id: string, setup: (el: RaiLeaderboard) => void = () => {}) {
  return (el: RaiLeaderboard) => {
    el.leaderboardId = id;
    setup(el);
  };
}

/** Runs `test` with `navigationCode.load` replaced, collecting the page's unhandled rejections meanwhile. */
async function withNavigationCode(load: typeof navigationCode.load, test: (unhandled: unknown[]) => Promise<void>): Promise<void> {
  const real = navigationCode.load;
  const unhandled: unknown[] = [];
  const collect = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  navigationCode.load = load;
  addEventListener('unhandledrejection', collect);
  try {
    await test(unhandled);
  } finally {
    navigationCode.load = real;
    removeEventListener('unhandledrejection', collect);
  }
}

const live = (el: RaiLeaderboard) => until(() => !!shadow(el).querySelector('[part=live]:not([hidden])'), 'stream open');

// Members u_0150 upwards (the xp-tier tests use u_0010 upwards).
const freshUser = memberIds(150);
resetSandboxAfterEach();

describe('<rai-leaderboard> public', () => {
  it('shows the loading skeleton first, accessibly', async () => {
    const el = await fixture<RaiLeaderboard>(html`<rai-leaderboard community-id=${community} leaderboard-id="lb-xp" api-url=${apiUrl}></rai-leaderboard>`);
    expect(shadow(el).querySelector('.skeleton')).to.exist;
    expect(text(el, '[role=status]')).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('shows the top rows like the server: competition ranks, Intl scores, medals, table semantics', async () => {
    const { el, event } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp'));
    expect(event.detail.mode).to.equal('public');
    expect(el.period).to.equal('weekly', 'the board default, reflected');
    expect(el.getAttribute('period')).to.equal('weekly');
    const { data, meta } = await serverEntries('lb-xp', { period: 'weekly', limit: 20 });
    const rendered = rows(el);
    expect(rendered.length).to.be.within(5, 20);
    expect(rendered.map(shown)).to.deep.equal(data.slice(0, rendered.length).map((e) => expected(e)));
    // Competition ranking: equal scores share a rank, the next rank skips.
    data.forEach((entry, i) => expect(entry.rank).to.equal(i > 0 && entry.score === data[i - 1]!.score ? data[i - 1]!.rank : i + 1));

    expect(text(el, '[part=title]')).to.equal('XP Champions');
    expect(table(el).getAttribute('aria-rowcount')).to.equal(String(meta.total + 1));
    expect(rendered.map(rowIndex)).to.deep.equal(rendered.map((_, i) => i + 2));
    expect(rendered[0]!.querySelector('[part=rank]')!.textContent).to.contain('Gold medal');
    const change = rendered.find((row) => row.querySelector('.up'));
    if (change) expect(change.querySelector('[part=change]')!.textContent).to.match(/up [\d,]+ places?/);
    expect(shadow(el).querySelector('[part=me]')).to.be.null;
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows initials when an avatar fails to load', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-founders'));
    const row = rows(el)[0]!;
    row.querySelector('img')!.dispatchEvent(new Event('error'));
    await el.updateComplete;
    const initials = row.querySelector('.initials')!;
    const name = row.querySelector('[part=name]')!.textContent!;
    expect(initials.textContent).to.equal(name.split(' ').map((w) => w[0]).join(''));
    el.remove();
  });

  it('keeps an avatar fallback with its URL as the rows scroll (row elements are recycled)', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena'));
    const first = rows(el)[0]!;
    const [key, url] = [first.dataset['key'], first.querySelector('img')!.getAttribute('src')];
    first.querySelector('img')!.dispatchEvent(new Event('error'));
    await el.updateComplete;
    const avatars = new Map((await serverTop('lb-arena', 'all-time', 60)).map((e) => [e.user.id, e.user.avatarUrl]));
    const initialsWhereBroken = () => rows(el).every((row) => !row.querySelector('img') === (avatars.get(row.dataset['key']!) === url));
    expect(initialsWhereBroken()).to.be.true;
    const scroller = table(el);
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => !rows(el).some((row) => row.dataset['key'] === key), 'first row scrolled out');
    expect(initialsWhereBroken(), 'scrolled down').to.be.true;
    scroller.scrollTop = 0;
    await until(() => rows(el)[0]?.dataset['key'] === key, 'first row back');
    expect(initialsWhereBroken(), 'back at the top').to.be.true;
    el.remove();
  });

  it('shows an empty state for a board nobody is ranked on yet', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-launch', (w) => w.setAttribute('community-id', 'fresh-start')));
    expect(text(el, '[part~=empty]')).to.equal('No one is ranked in this period yet.');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows an error with a working retry button, and fires rai-error', async () => {
    await injectFault({ path: `/widget/v1/communities/${community}/leaderboards/lb-founders`, status: 404, times: 1 });
    const { el, event } = await mount('rai-leaderboard', 'rai-error', board('lb-founders'));
    expect(event.detail.code).to.equal('not_found');
    expect(text(el, '[role=alert]')).to.contain('Something went wrong');
    await expect(el).to.be.accessible();
    const ready = oneEvent(el, 'rai-ready');
    button(el, 'retry-button').click();
    await ready;
    await el.updateComplete;
    expect(rows(el).length).to.be.greaterThan(0);
    el.remove();
  });

  it('shows an error for a community without the board, and names a missing leaderboard-id', async () => {
    const { el, event } = await mount('rai-leaderboard', 'rai-error', board('lb-xp', (w) => w.setAttribute('community-id', 'fresh-start')));
    expect(event.detail.code).to.equal('not_found');
    el.remove();
    const missing = await mount('rai-leaderboard', 'rai-error');
    expect(missing.event.detail.message).to.contain('leaderboard-id');
    missing.el.remove();
  });

  it('invites a visitor to sign in for a members-only board, without an error', async () => {
    const errors: Event[] = [];
    const el = document.createElement('rai-leaderboard');
    Object.assign(el, { apiUrl, leaderboardId: 'lb-coins' });
    el.setAttribute('community-id', community);
    el.addEventListener('rai-error', (e) => errors.push(e));
    document.body.append(el);
    await until(() => !!shadow(el).querySelector('[part~=members-only]'), 'members-only state');
    expect(text(el, '[part~=members-only]')).to.contain('This leaderboard is for members');
    expect(shadow(el).querySelector('[part~=expired], [role=alert]')).to.be.null;
    expect(errors).to.have.length(0);
    await expect(el).to.be.accessible();
    const request = oneEvent(el, 'rai-sign-in-request');
    button(el, 'sign-in-button').click();
    expect((await request).cancelable).to.be.true;
    el.remove();
  });

  it('switches period from the radios (click and arrow keys), keeps focus there, fires rai-period-change only for the user', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp'));
    const changes: LeaderboardPeriod[] = [];
    el.addEventListener('rai-period-change', (e) => changes.push(e.detail.period));
    const radio = (period: string) => shadow(el).querySelector<HTMLInputElement>(`input[value=${period}]`)!;
    expect(shadow(el).querySelector('fieldset legend')!.textContent).to.equal('Period');
    expect([...shadow(el).querySelectorAll<HTMLInputElement>('[part=periods] input')].map((i) => i.value)).to.deep.equal([
      'daily',
      'weekly',
      'monthly',
      'yearly',
      'all-time',
    ]);

    radio('monthly').focus();
    radio('monthly').click();
    expect(changes).to.deep.equal(['monthly']);
    expect(el.period).to.equal('monthly');
    await until(async () => rows(el).length > 0 && (await matchesServer(el, 'lb-xp')), 'monthly rows');
    expect(focused(el, radio('monthly')), 'focus stays on the radio').to.be.true;

    await sendKeys({ press: 'ArrowRight' });
    expect(changes).to.deep.equal(['monthly', 'yearly']);
    await until(async () => rows(el).length > 0 && (await matchesServer(el, 'lb-xp')), 'yearly rows');
    expect(focused(el, radio('yearly')), 'focus stays on the radio').to.be.true;

    el.period = 'all-time';
    await until(async () => radio('all-time').checked && rows(el).length > 0 && (await matchesServer(el, 'lb-xp')), 'all-time rows');
    expect(changes).to.have.length(2, 'no event for a programmatic period');
    el.remove();
  });

  it('falls back to the board default for a period the board lacks', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena', (w) => (w.period = 'monthly')));
    expect(el.period).to.equal('all-time');
    el.remove();
  });

  it('pages through a 100,000-entry board as it scrolls, keeping the DOM small', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena'));
    const scroller = table(el);
    expect(scroller.getAttribute('aria-rowcount')).to.equal('100001');
    await settled(el);
    const nodes = nodeCount(el);
    for (let page = 2; page <= 6; page++) {
      const height = scroller.scrollHeight;
      scroller.scrollTop = height;
      await until(() => scroller.scrollHeight > height, `page ${page}`);
      expect(rows(el).length).to.be.below(60);
    }
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => rowIndex(rows(el).at(-1)!) > 6 * 20, 'rows of page 6 rendered');
    expect(rows(el).length).to.be.below(60);
    expect(await matchesServer(el, 'lb-arena')).to.be.true;
    // The top again renders what it did at first: nothing may be left of the ~120 rows scrolled
    // past (lit's repeat() left a comment node per row it removed, lit/lit#5298).
    scroller.scrollTop = 0;
    await until(() => rowIndex(rows(el)[0]!) === 2, 'top rows again');
    await settled(el);
    expect(nodeCount(el)).to.be.at.most(nodes + 10);
    el.remove();
  });

  it('"Load more" loads the next page and shows its first rows', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena'));
    button(el, 'load-more').click();
    await until(() => rows(el).some((row) => rowIndex(row) === 22), 'row 21 rendered');
    const row = rows(el).find((r) => rowIndex(r) === 22)!;
    const box = table(el).getBoundingClientRect();
    expect(row.getBoundingClientRect().top).to.be.within(box.top, box.bottom);
    el.remove();
  });

  it('"Load more" before its code has loaded: prefetched on intent, busy until it arrives, then the rows', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena'));
    const real = navigationCode.load;
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    let loads = 0;
    await withNavigationCode(
      async () => {
        loads++;
        await arrived;
        return real();
      },
      async (unhandled) => {
        await settled(el);
        expect(loads, 'the first view (default page size and height) needs none of it').to.equal(0);
        shadow(el).querySelector('[part=frame]')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        expect(loads, 'pointer over the widget').to.equal(1);
        button(el, 'load-more').click();
        await el.updateComplete;
        expect(button(el, 'load-more').getAttribute('aria-disabled')).to.equal('true');
        expect(rows(el).some((row) => rowIndex(row) === 22)).to.be.false;
        arrive();
        await until(() => rows(el).some((row) => rowIndex(row) === 22), 'row 21 rendered');
        expect(loads, 'loaded once').to.equal(1);
        expect(unhandled).to.have.length(0);
      },
    );
    el.remove();
  });

  it('shows an error with a working retry when the code for more rows cannot be loaded', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena'));
    const real = navigationCode.load;
    await withNavigationCode(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      async (unhandled) => {
        // A prefetch that fails says nothing: the action that needs the code reports it.
        shadow(el).querySelector('[part=frame]')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        await settled(el);
        expect(shadow(el).querySelector('[role=alert]')).to.be.null;
        const failed = oneEvent(el, 'rai-error');
        button(el, 'load-more').click();
        expect((await failed).detail.message).to.contain('dynamically imported module');
        await el.updateComplete;
        expect(text(el, '[role=alert]')).to.contain('Something went wrong');
        expect(rows(el).length, 'the rows stay').to.be.greaterThan(0);
        await expect(el).to.be.accessible();
        navigationCode.load = real;
        button(el, 'retry-button').click();
        await until(() => rows(el).some((row) => rowIndex(row) === 22), 'row 21 rendered');
        expect(shadow(el).querySelector('[role=alert]')).to.be.null;
        expect(unhandled).to.have.length(0);
      },
    );
    el.remove();
  });

  it('moves a member who climbs, shifts the others, and ends equal to the server', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp'));
    await live(el);
    const { data } = await serverEntries('lb-xp', { period: 'weekly', limit: 10 });
    const climber = data[6]!;
    await award(climber.user.id, { xp: data[0]!.score - climber.score + 100 });
    await until(() => rows(el)[0]?.dataset['key'] === climber.user.id, 'climber on top');
    expect(rows(el)[0]!.getAnimations(), 'slides into place').to.have.length(1);
    expect(shown(rows(el)[1]!)).to.include({ id: data[0]!.user.id, rank: '2' });
    // Scrolled while they slide, the row elements show other members: the slides stop.
    table(el).scrollTop = table(el).scrollHeight;
    await until(() => rows(el)[0]?.dataset['key'] !== climber.user.id, 'rows scrolled');
    expect(rows(el).flatMap((row) => row.getAnimations()), 'no slide on recycled rows').to.have.length(0);
    await until(() => matchesServer(el, 'lb-xp'), 'rows equal to the server');
    el.remove();
  });

  it('does not animate under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp'));
      await live(el);
      const { data } = await serverEntries('lb-xp', { period: 'weekly', limit: 10 });
      const climber = data[5]!;
      await award(climber.user.id, { xp: data[0]!.score - climber.score + 100 });
      await until(() => rows(el)[0]?.dataset['key'] === climber.user.id, 'climber on top');
      expect(rows(el).flatMap((row) => row.getAnimations())).to.have.length(0);
      el.remove();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('keeps the visible rows in place when a member climbs from below them to the top', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp', (w) => (w.limit = 100)));
    await live(el);
    const scroller = table(el);
    scroller.scrollTop = 40 * rows(el)[0]!.offsetHeight;
    await until(() => rows(el).some((row) => rowIndex(row) === 50), 'rows around 40 rendered');
    const anchor = rows(el).find((row) => rowIndex(row) === 44)!;
    const { id, rank } = shown(anchor);
    // Layout position in the viewport, without the slide's transform.
    const place = (row: HTMLElement) => row.offsetTop - scroller.scrollTop;
    const top = place(anchor);
    const { data } = await serverEntries('lb-xp', { period: 'weekly', limit: 100 });
    const climber = data[80]!;
    await award(climber.user.id, { xp: data[0]!.score - climber.score + 100 });
    const row = () => rows(el).find((r) => r.dataset['key'] === id)!;
    await until(() => shown(row()).rank !== rank, 'anchor row shifted by the climb');
    expect(Number(shown(row()).rank)).to.equal(Number(rank) + 1);
    expect(place(row())).to.be.closeTo(top, 1);
    el.remove();
  });

  it('keeps the reader’s place when moved to another parent, and then where they scroll', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp', (w) => (w.limit = 100)));
    const scroller = table(el);
    const height = rows(el)[0]!.offsetHeight;
    scroller.scrollTop = 40 * height;
    await until(() => rows(el).some((row) => rowIndex(row) === 50), 'rows around 40 rendered');
    // Leaving the document resets a scroller to the top; a host re-parenting the widget must not.
    const parent = document.body.appendChild(document.createElement('section'));
    parent.append(el);
    await settled(el);
    expect(scroller.scrollTop, 'moved: still at row 40').to.be.closeTo(40 * height, 1);
    expect(rows(el).some((row) => rowIndex(row) === 42), 'its rows rendered').to.be.true;
    // The reader's next scroll, then an update: the place they chose stays.
    scroller.scrollTop = 10 * height;
    await until(() => rows(el).some((row) => rowIndex(row) === 12), 'rows around 10 rendered');
    el.requestUpdate();
    await settled(el);
    expect(scroller.scrollTop, 'still where the reader scrolled').to.be.closeTo(10 * height, 1);
    expect(rows(el).some((row) => rowIndex(row) === 12)).to.be.true;
    // Out of the document while an update runs (a framework setting a property on a detached
    // node, a load finishing), then back: the place is kept too.
    el.remove();
    el.requestUpdate();
    await el.updateComplete;
    document.body.append(el);
    await settled(el);
    expect(scroller.scrollTop, 'back: still at row 10').to.be.closeTo(10 * height, 1);
    expect(rows(el).some((row) => rowIndex(row) === 12), 'its rows rendered').to.be.true;
    el.remove();
    parent.remove();
  });

  it('converges after a dropped stream: events during the gap arrive on reconnect', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp'));
    await live(el);
    const { data } = await serverEntries('lb-xp', { period: 'weekly', limit: 10 });
    expect(await disconnectStreams()).to.be.at.least(1);
    const member = freshUser();
    await award(member, { xp: data[0]!.score + 500 });
    await until(() => rows(el)[0]?.dataset['key'] === member, 'member on top after reconnect');
    await until(() => matchesServer(el, 'lb-xp'), 'rows equal to the server');
    el.remove();
  });

  it('renders dark and RTL (Arabic) accessibly', async () => {
    const el = await fixture<RaiLeaderboard>(
      html`<div lang="ar" dir="rtl">
        <rai-leaderboard theme="dark" community-id=${community} leaderboard-id="lb-founders" api-url=${apiUrl}></rai-leaderboard>
      </div>`,
    ).then((wrapper) => wrapper.querySelector('rai-leaderboard')!);
    await until(() => rows(el).length > 0, 'rows');
    // Arabic messages load on first use: updateComplete includes them.
    await el.updateComplete;
    const frame = shadow(el).querySelector('[part=frame]')!;
    expect(frame.getAttribute('dir')).to.equal('rtl');
    expect(text(el, '[role=columnheader]')).to.equal('المرتبة');
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgb(24, 27, 33)');
    const { data } = await serverEntries('lb-founders', { period: 'all-time', limit: 10 });
    expect(shown(rows(el)[3]!)).to.deep.equal(expected(data[3]!, 'ar'));
    await expect(el).to.be.accessible();
  });
});

describe('<rai-leaderboard> member', () => {
  it('pins the member row like the server, jumps to it with focus, and goes back to top', async () => {
    const user = freshUser();
    const { el, event } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena', (w) => (w.authUrl = authUrl({ user }))));
    expect(event.detail.mode).to.equal('member');
    const around = await serverAroundMe('lb-arena', user, 'all-time');
    const me = around.me!;
    expect(me.rank).to.be.above(1_000, 'far down the arena');
    const pinned = shadow(el).querySelector('[part=me]')!;
    expect(pinned.getAttribute('aria-label')).to.equal('Your position');
    expect(text(el, '[part=me] [part=rank]')).to.equal(`#${me.rank.toLocaleString('en')}`);
    expect(pinned.querySelector('[part=score]')!.textContent!.trim()).to.equal(`${me.score.toLocaleString('en')} XP`);
    expect(pinned.textContent).to.contain('(you)');
    await expect(el).to.be.accessible();

    button(el, 'jump-button').click();
    await until(() => focused(el, own(el)), 'own row focused');
    expect(own(el)!.getAttribute('tabindex')).to.equal('-1');
    expect(shown(own(el)!)).to.deep.equal(expected(me));
    const box = table(el).getBoundingClientRect();
    const rowBox = own(el)!.getBoundingClientRect();
    expect(rowBox.top).to.be.at.least(box.top);
    expect(rowBox.bottom).to.be.at.most(box.bottom);
    const neighbours = new Map(around.entries.map((e) => [e.user.id, expected(e)]));
    const visible = rows(el).filter((row) => neighbours.has(row.dataset['key']!));
    expect(visible.length).to.be.at.least(5);
    for (const row of visible) expect(shown(row)).to.deep.equal(neighbours.get(row.dataset['key']!));
    await expect(el).to.be.accessible();

    // The page above loads by itself (the member is near the loaded top) without moving their row.
    const scroller = table(el);
    await until(() => scroller.scrollTop > 20 * rowBox.height, 'page above loaded, scroll kept');
    expect(own(el)!.getBoundingClientRect().top).to.be.closeTo(rowBox.top, 1);
    expect(focused(el, own(el)), 'focus kept').to.be.true;

    button(el, 'top-button').click();
    await until(() => shown(rows(el)[0]!).rank === '1', 'top rows again');
    el.remove();
  });

  it('"Jump to me" whose code cannot be loaded shows an error; its retry jumps', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-arena', (w) => (w.authUrl = authUrl({ user: freshUser() }))));
    const real = navigationCode.load;
    await withNavigationCode(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      async (unhandled) => {
        const failed = oneEvent(el, 'rai-error');
        button(el, 'jump-button').click();
        await failed;
        await el.updateComplete;
        expect(text(el, '[role=alert]')).to.contain('Something went wrong');
        expect(own(el), 'still at the top').to.be.null;
        navigationCode.load = real;
        button(el, 'retry-button').click();
        await until(() => focused(el, own(el)), 'own row focused');
        expect(shadow(el).querySelector('[role=alert]')).to.be.null;
        expect(unhandled).to.have.length(0);
      },
    );
    el.remove();
  });

  it('moves the member row live without losing its focus, and announces the climb', async () => {
    const user = freshUser();
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-xp', (w) => (w.authUrl = authUrl({ user }))));
    await live(el);
    button(el, 'jump-button').click();
    await until(() => focused(el, own(el)), 'own row focused');
    const list = rows(el);
    const place = list.indexOf(own(el)!);
    const target = list[place - 3]!;
    const score = (row: Element) => Number(row.querySelector('[part=score]')!.textContent!.replace(/\D/g, ''));
    const pinnedRank = () => Number(text(el, '[part=me] [part=rank]').replace(/\D/g, ''));
    const before = pinnedRank();
    await award(user, { xp: score(target) - score(own(el)!) + 1 });
    // The server ranks awards when it publishes them (coalesced), not at once.
    let me: LeaderboardEntry | null = null;
    await until(async () => ((me = (await serverAroundMe('lb-xp', user, 'weekly')).me)?.rank ?? before) < before, 'server ranks the award');
    await until(() => pinnedRank() === me!.rank, 'pinned rank updated');
    expect(shown(own(el)!)).to.deep.equal(expected(me!));
    expect(text(el, '[part=me] [part=score]')).to.equal(`${me!.score.toLocaleString('en')} XP`);
    // Rows are recycled by position: the row element that had focus now shows someone else.
    expect(rows(el).indexOf(own(el)!), 'the row moved up in view').to.be.below(place);
    expect(focused(el, own(el)), 'focus follows the moved row').to.be.true;
    expect(text(el, '[role=status][aria-live=polite]')).to.equal(`You moved up to #${me!.rank.toLocaleString('en')}`);
    el.remove();
  });

  it('shows session expired when the token is refused after a renewal', async () => {
    // A token the server cannot verify, as after a secret rotation: "around me" refuses it.
    const forged = async () => ({ token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged', expiresAt: Date.now() + 60_000 });
    const { el } = await mount('rai-leaderboard', 'rai-session-expired', board('lb-xp', (w) => (w.tokenProvider = forged)));
    expect(text(el, '[part~=expired]')).to.contain('Your session has expired');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('reads a members-only board with a token', async () => {
    const { el } = await mount('rai-leaderboard', 'rai-ready', board('lb-coins', (w) => (w.authUrl = authUrl({ user: freshUser() }))));
    expect(rows(el).length).to.be.greaterThan(0);
    expect(shadow(el).querySelector('[part~=members-only]')).to.be.null;
    el.remove();
  });
});
