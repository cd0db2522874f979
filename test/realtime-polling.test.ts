/**
 * The event stream's JSON polling fallback in a browser, against the real sandbox server. Its
 * code loads with `import()` when a stream first falls back (event-stream.ts), so a page whose
 * stream works never downloads it, and the first fallback on a page starts from cold.
 */
import { expect } from '@open-wc/testing';
import { meStream } from './support/me-stream.js';
import { award, until } from './support/sandbox.js';

/** Whether this page has fetched the polling fallback's module. */
const pollingLoaded = () => performance.getEntriesByType('resource').some((entry) => /\/realtime\/polling\.(ts|js)/.test(entry.name));

/** A proxy in front of the API that buffers SSE away: it answers stream requests with a page. */
const sseRefusingFetch: typeof fetch = (input, init) =>
  new Headers(init?.headers).get('Accept') === 'text/event-stream'
    ? Promise.resolve(new Response('<p>Buffered by the proxy</p>', { headers: { 'Content-Type': 'text/html' } }))
    : fetch(input, init);

describe('the polling fallback, loaded on demand', () => {
  it('is not downloaded while the stream works', async () => {
    const user = 'u_0201';
    const { stream, received } = await meStream(user, { pollIntervalMs: 100 });
    try {
      await until(() => stream.state === 'open', 'stream open');
      await award(user, { xp: 1, reason: 'streamed' });
      await until(() => received.length === 1, 'the streamed event');
      expect(pollingLoaded()).to.equal(false);
    } finally {
      stream.close();
    }
  });

  it('loads when a proxy refuses the stream, and delivers events by polling', async () => {
    const user = 'u_0202';
    const { stream, received, states } = await meStream(user, { pollIntervalMs: 100, fetch: sseRefusingFetch });
    try {
      await until(() => stream.state === 'polling', 'polling');
      await award(user, { xp: 2, reason: 'polled-1' });
      await award(user, { xp: 3, reason: 'polled-2' });
      await until(() => received.length === 2, 'the polled events');
      expect(received.map((event) => event.data.reason)).to.deep.equal(['polled-1', 'polled-2']);
      expect(states).to.not.include('open');
      expect(pollingLoaded()).to.equal(true);
    } finally {
      stream.close();
    }
  });
});
