/**
 * The guest of the `<rai-frame>` tests, in an iframe on the second origin. Query parameters:
 * `allowed` (the host origin), `mode=silent` (no bridge: never connects), `silentOnce=<key>`
 * (silent on its first load only), `mode=legacy` (no
 * bridge: asks the Returning.AI way, `RETURNINGAI_WIDGET_REQUEST_TOKEN`), `grow=1` (answers
 * each resize of its window by asking to be 40px taller), `bounce=A,B` (answers each resize by
 * asking for the other of two heights), `size=N` (reports N once connected).
 *
 * The test page drives it outside the bridge (the bridge belongs to `<rai-frame>`):
 * `{ fixture: 'query' }` answers a report of everything it received; `{ fixture: 'do', id,
 * action: 'call' | 'emit' | 'reload', … }` acts through its bridge connection and answers
 * `{ fixture: 'done', id, … }`. Answers go to the host origin only, never to `*`.
 */
import { BridgeError, GUEST_EVENTS, HOST_EVENTS, connectToHost, type Connection } from '../../packages/core/src/bridge/index.js';

const config = Object.fromEntries(new URLSearchParams(location.search));
const hostOrigin = (config.allowed ?? '').split(',')[0]!;

const log = {
  loadId: Math.random().toString(36).slice(2),
  contexts: [] as unknown[],
  tokens: [] as unknown[],
  legacy: [] as unknown[],
  resizes: 0,
};
let connection: Connection | undefined;

const answer = (message: object) => parent.postMessage({ ...message }, hostOrigin);

addEventListener('message', async (event) => {
  const data = event.data as { fixture?: string; type?: string; id?: number; action?: string; method?: string; params?: unknown; name?: string } | null;
  if (event.source !== parent) return;
  if (data?.type === 'RETURNINGAI_WIDGET_TOKEN') log.legacy.push({ ...data, origin: event.origin });
  if (event.origin !== hostOrigin) return;
  if (data?.fixture === 'query') answer({ fixture: 'report', state: connection?.state ?? 'none', origin: location.origin, ...log });
  if (data?.fixture !== 'do') return;
  try {
    let value: unknown;
    if (data.action === 'call') value = await connection!.call(data.method!, data.params, { timeoutMs: 5_000 });
    else if (data.action === 'emit') value = connection!.emit(data.name!, data.params);
    else if (data.action === 'reload') setTimeout(() => location.reload(), 20);
    answer({ fixture: 'done', id: data.id, ok: true, value });
  } catch (error) {
    const e = error as BridgeError;
    answer({ fixture: 'done', id: data.id, ok: false, code: e.code, remoteCode: e.remoteCode, message: e.message, isBridgeError: e instanceof BridgeError });
  }
});

// `silentOnce=<key>`: silent on the first load only (a guest that was down, then comes back).
const silentOnce = config.silentOnce !== undefined && sessionStorage.getItem(`silent-${config.silentOnce}`) === null;
if (silentOnce) sessionStorage.setItem(`silent-${config.silentOnce}`, '1');

if (config.mode === 'legacy') {
  parent.postMessage({ type: 'RETURNINGAI_WIDGET_REQUEST_TOKEN' }, '*');
} else if (config.mode !== 'silent' && !silentOnce) {
  const host = (connection = connectToHost({ allowedOrigins: hostOrigin, timeouts: { connectMs: 5_000, heartbeatMs: 500 } }));
  host.on(HOST_EVENTS.context, (context) => log.contexts.push(context));
  host.on(HOST_EVENTS.token, (grant) => log.tokens.push(grant));
  const report = (height: number) => host.emit(GUEST_EVENTS.size, { height });
  if (config.size) report(Number(config.size));
  const [a, b] = (config.bounce ?? '').split(',').map(Number);
  addEventListener('resize', () => {
    log.resizes++;
    if (config.grow) report(innerHeight + 40);
    if (config.bounce) report(innerHeight === a ? b! : a!);
  });
  // The loops need a first push; the frame's default height is not either bounce height.
  if (config.grow || config.bounce) report(config.bounce ? a! : innerHeight + 40);
}
