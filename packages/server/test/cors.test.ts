import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, type TestApi } from './support.js';

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,last-event-id' },
  });

describe('CORS per community (localhost not allowed)', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ allowLocalhostOrigins: false })));
  after(() => t.close());

  test('an origin on the community list is allowed, with the contract headers', async () => {
    const url = t.url('/widget/v1/communities/demo/me');
    const pre = await preflight(url, 'https://partner.example');
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://partner.example');
    const allowed = pre.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of ['authorization', 'idempotency-key', 'last-event-id', 'content-type']) assert.ok(allowed.includes(header), header);

    const res = await fetch(t.url('/widget/v1/communities/demo'), { headers: { Origin: 'https://partner.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://partner.example');
    const exposed = res.headers.get('access-control-expose-headers')!.toLowerCase();
    assert.ok(exposed.includes('x-request-id') && exposed.includes('retry-after'));
    assert.match(res.headers.get('vary')!, /Origin/);
  });

  test('an origin not on the list gets no ACAO and a 403 preflight', async () => {
    const pre = await preflight(t.url('/widget/v1/communities/demo/me'), 'https://evil.example');
    assert.equal(pre.status, 403);
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    assert.equal((await pre.json()).error.code, 'forbidden');

    const res = await fetch(t.url('/widget/v1/communities/demo'), { headers: { Origin: 'https://evil.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test("another community's origin is refused", async () => {
    const pre = await preflight(t.url('/widget/v1/communities/night-owls'), 'https://partner.example');
    assert.equal(pre.status, 403);
    const ok = await preflight(t.url('/widget/v1/communities/night-owls'), 'https://night-owls.example');
    assert.equal(ok.status, 204);
  });

  test('localhost is refused when not enabled', async () => {
    const pre = await preflight(t.url('/widget/v1/communities/demo'), 'http://localhost:8000');
    assert.equal(pre.status, 403);
  });

  test('error responses carry ACAO too, so the browser can read them', async () => {
    const res = await fetch(t.url('/widget/v1/communities/demo/me'), { headers: { Origin: 'https://partner.example' } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://partner.example');
  });
});

describe('CORS in sandbox mode', () => {
  let t: TestApi;
  before(async () => (t = await startApi()));
  after(() => t.close());

  test('any localhost / 127.0.0.1 origin is allowed, on widget and sandbox routes', async () => {
    for (const origin of ['http://localhost:8000', 'http://127.0.0.1:5173', 'http://localhost']) {
      const pre = await preflight(t.url('/widget/v1/communities/demo/me'), origin);
      assert.equal(pre.status, 204, origin);
      assert.equal(pre.headers.get('access-control-allow-origin'), origin);
    }
    const sandbox = await preflight(t.url('/sandbox/v1/faults'), 'http://localhost:8000');
    assert.equal(sandbox.status, 204);
  });

  test('look-alike origins are still refused', async () => {
    for (const origin of ['http://localhost.evil.example', 'https://localhost:8000', 'http://127.0.0.1.evil.example']) {
      const pre = await preflight(t.url('/widget/v1/communities/demo'), origin);
      assert.equal(pre.status, 403, origin);
    }
  });
});
