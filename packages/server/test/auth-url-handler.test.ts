import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { authUrlHandler, verifyWidgetToken } from '../src/index.js';
import { SECRET } from './support.js';

describe('authUrlHandler mounted on a real server', () => {
  let server: Server;
  let url: string;
  before(async () => {
    const handler = authUrlHandler({
      secret: SECRET,
      communityId: 'demo',
      ttlSeconds: 60,
      // The "host session": a header stands in for the host's cookie.
      getUser: async (req) => {
        const user = req.headers.get('x-test-user');
        return user ? { id: user, displayName: 'Test User' } : null;
      },
    });
    server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rai/token`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('POST with a signed-in user mints a token for them', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'x-test-user': 'u_0042' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { token, expiresAt } = await res.json();
    const claims = await verifyWidgetToken(token, { secret: SECRET, communityId: 'demo' });
    assert.equal(claims.sub, 'u_0042');
    assert.equal(claims.name, 'Test User');
    assert.equal(expiresAt, claims.exp * 1000);
    assert.equal(claims.exp - claims.iat, 60);
  });

  test('POST without a user is 401 in the contract shape', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'X-Request-Id': 'req-1' } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { error: { code: 'unauthorized', message: 'Not signed in.', requestId: 'req-1' } });
  });

  test('other methods are 405 with Allow: POST', async () => {
    const res = await fetch(url, { headers: { 'x-test-user': 'u_0042' } });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    assert.equal((await res.json()).error.code, 'invalid_request');
  });

  test('a short secret is refused when the handler is created', () => {
    assert.throws(() => authUrlHandler({ secret: 'short', communityId: 'demo', getUser: async () => null }), /at least 32 characters/);
  });
});
