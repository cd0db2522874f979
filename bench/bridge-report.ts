/** The figures bridge.ts keeps and the tables it prints: call speed (pooled rounds) and code size. */
import type { SideSize } from './browser/bridge-sizes.js';
import { LIBRARIES, PAYLOADS, type Library, type PayloadName, type RoundResult } from './browser/bridge-protocol.js';
import { markdownTable, median, ms, percentile } from './report.js';

export interface CallSummary {
  library: Library;
  payload: PayloadName;
  payloadBytes: number;
  /** Every round's sequential calls pooled. */
  calls: number;
  latencyMs: { median: number; p95: number; p99: number };
  /** Median of the rounds, and each round's figure. */
  sequentialPerSecond: { median: number; rounds: number[] };
  concurrentPerSecond: { median: number; rounds: number[] };
}

export interface ConnectSummary {
  library: Library;
  /** Iframe appended → first call answered: median of the rounds, and each round's figure. */
  connectMs: { median: number; rounds: number[] };
}

export function summarize(rounds: RoundResult[]): { calls: CallSummary[]; connects: ConnectSummary[] } {
  const calls: CallSummary[] = [];
  const connects: ConnectSummary[] = [];
  for (const library of LIBRARIES) {
    const own = rounds.filter((r) => r.library === library);
    const connectRounds = own.map((r) => r.connectMs);
    connects.push({ library, connectMs: { median: median(connectRounds), rounds: connectRounds } });
    for (const payload of PAYLOADS) {
      const runs = own.map((r) => r.payloads.find((p) => p.payload === payload)!);
      const latency = runs.flatMap((r) => r.latencyMs);
      const sequential = runs.map((r) => r.sequentialPerSecond);
      const concurrent = runs.map((r) => r.concurrentPerSecond);
      calls.push({
        library,
        payload,
        payloadBytes: runs[0]!.payloadBytes,
        calls: latency.length,
        latencyMs: { median: median(latency), p95: percentile(latency, 95), p99: percentile(latency, 99) },
        sequentialPerSecond: { median: median(sequential), rounds: sequential },
        concurrentPerSecond: { median: median(concurrent), rounds: concurrent },
      });
    }
  }
  return { calls, connects };
}

const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
const perSecond = (value: number) => Math.round(value).toLocaleString('en-US');
const kB = (bytes: number) => (bytes / 1000).toFixed(1);

export function bridgeTable(
  { calls, connects }: ReturnType<typeof summarize>,
  sizes: SideSize[],
  settings: { rounds: number; sequential: number; concurrent: number; inFlight: number },
): string {
  const [ours, theirs] = LIBRARIES;
  const rows: string[][] = [];
  const row = (measurement: string, what: string, a: number, b: number, cell: (value: number) => string) =>
    rows.push([measurement, what, cell(a), cell(b), ratio(a, b)]);
  const latency = (value: number) => ms(value, 3);
  for (const payload of PAYLOADS) {
    const a = calls.find((c) => c.library === ours && c.payload === payload)!;
    const b = calls.find((c) => c.library === theirs && c.payload === payload)!;
    const what = `${payload} (${a.payloadBytes} B JSON, echoed)`;
    row(`round trip median, ms (${a.calls} calls)`, what, a.latencyMs.median, b.latencyMs.median, latency);
    row('round trip p95, ms', what, a.latencyMs.p95, b.latencyMs.p95, latency);
    row('calls/s, one at a time', what, a.sequentialPerSecond.median, b.sequentialPerSecond.median, perSecond);
    row(`calls/s, ${settings.inFlight} in flight`, what, a.concurrentPerSecond.median, b.concurrentPerSecond.median, perSecond);
  }
  const connectMs = (library: Library) => connects.find((c) => c.library === library)!.connectMs.median;
  row('iframe appended → first call answered, ms', 'handshake included', connectMs(ours), connectMs(theirs), (value) => ms(value));
  const speed = markdownTable(['measurement', 'payload', ours, theirs, `${ours} / ${theirs}`], rows, [0, 1]);

  const sizeRows = sizes.map((s) => [s.library, s.side, kB(s.minifiedBytes), kB(s.gzipBytes), kB(s.brotliBytes), s.note ?? '']);
  const size = markdownTable(['library', 'side', 'minified, kB', 'gzip, kB', 'brotli, kB', 'note'], sizeRows, [0, 1, 5]);

  return (
    `Calls through the bridge, cross-site iframe (medians of ${settings.rounds} rounds per library; ` +
    `latency pooled over ${settings.sequential} timed calls per round; ${settings.concurrent} calls per round for "in flight"):\n\n` +
    `${speed}\n\nCode each side ships (esbuild bundle, minified; gzip -9, brotli q11):\n\n${size}`
  );
}
