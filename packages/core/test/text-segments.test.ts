import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOSTILE_LINES } from '../../server/src/upstream/memory/chat-seed.js';
import { segmentText, stripBidiControls, type TextSegment } from '../src/chat/text-segments.js';

const links = (segments: TextSegment[]) => segments.filter((s) => s.type === 'link');
/** The segments' text put back together: nothing is lost or invented. */
const joined = (segments: TextSegment[]) => segments.map((s) => s.text).join('');

describe('segmentText', () => {
  it('never links anything but http(s) in the seeded hostile lines', () => {
    for (const line of HOSTILE_LINES) {
      const segments = segmentText(stripBidiControls(line));
      for (const link of links(segments)) assert.match(link.href, /^https?:\/\//);
      assert.equal(joined(segments), stripBidiControls(line));
    }
    assert.deepEqual(segmentText(HOSTILE_LINES[1]), [{ type: 'text', text: HOSTILE_LINES[1] }]);
  });

  it('keeps javascript:, data: and scheme-less links as text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'www.example.com', 'http://', 'https:// x', 'xhttp://evil.example']) {
      assert.deepEqual(links(segmentText(text)), [], text);
    }
  });

  it('links http and https and trims trailing punctuation', () => {
    assert.deepEqual(segmentText('See https://example.com/a?b=1, then http://x.org.'), [
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: ', then ' },
      { type: 'link', text: 'http://x.org', href: 'http://x.org/' },
      { type: 'text', text: '.' },
    ]);
    assert.deepEqual(links(segmentText('"https://example.com/q"!?')).map((l) => l.text), ['https://example.com/q']);
  });

  it('keeps a closing parenthesis the link opened, drops one it did not', () => {
    assert.deepEqual(links(segmentText('(https://en.wikipedia.org/wiki/Foo_(bar))')).map((l) => l.text), [
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    assert.deepEqual(segmentText('(see https://example.com/a)'), [
      { type: 'text', text: '(see ' },
      { type: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { type: 'text', text: ')' },
    ]);
  });

  it('finds mentions at the start or after punctuation, never inside an email', () => {
    assert.deepEqual(segmentText('@ana hi (@bob.smith), mail carl@example.com, thanks @dee.'), [
      { type: 'mention', text: '@ana', name: 'ana' },
      { type: 'text', text: ' hi (' },
      { type: 'mention', text: '@bob.smith', name: 'bob.smith' },
      { type: 'text', text: '), mail carl@example.com, thanks ' },
      { type: 'mention', text: '@dee', name: 'dee' },
      { type: 'text', text: '.' },
    ]);
    assert.deepEqual(segmentText('@ alone'), [{ type: 'text', text: '@ alone' }]);
  });

  it('renders known shortcodes and leaves unknown ones as text', () => {
    assert.deepEqual(segmentText('gg :fire::nope: :sparkling_heart:'), [
      { type: 'text', text: 'gg ' },
      { type: 'emoji', text: ':fire:', shortcode: ':fire:', emoji: '🔥' },
      { type: 'text', text: ':nope: ' },
      { type: 'emoji', text: ':sparkling_heart:', shortcode: ':sparkling_heart:', emoji: '💖' },
    ]);
    assert.deepEqual(segmentText(':constructor: :toString:'), [{ type: 'text', text: ':constructor: :toString:' }]);
  });

  it('strips bidi controls so a file name cannot pose as another', () => {
    assert.equal(stripBidiControls('Invoice \u202Egnp.exe \u2066x\u2069 \u202Ay\u202C'), 'Invoice gnp.exe x y');
    assert.deepEqual(segmentText('a\u202Eb'), [{ type: 'text', text: 'ab' }]);
  });

  it('segments 2,000-character pathological strings correctly', () => {
    const cases = [
      'http://a'.repeat(250),
      `https://example.com/${')'.repeat(1980)}`,
      ':a'.repeat(1000),
      '@'.repeat(2000),
      `${'x@'.repeat(999)}@y`,
      ':'.repeat(2000),
      'https://('.repeat(222),
    ];
    for (const text of cases) {
      const segments = segmentText(text);
      assert.equal(joined(segments), text);
      for (const link of links(segments)) assert.match(link.href, /^https?:\/\//);
    }
    assert.deepEqual(links(segmentText(cases[1]!)).map((l) => l.text), ['https://example.com/']);
    assert.deepEqual(segmentText(cases[3]!), [{ type: 'text', text: cases[3] }]);
  });
});
