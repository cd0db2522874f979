/**
 * @rai-kit/core against the real sandbox server: the `me` stream resumes after a forced
 * disconnect with nothing lost and nothing twice, and the API client rides out 503s.
 */
import { expect } from '@open-wc/testing';
import { paths, WidgetApiClient } from '@rai-kit/core/api';
import { staticToken } from '@rai-kit/core/auth';
import { parseEventId } from '@rai-kit/core/realtime';
import { meStream } from './support/me-stream.js';
import { award, clearFaults, community, disconnectStreams, injectFault, apiUrl, mintToken, until } from './support/sandbox.js';

afterEach(() => clearFaults());

describe('me event stream against the sandbox', () => {
  it('resumes after a forced disconnect without losing or repeating an event', async () => {
    const user = 'u_0200';
    const { stream, snapshot, received, states } = await meStream(user, { backoffBaseMs: 50 });
    try {
      await until(() => stream.state === 'open', 'stream open');
      for (let i = 1; i <= 3; i++) await award(user, { xp: i, reason: `before-${i}` });
      await until(() => received.length >= 3, 'first three events');

      expect(await disconnectStreams()).to.be.at.least(1);
      // Awarded while the client is cut off: these must arrive after the resume.
      for (let i = 4; i <= 6; i++) await award(user, { xp: i, reason: `during-${i}` });
      await until(() => received.length >= 6 && stream.state === 'open', 'events after reconnect');
      await award(user, { xp: 7, reason: 'after' });
      await until(() => received.length >= 7, 'event after resume');
      await new Promise((r) => setTimeout(r, 200));

      expect(states).to.include('reconnecting');
      const seqs = received.map((e) => parseEventId(e.id)!.seq);
      const start = parseEventId(snapshot.meta!.lastEventId)!.seq;
      expect(seqs).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((n) => start + n), 'every id once, in order');
      expect(received.map((e) => e.data.reason)).to.deep.equal(['before-1', 'before-2', 'before-3', 'during-4', 'during-5', 'during-6', 'after']);
      expect(received.at(-1)!.data.me.xp).to.equal(snapshot.data.xp + 28);
    } finally {
      stream.close();
    }
  });
});

describe('WidgetApiClient against the sandbox', () => {
  it('rides out two 503s and returns the data', async () => {
    await injectFault({ path: `/widget/v1/communities/${community}`, status: 503, times: 2, method: 'GET' });
    const client = new WidgetApiClient({ apiUrl, retry: { baseMs: 20, maxMs: 50 } });
    const data = await client.get<{ id: string }>(paths.community(community));
    expect(data.id).to.equal(community);
  });

  it('refuses a token for another community with forbidden, not a retry loop', async () => {
    const client = new WidgetApiClient({ apiUrl, tokenSource: staticToken(await mintToken('u_0001')) });
    const error = await client.get(paths.me('acme-traders')).catch((e: unknown) => e);
    expect((error as { code: string }).code).to.equal('forbidden');
  });
});
