import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHAT_EVENTS,
  MAX_MESSAGE_LENGTH,
  MAX_UPLOAD_BYTES,
  SHORTCODE_PATTERN,
  paths,
  type Channel,
  type ChatMessage,
  type ChatUpload,
  type ErrorBody,
  type MessagePageMeta,
} from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import type { PollMeta, StreamEvent } from '@rai-kit/core/realtime';
import { sseReader, startApi, type TestApi } from './support.js';

type History = { data: ChatMessage[]; meta: MessagePageMeta };
type Poll = { data: StreamEvent<ChatMessage>[]; meta: PollMeta };

/** A 1×1 PNG, and the start of a GIF (enough for the sniffer). */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
const GIF = new TextEncoder().encode('GIF89a\u0002\u0000\u0003\u0000');

describe('chat', () => {
  let t: TestApi;
  let alice: string;
  let bob: string;
  before(async () => {
    t = await startApi({ rateLimit: false, chatSendRateLimit: false });
    alice = await t.token({ userId: 'u_0001' });
    bob = await t.token({ userId: 'u_0002' });
  });
  after(() => t.close());

  const auth = (token?: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
  const get = (path: string, token?: string | null, headers: Record<string, string> = {}) =>
    fetch(t.url(`/widget/v1${path}`), { headers: { ...auth(token), ...headers } });
  async function ok<T>(path: string, token?: string | null): Promise<T> {
    const res = await get(path, token);
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return res.json() as Promise<T>;
  }
  const history = (channel: string, query = '', token?: string | null) => ok<History>(`${paths.channelMessages('demo', channel)}${query}`, token);
  let keys = 0;
  const send = (channel: string, body: unknown, token: string | null = alice, key: string | null = `k-${++keys}`) =>
    fetch(t.url(`/widget/v1${paths.channelMessages('demo', channel)}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth(token), ...(key ? { 'Idempotency-Key': key } : {}) },
      body: JSON.stringify(body),
    });
  const sent = async (channel: string, body: unknown, token: string = alice) => {
    const res = await send(channel, body, token);
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { data: ChatMessage }).data;
  };
  const call = (method: string, path: string, token: string | null, body?: unknown) =>
    fetch(t.url(`/widget/v1${path}`), {
      method,
      headers: { ...auth(token), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
  const poll = (channel: string, afterId: string) =>
    get(`${paths.channelEvents('demo', channel)}?after=${encodeURIComponent(afterId)}`, null, { Accept: 'application/json' }).then(
      (res) => res.json() as Promise<Poll>,
    );

  test('lists public channels for everyone, members-only ones with chat:read, with per-caller permissions', async () => {
    const anonymous = await ok<{ data: Channel[]; meta: { nextCursor: string | null } }>(paths.channels('demo'));
    assert.deepEqual(anonymous.data.map((ch) => ch.id), ['ch-general', 'ch-announcements', 'ch-history', 'ch-arcade']);
    assert.ok(anonymous.data.every((ch) => ch.permissions.read && !ch.permissions.post && !ch.permissions.react));

    const member = await ok<{ data: Channel[] }>(paths.channels('demo'), alice);
    const byId = Object.fromEntries(member.data.map((ch) => [ch.id, ch]));
    assert.deepEqual(Object.keys(byId), ['ch-general', 'ch-announcements', 'ch-members', 'ch-history', 'ch-arcade']);
    assert.deepEqual(byId['ch-general']!.permissions, { read: true, post: true, react: true });
    assert.deepEqual(byId['ch-announcements']!.permissions, { read: true, post: false, react: true });
    assert.deepEqual(byId['ch-arcade']!.permissions, { read: true, post: false, react: false });
    assert.deepEqual([byId['ch-arcade']!.type, byId['ch-arcade']!.url, byId['ch-general']!.url], ['iframe', 'https://arcade.example/embed', null]);

    // A read-only token reads members-only channels but may not write.
    const reader = await t.token({ scopes: [SCOPES.chatRead] });
    const readOnly = await ok<{ data: Channel[] }>(paths.channels('demo'), reader);
    assert.equal(readOnly.data.length, 5);
    assert.ok(readOnly.data.every((ch) => !ch.permissions.post));

    assert.deepEqual((await ok<{ data: Channel[] }>(paths.channels('fresh-start'))).data.map((ch) => ch.id), ['ch-welcome']);
    assert.equal((await get(paths.channel('demo', 'ch-welcome'))).status, 404);
    const empty = await ok<History>(paths.channelMessages('fresh-start', 'ch-welcome'));
    assert.deepEqual([empty.data, empty.meta.prevCursor, empty.meta.nextCursor], [[], null, null]);
    assert.equal((await get(paths.channels('atlantis'))).status, 404);
  });

  test('members-only channels answer like protected routes; unknown ones 404', async () => {
    const path = paths.channel('demo', 'ch-members');
    assert.equal((await get(path)).status, 401);
    assert.equal((await get(path, await t.token({ communityId: 'acme-traders' }))).status, 403);
    assert.equal((await get(path, await t.token({ scopes: [SCOPES.meRead] }))).status, 403);
    assert.equal((await ok<{ data: Channel }>(path, alice)).data.visibility, 'members');
    assert.equal((await get(paths.channelMessages('demo', 'ch-members'))).status, 401);
    assert.equal((await history('ch-members', '', alice)).data.length, 12);
    assert.equal((await get(paths.channelEvents('demo', 'ch-members'), null, { Accept: 'application/json' })).status, 401);
    assert.equal((await get(paths.channel('demo', 'ch-nope'))).status, 404);
    assert.equal((await get(paths.channel('demo', 'ch-general'))).status, 200);
  });

  test('history: the newest page, then every message exactly once paging older and newer; bad cursors 400', async () => {
    const newest = await history('ch-general', '?limit=20');
    assert.deepEqual(newest.data.map((m) => m.id), Array.from({ length: 20 }, (_, i) => `m_000000${31 + i}`));
    assert.deepEqual([newest.meta.prevCursor, newest.meta.nextCursor], ['m_00000031', null]);
    assert.match(newest.meta.lastEventId, /^\w+\.\d+$/);

    const older: string[] = [];
    let page = newest;
    while (page.meta.prevCursor) {
      page = await history('ch-general', `?limit=7&before=${page.meta.prevCursor}`);
      older.unshift(...page.data.map((m) => m.id));
    }
    const all = [...older, ...newest.data.map((m) => m.id)];
    assert.deepEqual(all, Array.from({ length: 50 }, (_, i) => `m_${String(i + 1).padStart(8, '0')}`));

    const newer: string[] = [];
    let cursor: string | null = 'm_00000000';
    while (cursor) {
      const next: History = await history('ch-general', `?limit=9&after=${cursor}`);
      newer.push(...next.data.map((m) => m.id));
      cursor = next.meta.nextCursor;
    }
    assert.deepEqual(newer, all);

    const first = await history('ch-general', '?limit=3&after=m_00000000');
    assert.equal(first.meta.prevCursor, null);
    // Past the newest message: empty, and paging back from there gives the newest page again.
    const past = await history('ch-general', '?after=m_00000050');
    assert.deepEqual([past.data, past.meta.nextCursor], [[], null]);
    assert.equal((await history('ch-general', `?limit=1&before=${past.meta.prevCursor}`)).data[0]!.id, 'm_00000050');

    for (const query of ['?before=zzz', '?after=12', '?before=m_00000001&after=m_00000002', '?limit=101']) {
      const res = await get(`${paths.channelMessages('demo', 'ch-general')}${query}`);
      assert.equal(res.status, 400, query);
      const error = await errorOf(res);
      assert.equal(error.code, 'invalid_request');
      assert.ok(error.details?.length, query);
    }
  });

  test('seeded history has replies, reactions and hostile text kept verbatim', async () => {
    const { data } = await history('ch-general', '?limit=50');
    assert.ok(data.some((m) => m.replyTo && m.replyTo.excerpt.length > 0));
    assert.ok(data.some((m) => m.reactions.some((r) => r.count > 0 && SHORTCODE_PATTERN.test(r.shortcode))));
    const texts = data.map((m) => m.text).join('\n');
    for (const hostile of ['<script>', 'javascript:', '\u202E', 'Supercalifragilisticexpialidocious'.repeat(12)]) {
      assert.ok(texts.includes(hostile), hostile);
    }
    assert.ok(data.every((m) => m.author.displayName && !m.deleted && m.editedAt === null && !Number.isNaN(Date.parse(m.createdAt))));
    assert.equal((await history('ch-announcements')).data.length, 3);
  });

  test('send: 201, replay with the same key answers the same message once, conflicts and bad bodies refused', async () => {
    const body = { text: '  Hello, world!  ' };
    const first = await send('ch-general', body, alice, 'hello-1');
    assert.equal(first.status, 201);
    const message = ((await first.json()) as { data: ChatMessage }).data;
    assert.equal(message.text, 'Hello, world!');
    assert.deepEqual([message.author.id, message.replyTo, message.reactions, message.deleted], ['u_0001', null, [], false]);

    const replay = await send('ch-general', body, alice, 'hello-1');
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(((await replay.json()) as { data: ChatMessage }).data, message);
    const newest = await history('ch-general', '?limit=3');
    assert.equal(newest.data.filter((m) => m.text === 'Hello, world!').length, 1);

    // Keys are per member: Bob's "hello-1" is his own.
    assert.notEqual((await sent('ch-general', body, bob)).id, message.id);
    const conflict = await send('ch-general', { text: 'Something else' }, alice, 'hello-1');
    assert.deepEqual([conflict.status, (await errorOf(conflict)).code], [409, 'conflict']);

    const missingKey = await send('ch-general', body, alice, null);
    assert.equal(missingKey.status, 400);
    assert.equal((await errorOf(missingKey)).details?.[0]?.path, 'idempotency-key');
    for (const bad of [{ text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }, { text: '   ' }, {}, { text: 5 }]) {
      const res = await send('ch-general', bad);
      assert.equal(res.status, 400, JSON.stringify(bad).slice(0, 40));
      assert.equal((await errorOf(res)).details?.[0]?.path, 'text');
    }
    assert.equal((await send('ch-general', { text: ` ${'y'.repeat(MAX_MESSAGE_LENGTH)} ` })).status, 201);

    assert.deepEqual([(await send('ch-announcements', body)).status, (await send('ch-arcade', body)).status], [403, 403]);
    assert.equal((await send('ch-general', body, null)).status, 401);
    assert.equal((await send('ch-general', body, await t.token({ scopes: [SCOPES.chatRead] }))).status, 403);
    assert.equal((await send('ch-general', body, await t.token({ userId: 'u_9999' }))).status, 404);
    assert.equal((await send('ch-members', { text: 'members only' })).status, 201);
  });

  test('concurrent sends with one key create one message', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => send('ch-general', { text: 'once' }, alice, 'burst')));
    const ids = await Promise.all(responses.map(async (res) => ((await res.json()) as { data: ChatMessage }).data.id));
    assert.deepEqual(responses.map((r) => r.status), Array(6).fill(201));
    assert.equal(new Set(ids).size, 1);
    assert.equal(responses.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length, 5);
    assert.equal((await history('ch-general', '?limit=10')).data.filter((m) => m.text === 'once').length, 1);
  });

  test('replies carry the replied-to author and excerpt; unknown targets are 400', async () => {
    const target = await sent('ch-general', { text: 'What is everyone playing?' }, bob);
    const reply = await sent('ch-general', { text: 'Chess', replyTo: target.id });
    assert.deepEqual(reply.replyTo, { id: target.id, author: target.author, excerpt: 'What is everyone playing?' });
    const res = await send('ch-general', { text: 'x', replyTo: 'm_09999999' });
    assert.deepEqual([res.status, (await errorOf(res)).details?.[0]?.path], [400, 'replyTo']);
  });

  test('react and unreact: idempotent, counts for everyone, mine per caller', async () => {
    const message = await sent('ch-general', { text: 'React to me' }, bob);
    const reaction = (who: string | null, method: 'PUT' | 'DELETE', code = ':sparkling_heart:') =>
      call(method, paths.messageReaction('demo', 'ch-general', message.id, code), who);
    const reactionsOf = async (res: Response) => {
      assert.equal(res.status, 200, await res.clone().text());
      return ((await res.json()) as { data: ChatMessage }).data.reactions;
    };

    assert.deepEqual(await reactionsOf(await reaction(alice, 'PUT')), [{ shortcode: ':sparkling_heart:', count: 1, mine: true }]);
    assert.deepEqual(await reactionsOf(await reaction(alice, 'PUT')), [{ shortcode: ':sparkling_heart:', count: 1, mine: true }]);
    assert.deepEqual(await reactionsOf(await reaction(bob, 'PUT')), [{ shortcode: ':sparkling_heart:', count: 2, mine: true }]);
    assert.deepEqual(await reactionsOf(await reaction(bob, 'PUT', ':+1:')), [
      { shortcode: ':sparkling_heart:', count: 2, mine: true },
      { shortcode: ':+1:', count: 1, mine: true },
    ]);
    const seen = async (token: string | null) =>
      (await history('ch-general', '?limit=30', token)).data.find((m) => m.id === message.id)!.reactions;
    assert.deepEqual((await seen(alice)).map((r) => r.mine), [true, false]);
    assert.deepEqual((await seen(null)).map((r) => r.mine), [false, false]);

    assert.deepEqual(await reactionsOf(await reaction(alice, 'DELETE')), [
      { shortcode: ':sparkling_heart:', count: 1, mine: false },
      { shortcode: ':+1:', count: 1, mine: false },
    ]);
    assert.equal((await reactionsOf(await reaction(alice, 'DELETE'))).length, 2);
    assert.deepEqual(await reactionsOf(await reaction(bob, 'DELETE', ':+1:')), [{ shortcode: ':sparkling_heart:', count: 1, mine: true }]);

    assert.equal((await reaction(alice, 'PUT', 'heart')).status, 400);
    assert.equal((await reaction(alice, 'PUT', ':Heart:')).status, 400);
    assert.equal((await reaction(null, 'PUT')).status, 401);
    assert.equal((await call('PUT', paths.messageReaction('demo', 'ch-general', 'm_09999999', ':fire:'), alice)).status, 404);
    // Announcements take reactions, not posts.
    assert.equal((await call('PUT', paths.messageReaction('demo', 'ch-announcements', 'm_00000001', ':tada:'), alice)).status, 200);
  });

  test('edit and delete: the author only; delete leaves a tombstone in place', async () => {
    const message = await sent('ch-general', { text: 'Typo hree' });
    const path = paths.channelMessage('demo', 'ch-general', message.id);

    assert.equal((await call('PATCH', path, bob, { text: 'hijack' })).status, 403);
    assert.equal((await call('DELETE', path, bob)).status, 403);
    assert.equal((await call('PATCH', path, alice, { text: '  ' })).status, 400);
    const edited = await call('PATCH', path, alice, { text: 'Typo here' });
    assert.equal(edited.status, 200);
    const editedMessage = ((await edited.json()) as { data: ChatMessage }).data;
    assert.deepEqual([editedMessage.id, editedMessage.text, editedMessage.createdAt], [message.id, 'Typo here', message.createdAt]);
    assert.ok(editedMessage.editedAt);

    const deleted = await call('DELETE', path, alice);
    assert.equal(deleted.status, 200);
    const tombstone = ((await deleted.json()) as { data: ChatMessage }).data;
    assert.deepEqual([tombstone.id, tombstone.deleted, tombstone.text, tombstone.reactions], [message.id, true, '', []]);
    assert.equal((await call('DELETE', path, alice)).status, 200);
    assert.equal((await call('PATCH', path, alice, { text: 'back?' })).status, 404);
    assert.equal((await call('PUT', paths.messageReaction('demo', 'ch-general', message.id, ':fire:'), alice)).status, 404);
    const page = await history('ch-general', '?limit=20');
    assert.deepEqual(page.data.find((m) => m.id === message.id)?.deleted, true);
    assert.equal((await call('DELETE', paths.channelMessage('demo', 'ch-general', 'm_09999999'), alice)).status, 404);
  });

  test('uploads: images only, 2 MiB at most, served back with safe headers and attachable to a send', async () => {
    const upload = (body: Uint8Array<ArrayBuffer>, type: string, token: string | null = alice, key?: string) =>
      fetch(t.url(`/widget/v1${paths.channelUploads('demo', 'ch-general')}`), {
        method: 'POST',
        headers: { 'Content-Type': type, ...auth(token), ...(key ? { 'Idempotency-Key': key } : {}) },
        body,
      });
    const res = await upload(PNG, 'image/png');
    assert.equal(res.status, 201, await res.clone().text());
    const image = ((await res.json()) as { data: ChatUpload }).data;
    assert.deepEqual([image.width, image.height], [1, 1]);

    const served = await fetch(image.url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('Content-Type'), 'image/png');
    assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(served.headers.get('Cache-Control') ?? '', /max-age=31536000/);
    assert.deepEqual(new Uint8Array(await served.arrayBuffer()), PNG);

    const gif = ((await (await upload(GIF, 'image/gif')).json()) as { data: ChatUpload }).data;
    assert.deepEqual([gif.width, gif.height], [2, 3]);

    // A retried upload with its key answers the same upload; other bytes with that key conflict.
    const keyed = () => upload(PNG, 'image/png', alice, 'up-1');
    const once = ((await (await keyed()).json()) as { data: ChatUpload }).data;
    const again = await keyed();
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(((await again.json()) as { data: ChatUpload }).data, once);
    assert.equal((await upload(GIF, 'image/gif', alice, 'up-1')).status, 409);

    const withImages = await sent('ch-general', { text: '', imageIds: [image.id, gif.id] });
    assert.deepEqual(withImages.images, [
      { url: image.url, width: 1, height: 1, alt: '' },
      { url: gif.url, width: 2, height: 3, alt: '' },
    ]);
    const unknown = await send('ch-general', { text: 'x', imageIds: ['img_nope'] });
    assert.deepEqual([unknown.status, (await errorOf(unknown)).details?.[0]?.path], [400, 'imageIds.0']);

    assert.equal((await upload(PNG, 'text/html')).status, 415);
    assert.equal((await upload(GIF, 'image/png')).status, 415);
    assert.equal((await upload(new Uint8Array(0), 'image/png')).status, 400);
    // In process: over a socket the server answers before the client finished sending and
    // closes, which fetch reports as a network error instead of the 413.
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG);
    const tooBig = await t.api.fetch(
      new Request(t.url(`/widget/v1${paths.channelUploads('demo', 'ch-general')}`), {
        method: 'POST',
        headers: { 'Content-Type': 'image/png', ...auth(alice) },
        body: big,
      }),
    );
    assert.deepEqual([tooBig.status, (await errorOf(tooBig)).message], [413, 'Request body too large (2 MiB max).']);
    assert.equal((await upload(PNG, 'image/png', null)).status, 401);
    assert.equal((await fetch(t.url(`/widget/v1${paths.channelUpload('demo', 'ch-general', 'img_nope')}`))).status, 404);
    assert.equal((await fetch(image.url.replace('ch-general', 'ch-history'))).status, 404);
  });

  test('the stream delivers sends as message.created; resuming from an event id misses nothing', async () => {
    const snapshot = await history('ch-members', '?limit=1', alice);
    const response = await get(paths.channelEvents('demo', 'ch-members'), alice, { Accept: 'text/event-stream' });
    assert.equal(response.status, 200);
    const stream = sseReader(response);
    const message = await sent('ch-members', { text: 'live!' });
    const [event] = await stream.events(1);
    assert.equal(event!.event, CHAT_EVENTS.created);
    assert.ok(event!.id);
    assert.deepEqual(event!.data, message);
    await stream.close();

    const more = [await sent('ch-members', { text: 'one' }), await sent('ch-members', { text: 'two' }, bob)];
    await call('PUT', paths.messageReaction('demo', 'ch-members', more[0]!.id, ':fire:'), bob);
    await call('DELETE', paths.channelMessage('demo', 'ch-members', more[1]!.id), bob);
    await call('PATCH', paths.channelMessage('demo', 'ch-members', more[0]!.id), alice, { text: 'one, edited' });

    const resumed = await get(paths.channelEvents('demo', 'ch-members'), alice, {
      Accept: 'text/event-stream',
      'Last-Event-ID': event!.id!,
    });
    const resumedStream = sseReader(resumed);
    const replayed = await resumedStream.events(5);
    assert.deepEqual(replayed.map((e) => [e.event, (e.data as ChatMessage).id]), [
      [CHAT_EVENTS.created, more[0]!.id],
      [CHAT_EVENTS.created, more[1]!.id],
      [CHAT_EVENTS.updated, more[0]!.id],
      [CHAT_EVENTS.deleted, more[1]!.id],
      [CHAT_EVENTS.updated, more[0]!.id],
    ]);
    assert.deepEqual([(replayed[3]!.data as ChatMessage).deleted, (replayed[4]!.data as ChatMessage).text], [true, 'one, edited']);
    // Broadcast reactions carry counts; mine is never set in events.
    assert.deepEqual((replayed[2]!.data as ChatMessage).reactions, [{ shortcode: ':fire:', count: 1, mine: false }]);
    await resumedStream.close();

    // The polling fallback from the snapshot's position: every change since, in order.
    const polled = await fetch(t.url(`/widget/v1${paths.channelEvents('demo', 'ch-members')}?after=${encodeURIComponent(snapshot.meta.lastEventId)}`), {
      headers: { Accept: 'application/json', ...auth(alice) },
    }).then((res) => res.json() as Promise<Poll>);
    assert.deepEqual(polled.data.map((e) => e.id), [event!.id, ...replayed.map((e) => e.id)]);
    assert.equal(polled.meta.reset, false);
  });

  test('public channel polling needs no token and the history snapshot adds up with the events after it', async () => {
    const before = await history('ch-general', '?limit=5');
    const message = await sent('ch-general', { text: 'after the snapshot' });
    const polled = await poll('ch-general', before.meta.lastEventId);
    assert.deepEqual(polled.data.map((e) => [e.event, e.data.id]), [[CHAT_EVENTS.created, message.id]]);
    assert.equal((await history('ch-general', `?after=${before.data.at(-1)!.id}`)).data[0]!.id, message.id);
  });

  test('a 100 000-message channel pages from both ends and the middle', async () => {
    const newest = await history('ch-history', '?limit=100');
    assert.equal(newest.data.length, 100);
    assert.deepEqual([newest.data[0]!.id, newest.data.at(-1)!.id, newest.meta.nextCursor], ['m_00099901', 'm_00100000', null]);
    const middle = await history('ch-history', '?limit=100&before=m_00050001');
    assert.deepEqual([middle.data[0]!.id, middle.data.at(-1)!.id, middle.meta.prevCursor, middle.meta.nextCursor], [
      'm_00049901',
      'm_00050000',
      'm_00049901',
      'm_00050000',
    ]);
    const oldest = await history('ch-history', '?limit=2&after=m_00000000');
    assert.deepEqual([oldest.data.map((m) => m.id), oldest.meta.prevCursor], [['m_00000001', 'm_00000002'], null]);
    assert.ok(Date.parse(oldest.data[0]!.createdAt) < Date.parse(newest.data[0]!.createdAt));
    // Made deterministically per message: reading again gives the same.
    assert.deepEqual((await history('ch-history', '?limit=100&before=m_00050001')).data, middle.data);
  });
});

describe('chat send rate limit', () => {
  let t: TestApi;
  before(async () => {
    t = await startApi({ rateLimit: false, chatSendRateLimit: { windowMs: 60_000, max: 2 } });
  });
  after(() => t.close());

  test('over the limit a member gets 429 with Retry-After; replays do not count', async () => {
    const token = await t.token();
    const send = (key: string) =>
      fetch(t.url(`/widget/v1${paths.channelMessages('demo', 'ch-general')}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key },
        body: JSON.stringify({ text: 'spam' }),
      });
    assert.equal((await send('a')).status, 201);
    assert.equal((await send('a')).status, 201);
    assert.equal((await send('b')).status, 201);
    const limited = await send('c');
    assert.equal(limited.status, 429);
    assert.equal(((await limited.json()) as ErrorBody).error.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
    // The refused key stays usable later: nothing was stored for it.
    assert.equal((await send('a')).headers.get('Idempotent-Replayed'), 'true');
    // Others are not affected.
    const other = await t.token({ userId: 'u_0002' });
    const res = await fetch(t.url(`/widget/v1${paths.channelMessages('demo', 'ch-general')}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${other}`, 'Idempotency-Key': 'c' },
      body: JSON.stringify({ text: 'hi' }),
    });
    assert.equal(res.status, 201);
  });
});

describe('chat sandbox hooks', () => {
  let t: TestApi;
  // One send per member per minute: the sandbox post must not count against it.
  before(async () => (t = await startApi({ rateLimit: false, chatSendRateLimit: { windowMs: 60_000, max: 1 } })));
  after(() => t.close());

  const channelPath = (channel: string) => `/widget/v1${paths.channelMessages('demo', channel)}`;
  const send = (token: string, key: string, body: unknown) =>
    fetch(t.url(channelPath('ch-general')), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
  const postAs = (channel: string, body: unknown) =>
    fetch(t.url(`/sandbox/v1/communities/demo/channels/${channel}/messages`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const openStream = async (channel: string) =>
    sseReader(await fetch(t.url(`/widget/v1${paths.channelEvents('demo', channel)}`), { headers: { Accept: 'text/event-stream' } }));
  const newest = async (channel: string, limit: number) =>
    ((await (await fetch(t.url(`${channelPath(channel)}?limit=${limit}`))).json()) as History).data;

  test('a send’s nonce is echoed in the answer and in the message.created event', async () => {
    const stream = await openStream('ch-general');
    const res = await send(await t.token({ userId: 'u_0001' }), 'nonce-1', { text: 'with a nonce', nonce: 'n-42' });
    assert.equal(res.status, 201);
    const message = ((await res.json()) as { data: ChatMessage }).data;
    assert.equal(message.nonce, 'n-42');
    const [event] = await stream.events(1);
    assert.equal(event!.event, CHAT_EVENTS.created);
    assert.equal((event!.data as ChatMessage).nonce, 'n-42');
    await stream.close();
    assert.equal((await newest('ch-general', 1))[0]!.nonce, 'n-42', 'history keeps it too');
  });

  test('a response-phase fault loses the answer, not the send: a retry with the same key gives the one message', async () => {
    const token = await t.token({ userId: 'u_0002' });
    const fault = await fetch(t.url('/sandbox/v1/faults'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: channelPath('ch-general'), method: 'POST', status: 503, times: 1, phase: 'response' }),
    });
    assert.equal(fault.status, 201);
    const lost = await send(token, 'lost-answer', { text: 'did it arrive?' });
    assert.equal(lost.status, 503);
    assert.equal(((await lost.json()) as ErrorBody).error.code, 'unavailable');
    assert.equal((await newest('ch-general', 1))[0]!.text, 'did it arrive?', 'the handler ran');

    const retried = await send(token, 'lost-answer', { text: 'did it arrive?' });
    assert.equal(retried.status, 201, 'a replay, so the 1-per-minute limit does not refuse it');
    assert.equal(retried.headers.get('Idempotent-Replayed'), 'true');
    const recent = await newest('ch-general', 10);
    assert.equal(recent.filter((m) => m.text === 'did it arrive?').length, 1);
    assert.equal(((await retried.json()) as { data: ChatMessage }).data.id, recent.at(-1)!.id);

    // A replay's answer can be lost too; the error then carries none of the replay's headers.
    await fetch(t.url('/sandbox/v1/faults'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: channelPath('ch-general'), status: 503, times: 1, phase: 'response' }),
    });
    const lostReplay = await send(token, 'lost-answer', { text: 'did it arrive?' });
    assert.deepEqual([lostReplay.status, lostReplay.headers.get('Idempotent-Replayed')], [503, null]);
    assert.equal((await newest('ch-general', 10)).filter((m) => m.text === 'did it arrive?').length, 1);
  });

  test('the sandbox posts as any member past the send rate limit, on the stream like any send', async () => {
    const token = await t.token({ userId: 'u_0003' });
    assert.equal((await send(token, 'own-1', { text: 'mine' })).status, 201);
    assert.equal((await send(token, 'own-2', { text: 'mine again' })).status, 429, 'the member is at the limit');

    const stream = await openStream('ch-general');
    const target = (await newest('ch-general', 1))[0]!;
    const posts = [];
    for (const text of ['hi from the sandbox', 'and again']) {
      const res = await postAs('ch-general', { authorId: 'u_0003', text, replyTo: target.id });
      assert.equal(res.status, 201, await res.clone().text());
      posts.push(((await res.json()) as { data: ChatMessage }).data);
    }
    assert.deepEqual(posts.map((m) => [m.author.id, m.text, m.replyTo?.id]), [
      ['u_0003', 'hi from the sandbox', target.id],
      ['u_0003', 'and again', target.id],
    ]);
    const events = await stream.events(2);
    assert.deepEqual(events.map((e) => [e.event, (e.data as ChatMessage).id]), posts.map((m) => [CHAT_EVENTS.created, m.id]));
    await stream.close();
  });

  test('a sandbox post names what is wrong', async () => {
    const cases: [string, unknown, number, string][] = [
      ['ch-general', { authorId: 'u_9999', text: 'who?' }, 400, 'authorId'],
      ['ch-general', { authorId: 'u_0001', text: '   ' }, 400, 'text'],
      ['ch-general', { authorId: 'u_0001', text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }, 400, 'text'],
      ['ch-general', { authorId: 'u_0001', text: 'hi', replyTo: 'm_nope' }, 400, 'replyTo'],
      ['ch-general', { authorId: 'u_0001', text: 'hi', imageIds: ['x'] }, 400, ''],
      ['ch-nope', { authorId: 'u_0001', text: 'hi' }, 404, ''],
      ['ch-arcade', { authorId: 'u_0001', text: 'hi' }, 403, ''],
    ];
    for (const [channel, body, status, field] of cases) {
      const res = await postAs(channel, body);
      assert.equal(res.status, status, JSON.stringify(body));
      const { error } = (await res.json()) as ErrorBody;
      if (field) assert.equal(error.details?.[0]?.path, field, JSON.stringify(body));
    }
  });
});
