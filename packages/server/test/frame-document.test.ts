import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, type TestApi } from './support.js';

const frameAncestors = (response: Response) =>
  /frame-ancestors ([^;]+)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]?.split(' ');

describe('widget frame document and embed configuration (sandbox: local pages allowed)', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ frameDocument: { scriptUrl: 'https://cdn.example/rai-kit/frame.js' } })));
  after(() => t.close());

  test('GET /frame serves the document, framable only by the community’s origins and local pages', async () => {
    const response = await fetch(t.url('/frame?community=demo&widget=leaderboard&leaderboard-id=lb-xp'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/html/);
    assert.deepEqual(frameAncestors(response), ['https://partner.example', 'http://localhost:*', 'http://127.0.0.1:*']);
    const csp = response.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self' https:\/\/cdn\.example;/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.match(await response.text(), /<script type="module" src="https:\/\/cdn\.example\/rai-kit\/frame\.js"><\/script>/);
  });

  test('GET /frame answers 404 for an unknown or missing community', async () => {
    assert.equal((await fetch(t.url('/frame?community=nope&widget=store'))).status, 404);
    const missing = await fetch(t.url('/frame?widget=store'));
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /names no community/);
  });

  test('GET …/embed answers the host origins the frame trusts (the same list), publicly', async () => {
    const response = await fetch(t.url('/widget/v1/communities/acme-traders/embed'));
    assert.equal(response.status, 200);
    assert.deepEqual((await response.json()).data, { hostOrigins: ['https://acme-traders.example', 'https://partner.example', 'http://localhost:*', 'http://127.0.0.1:*'] });
    assert.equal((await fetch(t.url('/widget/v1/communities/nope/embed'))).status, 404);
  });
});

describe('widget frame document (production-like: no local pages)', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ allowLocalhostOrigins: false, frameDocument: { scriptUrl: '/cdn/frame.js' } })));
  after(() => t.close());

  test('only the community’s own origins may frame it or are trusted by it', async () => {
    const response = await fetch(t.url('/frame?community=night-owls&widget=chat-channel'));
    assert.deepEqual(frameAncestors(response), ['https://night-owls.example']);
    assert.match(response.headers.get('content-security-policy')!, /script-src 'self' http:\/\/127\.0\.0\.1:\d+;/);
    assert.deepEqual((await (await fetch(t.url('/widget/v1/communities/night-owls/embed'))).json()).data.hostOrigins, ['https://night-owls.example']);
  });
});

describe('widget frame document not configured', () => {
  let t: TestApi;
  before(async () => (t = await startApi()));
  after(() => t.close());

  test('GET /frame is not served', async () => {
    assert.equal((await fetch(t.url('/frame?community=demo&widget=store'))).status, 404);
  });
});
