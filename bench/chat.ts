/**
 * <rai-chat-channel> in headless Chromium against the real sandbox API: time to first messages
 * (the 100,000-message ch-history, the 50-message ch-general and a plain fetch + innerHTML floor
 * of each), a 5,000-message scroll back through ch-history, 1,000 live messages at 100/s
 * (pinned to the bottom vs scrolled up), and 500 sends through the widget's outbox with 20 % of
 * the send requests failing vs none. See README.md. Run with `npm run bench:chat -w bench`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { API_PREFIX, WidgetApiClient, paths, type ChatMessage } from '@rai-kit/core/api';
import { staticToken } from '@rai-kit/core/auth';
import { ChannelApi } from '@rai-kit/core/chat';
import { SANDBOX_PREFIX, mintWidgetToken } from '@rai-kit/server';
import { heapAfterGc, withFreshPage } from './browser/chromium.js';
import { MESSAGE } from './browser/chat-dom.js';
import type { FirstRowsTarget } from './browser/protocol.js';
import { chatTable, type ReceiveRun, type ScrollBackRun, type SendRun } from './chat-report.js';
import { runBrowserBench, type BrowserBench } from './browser-bench.js';
import { envInt, log } from './cli.js';
import { measureFirstRows, type FirstRowsSummary } from './first-rows-runs.js';

const settings = {
  runs: envInt('BENCH_RUNS', 10),
  scrollRuns: envInt('BENCH_SCROLL_RUNS', 1),
  scrollMessages: envInt('BENCH_SCROLL_MESSAGES', 5_000),
  receiveRuns: envInt('BENCH_RECEIVE_RUNS', 2),
  receive: envInt('BENCH_RECEIVE', 1_000),
  receiveRate: envInt('BENCH_RECEIVE_RATE', 100),
  sendRuns: envInt('BENCH_SEND_RUNS', 1),
  sends: envInt('BENCH_SENDS', 500),
  failPercent: envInt('BENCH_FAIL_PERCENT', 20),
};

const COMMUNITY = 'demo';
/** Where the live traffic and the sends go: public, postable, 50 seeded messages. */
const LIVE_CHANNEL = 'ch-general';
/** How Chromium logs the answers of the injected faults: expected, not a page error. */
const INJECTED_FAULT = /status of 503 \(Service Unavailable\)/;
/** No paint for this long ends a receive run (what was not painted by then is reported missing). */
const RECEIVE_IDLE_MS = 5_000;

/** What every measurement runs against. */
type Bench = BrowserBench;

// No send rate limit: the scenarios send and post far faster than a person.
await runBrowserBench({ name: 'chat', page: 'chat-page.ts', settings, api: { chatSendRateLimit: false } }, async (bench) => {
  const firstMessages = await measureFirstMessages(bench);
  const scrolls = await measureScrollBack(bench);
  const receives = await measureReceive(bench);
  const sends = await measureSends(bench);
  return {
    table: chatTable({ firstMessages, scrolls, receives, sends, settings }),
    results: { firstMessages, scrolls, receives, sends },
    check: () => assertNothingLost(sends),
  };
});

function chat(bench: Bench, channelId: string, attributes: Record<string, string> = {}): FirstRowsTarget {
  return {
    kind: 'element',
    tag: 'rai-chat-channel',
    attributes: { 'community-id': COMMUNITY, 'channel-id': channelId, 'api-url': bench.apiUrl, ...attributes },
    readySelector: MESSAGE,
  };
}

function memberId(n: number): string {
  return `u_${String(n).padStart(4, '0')}`;
}

async function tokenFor(bench: Bench, userId: string): Promise<string> {
  return (await mintWidgetToken({ secret: bench.tokenSecret, communityId: COMMUNITY, user: { id: userId }, ttlSeconds: 900 })).token;
}

async function sandbox(bench: Bench, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${bench.apiUrl}${SANDBOX_PREFIX}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** a. Cold pages: the 100,000-message channel vs the 50-message one, each beside its floor. */
function measureFirstMessages(bench: Bench): Promise<FirstRowsSummary[]> {
  return measureFirstRows({
    browser: bench.browser,
    pageUrl: bench.pageUrl,
    open: (page, spec) => page.evaluate((s) => window.raiChatBench.firstRows(s), spec),
    widgets: ['ch-history', LIVE_CHANNEL].map((channelId) => ({ name: `<rai-chat-channel> ${channelId}`, shows: channelId, spec: chat(bench, channelId) })),
    floorUrl: (channelId, requests) => requests.find((url) => new URL(url).pathname.endsWith(`/channels/${channelId}/messages`)),
    floorRows: 'messages',
    runs: settings.runs,
  });
}

/** b. Scroll ch-history back from its newest message, with the heap after GC either side. */
async function measureScrollBack(bench: Bench): Promise<ScrollBackRun[]> {
  const runs: ScrollBackRun[] = [];
  for (let i = 0; i < settings.scrollRuns; i++) {
    const run = await withFreshPage(bench.browser, bench.pageUrl, async (page) => {
      await page.evaluate((spec) => window.raiChatBench.firstRows(spec), chat(bench, 'ch-history'));
      const before = await heapAfterGc(page);
      const result = await page.evaluate((n) => window.raiChatBench.scrollBack(n), settings.scrollMessages);
      const after = await heapAfterGc(page);
      return { ...result, heapBefore: before.heapBytes, heapAfter: after.heapBytes, domNodesBefore: before.domNodes, domNodesAfter: after.domNodes };
    });
    runs.push(run);
    log(`scroll back ${i + 1}/${settings.scrollRuns}: ${run.messagesPassed} messages in ${(run.wallMs / 1000).toFixed(1)} s, ≤ ${run.maxArticles} in the DOM`);
  }
  return runs;
}

/**
 * c. Messages posted from Node through the sandbox route at a steady rate, received by a page
 * pinned to the bottom and by one scrolled up, alternating which goes first.
 */
async function measureReceive(bench: Bench): Promise<ReceiveRun[]> {
  const runs: ReceiveRun[] = [];
  for (let run = 0; run < settings.receiveRuns; run++) {
    for (const scrolledUp of run % 2 ? [true, false] : [false, true]) {
      const result = await withFreshPage(bench.browser, bench.pageUrl, async (page) => {
        await page.evaluate(() => window.raiChatBench.tapFetch());
        await page.evaluate((spec) => window.raiChatBench.firstRows(spec), chat(bench, LIVE_CHANNEL));
        if (scrolledUp) await page.evaluate(() => window.raiChatBench.leaveBottom());
        await page.evaluate(() => window.raiChatBench.watch());
        await postAtRate(bench, settings.receive, settings.receiveRate, `live ${run}${scrolledUp ? 'u' : 'p'}`);
        return page.evaluate((count, idleMs) => window.raiChatBench.received(count, idleMs), settings.receive, RECEIVE_IDLE_MS);
      });
      runs.push({ scrolledUp, ...result });
      log(
        `receive ${run + 1}/${settings.receiveRuns}${scrolledUp ? ', scrolled up' : ', pinned'}: of ${result.arrived} arrived, ` +
          `${result.rendered} painted as articles, ${result.counted} in the unread count`,
      );
    }
  }
  return runs;
}

/** Posts `count` messages as rotating members, one every 1/`perSecond` s on a fixed schedule (a slow answer does not delay the next). */
async function postAtRate(bench: Bench, count: number, perSecond: number, label: string): Promise<void> {
  const start = performance.now();
  const posts: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    const body = { authorId: memberId(2 + (i % 20)), text: `${label} #${i}` };
    posts.push(sandbox(bench, 'POST', paths.channelMessages(COMMUNITY, LIVE_CHANNEL), body));
  }
  await Promise.all(posts);
}

/**
 * d. `settings.sends` messages through the widget's `send()`, with `failPercent` % of the send
 * requests failing (half before the handler, half after it: the message exists but its answer
 * is lost) vs none; then the channel's history, read through the API, is checked.
 */
async function measureSends(bench: Bench): Promise<SendRun[]> {
  const runs: SendRun[] = [];
  let member = 100; // Members above u_0100 post nowhere else: each run's are its own.
  for (let run = 0; run < settings.sendRuns; run++) {
    for (const failPercent of run % 2 ? [0, settings.failPercent] : [settings.failPercent, 0]) {
      const result = await sendThroughWidget(bench, memberId(++member), failPercent, run);
      runs.push(result);
      log(
        `send ${run + 1}/${settings.sendRuns}, ${failPercent} % failing: ${result.delivered} delivered, ${result.duplicates} duplicates, ` +
          `${result.orderViolations} out of order in ${(result.wallMs / 1000).toFixed(1)} s`,
      );
    }
  }
  return runs;
}

async function sendThroughWidget(bench: Bench, userId: string, failPercent: number, run: number): Promise<SendRun> {
  const token = await tokenFor(bench, userId);
  const channel = new ChannelApi(new WidgetApiClient({ apiUrl: bench.apiUrl, tokenSource: staticToken(token) }), COMMUNITY, LIVE_CHANNEL);
  const newestBefore = (await channel.page({ limit: 1 })).messages.at(-1)!.id;
  if (failPercent > 0) {
    // Two faults, tried in turn: the second only draws for requests the first let through.
    const half = failPercent / 200;
    const fault = { path: API_PREFIX + paths.channelMessages(COMMUNITY, LIVE_CHANNEL), method: 'POST', status: 503 };
    await sandbox(bench, 'POST', '/faults', { ...fault, probability: half, seed: 1 + 2 * run });
    await sandbox(bench, 'POST', '/faults', { ...fault, probability: half / (1 - half), seed: 2 + 2 * run, phase: 'response' });
  }
  const texts = Array.from({ length: settings.sends }, (_, i) => `send ${userId} #${i}`);
  try {
    const { result, attempts } = await withFreshPage(bench.browser, bench.pageUrl, async (page) => {
      await page.evaluate(() => window.raiChatBench.tapFetch());
      await page.evaluate((spec) => window.raiChatBench.firstRows(spec), chat(bench, LIVE_CHANNEL, { token }));
      const sent = await page.evaluate((all, timeoutMs) => window.raiChatBench.sendAll(all, timeoutMs), texts, 300_000);
      return { result: sent, attempts: await page.evaluate(() => window.raiChatBench.sendAttempts()) };
    }, INJECTED_FAULT);
    const mine = (await messagesAfter(channel, newestBefore)).filter((m) => m.author.id === userId);
    const numbers = mine.map((m) => Number(/#(\d+)$/.exec(m.text)?.[1]));
    const distinct = new Set(numbers);
    return {
      failPercent,
      sends: texts.length,
      sentEvents: result.sent,
      failures: result.failures,
      wallMs: result.wallMs,
      requests: attempts.total,
      failedRequests: attempts.failed,
      delivered: [...distinct].filter((n) => n >= 0 && n < texts.length).length,
      duplicates: numbers.length - distinct.size,
      orderViolations: numbers.filter((n, i) => i > 0 && n < numbers[i - 1]!).length,
    };
  } finally {
    await sandbox(bench, 'DELETE', '/faults');
  }
}

/** Every message after `id`, oldest first, paging forward. */
async function messagesAfter(channel: ChannelApi, id: string): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [];
  for (let after: string | null = id; after; ) {
    const page = await channel.page({ after, limit: 100 });
    messages.push(...page.messages);
    after = page.meta.nextCursor;
  }
  return messages;
}

/** The figures the issue requires of every send run: all delivered, once, in order. */
function assertNothingLost(runs: SendRun[]): void {
  const bad = runs.filter((r) => r.delivered !== r.sends || r.duplicates !== 0 || r.orderViolations !== 0 || r.failures.length > 0);
  if (bad.length === 0) return;
  const what = bad.map(
    (r) => `${r.failPercent} % failing: ${r.delivered}/${r.sends} delivered, ${r.duplicates} duplicates, ${r.orderViolations} out of order, ${r.failures.length} failed`,
  );
  throw new Error(`messages were lost, duplicated or reordered: ${what.join('; ')}`);
}
