import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage, ChatReaction } from '../src/api/chat-types.js';
import { MessageLog } from '../src/chat/message-log.js';
import type { MessagePage } from '../src/chat/channel-api.js';
import type { StreamEvent } from '../src/realtime/protocol.js';

const id = (n: number) => `m_${String(n).padStart(8, '0')}`;

function message(n: number, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: id(n),
    channelId: 'ch-general',
    author: { id: 'u_1', displayName: 'Ana', avatarUrl: 'https://example.com/ana.png' },
    text: `message ${n}`,
    images: [],
    replyTo: null,
    reactions: [],
    createdAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
    editedAt: null,
    deleted: false,
    nonce: null,
    ...patch,
  };
}

/** Messages `from`..`to` inclusive, with cursors as the server sets them. */
function page(from: number, to: number, lastEventId: string, ends: { older?: boolean; newer?: boolean } = {}): MessagePage {
  const messages = Array.from({ length: to - from + 1 }, (_, i) => message(from + i));
  return {
    messages,
    meta: { prevCursor: ends.older ? id(from) : null, nextCursor: ends.newer ? id(to) : null, lastEventId },
  };
}

const event = (eventId: string, name: string, data: ChatMessage): StreamEvent<ChatMessage> => ({ id: eventId, event: name, data });
const reaction = (shortcode: string, count: number, mine: boolean): ChatReaction => ({ shortcode, count, mine });
const ids = (log: MessageLog) => log.messages.map((m) => m.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => id(from + i));

describe('MessageLog', () => {
  it('holds a snapshot page, its ends and its position', () => {
    const log = new MessageLog();
    log.reset(page(51, 100, 'e1.7', { older: true }));
    assert.deepEqual(ids(log), range(51, 100));
    assert.equal(log.hasOlder, true);
    assert.equal(log.hasNewer, false);
    assert.equal(log.lastEventId, 'e1.7');
    assert.equal(log.get(id(60))?.text, 'message 60');

    log.reset(page(1, 3, 'e2.0'));
    assert.deepEqual(ids(log), range(1, 3));
    assert.equal(log.hasOlder, false);
    assert.equal(log.lastEventId, 'e2.0');
    assert.equal(log.get(id(60)), undefined);
  });

  it('pages back pruning the newest end, then forward pruning the oldest', () => {
    const log = new MessageLog({ maxMessages: 100 });
    log.reset(page(951, 1000, 'e1.0', { older: true }));
    assert.deepEqual(log.addOlder(page(901, 950, 'e1.0', { older: true })), []);
    assert.deepEqual(ids(log), range(901, 1000));
    assert.equal(log.hasNewer, false);

    assert.deepEqual(log.addOlder(page(851, 900, 'e1.0', { older: true })), range(951, 1000));
    assert.deepEqual(ids(log), range(851, 950));
    assert.equal(log.hasNewer, true);
    assert.equal(log.hasOlder, true);

    // The first page of history: nothing older remains.
    log.addOlder(page(801, 850, 'e1.0'));
    assert.equal(log.hasOlder, false);

    assert.deepEqual(log.addNewer(page(901, 960, 'e1.0', { newer: true })), range(801, 860));
    assert.deepEqual(ids(log), range(861, 960));
    assert.equal(log.hasOlder, true);
    assert.equal(log.hasNewer, true);

    log.addNewer(page(961, 1000, 'e1.0'));
    assert.deepEqual(ids(log), range(901, 1000));
    assert.equal(log.hasNewer, false);
  });

  it('merges overlapping pages without duplicates', () => {
    const log = new MessageLog();
    log.reset(page(10, 20, 'e1.0', { older: true }));
    log.addOlder(page(5, 12, 'e1.0'));
    log.addNewer(page(18, 25, 'e1.0'));
    assert.deepEqual(ids(log), range(5, 25));
  });

  it('adds created messages at the live end, once, pruning the oldest in batches', () => {
    const log = new MessageLog({ maxMessages: 4, pruneBatch: 2 });
    log.reset(page(1, 4, 'e1.5'));
    assert.equal(log.hasOlder, false);
    assert.equal(log.apply(event('e1.6', 'message.created', message(5))), 'added');
    assert.equal(log.apply(event('e1.6', 'message.created', message(5))), 'ignored');
    // Past the cap: down to maxMessages - pruneBatch at once, then room for the next ones.
    assert.deepEqual(ids(log), range(4, 5));
    assert.equal(log.hasOlder, true);
    assert.equal(log.apply(event('e1.7', 'message.created', message(6))), 'added');
    assert.equal(log.apply(event('e1.8', 'message.created', message(7))), 'added');
    assert.deepEqual(ids(log), range(4, 7));
    assert.equal(log.lastEventId, 'e1.8');
  });

  it('counts a message created past a window that does not reach the live end as beyond', () => {
    const log = new MessageLog();
    log.reset(page(1, 10, 'e1.3', { newer: true }));
    assert.equal(log.apply(event('e1.4', 'message.created', message(500))), 'beyond');
    assert.deepEqual(ids(log), range(1, 10));
    // The same event replayed after a reconnect is not a second unread message.
    assert.equal(log.apply(event('e1.4', 'message.created', message(500))), 'ignored');
    assert.equal(log.lastEventId, 'e1.4');
  });

  it('replaces held messages on update and delete, ignores the rest', () => {
    const log = new MessageLog();
    log.reset(page(1, 5, 'e1.0'));
    const before = log.messages;
    assert.equal(log.apply(event('e1.1', 'message.updated', message(99, { text: 'not held' }))), 'ignored');
    assert.equal(log.apply(event('e1.2', 'message.pinned', message(2, { text: 'unknown event' }))), 'ignored');
    assert.equal(log.messages, before, 'nothing changed: same array');

    assert.equal(log.apply(event('e1.3', 'message.updated', message(2, { text: 'edited', editedAt: '2024-01-01T00:00:00.000Z' }))), 'updated');
    assert.equal(log.apply(event('e1.4', 'message.deleted', message(3, { text: '', deleted: true }))), 'updated');
    assert.notEqual(log.messages, before, 'a change gives a new array');
    assert.equal(log.get(id(2))?.text, 'edited');
    assert.equal(log.get(id(3))?.deleted, true);
    assert.deepEqual(ids(log), range(1, 5));
  });

  it('never lets an older copy replace a newer one', () => {
    const log = new MessageLog();
    log.reset(page(1, 5, 'e1.10'));
    log.apply(event('e1.12', 'message.updated', message(3, { text: 'v12' })));
    // A replay and an out-of-order older event change nothing.
    assert.equal(log.apply(event('e1.12', 'message.updated', message(3, { text: 'v12 again' }))), 'ignored');
    assert.equal(log.apply(event('e1.11', 'message.updated', message(3, { text: 'v11' }))), 'ignored');
    // A page read before the event (stale) does not undo it; the rest of the page is taken.
    const stale = page(1, 5, 'e1.11');
    stale.messages[0] = message(1, { text: 'from page' });
    log.addNewer(stale);
    assert.equal(log.get(id(3))?.text, 'v12');
    assert.equal(log.get(id(1))?.text, 'from page');
    assert.equal(log.lastEventId, 'e1.12');
    // A page read after the event wins.
    const fresh = page(1, 5, 'e1.13');
    fresh.messages[2] = message(3, { text: 'v13' });
    log.addNewer(fresh);
    assert.equal(log.get(id(3))?.text, 'v13');
    // Another epoch is the newer one.
    assert.equal(log.apply(event('e2.1', 'message.updated', message(3, { text: 'epoch 2' }))), 'updated');
    assert.equal(log.get(id(3))?.text, 'epoch 2');
    assert.equal(log.lastEventId, 'e2.1');
  });

  it("keeps the caller's reactions across events, which always say mine=false", () => {
    const log = new MessageLog();
    const first = page(1, 2, 'e1.0');
    first.messages[1] = message(2, { reactions: [reaction(':fire:', 2, true), reaction(':joy:', 1, false)] });
    log.reset(first);

    log.apply(event('e1.1', 'message.updated', message(2, { reactions: [reaction(':fire:', 3, false), reaction(':joy:', 2, false)] })));
    assert.deepEqual(log.get(id(2))?.reactions, [reaction(':fire:', 3, true), reaction(':joy:', 2, false)]);

    // Every :fire: removed, then someone else adds one: not the caller's.
    log.apply(event('e1.2', 'message.updated', message(2, { reactions: [reaction(':joy:', 2, false)] })));
    log.apply(event('e1.3', 'message.updated', message(2, { reactions: [reaction(':joy:', 2, false), reaction(':fire:', 1, false)] })));
    assert.deepEqual(log.get(id(2))?.reactions, [reaction(':joy:', 2, false), reaction(':fire:', 1, false)]);
  });

  it("takes the caller's own copies: exact mine, sent messages added at the live end", () => {
    const log = new MessageLog();
    log.reset(page(1, 3, 'e1.4'));
    log.upsertOwn(message(4, { nonce: 'k1' }));
    assert.deepEqual(ids(log), range(1, 4));
    // Its created event then arrives: replaces, no duplicate.
    assert.equal(log.apply(event('e1.5', 'message.created', message(4, { nonce: 'k1', text: 'from stream' }))), 'updated');
    assert.deepEqual(ids(log), range(1, 4));

    log.upsertOwn(message(2, { reactions: [reaction(':tada:', 1, true)] }));
    assert.deepEqual(log.get(id(2))?.reactions, [reaction(':tada:', 1, true)]);
    // A page read before the answer does not undo the reaction.
    log.addOlder(page(1, 3, 'e1.4'));
    assert.deepEqual(log.get(id(2))?.reactions, [reaction(':tada:', 1, true)]);

    // Not at the live end: an own copy of a message outside the window is not added.
    log.reset(page(1, 3, 'e1.6', { newer: true }));
    log.upsertOwn(message(50));
    assert.deepEqual(ids(log), range(1, 3));
  });

  it('keeps a newer held copy when told when the own request was made', () => {
    const log = new MessageLog();
    log.reset(page(1, 2, 'e1.1'));
    const requestedAt = log.lastEventId;
    // While the react request is in flight: the caller's reaction, then someone else's.
    log.apply(event('e1.2', 'message.updated', message(2, { reactions: [reaction(':fire:', 1, false)] })));
    log.apply(event('e1.3', 'message.updated', message(2, { reactions: [reaction(':fire:', 2, false)] })));
    log.upsertOwn(message(2, { reactions: [reaction(':fire:', 1, true)] }), requestedAt);
    assert.deepEqual(log.get(id(2))?.reactions, [reaction(':fire:', 2, true)]);

    // A held copy lacking the caller's own reaction predates it: the answer wins.
    log.upsertOwn(message(1, { reactions: [reaction(':eyes:', 1, true)] }), requestedAt);
    assert.deepEqual(log.get(id(1))?.reactions, [reaction(':eyes:', 1, true)]);
  });

  it('ignores odd events without throwing', () => {
    const log = new MessageLog();
    log.reset(page(1, 2, 'e1.0'));
    const odd = [
      null,
      { id: 'e1.1', event: 'message.created' },
      { id: 'e1.1', event: 'message.created', data: null },
      { id: 'e1.1', event: 'message.created', data: { id: 7 } },
      { id: 'e1.1', event: 'message.updated', data: { id: id(1), reactions: [null] } },
      { id: 'not-an-id', event: 'message.created', data: message(3) },
    ];
    for (const e of odd) assert.equal(log.apply(e as unknown as StreamEvent<ChatMessage>), 'ignored');
    assert.deepEqual(ids(log), range(1, 2));
    assert.equal(log.lastEventId, 'e1.0');
  });
});
