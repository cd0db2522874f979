/** Shared by the bridge browser tests: the second-origin guest fixture and small waits. */
import type { Connection, ConnectionState } from '../../packages/core/src/bridge/index.js';

/** This page's origin (`http://localhost:<port>`). */
export const HOST_ORIGIN = location.origin;
/** The same dev server under another hostname: a genuinely different origin. */
export const GUEST_ORIGIN = `http://127.0.0.1:${location.port}`;

export function guestUrl(params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ allowed: HOST_ORIGIN, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return `${GUEST_ORIGIN}/test/bridge/guest.html?${query}`;
}

const frames: HTMLIFrameElement[] = [];

/** An iframe, not yet in the document unless `attach` (so a host can connect before it loads). */
export function makeIframe(src: string, options: { sandbox?: string; attach?: boolean } = {}): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.title = 'bridge test guest';
  if (options.sandbox !== undefined) iframe.setAttribute('sandbox', options.sandbox);
  iframe.src = src;
  frames.push(iframe);
  if (options.attach ?? true) document.body.append(iframe);
  return iframe;
}

const connections: Connection[] = [];
/** Registers a connection for `cleanup()`. */
export function track<T extends Connection>(connection: T): T {
  connections.push(connection);
  return connection;
}

export function cleanup(): void {
  for (const connection of connections.splice(0)) connection.close();
  for (const frame of frames.splice(0)) frame.remove();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await sleep(20);
  }
}

export interface RawReport {
  fixture: 'report';
  state: string;
  loadId: string;
  calls: number;
  sawSecret: boolean;
  errors: string[];
  origin: string;
}

/** Asks the fixture in `iframe` for its raw report (outside the bridge, for guests that never connected). */
export async function rawReport(iframe: HTMLIFrameElement): Promise<RawReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', onMessage);
      reject(new Error('the fixture did not report'));
    }, 2_000);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || (event.data as RawReport | null)?.fixture !== 'report') return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      resolve(event.data as RawReport);
    };
    addEventListener('message', onMessage);
    iframe.contentWindow!.postMessage({ fixture: 'query' }, '*');
  });
}

/** Records every state a connection goes through. */
export function states(connection: Connection): ConnectionState[] {
  const seen: ConnectionState[] = [connection.state];
  connection.onStateChange((state) => seen.push(state));
  return seen;
}

/** Rejection of `promise`, or a failure if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * A one-file build of `entry` for an opaque-origin (sandboxed srcdoc) frame, which cannot load
 * modules from our server (module scripts need CORS): each module, as served (TypeScript already
 * compiled by the dev server), becomes a `data:` URL with its imports rewritten to the `data:`
 * URLs of their own modules.
 */
export async function inlineModule(entry: string): Promise<string> {
  const built = new Map<string, Promise<string>>();
  const build = (url: string): Promise<string> => {
    let result = built.get(url);
    if (!result) {
      result = (async () => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        let code = await response.text();
        const specifiers = [...code.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g)].map((m) => m[1]!);
        for (const specifier of new Set(specifiers)) {
          const inner = await build(new URL(specifier, url).href);
          code = code.split(`"${specifier}"`).join(`"${inner}"`).split(`'${specifier}'`).join(`'${inner}'`);
        }
        return `data:text/javascript;base64,${btoa(unescape(encodeURIComponent(code)))}`;
      })();
      built.set(url, result);
    }
    return result;
  };
  return build(new URL(entry, location.href).href);
}
