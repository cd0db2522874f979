import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { ErrorBody } from '@rai-kit/core/api';
import { SECRET, startApi, type TestApi } from './support.js';

describe('token auth on protected routes', () => {
  let t: TestApi;
  before(async () => (t = await startApi()));
  after(() => t.close());

  const getMe = async (authorization?: string, community = 'demo') => {
    const res = await fetch(t.url(`/widget/v1/communities/${community}/me`), {
      headers: authorization ? { Authorization: authorization } : {},
    });
    return { status: res.status, body: (await res.json()) as ErrorBody, headers: res.headers };
  };

  test('a valid token with me:read passes', async () => {
    assert.equal((await getMe(`Bearer ${await t.token()}`)).status, 200);
  });

  test('missing token is 401 unauthorized with a hint', async () => {
    const { status, body, headers } = await getMe();
    assert.equal(status, 401);
    assert.equal(body.error.code, 'unauthorized');
    assert.match(body.error.message, /Missing bearer token/);
    assert.match(headers.get('www-authenticate')!, /^Bearer/);
  });

  test('a non-Bearer Authorization header is 401 malformed', async () => {
    const { status, body } = await getMe('Basic dXNlcjpwYXNz');
    assert.equal(status, 401);
    assert.match(body.error.message, /Bearer <widget token>/);
  });

  test('forged signature is 401 saying so', async () => {
    const forged = await t.token({ secret: `${SECRET}-attacker` });
    const { status, body } = await getMe(`Bearer ${forged}`);
    assert.equal(status, 401);
    assert.match(body.error.message, /signature is invalid/);
  });

  test('garbage token is 401 malformed', async () => {
    const { status, body } = await getMe('Bearer abc.def.ghi');
    assert.equal(status, 401);
    assert.match(body.error.message, /not a well-formed JWT/);
  });

  test('expired token is 401 saying it expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ sub: 'u_0001', cid: 'demo', scope: 'me:read', jti: 'x', aud: 'rai-widgets', iat: now - 600, exp: now - 300 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    const { status, body } = await getMe(`Bearer ${expired}`);
    assert.equal(status, 401);
    assert.equal(body.error.code, 'unauthorized');
    assert.match(body.error.message, /expired/);
  });

  test('wrong audience is 401 naming the audience', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sub: 'u_0001', cid: 'demo', scope: 'me:read', jti: 'x', aud: 'someone-else', iat: now, exp: now + 60 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    const { status, body } = await getMe(`Bearer ${token}`);
    assert.equal(status, 401);
    assert.match(body.error.message, /audience must be "rai-widgets"/);
  });

  test('a token for another community is 403 forbidden', async () => {
    const token = await t.token({ communityId: 'night-owls' });
    const { status, body } = await getMe(`Bearer ${token}`, 'demo');
    assert.equal(status, 403);
    assert.equal(body.error.code, 'forbidden');
    assert.match(body.error.message, /"night-owls", not "demo"/);
  });

  test('a token without the scope is 403 naming the scope', async () => {
    const streamOnly = await t.token({ scopes: ['me:stream'] });
    const me = await getMe(`Bearer ${streamOnly}`);
    assert.equal(me.status, 403);
    assert.match(me.body.error.message, /"me:read" scope/);

    const readOnly = await t.token({ scopes: ['me:read'] });
    const events = await fetch(t.url('/widget/v1/communities/demo/me/events'), {
      headers: { Authorization: `Bearer ${readOnly}`, Accept: 'application/json' },
    });
    assert.equal(events.status, 403);
    assert.match((await events.json()).error.message, /"me:stream" scope/);
  });

  test('public routes ignore a bad token', async () => {
    const res = await fetch(t.url('/widget/v1/communities/demo'), { headers: { Authorization: 'Bearer junk' } });
    assert.equal(res.status, 200);
  });
});
