/**
 * Junk for the fuzzer: random values, and near misses of every bridge message (right envelope,
 * one field wrong or missing, wrong version, huge strings, deep nesting, odd types). Seeded, so a
 * failure reproduces. None of these may be taken for a valid handshake from the test's guests.
 */

import { mulberry32 } from '../../packages/server/src/upstream/memory/prng.js';

const TYPES = ['hello', 'welcome', 'call', 'result', 'error', 'event', 'ping', 'pong', 'bye', 'HELLO', '', 'constructor', '__proto__'];

export function junkMaker(seed: number): () => unknown {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (n: number) => Math.floor(random() * n);
  const value = (depth = 0): unknown => {
    switch (int(depth > 3 ? 7 : 10)) {
      case 0: return null;
      case 1: return undefined;
      case 2: return random() * 1e6 - 5e5;
      case 3: return pick([NaN, Infinity, -1, 0, 1.5, 2 ** 53, -0]);
      case 4: return pick(['', 'x', 'bridge', 'default', 'guest', 'host', 'echo', 'note', '0123456789abcdef', 'a'.repeat(300)]);
      case 5: return random() < 0.5;
      case 6: return BigInt(int(1000));
      case 7: return Array.from({ length: int(4) }, () => value(depth + 1));
      case 8: return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(['rai', 'v', 'type', 'id', 'session', 'x']), value(depth + 1)]));
      default: return new Uint8Array(int(16));
    }
  };
  const deep = (): unknown => {
    let node: unknown = 'bottom';
    for (let i = 0; i < 200; i++) node = { rai: 'bridge', v: 1, type: 'event', name: 'note', data: node };
    return node;
  };
  const nearMiss = (): unknown => {
    const message: Record<string, unknown> = {
      rai: pick(['bridge', 'bridge', 'bridge', 'Bridge', 'rai', undefined]),
      v: pick([1, 1, 1, 2, 0, '1', -1, 1.5, 1e9]),
      type: pick(TYPES),
      role: pick(['guest', 'host', 'admin', 1, undefined]),
      // Never a valid session (8–64 of [A-Za-z0-9_-]): a valid one from the right window would be a real hello.
      session: pick(['', 'short', '!'.repeat(16), 'a'.repeat(65), 12345678, null, undefined]),
      channel: pick(['default', '', ' default', 'x'.repeat(65), undefined]),
      to: pick(['abcdefgh', undefined, 7]),
      id: pick([1, -1, 1.5, '1', NaN, 2 ** 60, undefined]),
      method: pick(['echo', '', 'a'.repeat(101), '../../x', 5, undefined]),
      name: pick(['note', '', 7, undefined]),
    };
    for (const key of Object.keys(message)) if (random() < 0.3) delete message[key];
    if (random() < 0.05) message.data = 'x'.repeat(100_000 + int(1_000_000));
    return message;
  };
  return () => {
    const roll = random();
    if (roll < 0.4) return nearMiss();
    if (roll < 0.42) return deep();
    return value();
  };
}
