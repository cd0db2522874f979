import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ChatMessage, SendMessageBody } from '../src/api/chat-types.js';
import { ApiError } from '../src/api/errors.js';
import { newMessageKey } from '../src/chat/message-key.js';
import { Outbox, type Connectivity, type OutboxOptions, type SendAttempt } from '../src/chat/outbox.js';
import type { OutboxStorage } from '../src/chat/outbox-storage.js';
import { delay, waitFor } from './helpers/sse-wait.js';
// The sandbox's seeded PRNG: the same failures on every run.
import { mulberry32 } from '../../server/src/upstream/memory/prng.js';

const serverError = () => new ApiError({ code: 'internal', status: 500, message: 'boom' });
const networkError = () => new ApiError({ code: 'network_error', status: 0, message: 'offline' });

/**
 * A send endpoint keyed by idempotency key, like the real one: a key seen before answers the
 * message it created. `fault` decides per attempt: fail before creating, or create and lose the answer.
 */
class FakeServer {
  readonly created: ChatMessage[] = [];
  readonly attempts: Array<{ key: string; body: SendMessageBody }> = [];
  readonly #byKey = new Map<string, ChatMessage>();
  fault: (attempt: number) => 'before' | 'after' | ApiError | null = () => null;
  inFlight = 0;
  maxInFlight = 0;

  readonly send: SendAttempt = async (body, key, signal) => {
    this.attempts.push({ key, body });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await delay(0);
      if (signal.aborted) throw new ApiError({ code: 'aborted', message: 'aborted' });
      const fault = this.fault(this.attempts.length);
      if (fault instanceof ApiError) throw fault;
      if (fault === 'before') throw serverError();
      let message = this.#byKey.get(key);
      if (!message) {
        message = {
          id: `m_${String(this.created.length + 1).padStart(8, '0')}`,
          channelId: 'ch-general',
          author: { id: 'u_1', displayName: 'Ana', avatarUrl: 'https://example.com/a.png' },
          text: body.text,
          images: [],
          replyTo: null,
          reactions: [],
          createdAt: new Date().toISOString(),
          editedAt: null,
          deleted: false,
          nonce: body.nonce ?? null,
        };
        this.#byKey.set(key, message);
        this.created.push(message);
      }
      if (fault === 'after') throw networkError();
      return message;
    } finally {
      this.inFlight -= 1;
    }
  };
}

class FakeConnectivity implements Connectivity {
  readonly #listeners = new Set<() => void>();
  constructor(public isOnline = true) {}
  online = () => this.isOnline;
  onOnline(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  set(online: boolean): void {
    this.isOnline = online;
    if (online) for (const listener of this.#listeners) listener();
  }
}

class MemoryStorage implements OutboxStorage {
  readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

const outboxes: Outbox[] = [];
afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.dispose();
});

let keys = 0;
function outbox(options: Partial<OutboxOptions> & Pick<OutboxOptions, 'send'>): Outbox {
  const box = new Outbox({
    storage: null,
    connectivity: new FakeConnectivity(),
    backoff: { baseMs: 1, maxMs: 2 },
    newKey: () => `key-${++keys}`,
    ...options,
  });
  outboxes.push(box);
  return box;
}

const statuses = (box: Outbox) => box.items.map((item) => item.status);
const settled = (box: Outbox) => box.items.every((item) => item.status === 'sent' || item.status === 'failed');

describe('Outbox', () => {
  it('delivers 500 messages exactly once and in order when 20% of requests fail, some after the server created the message', async () => {
    const server = new FakeServer();
    const random = mulberry32(42);
    let lostAnswers = 0;
    server.fault = () => {
      const roll = random();
      if (roll < 0.08) return 'before';
      if (roll < 0.16) return (lostAnswers++, 'after');
      if (roll < 0.2) return new ApiError({ code: 'rate_limited', status: 429, message: 'slow down', retryAfter: 0 });
      return null;
    };
    const box = outbox({ send: server.send, maxAttempts: 50 });
    const texts = Array.from({ length: 500 }, (_, i) => `message ${i}`);
    for (const text of texts) box.enqueue({ text });
    await waitFor('all sent', () => settled(box), 20_000);

    assert.deepEqual(server.created.map((m) => m.text), texts);
    assert.ok(statuses(box).every((s) => s === 'sent'));
    assert.deepEqual(box.items.map((item) => item.message?.text), texts);
    assert.equal(server.maxInFlight, 1, 'one request at a time');
    assert.ok(lostAnswers > 20, `lost answers were exercised (${lostAnswers})`);
    assert.ok(server.attempts.length > 550, `failures were retried (${server.attempts.length} attempts)`);
  });

  it('uses the same key on every attempt and as the nonce', async () => {
    const server = new FakeServer();
    server.fault = (n) => (n <= 2 ? 'after' : null);
    const box = outbox({ send: server.send });
    const item = box.enqueue({ text: 'hi', replyTo: 'm_00000001' });
    assert.equal(item.body.nonce, item.key);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(server.attempts.map((a) => a.key), [item.key, item.key, item.key]);
    assert.equal(server.created.length, 1);
    assert.equal(server.created[0]!.nonce, item.key);
    assert.equal(box.items[0]!.message?.id, server.created[0]!.id);
    assert.equal(box.items[0]!.attempts, 3);
  });

  it('takes a key made before it existed, for a message already shown under it', async () => {
    const server = new FakeServer();
    const box = outbox({ send: server.send });
    const early = newMessageKey();
    assert.match(early, /^[0-9a-f-]{32,36}$/);
    const item = box.enqueue({ text: 'typed while the outbox loaded' }, early);
    assert.deepEqual([item.key, item.body.nonce], [early, early]);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(server.attempts.map((a) => a.key), [early]);
    assert.equal(server.created[0]!.nonce, early);
  });

  it('makes no attempt offline and flushes in order once online', async () => {
    const server = new FakeServer();
    const connectivity = new FakeConnectivity(false);
    const box = outbox({ send: server.send, connectivity });
    box.enqueue({ text: 'one' });
    box.enqueue({ text: 'two' });
    await delay(20);
    assert.equal(server.attempts.length, 0);
    assert.deepEqual(box.items.map((i) => [i.status, i.attempts]), [['queued', 0], ['queued', 0]]);

    connectivity.set(true);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(server.created.map((m) => m.text), ['one', 'two']);
  });

  it('does not count an attempt lost to going offline, and retries at once when back online', async () => {
    const server = new FakeServer();
    const connectivity = new FakeConnectivity(true);
    server.fault = (n) => {
      if (n === 1) connectivity.isOnline = false;
      return n === 1 ? networkError() : null;
    };
    // A backoff long enough that only the `online` event can explain a quick delivery.
    const box = outbox({ send: server.send, connectivity, backoff: { baseMs: 60_000, maxMs: 60_000, random: () => 1 } });
    box.enqueue({ text: 'hello' });
    await waitFor('first attempt failed', () => box.items[0]!.error !== null);
    assert.equal(box.items[0]!.status, 'queued');
    assert.equal(box.items[0]!.attempts, 0);
    assert.equal(box.items[0]!.error?.code, 'network_error');

    connectivity.set(true);
    await waitFor('sent', () => settled(box));
    assert.equal(box.items[0]!.status, 'sent');
    assert.equal(box.items[0]!.attempts, 1);
  });

  it('honours Retry-After on 429', async () => {
    const server = new FakeServer();
    const times: number[] = [];
    server.fault = (n) => {
      times.push(Date.now());
      return n === 1 ? new ApiError({ code: 'rate_limited', status: 429, message: 'slow', retryAfter: 0.08 }) : null;
    };
    const box = outbox({ send: server.send, backoff: { baseMs: 0, maxMs: 0 } });
    box.enqueue({ text: 'hi' });
    await waitFor('sent', () => settled(box));
    assert.ok(times[1]! - times[0]! >= 70, `waited ${times[1]! - times[0]!} ms`);
  });

  it('fails a permanently rejected item and goes on with the others', async () => {
    const server = new FakeServer();
    server.fault = (n) => (n === 2 ? new ApiError({ code: 'invalid_request', status: 400, message: 'too long' }) : null);
    const box = outbox({ send: server.send });
    box.enqueue({ text: 'one' });
    box.enqueue({ text: 'two' });
    box.enqueue({ text: 'three' });
    await waitFor('settled', () => settled(box));
    assert.deepEqual(statuses(box), ['sent', 'failed', 'sent']);
    assert.deepEqual(box.items[1]!.error, { code: 'invalid_request', message: 'too long' });
    assert.equal(box.items[1]!.attempts, 1);
    assert.deepEqual(server.created.map((m) => m.text), ['one', 'three']);
  });

  it('holds the queue after maxAttempts transient failures until retry', async () => {
    const server = new FakeServer();
    let down = true;
    server.fault = () => (down ? 'before' : null);
    const box = outbox({ send: server.send, maxAttempts: 3 });
    box.enqueue({ text: 'one' });
    box.enqueue({ text: 'two' });
    await waitFor('failed', () => box.items[0]!.status === 'failed');
    await delay(20);
    assert.deepEqual(box.items.map((i) => [i.status, i.attempts]), [['failed', 3], ['queued', 0]]);
    assert.equal(box.items[0]!.error?.code, 'internal');
    assert.equal(server.attempts.length, 3);

    down = false;
    box.retry(box.items[0]!.key);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(server.created.map((m) => m.text), ['one', 'two']);
    assert.deepEqual(box.items.map((i) => i.attempts), [1, 1]);
  });

  it('lets the held items go once the failed one is removed; acknowledge forgets sent items', async () => {
    const server = new FakeServer();
    server.fault = (n) => (n <= 2 ? 'before' : null);
    const box = outbox({ send: server.send, maxAttempts: 2 });
    const first = box.enqueue({ text: 'one' });
    const second = box.enqueue({ text: 'two' });
    await waitFor('failed', () => box.items[0]!.status === 'failed');
    box.remove(first.key);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(box.items.map((i) => [i.key, i.status]), [[second.key, 'sent']]);
    assert.deepEqual(server.created.map((m) => m.text), ['two']);

    box.remove(second.key); // Sent: not removable, only acknowledged.
    assert.equal(box.items.length, 1);
    box.acknowledge(second.key);
    assert.deepEqual(box.items, []);
  });

  it('tells subscribers about every change', async () => {
    const server = new FakeServer();
    const box = outbox({ send: server.send });
    const seen: string[][] = [];
    const unsubscribe = box.subscribe((items) => seen.push(items.map((i) => i.status)));
    box.enqueue({ text: 'one' });
    await waitFor('sent', () => settled(box));
    unsubscribe();
    box.acknowledge(box.items[0]!.key);
    assert.deepEqual(seen, [['queued'], ['sending'], ['sent']]);
  });

  it('keeps unsent items in storage across instances, and ignores junk there', async () => {
    const storage = new MemoryStorage();
    const server = new FakeServer();
    const connectivity = new FakeConnectivity(false);
    const first = outbox({ send: server.send, storage, storageKey: 'outbox:demo:ch-general:u_1', connectivity });
    first.enqueue({ text: 'one', imageIds: ['up_1'] });
    first.enqueue({ text: 'two' });
    first.dispose();
    const stored = JSON.parse(storage.getItem('outbox:demo:ch-general:u_1')!) as unknown[];
    assert.equal(stored.length, 2);

    // Another user's key holds nothing for this outbox.
    const other = outbox({ send: server.send, storage, storageKey: 'outbox:demo:ch-general:u_2' });
    assert.deepEqual(other.items, []);

    const second = outbox({ send: server.send, storage, storageKey: 'outbox:demo:ch-general:u_1' });
    assert.deepEqual(second.items.map((i) => i.body.text), ['one', 'two']);
    await waitFor('sent', () => settled(second));
    assert.deepEqual(server.created.map((m) => [m.text, m.nonce]), [
      ['one', first.items[0]!.key],
      ['two', first.items[1]!.key],
    ]);
    assert.equal(storage.getItem('outbox:demo:ch-general:u_1'), null, 'nothing pending: nothing stored');

    const valid = { key: 'k', body: { text: 'ok', nonce: 'k' }, status: 'failed', attempts: 1, error: { code: 'forbidden', message: 'no' }, createdAt: 1, message: null };
    for (const junk of ['not json', '{}', 'null', '[1,"x",null]', JSON.stringify([{ ...valid, status: 'sent' }, { ...valid, body: { text: 3 } }, { ...valid, key: 'other' }])]) {
      storage.setItem('junk', junk);
      assert.deepEqual(outbox({ send: server.send, storage, storageKey: 'junk' }).items, [], junk);
    }
    storage.setItem('junk', JSON.stringify([valid, 'junk', valid]));
    assert.deepEqual(outbox({ send: server.send, storage, storageKey: 'junk' }).items, [valid]);

    // Saved mid-attempt (the page closed): queued again, and sent with its key.
    storage.setItem('closed', JSON.stringify([{ ...valid, key: 'mid-flight', body: { text: 'again', nonce: 'mid-flight' }, status: 'sending', error: null }]));
    const reopened = outbox({ send: server.send, storage, storageKey: 'closed' });
    assert.deepEqual(statuses(reopened), ['queued']);
    await waitFor('sent', () => settled(reopened));
    assert.equal(server.created.at(-1)?.nonce, 'mid-flight');

    const broken: OutboxStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    const box = outbox({ send: server.send, storage: broken, storageKey: 'x' });
    box.enqueue({ text: 'still works' });
    await waitFor('sent', () => settled(box));
  });

  it('stores nothing without a storage key, and survives a sessionStorage that throws', () => {
    const storage = new MemoryStorage();
    const server = new FakeServer();
    outbox({ send: server.send, storage, connectivity: new FakeConnectivity(false) }).enqueue({ text: 'hi' });
    assert.equal(storage.values.size, 0);

    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('sandboxed', 'SecurityError');
      },
    });
    try {
      const box = new Outbox({ send: server.send, storageKey: 'k', connectivity: new FakeConnectivity(false) });
      outboxes.push(box);
      box.enqueue({ text: 'hi' });
      assert.equal(box.items.length, 1);
    } finally {
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    }
  });

  it('dispose aborts the attempt in flight and requeues its item, in storage, for a later resend', async () => {
    const storage = new MemoryStorage();
    let signal: AbortSignal | null = null;
    let calls = 0;
    const hanging: SendAttempt = (_body, _key, s) => {
      calls += 1;
      signal = s;
      return new Promise((_, reject) => s.addEventListener('abort', () => reject(new ApiError({ code: 'aborted', message: 'aborted' }))));
    };
    const box = outbox({ send: hanging, storage, storageKey: 'k' });
    box.enqueue({ text: 'one' });
    box.enqueue({ text: 'two' });
    assert.deepEqual(statuses(box), ['sending', 'queued']);
    assert.equal(JSON.parse(storage.getItem('k')!)[0].status, 'sending');

    box.dispose();
    assert.equal(signal!.aborted, true);
    assert.deepEqual(statuses(box), ['queued', 'queued']);
    await delay(20);
    assert.equal(calls, 1, 'no attempt after dispose');
    assert.deepEqual(JSON.parse(storage.getItem('k')!).map((i: { status: string }) => i.status), ['queued', 'queued']);

    const server = new FakeServer();
    const next = outbox({ send: server.send, storage, storageKey: 'k' });
    await waitFor('sent', () => settled(next));
    assert.deepEqual(server.created.map((m) => m.text), ['one', 'two']);
  });

  it('makes a distinct key of at most 64 characters per message by default', () => {
    const box = new Outbox({ send: new FakeServer().send, storage: null, connectivity: new FakeConnectivity(false) });
    outboxes.push(box);
    const keys = Array.from({ length: 20 }, () => box.enqueue({ text: 'x' }).key);
    assert.equal(new Set(keys).size, 20);
    for (const key of keys) assert.ok(key.length >= 16 && key.length <= 64, key);
  });

  it('pauses without a transport: aborts the attempt in flight, sends nothing, resumes with the next transport', async () => {
    let aborted = 0;
    const hanging: SendAttempt = (_body, _key, s) =>
      new Promise((_, reject) => s.addEventListener('abort', () => (aborted++, reject(new ApiError({ code: 'aborted', message: 'aborted' })))));
    const box = outbox({ send: hanging });
    box.enqueue({ text: 'one' });
    box.enqueue({ text: 'two' });
    assert.deepEqual(statuses(box), ['sending', 'queued']);
    box.setTransport(null);
    assert.equal(aborted, 1);
    assert.deepEqual(statuses(box), ['queued', 'queued']);
    box.enqueue({ text: 'three' });
    await delay(20);
    assert.deepEqual(statuses(box), ['queued', 'queued', 'queued'], 'nothing is sent while paused');

    const server = new FakeServer();
    box.setTransport(server.send);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(server.created.map((m) => m.text), ['one', 'two', 'three']);
  });

  it('uses a replaced transport from the next attempt on', async () => {
    const before = new FakeServer();
    before.fault = () => 'before';
    const after = new FakeServer();
    const box = outbox({ send: before.send, maxAttempts: 100 });
    box.enqueue({ text: 'hi' });
    await waitFor('an attempt failed', () => box.items[0]!.error !== null);
    box.setTransport(after.send);
    await waitFor('sent', () => settled(box));
    assert.deepEqual(after.created.map((m) => m.text), ['hi']);
  });
});
