import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ApiError } from '../src/api/index.js';
import {
  authUrlTokenSource,
  clearSharedTokenSources,
  noToken,
  providerTokenSource,
  sharedAuthUrlSource,
  sharedProviderSource,
  staticToken,
  type TokenGrant,
  type TokenSourceEvent,
} from '../src/auth/index.js';
import { apiError, json, scriptedServer } from './helpers/scripted-server.js';

type Server = Awaited<ReturnType<typeof scriptedServer>>;
let server: Server | undefined;
afterEach(() => server?.close());

/** A provider that issues tok1, tok2, … valid for `ttlMs`, counting calls. */
function issuing(ttlMs: number, now = Date.now) {
  const provider = async (): Promise<TokenGrant | null> => {
    provider.calls++;
    await new Promise((r) => setTimeout(r, 5));
    return { token: `tok${provider.calls}`, expiresAt: now() + ttlMs };
  };
  provider.calls = 0;
  return provider;
}

describe('token sources', () => {
  it('none gives no token and refuses to renew', async () => {
    assert.equal(await noToken.getToken(), null);
    await assert.rejects(noToken.renew(null), (e: ApiError) => e.code === 'unauthorized');
  });

  it('static gives its token until the server refuses it, then reports expiry', async () => {
    const source = staticToken('abc');
    const events: TokenSourceEvent[] = [];
    source.subscribe((e) => events.push(e));
    assert.equal(await source.getToken(), 'abc');
    await assert.rejects(source.renew('abc'), (e: ApiError) => e.code === 'session_expired');
    assert.equal(events[0]?.type, 'expired');
    await assert.rejects(source.getToken(), (e: ApiError) => e.code === 'session_expired');
    assert.throws(() => staticToken('  '), /empty/);
  });

  it('shares one refresh among concurrent callers', async () => {
    const provider = issuing(60_000);
    const source = providerTokenSource(provider);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => source.getToken()));
    assert.deepEqual(new Set(tokens), new Set(['tok1']));
    assert.equal(provider.calls, 1);
  });

  it('refreshes ahead of expiry by the skew, capped at half the lifetime', async () => {
    let clock = 1_800_000_000_000;
    const now = () => clock;
    const provider = issuing(60_000, now);
    const source = providerTokenSource(provider, { refreshSkewMs: 10_000, now });
    assert.equal(await source.getToken(), 'tok1');
    clock += 49_000;
    assert.equal(await source.getToken(), 'tok1', 'still fresh 11 s before expiry');
    clock += 1_000;
    assert.equal(await source.getToken(), 'tok2', 'refreshed 10 s before expiry');

    const short = issuing(4_000, now);
    const shortSource = providerTokenSource(short, { refreshSkewMs: 10_000, now });
    await shortSource.getToken();
    clock += 1_900;
    assert.equal(await shortSource.getToken(), 'tok1', 'a 4 s token is used for 2 s, not refreshed in a loop');
    clock += 200;
    assert.equal(await shortSource.getToken(), 'tok2');
  });

  it('refreshes proactively while subscribed and pushes the new token', async () => {
    const provider = issuing(300);
    const source = providerTokenSource(provider, { refreshSkewMs: 100 });
    const events: TokenSourceEvent[] = [];
    const unsubscribe = source.subscribe((e) => events.push(e));
    await source.getToken();
    await new Promise((r) => setTimeout(r, 520));
    unsubscribe();
    const pushed = events.filter((e) => e.type === 'token').map((e) => (e as { token: string }).token);
    assert.ok(pushed.length >= 3, `pushed ${pushed.join(',')}`);
    const calls = provider.calls;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(provider.calls, calls, 'no refresh timer once nobody listens');
  });

  it('renew drops the refused token but reuses a refresh another caller already got', async () => {
    const provider = issuing(60_000);
    const source = providerTokenSource(provider);
    const first = await source.getToken();
    const [a, b] = await Promise.all([source.renew(first), source.renew(first)]);
    assert.equal(a, 'tok2');
    assert.equal(b, 'tok2');
    assert.equal(await source.renew(first), 'tok2', 'a stale rejection does not force another refresh');
    assert.equal(provider.calls, 2);
  });

  it('a provider resolving null means the session expired', async () => {
    const source = providerTokenSource(async () => null);
    const events: TokenSourceEvent[] = [];
    source.subscribe((e) => events.push(e));
    await assert.rejects(source.getToken(), (e: ApiError) => e.code === 'session_expired');
    assert.deepEqual(events.map((e) => e.type), ['expired']);
  });

  it('rejects a grant whose expiresAt is in seconds, with a clear message', async () => {
    const source = providerTokenSource(async () => ({ token: 'x', expiresAt: Math.floor(Date.now() / 1000) + 60 }));
    await assert.rejects(source.getToken(), /milliseconds/);
  });

  it('auth-url POSTs and reads { token, expiresAt }', async () => {
    const expiresAt = Date.now() + 60_000;
    server = await scriptedServer((_req, res) => json(res, 200, { token: 'from-url', expiresAt }));
    const source = authUrlTokenSource(server.url + '/rai/token');
    assert.equal(await source.getToken(), 'from-url');
    assert.equal(server.requests[0]?.method, 'POST');
    assert.equal(server.requests[0]?.url, '/rai/token');
  });

  it('auth-url answering 401 means signed out: session_expired and an expired event', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 401, 'unauthorized'));
    const source = authUrlTokenSource(server.url);
    const events: TokenSourceEvent[] = [];
    source.subscribe((e) => events.push(e));
    await assert.rejects(source.getToken(), (e: ApiError) => e.code === 'session_expired');
    assert.equal(events[0]?.type, 'expired');
  });

  it('auth-url failing with 500 is a retryable error, not an expiry', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 500, 'internal'));
    const source = authUrlTokenSource(server.url);
    await assert.rejects(source.getToken(), (e: ApiError) => e.code === 'internal');
  });

  it('widgets with the same auth-url or provider share one source', () => {
    clearSharedTokenSources();
    const a = sharedAuthUrlSource('/rai/token', 'https://portal.example/app/');
    const b = sharedAuthUrlSource('https://portal.example/rai/token');
    assert.equal(a, b);
    assert.notEqual(a, sharedAuthUrlSource('/other', 'https://portal.example/'));
    const provider = issuing(1000);
    assert.equal(sharedProviderSource(provider), sharedProviderSource(provider));
    clearSharedTokenSources();
    assert.notEqual(sharedAuthUrlSource('https://portal.example/rai/token'), a);
  });

  it('forgets a shared source once nothing follows it: signing in again in place never reuses the last member’s token', async () => {
    clearSharedTokenSources();
    const provider = issuing(60_000);
    const first = sharedProviderSource(provider);
    const stopA = first.subscribe(() => {});
    const stopB = first.subscribe(() => {});
    assert.equal(await first.getToken(), 'tok1');
    // A widget moved in the DOM lets go and follows again in the same task: still the same source.
    stopA();
    const again = first.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(sharedProviderSource(provider), first);
    // Every follower gone (signed out): a task later the registry has forgotten it.
    stopB();
    again();
    again(); // a second call is a no-op, not a second departure
    assert.equal(sharedProviderSource(provider), first, 'not before the task ends');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = sharedProviderSource(provider);
    assert.notEqual(next, first);
    assert.equal(await next.getToken(), 'tok2');
  });
});
