import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ApiError, WidgetApiClient } from '../src/api/index.js';
import { noToken, staticToken, type TokenSource } from '../src/auth/index.js';
import { apiError, json, scriptedServer } from './helpers/scripted-server.js';

type Server = Awaited<ReturnType<typeof scriptedServer>>;
let server: Server | undefined;
afterEach(() => server?.close());

const fastRetry = { baseMs: 5, maxMs: 20 };

/** A source whose tokens are t1, t2, …; counts renewals. */
function countingSource(): TokenSource & { renewals: number } {
  let n = 1;
  return {
    kind: 'provider',
    renewals: 0,
    getToken: async () => `t${n}`,
    async renew() {
      this.renewals++;
      return `t${++n}`;
    },
    subscribe: () => () => {},
  };
}

describe('WidgetApiClient', () => {
  it('unwraps the data envelope and sends JSON with the API prefix', async () => {
    server = await scriptedServer((req, res) => json(res, 200, { data: { path: req.url } }));
    const client = new WidgetApiClient({ apiUrl: server.url + '/' });
    const data = await client.get<{ path: string }>('/communities/demo', { query: { a: 1, skip: undefined } });
    assert.equal(data.path, '/widget/v1/communities/demo?a=1');
    assert.equal(server.requests[0]?.headers.accept, 'application/json');
    assert.equal(server.requests[0]?.headers.authorization, undefined, 'public requests carry no token');
  });

  it('turns an error body into a typed ApiError', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 404, 'not_found', { 'X-Request-Id': 'abc' }));
    const client = new WidgetApiClient({ apiUrl: server.url, retry: fastRetry });
    const error = await client.get('/x').catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
    assert.equal(error.requestId, 'req-test');
    assert.equal(server.requests.length, 1, '4xx is never retried');
  });

  it('keeps the numbers an error body explains itself with, and drops a meta of another shape', async () => {
    const body = (meta: unknown) => ({ error: { code: 'insufficient_balance', message: 'Not enough coins', requestId: 'r', meta } });
    server = await scriptedServer((req, res) =>
      json(res, 409, body(req.url!.endsWith('/odd') ? { nested: { a: 1 } } : { balance: 30, price: 50, shortfall: 20 })),
    );
    const client = new WidgetApiClient({ apiUrl: server.url, retry: fastRetry });
    const error = (await client.get('/buy').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'insufficient_balance');
    assert.deepEqual(error.meta, { balance: 30, price: 50, shortfall: 20 });
    const odd = (await client.get('/odd').catch((e: unknown) => e)) as ApiError;
    assert.deepEqual(odd.meta, {});
  });

  it('maps a body that is not the contract shape to a code from the status', async () => {
    server = await scriptedServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    const client = new WidgetApiClient({ apiUrl: server.url, retry: { ...fastRetry, retries: 1 } });
    const error = (await client.get('/x').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'internal');
    assert.equal(error.status, 502);
    assert.equal(server.requests.length, 2, 'one retry of a 502');
  });

  it('retries 503 with backoff, then succeeds', async () => {
    let calls = 0;
    server = await scriptedServer((_req, res) => (++calls < 3 ? apiError(res, 503, 'unavailable') : json(res, 200, { data: 'ok' })));
    const client = new WidgetApiClient({ apiUrl: server.url, retry: fastRetry });
    assert.equal(await client.get('/x'), 'ok');
    assert.equal(calls, 3);
  });

  it('waits for Retry-After on a 429 before retrying', async () => {
    const times: number[] = [];
    server = await scriptedServer((_req, res) => {
      times.push(Date.now());
      return times.length === 1 ? apiError(res, 429, 'rate_limited', { 'Retry-After': '1' }) : json(res, 200, { data: 'ok' });
    });
    const client = new WidgetApiClient({ apiUrl: server.url, retry: fastRetry });
    assert.equal(await client.get('/x'), 'ok');
    assert.ok(times[1]! - times[0]! >= 950, `waited ${times[1]! - times[0]!} ms`);
  });

  it('gives up on a Retry-After longer than maxRetryAfterMs', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 429, 'rate_limited', { 'Retry-After': '120' }));
    const client = new WidgetApiClient({ apiUrl: server.url, retry: { ...fastRetry, maxRetryAfterMs: 1000 } });
    const error = (await client.get('/x').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfter, 120);
    assert.equal(server.requests.length, 1);
  });

  it('retries a POST only when it carries an idempotency key', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 503, 'unavailable'));
    const client = new WidgetApiClient({ apiUrl: server.url, retry: { ...fastRetry, retries: 2 } });
    await assert.rejects(client.request('/x', { method: 'POST', body: { a: 1 } }));
    assert.equal(server.requests.length, 1);
    await assert.rejects(client.request('/x', { method: 'POST', body: { a: 1 }, idempotencyKey: 'k1' }));
    assert.equal(server.requests.length, 4);
    assert.equal(server.requests[3]?.headers['idempotency-key'], 'k1');
    assert.equal(server.requests[3]?.body, '{"a":1}');
  });

  it('reports an unreachable server as network_error after retrying', async () => {
    server = await scriptedServer(() => {});
    const url = server.url;
    await server.close();
    server = undefined;
    let fetches = 0;
    const client = new WidgetApiClient({
      apiUrl: url,
      retry: { ...fastRetry, retries: 2 },
      fetch: (input, init) => (fetches++, fetch(input, init)),
    });
    const error = (await client.get('/x').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'network_error');
    assert.equal(fetches, 3);
  });

  it('shares one request among identical GETs in flight, and one caller aborting spares the others', async () => {
    server = await scriptedServer(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 50));
      json(res, 200, { data: 'shared' });
    });
    const client = new WidgetApiClient({ apiUrl: server.url });
    const leaving = new AbortController();
    const a = client.get('/x');
    const b = client.get('/x', { signal: leaving.signal });
    const c = client.get('/x');
    leaving.abort();
    await assert.rejects(b, (e: ApiError) => e.code === 'aborted');
    assert.deepEqual(await Promise.all([a, c]), ['shared', 'shared']);
    assert.equal(server.requests.length, 1);
    await client.get('/x');
    assert.equal(server.requests.length, 2, 'a settled request is not cached');
  });

  it('does not share GETs across token sources', async () => {
    server = await scriptedServer((req, res) => json(res, 200, { data: req.headers.authorization ?? 'public' }));
    const pub = new WidgetApiClient({ apiUrl: server.url, tokenSource: noToken });
    const authed = new WidgetApiClient({ apiUrl: server.url, tokenSource: staticToken('abc') });
    assert.deepEqual(await Promise.all([pub.get('/x'), authed.get('/x')]), ['public', 'Bearer abc']);
  });

  it('aborts the underlying request when its only caller aborts', async () => {
    let closed = false;
    server = await scriptedServer(async (_req, res) => {
      res.on('close', () => (closed = true));
      await new Promise((r) => setTimeout(r, 500));
      if (!res.destroyed) json(res, 200, { data: 'late' });
    });
    const client = new WidgetApiClient({ apiUrl: server.url });
    const controller = new AbortController();
    const pending = client.get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (e: ApiError) => e.code === 'aborted');
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(closed, 'the server saw the connection close');
  });

  it('renews the token once on a 401 and retries with the new token', async () => {
    server = await scriptedServer((req, res) =>
      req.headers.authorization === 'Bearer t2' ? json(res, 200, { data: 'me' }) : apiError(res, 401, 'unauthorized'),
    );
    const source = countingSource();
    const client = new WidgetApiClient({ apiUrl: server.url, tokenSource: source });
    assert.equal(await client.get('/me'), 'me');
    assert.equal(source.renewals, 1);
    assert.deepEqual(server.requests.map((r) => r.headers.authorization), ['Bearer t1', 'Bearer t2']);
  });

  it('raises session_expired when the renewed token is refused too', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 401, 'unauthorized'));
    const source = countingSource();
    const client = new WidgetApiClient({ apiUrl: server.url, tokenSource: source });
    const error = (await client.get('/me').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'session_expired');
    assert.equal(source.renewals, 1, 'one refresh, one retry, no loop');
    assert.equal(server.requests.length, 2);
  });

  it('passes a public 401 through as unauthorized without renewing', async () => {
    server = await scriptedServer((_req, res) => apiError(res, 401, 'unauthorized'));
    const client = new WidgetApiClient({ apiUrl: server.url });
    const error = (await client.get('/me').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'unauthorized');
  });

  it('pages through a collection by cursor', async () => {
    const pages: Record<string, { data: number[]; meta: { nextCursor: string | null } }> = {
      '': { data: [1, 2], meta: { nextCursor: 'c2' } },
      c2: { data: [3, 4], meta: { nextCursor: 'c3' } },
      c3: { data: [5], meta: { nextCursor: null } },
    };
    server = await scriptedServer((req, res) => {
      const cursor = new URL(req.url, 'http://x').searchParams.get('cursor') ?? '';
      json(res, 200, pages[cursor]);
    });
    const client = new WidgetApiClient({ apiUrl: server.url });
    const seen: number[][] = [];
    for await (const items of client.paginate<number>('/tiers', { limit: 2 })) seen.push(items);
    assert.deepEqual(seen, [[1, 2], [3, 4], [5]]);
    assert.match(server.requests[1]!.url, /cursor=c2&limit=2|limit=2&cursor=c2/);
  });
});
