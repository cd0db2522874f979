import type { TokenProvider } from '@rai-kit/core/auth';
import { VERSION } from '../version.js';
import type { ReadyDetail } from './loader.js';

/**
 * Page-wide auth for every data widget that has no `auth-url` or `token` attribute of its
 * own (those keep theirs). `null` signs out: the widgets fall back to public data.
 */
export type PageAuth = { tokenProvider: TokenProvider } | { authUrl: string } | { token: string } | null;

/**
 * `window.raiKit(command, …args)`: the kit's page API. Callable before the loader arrives
 * through the stub (rai-kit-stub.js), which queues calls in `raiKit.q` for the loader to replay.
 */
export interface RaiKit {
  /** A widget token the page already has (not refreshed; prefer `setAuthUrl`), or `null` to sign out. */
  (command: 'setToken', token: string | null): void;
  /** The page backend's token endpoint (POST, cookies included), or `null` to sign out. */
  (command: 'setAuthUrl', url: string | null): void;
  /** A callback that returns `{ token, expiresAt }` or `null`, or `null` to sign out. */
  (command: 'setTokenProvider', provider: TokenProvider | null): void;
  /** Calls `listener` once the widgets found at startup are defined or failed (at once if they are). */
  (command: 'on', event: 'ready', listener: (detail: ReadyDetail) => void): void;
  /** The loader's version (`undefined` while only the stub is there). */
  (command: 'version'): string;
  readonly version: string;
}

/** The stub's shape: the queued argument lists. */
export type RaiKitStub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

/** Data widgets take tokens; <rai-frame> gets its own from the host bridge. */
const AUTH_TAGS = 'rai-leaderboard,rai-xp-tier,rai-chat-channel,rai-store';

/** A widget's auth inputs (RaiWidget's properties), all cleared before the page's are applied. */
interface AuthTarget {
  tokenProvider: TokenProvider | undefined;
  authUrl: string | undefined;
  token: string | undefined;
}

export function createApi(doc: Document, ready: Promise<ReadyDetail>) {
  // undefined until the page calls a set* command: until then widgets keep whatever the page set on them.
  let auth: PageAuth | undefined;

  /** Sets the properties before or after upgrade: Lit keeps properties set on an undefined element. */
  const applyAuth = (element: Element) => {
    if (auth === undefined || !element.matches(AUTH_TAGS) || element.hasAttribute('auth-url') || element.hasAttribute('token')) return;
    const signedOut: AuthTarget = { tokenProvider: undefined, authUrl: undefined, token: undefined };
    Object.assign(element, signedOut, auth);
  };

  const setAuth = (next: PageAuth) => {
    auth = next;
    doc.querySelectorAll(AUTH_TAGS).forEach(applyAuth);
  };

  const api = ((command: string, ...args: unknown[]): unknown => {
    const [arg, listener] = args;
    switch (command) {
      case 'setToken':
        return setAuth(typeof arg === 'string' ? { token: arg } : null);
      case 'setAuthUrl':
        return setAuth(typeof arg === 'string' ? { authUrl: arg } : null);
      case 'setTokenProvider':
        return setAuth(typeof arg === 'function' ? { tokenProvider: arg as TokenProvider } : null);
      case 'version':
        return VERSION;
      default:
        if (command === 'on' && arg === 'ready' && typeof listener === 'function') void ready.then((detail) => listener(detail));
        else console.warn('rai-kit: unknown call raiKit(', command, ...args, ')');
        return undefined;
    }
  }) as RaiKit;
  Object.defineProperty(api, 'version', { value: VERSION, enumerable: true });

  return { api, applyAuth };
}

/** Replays the stub's queued calls in order. */
export function replay(api: RaiKit, stub: RaiKitStub | undefined): void {
  for (const args of stub?.q ?? []) (api as (...a: unknown[]) => unknown)(...Array.from(args));
}
