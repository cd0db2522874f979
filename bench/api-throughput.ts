/**
 * Widget API throughput, side by side with a bare node:http server answering the same bytes.
 * See README.md. Run from the repo root with `npm run bench`.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import autocannon from 'autocannon';
import { API_PREFIX, paths } from '@rai-kit/core/api';
import { mintWidgetToken } from '@rai-kit/server';
import { envInt, log } from './cli.js';
import { markdownTable, median } from './report.js';
import type { ServersReady } from './servers.js';

const settings = {
  seconds: envInt('BENCH_SECONDS', 5),
  rounds: envInt('BENCH_ROUNDS', 3),
  connections: envInt('BENCH_CONNECTIONS', 10),
  warmupSeconds: envInt('BENCH_WARMUP_SECONDS', 2),
};
// A token is minted per run and lives at most 900 s.
if (settings.seconds >= 900) throw new RangeError('BENCH_SECONDS must be below 900 (widget token TTL).');

interface Target {
  name: string;
  url: string;
  /** Send a fresh widget token. */
  auth: boolean;
}

interface Run {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
}

/** An origin the `demo` community allows, so CORS takes its full path (lookup + headers). */
const ORIGIN = 'https://partner.example';
const secret = randomBytes(32).toString('hex');
// fork() inherits process.execArgv, i.e. tsx's loader, so the child can be TypeScript too.
const child = fork(new URL('./servers.ts', import.meta.url), {
  env: { ...process.env, BENCH_TOKEN_SECRET: secret, BENCH_ORIGIN: ORIGIN },
});

try {
  const servers = await new Promise<ServersReady>((resolve, reject) => {
    child.once('message', (message) => resolve(message as ServersReady));
    child.once('exit', (code) => reject(new Error(`server process exited before it was ready (code ${code})`)));
  });
  const targets: Target[] = [
    { name: 'GET me (token, rate limit off)', url: servers.api + API_PREFIX + paths.me('demo'), auth: true },
    { name: 'GET me (token, rate limiter on*)', url: servers.limitedApi + API_PREFIX + paths.me('demo'), auth: true },
    { name: 'GET community (public)', url: servers.api + API_PREFIX + paths.community('demo'), auth: false },
    { name: 'bare node:http (same bytes)', url: servers.bare, auth: false },
  ];

  for (const target of targets) {
    log(`warm-up ${target.name}`);
    await measure(target, settings.warmupSeconds);
  }
  const runs = new Map<Target, Run[]>(targets.map((t) => [t, []]));
  for (let round = 0; round < settings.rounds; round++) {
    // Interleave targets, rotating who goes first, so drift (thermal, neighbours) hits all alike.
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(round + i) % targets.length]!;
      const run = await measure(target, settings.seconds);
      runs.get(target)!.push(run);
      log(`round ${round + 1}/${settings.rounds} ${target.name}: ${run.reqPerSec.toFixed(0)} req/s, p99 ${run.p99} ms`);
    }
  }

  const bare = summarize(runs.get(targets.at(-1)!)!);
  const rows = targets.map((target) => {
    const median = summarize(runs.get(target)!);
    const ratioVsBare = median.reqPerSec / bare.reqPerSec;
    return { target: target.name, path: new URL(target.url).pathname, median, ratioVsBare, rounds: runs.get(target)! };
  });

  const cpus = os.cpus();
  const machine = {
    node: process.version,
    cpu: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    platform: `${os.platform()} ${os.release()}`,
  };
  console.log(`\nNode ${machine.node}, ${machine.cpu} × ${machine.cpuCount}, ${machine.platform}`);
  console.log(
    `${settings.rounds} rounds × ${settings.seconds} s per target (after ${settings.warmupSeconds} s warm-up), ` +
      `${settings.connections} connections, loopback; body ${servers.body.bytes} B ${servers.body.contentType}\n`,
  );
  console.log(
    markdownTable(
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'vs bare'],
      rows.map(({ target, median, ratioVsBare }) => [
        target,
        median.reqPerSec.toFixed(0),
        ms(median.p50),
        ms(median.p99),
        String(median.non2xx),
        `${ratioVsBare.toFixed(2)}×`,
      ]),
    ),
  );
  console.log(
    '\nMedians of rounds; latencies in whole ms as autocannon records them (<1 = under a millisecond).\n' +
      '* Limiter max raised to Number.MAX_SAFE_INTEGER: the default 600/min answers 429 from request 601 on.',
  );

  const out = new URL('./results/api-throughput.json', import.meta.url);
  await mkdir(new URL('.', out), { recursive: true });
  const report = { date: new Date().toISOString(), machine, settings, body: servers.body, targets: rows };
  await writeFile(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`Wrote ${out.pathname}`);
} catch (error) {
  console.error('\nBENCH FAILED:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'close' });
    await exited;
  }
}

/** One autocannon run; throws on any non-2xx, socket error or timeout (incl. warm-up). */
async function measure(target: Target, seconds: number): Promise<Run> {
  const headers: Record<string, string> = { Origin: ORIGIN };
  if (target.auth) {
    const { token } = await mintWidgetToken({ secret, communityId: 'demo', user: { id: 'u_0001' }, ttlSeconds: 900 });
    headers.Authorization = `Bearer ${token}`;
  }
  const result = await autocannon({ url: target.url, connections: settings.connections, duration: seconds, headers });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `(status codes ${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total ?? 0,
    non2xx: result.non2xx,
  };
}

function summarize(runs: Run[]): Omit<Run, 'requests'> {
  return {
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/** autocannon truncates latencies to whole ms, so 0 means "under 1 ms". */
function ms(value: number): string {
  return value === 0 ? '<1' : String(value);
}
