/**
 * The guest side of the bridge tests, in an iframe on the second origin (or an opaque one).
 * Configured by query parameters (or `globalThis.BRIDGE_FIXTURE` in a srcdoc frame):
 * allowed (comma-separated host origins), announce=0, sensitive=0, connectMs, mode=silent
 * (no bridge at all) or mode=v2 (says a version-2 hello instead). A raw `{ fixture: 'query' }`
 * message from the parent is answered with a raw report, so a test can see into a guest that
 * never connected.
 */
import { BridgeError, connectToHost, type Connection } from '../../packages/core/src/bridge/index.js';
import { junkMaker } from './junk.js';

type Config = Record<string, string>;
const config: Config =
  (globalThis as { BRIDGE_FIXTURE?: Config }).BRIDGE_FIXTURE ?? Object.fromEntries(new URLSearchParams(location.search));

const stats = {
  loadId: Math.random().toString(36).slice(2),
  calls: 0,
  notes: [] as unknown[],
  errors: [] as string[],
  rawMessages: 0,
  sawSecret: false,
  /** The guest's connection states, in order. */
  states: [] as string[],
};
addEventListener('error', (event) => stats.errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => stats.errors.push(String(event.reason)));
addEventListener('message', (event) => {
  stats.rawMessages++;
  try {
    if (JSON.stringify(event.data ?? null)?.includes('secret')) stats.sawSecret = true;
  } catch {
    // BigInt and cycles from the fuzzer
  }
});

let connection: Connection | undefined;

addEventListener('message', (event) => {
  if (event.source !== parent || (event.data as { fixture?: string } | null)?.fixture !== 'query') return;
  parent.postMessage({ fixture: 'report', state: connection?.state ?? 'none', loadId: stats.loadId, calls: stats.calls, sawSecret: stats.sawSecret, errors: stats.errors, origin: location.origin }, '*');
});

const counted = <P, R>(fn: (params: P) => R) => (params: P) => {
  stats.calls++;
  return fn(params);
};

if (config.mode === 'v2') {
  const hello = () => parent.postMessage({ rai: 'bridge', v: 2, type: 'hello', role: 'guest', session: 'v2session0001', channel: 'default' }, '*');
  hello();
  setInterval(hello, 100);
} else if (config.mode !== 'silent') {
  connection = connectToHost({
    allowedOrigins: (config.allowed ?? '').split(','),
    sensitive: config.sensitive !== '0',
    announce: config.announce !== '0',
    timeouts: { connectMs: Number(config.connectMs ?? 5_000), heartbeatMs: Number(config.heartbeatMs ?? 500) },
    methods: {
      echo: counted((params: unknown) => params),
      add: counted(({ a, b }: { a: number; b: number }) => a + b),
      origin: counted((_: unknown) => location.origin),
      fail: counted(({ code, message, data }: { code?: string; message: string; data?: unknown }) => {
        if (code === 'plain') throw new TypeError(message);
        throw Object.assign(new Error(message), { code, data });
      }),
      never: counted(() => new Promise(() => {})),
      block: counted(({ ms }: { ms: number }) => {
        // Busy: no pong, no message handling (a hung page), then answers late on a dead port.
        const until = performance.now() + ms;
        while (performance.now() < until) {
          // spin
        }
        return 'unblocked';
      }),
      log: counted((value: unknown) => {
        stats.notes.push(value);
        return stats.notes.length;
      }),
      callHost: counted(async ({ method, params }: { method: string; params?: unknown }) => {
        try {
          return { ok: true, value: await connection!.call(method, params, { timeoutMs: 2_000 }) };
        } catch (error) {
          const e = error as BridgeError;
          return { ok: false, isBridgeError: e instanceof BridgeError, code: e.code, remoteCode: e.remoteCode, message: e.message, data: e.data };
        }
      }),
      emit: counted(({ name, data }: { name: string; data?: unknown }) => connection!.emit(name, data)),
      stats: () => ({ ...stats, state: connection?.state }),
      reload: counted(() => {
        setTimeout(() => location.reload(), 20);
        return stats.loadId;
      }),
      fuzz: counted(({ count, seed }: { count: number; seed: number }) => {
        const junk = junkMaker(seed);
        let sent = 0;
        for (let i = 0; i < count; i++) {
          try {
            parent.postMessage(junk(), '*');
            sent++;
          } catch {
            // uncloneable junk: not sent
          }
        }
        return sent;
      }),
    },
  });
  connection.on('note', (data) => stats.notes.push(data));
  connection.onStateChange((state) => stats.states.push(state));
  // Sent before the connection is up: must arrive, in order.
  connection.emit('guest-started', { loadId: stats.loadId, order: 1 });
  connection.emit('guest-started-2', { loadId: stats.loadId, order: 2 });
}
