/**
 * Entry of the bridge bench's host page: frames the guest document (another origin), connects
 * with our bridge or penpal's, and times `echo` calls. Both sides trust only each other's origin.
 */
import { connectToGuest } from '@rai-kit/core/bridge';
import { WindowMessenger, connect } from 'penpal';
import { PAYLOAD_VALUES } from './bridge-payloads.js';
import { PAYLOADS, type Library, type PayloadRound, type RoundPlan } from './bridge-protocol.js';

interface Bridge {
  echo(params: unknown): Promise<unknown>;
  close(): void;
}

/** Connects to the guest in `iframe`; resolves once connected. */
async function open(library: Library, iframe: HTMLIFrameElement, guestOrigin: string): Promise<Bridge> {
  if (library === 'rai-kit') {
    const guest = connectToGuest({ iframe, allowedOrigins: [guestOrigin] });
    await guest.ready;
    return { echo: (params) => guest.call('echo', params), close: () => guest.close() };
  }
  const messenger = new WindowMessenger({ remoteWindow: iframe.contentWindow!, allowedOrigins: [guestOrigin] });
  const connection = connect<{ echo(params: unknown): unknown }>({ messenger, timeout: 10_000 });
  const remote = await connection.promise;
  return { echo: async (params) => remote.echo(params), close: () => connection.destroy() };
}

async function measure(bridge: Bridge, plan: RoundPlan, payload: (typeof PAYLOADS)[number]): Promise<PayloadRound> {
  const value = PAYLOAD_VALUES[payload];
  const json = JSON.stringify(value);
  // A bridge that answers the wrong thing quickly must not win.
  if (JSON.stringify(await bridge.echo(value)) !== json) throw new Error(`${plan.library} echoed something else for ${payload}`);
  for (let i = 0; i < plan.warmup; i++) await bridge.echo(value);

  const latencyMs: number[] = [];
  const sequentialStart = performance.now();
  for (let i = 0; i < plan.sequential; i++) {
    const start = performance.now();
    await bridge.echo(value);
    latencyMs.push(performance.now() - start);
  }
  const sequentialPerSecond = plan.sequential / ((performance.now() - sequentialStart) / 1000);

  let left = plan.concurrent;
  const worker = async () => {
    while (left-- > 0) await bridge.echo(value);
  };
  const concurrentStart = performance.now();
  await Promise.all(Array.from({ length: plan.inFlight }, worker));
  const concurrentPerSecond = plan.concurrent / ((performance.now() - concurrentStart) / 1000);
  return { payload, payloadBytes: json.length, latencyMs, sequentialPerSecond, concurrentPerSecond };
}

window.raiBridgeBench = {
  async round(plan) {
    const iframe = document.createElement('iframe');
    iframe.title = 'bridge bench guest';
    iframe.src = plan.guestUrl;
    const start = performance.now();
    document.body.append(iframe);
    const bridge = await open(plan.library, iframe, new URL(plan.guestUrl).origin);
    try {
      await bridge.echo(null);
      const connectMs = performance.now() - start;
      const payloads: PayloadRound[] = [];
      for (const payload of PAYLOADS) payloads.push(await measure(bridge, plan, payload));
      return { library: plan.library, connectMs, payloads };
    } finally {
      bridge.close();
      iframe.remove();
    }
  },
};
