import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, decodeJwt } from 'jose';
import { paths, type ChatMessage, type ErrorBody } from '@rai-kit/core/api';
import { SCOPES, type Scope, type TokenGrant } from '@rai-kit/core/auth';
import { SECRET, startApi, type TestApi } from './support.js';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

/** Channel-confined tokens over real HTTP: narrowing works, widening never does, and the confinement holds. */
describe('scoped (channel-confined) tokens', () => {
  let t: TestApi;
  let member: string;
  before(async () => {
    t = await startApi({ rateLimit: false, chatSendRateLimit: false });
    member = await t.token({ userId: 'u_0001' });
  });
  after(() => t.close());

  const call = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(t.url(`/widget/v1${path}`), {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const narrowRaw = (token: string, body: { channelId: string; scopes: Scope[]; ttlSeconds?: number }, community = 'demo') =>
    call('POST', `/communities/${community}/tokens/scoped`, token, body);
  async function narrow(token: string, channelId: string, scopes: Scope[] = [SCOPES.chatRead, SCOPES.chatWrite], ttlSeconds?: number) {
    const res = await narrowRaw(token, { channelId, scopes, ...(ttlSeconds === undefined ? {} : { ttlSeconds }) });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { data: TokenGrant }).data;
  }
  async function refused(res: Response, status: number, pattern: RegExp) {
    const body = (await res.json()) as ErrorBody;
    assert.equal(res.status, status, JSON.stringify(body));
    assert.match(body.error.message, pattern);
    return body;
  }
  let keys = 0;
  const send = (token: string, channel: string, text: string) =>
    call('POST', paths.channelMessages('demo', channel), token, { text }, { 'Idempotency-Key': `scoped-${++keys}` });

  test('narrowing gives the same member a token for one channel, with the requested scopes only', async () => {
    const grant = await narrow(member, 'ch-general', [SCOPES.chatWrite, SCOPES.chatRead, SCOPES.chatWrite]);
    const claims = decodeJwt(grant.token);
    assert.equal(claims.sub, 'u_0001');
    assert.equal(claims.cid, 'demo');
    assert.equal(claims.chn, 'ch-general');
    assert.equal(claims.scope, 'chat:write chat:read');
    assert.equal(grant.expiresAt, (claims.exp as number) * 1000);
  });

  test('an iframe channel takes posts from its app (a token narrowed to it) and from no one else', async () => {
    const app = await narrow(member, 'ch-arcade');
    assert.equal((await send(member, 'ch-arcade', 'as the member')).status, 403, 'the member’s own token');
    const posted = await send(app.token, 'ch-arcade', 'high score: 42');
    assert.equal(posted.status, 201, await posted.clone().text());
    const channel = (await (await call('GET', paths.channel('demo', 'ch-arcade'), app.token)).json()) as { data: { permissions: object } };
    assert.deepEqual(channel.data.permissions, { read: true, post: true, react: false });
    const history = (await (await call('GET', paths.channelMessages('demo', 'ch-arcade'), null)).json()) as { data: ChatMessage[] };
    assert.deepEqual(history.data.map((m) => [m.author.id, m.text]), [['u_0001', 'high score: 42']]);
    const general = await narrow(member, 'ch-general');
    assert.equal((await send(general.token, 'ch-arcade', 'elsewhere')).status, 403, 'narrowed to another channel');
  });

  test('the confined token reads, posts and reacts in its channel, and its stream and uploads accept it', async () => {
    const { token } = await narrow(member, 'ch-general');
    const read = await call('GET', `${paths.channelMessages('demo', 'ch-general')}?limit=5`, token);
    assert.equal(read.status, 200, await read.clone().text());
    assert.equal((await call('GET', paths.channel('demo', 'ch-general'), token)).status, 200);
    const sent = await send(token, 'ch-general', 'from the partner app');
    assert.equal(sent.status, 201, await sent.clone().text());
    const message = ((await sent.json()) as { data: ChatMessage }).data;
    assert.equal(message.author.id, 'u_0001');
    const reacted = await call('PUT', paths.messageReaction('demo', 'ch-general', message.id, ':fire:'), token);
    assert.equal(reacted.status, 200, await reacted.clone().text());
    const poll = await call('GET', paths.channelEvents('demo', 'ch-general'), token, undefined, { Accept: 'application/json' });
    assert.equal(poll.status, 200, await poll.clone().text());
    const upload = await fetch(t.url(`/widget/v1${paths.channelUploads('demo', 'ch-general')}`), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png', 'Idempotency-Key': `scoped-upload-${++keys}` },
      body: PNG,
    });
    assert.equal(upload.status, 201, await upload.clone().text());
  });

  test('the confined token is refused everywhere else, public routes included, with a clear message', async () => {
    const { token } = await narrow(member, 'ch-general');
    const elsewhere = [
      paths.me('demo'),
      paths.myOrders('demo'),
      paths.community('demo'),
      paths.leaderboards('demo'),
      paths.leaderboardEntries('demo', 'lb-xp'),
      paths.store('demo'),
      paths.storeProducts('demo'),
      paths.channels('demo'),
      paths.channel('demo', 'ch-members'),
      paths.channelMessages('demo', 'ch-members'),
      paths.channelMessages('demo', 'ch-history'),
      paths.channelMessages('other', 'ch-general'),
    ];
    for (const path of elsewhere) {
      await refused(await call('GET', path, token), 403, /restricted to channel "ch-general"/);
    }
    for (const path of [paths.meEvents('demo'), paths.channelEvents('demo', 'ch-announcements')]) {
      await refused(await call('GET', path, token, undefined, { Accept: 'text/event-stream' }), 403, /restricted/);
    }
    await refused(await send(token, 'ch-members', 'escape'), 403, /restricted to channel "ch-general"/);
    await refused(await call('POST', paths.storePurchases('demo'), token, { productId: 'p1' }, { 'Idempotency-Key': 'x' }), 403, /restricted/);
    // The member's own token still works on the same routes: the refusal is the confinement's.
    assert.equal((await call('GET', paths.me('demo'), member)).status, 200);
    assert.equal((await call('GET', paths.channelMessages('demo', 'ch-members'), member)).status, 200);
  });

  test('widening is refused: scopes the caller lacks, another channel, a longer life', async () => {
    const chatOnly = await t.token({ userId: 'u_0001', scopes: [SCOPES.chatRead] });
    await refused(await narrowRaw(chatOnly, { channelId: 'ch-general', scopes: [SCOPES.chatRead, SCOPES.chatWrite] }), 403, /lacks: chat:write/);

    const confined = await narrow(member, 'ch-general');
    await refused(await narrowRaw(confined.token, { channelId: 'ch-members', scopes: [SCOPES.chatRead] }), 403, /cannot be narrowed to "ch-members"/);
    // Only chat scopes mean anything on a channel-confined token: anything else is a 400, even for a full member.
    await refused(await narrowRaw(member, { channelId: 'ch-general', scopes: [SCOPES.chatRead, SCOPES.storePurchase] }), 400, /scopes/);
    // Narrowing a confined token further, for its own channel, is allowed.
    const readOnly = await narrow(confined.token, 'ch-general', [SCOPES.chatRead]);
    assert.equal(decodeJwt(readOnly.token).scope, 'chat:read');
    await refused(await send(readOnly.token, 'ch-general', 'no write scope'), 403, /lacks the "chat:write" scope/);
  });

  test('the narrowed token never outlives the calling token', async () => {
    const shortLived = await t.token({ userId: 'u_0001', ttlSeconds: 30 });
    const callerExp = decodeJwt(shortLived).exp as number;
    const grant = await narrow(shortLived, 'ch-general', [SCOPES.chatRead], 900);
    assert.ok(grant.expiresAt <= callerExp * 1000, `${grant.expiresAt} > ${callerExp * 1000}`);
    const chained = await narrow(grant.token, 'ch-general', [SCOPES.chatRead], 900);
    assert.ok(chained.expiresAt <= grant.expiresAt);
    // Without a ttl: the default 300 s, still capped.
    assert.ok((await narrow(shortLived, 'ch-general')).expiresAt <= callerExp * 1000);
    const longLived = await narrow(member, 'ch-general', [SCOPES.chatRead], 60);
    const { exp, iat } = decodeJwt(longLived.token) as { exp: number; iat: number };
    assert.equal(exp - iat, 60);
  });

  test('unknown channel 404, another community 403, no token 401, bad body 400', async () => {
    await refused(await narrowRaw(member, { channelId: 'ch-nope', scopes: [SCOPES.chatRead] }), 404, /No channel "ch-nope"/);
    await refused(await narrowRaw(member, { channelId: 'ch-general', scopes: [SCOPES.chatRead] }, 'other'), 403, /community "demo"/);
    assert.equal((await call('POST', '/communities/demo/tokens/scoped', null, { channelId: 'ch-general', scopes: [SCOPES.chatRead] })).status, 401);
    assert.equal((await call('POST', '/communities/demo/tokens/scoped', member, { channelId: 'ch-general', scopes: [] })).status, 400);
    assert.equal((await call('POST', '/communities/demo/tokens/scoped', member, { channelId: 'ch-general', scopes: ['admin'] })).status, 400);
  });

  test('a token whose channel claim is not a channel id is refused outright (never read as unconfined)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ sub: 'u_0001', cid: 'demo', scope: 'me:read', aud: 'rai-widgets', iat: now, exp: now + 60, jti: 'j1', chn: 42 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    await refused(await call('GET', paths.me('demo'), forged), 401, /"chn"/);
  });
});
