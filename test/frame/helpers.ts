/** Shared by the `<rai-frame>` tests: the second-origin guest fixture and how to see into it. */
import '../../packages/widgets/src/define/frame.js';
import type { RaiFrame } from '../../packages/widgets/src/frame/frame.js';
import { GUEST_ORIGIN, HOST_ORIGIN, until } from '../bridge/helpers.js';
import { apiUrl, community } from '../support/sandbox.js';

export { GUEST_ORIGIN, HOST_ORIGIN, until };

/** The fixture guest (guest-app.ts) on the second origin, trusting this page. */
export function frameGuestUrl(params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ allowed: HOST_ORIGIN, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return `${GUEST_ORIGIN}/test/frame/guest.html?${query}`;
}

const mounted: RaiFrame[] = [];

/** A `<rai-frame>` on the sandbox with `attributes` (title and the guest's origin unless given), in the document. */
export async function mountFrame(attributes: Record<string, string>, setup: (el: RaiFrame) => void = () => {}): Promise<RaiFrame> {
  const el = document.createElement('rai-frame');
  const all = { title: 'Test app', 'allowed-origins': GUEST_ORIGIN, 'community-id': community, ...attributes };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  el.apiUrl = apiUrl;
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

export function unmountFrames(): void {
  for (const el of mounted.splice(0)) el.remove();
}

export function iframeOf(el: RaiFrame): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('iframe');
}

export async function connected(el: RaiFrame): Promise<void> {
  await until(() => el.state === 'connected', 'the guest connects');
  await el.updateComplete;
}

/** What the fixture received, as it tells it. */
export interface GuestReport {
  state: string;
  origin: string;
  loadId: string;
  contexts: any[];
  tokens: any[];
  legacy: any[];
  resizes: number;
}

/** One raw exchange with the fixture in `el`'s iframe (outside the bridge). */
function exchange<T>(el: RaiFrame, message: object, reply: (data: any) => boolean): Promise<T> {
  const iframe = iframeOf(el)!;
  return new Promise((resolve, reject) => {
    // Said again until answered: the fixture may still be loading (the browser drops a message
    // addressed to its origin while the frame still shows about:blank). `do` messages carry an id
    // and are only sent once, to a loaded guest.
    const ask = () => iframe.contentWindow?.postMessage(message, GUEST_ORIGIN);
    const again = 'id' in message ? undefined : setInterval(ask, 200);
    const stop = () => {
      clearTimeout(timer);
      clearInterval(again);
      removeEventListener('message', onMessage);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the fixture did not answer ${JSON.stringify(message)}`));
    }, 6_000);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || event.origin !== GUEST_ORIGIN || !reply(event.data)) return;
      stop();
      resolve(event.data as T);
    };
    addEventListener('message', onMessage);
    ask();
  });
}

export function report(el: RaiFrame): Promise<GuestReport> {
  return exchange(el, { fixture: 'query' }, (data) => data?.fixture === 'report');
}

let nextId = 1;
export interface Done {
  ok: boolean;
  value?: any;
  code?: string;
  remoteCode?: string;
  message?: string;
}

/** Has the guest call a host method over its bridge. */
export function guestCall(el: RaiFrame, method: string, params?: unknown): Promise<Done> {
  const id = nextId++;
  return exchange(el, { fixture: 'do', id, action: 'call', method, params }, (data) => data?.fixture === 'done' && data.id === id);
}

/** Has the guest emit an event to the host. */
export function guestEmit(el: RaiFrame, name: string, params?: unknown): Promise<Done> {
  const id = nextId++;
  return exchange(el, { fixture: 'do', id, action: 'emit', name, params }, (data) => data?.fixture === 'done' && data.id === id);
}

export function guestReload(el: RaiFrame): Promise<Done> {
  const id = nextId++;
  return exchange(el, { fixture: 'do', id, action: 'reload' }, (data) => data?.fixture === 'done' && data.id === id);
}
