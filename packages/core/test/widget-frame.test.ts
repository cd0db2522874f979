import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frameDocumentHtml, frameUrl, parseFrameRequest } from '../src/bridge/index.js';

describe('widget frame URL', () => {
  test('carries the community, the widget and its attributes, and reads back the same', () => {
    const request = { community: 'demo', widget: 'leaderboard', attributes: { 'leaderboard-id': 'lb xp&1', period: 'weekly' }, title: 'Top & co' } as const;
    const url = frameUrl('https://api.example/rai/frame', request);
    assert.equal(new URL(url).pathname, '/rai/frame');
    assert.deepEqual(parseFrameRequest(new URL(url).search), request);
  });

  test('names no request without a community or with a widget the frame does not host', () => {
    assert.equal(parseFrameRequest('?widget=store'), null);
    assert.equal(parseFrameRequest('?community=demo&widget=poll'), null);
    assert.equal(parseFrameRequest('?community=demo&widget=constructor'), null);
  });
});

describe('widget frame document HTML', () => {
  test('loads the script as a module, with no inline script, and escapes what it embeds', () => {
    const html = frameDocumentHtml({ scriptUrl: 'https://cdn.example/frame.js?v="1"&x=<y>', apiUrl: 'https://api.example/"rai' });
    assert.match(html, /<script type="module" src="https:\/\/cdn\.example\/frame\.js\?v=&quot;1&quot;&amp;x=&lt;y&gt;"><\/script>/);
    assert.match(html, /<meta name="rai-api-url" content="https:\/\/api\.example\/&quot;rai">/);
    assert.equal(html.match(/<script/g)!.length, 1);
  });

  test('has no API meta when the document is served by the API itself', () => {
    assert.doesNotMatch(frameDocumentHtml({ scriptUrl: '/cdn/frame.js' }), /rai-api-url/);
  });
});
