import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { TokenError, mintWidgetToken, verifyWidgetToken } from '../src/index.js';
import { SECRET } from './support.js';

const base = { secret: SECRET, communityId: 'demo', user: { id: 'u_0001', displayName: 'Ada' } };

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenError, String(error));
    return error.reason;
  }
  throw new Error('expected a TokenError');
}

test('mint sets the contract claims and verify returns them', async () => {
  const before = Math.floor(Date.now() / 1000);
  const { token, expiresAt, claims } = await mintWidgetToken(base);
  assert.equal(claims.sub, 'u_0001');
  assert.equal(claims.cid, 'demo');
  assert.equal(claims.scope, 'me:read me:stream leaderboard:read chat:read chat:write store:purchase');
  assert.equal(claims.aud, 'rai-widgets');
  assert.equal(claims.name, 'Ada');
  assert.match(claims.jti, /^[0-9a-f-]{36}$/);
  assert.ok(claims.iat >= before);
  assert.equal(claims.exp - claims.iat, 300);
  assert.equal(expiresAt, claims.exp * 1000);
  assert.deepEqual(await verifyWidgetToken(token, { secret: SECRET, communityId: 'demo' }), claims);
  assert.notEqual((await mintWidgetToken(base)).claims.jti, claims.jti, 'jti is unique');
});

test('mint honours scopes and TTL, and allows a 1 s TTL', async () => {
  const { claims } = await mintWidgetToken({ ...base, scopes: ['me:read'], ttlSeconds: 1 });
  assert.equal(claims.scope, 'me:read');
  assert.equal(claims.exp - claims.iat, 1);
});

test('mint refuses TTLs outside 1..900 and short secrets', async () => {
  for (const ttlSeconds of [0, -5, 901, 3600, 1.5]) {
    await assert.rejects(mintWidgetToken({ ...base, ttlSeconds }), /ttlSeconds must be an integer from 1 to 900/);
  }
  await assert.rejects(mintWidgetToken({ ...base, secret: 'short' }), /at least 32 characters/);
  await assert.rejects(verifyWidgetToken('x', { secret: 'short' }), /at least 32 characters/);
});

test('verify names why a token is refused', async () => {
  const { token } = await mintWidgetToken(base);
  assert.equal(await reasonOf(verifyWidgetToken(token, { secret: `${SECRET}-other` })), 'bad_signature');
  assert.equal(await reasonOf(verifyWidgetToken('not.a.jwt', { secret: SECRET })), 'malformed');
  assert.equal(await reasonOf(verifyWidgetToken(token, { secret: SECRET, communityId: 'night-owls' })), 'wrong_community');

  const key = new TextEncoder().encode(SECRET);
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'u', cid: 'demo', scope: 'me:read', jti: 'j' };
  const sign = (payload: Record<string, unknown>) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);
  assert.equal(await reasonOf(verifyWidgetToken(await sign({ ...claims, aud: 'other', iat: now, exp: now + 60 }), { secret: SECRET })), 'wrong_audience');
  assert.equal(await reasonOf(verifyWidgetToken(await sign({ ...claims, aud: 'rai-widgets', iat: now - 120, exp: now - 60 }), { secret: SECRET })), 'expired');
  assert.equal(await reasonOf(verifyWidgetToken(await sign({ sub: 'u', aud: 'rai-widgets', iat: now, exp: now + 60 }), { secret: SECRET })), 'missing_claims');
  // alg "none" must never pass.
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, aud: 'rai-widgets', iat: now, exp: now + 60 })).toString('base64url')}.`;
  assert.notEqual(await reasonOf(verifyWidgetToken(unsigned, { secret: SECRET })), '');
});

test('a token expires after its TTL', async () => {
  const { token } = await mintWidgetToken({ ...base, ttlSeconds: 1 });
  // exp is in whole seconds: the token is dead once the clock reaches the next second.
  await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
  const error = await verifyWidgetToken(token, { secret: SECRET }).catch((e: unknown) => e);
  assert.ok(error instanceof TokenError && error.reason === 'expired');
  assert.match(error.message, /Token expired at \d{4}-/);
});
