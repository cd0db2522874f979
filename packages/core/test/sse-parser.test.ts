import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSseParser, type SseMessage } from '../src/realtime/sse-parser.js';

/** Feeds `chunks` in order and returns what the parser dispatched. */
function parse(...chunks: string[]): { messages: SseMessage[]; retries: number[] } {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const feed = createSseParser({ onMessage: (m) => messages.push(m), onRetry: (ms) => retries.push(ms) });
  for (const chunk of chunks) feed(chunk);
  return { messages, retries };
}

const stream = 'id: 7\nevent: standings\ndata: {"a":1}\n\n: ping\n\ndata: plain\n\n';
const expected: SseMessage[] = [
  { id: '7', event: 'standings', data: '{"a":1}' },
  { id: undefined, event: undefined, data: 'plain' },
];

describe('createSseParser', () => {
  it('dispatches events at blank lines with their id and name; comments are not events', () => {
    assert.deepEqual(parse(stream).messages, expected);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    for (let size = 1; size <= stream.length; size++) {
      const chunks = stream.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      assert.deepEqual(parse(...chunks).messages, expected, `chunks of ${size}`);
    }
  });

  it('accepts CRLF and CR line ends, also a CRLF cut between two chunks', () => {
    assert.deepEqual(parse('data: a\r\n\r\ndata: b\r\rdata: c\r', '\n\r\n').messages.map((m) => m.data), ['a', 'b', 'c']);
  });

  it('joins data lines with newlines and takes one optional space after the colon', () => {
    assert.deepEqual(parse('data:one\ndata:  two\ndata\n\n').messages, [{ id: undefined, event: undefined, data: 'one\n two\n' }]);
  });

  it('dispatches nothing without data, and forgets that block’s name and id', () => {
    assert.deepEqual(parse('event: x\nid: 3\n\ndata: y\n\n').messages, [{ id: undefined, event: undefined, data: 'y' }]);
  });

  it('keeps an event without its trailing blank line pending', () => {
    assert.deepEqual(parse('data: half\n').messages, []);
  });

  it('reports a numeric retry, ignores other retry values, unknown fields and ids with NUL', () => {
    const { messages, retries } = parse('retry: 2500\nretry: soon\nfoo: bar\nid: a\0b\ndata: x\n\n');
    assert.deepEqual(retries, [2500]);
    assert.deepEqual(messages, [{ id: undefined, event: undefined, data: 'x' }]);
  });
});
