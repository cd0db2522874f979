/**
 * The handshake on the window: either side may say hello first; the host always answers a
 * guest hello with a `welcome` carrying a fresh `MessageChannel` port, and a guest answers a
 * host hello with its own hello. Both sides check `event.source` (the expected window) and
 * `event.origin` (the allow-list) before acting on anything, and nothing else ever travels on
 * the window. The host keeps listening after connecting: a guest that reloads or navigates
 * says hello again (new session) and gets a new port; calls, subscribers and the queue survive.
 */
import { LIMITS, PROTOCOL, VERSION, foreignHelloVersion, parseHandshake, type Hello, type Role } from './envelope.js';
import { BridgeError } from './errors.js';
import { compileOrigins, replyTarget, type OriginMatcher } from './origin.js';
import { ConnectionCore, DEFAULT_TIMEOUTS, type Connection, type Methods, type Timeouts } from './connection.js';

export interface CommonOptions {
  /**
   * Origins trusted as the peer: exact (`https://app.example.com`), patterns
   * (`https://*.example.com`, `http://localhost:*`), `'null'` for opaque origins, `'*'` only
   * when `sensitive` is false. Required: there is no default.
   */
  allowedOrigins: readonly string[] | string;
  /** Methods the peer may call. More can be added later with `expose()`. */
  methods?: Methods;
  /**
   * Tokens or user data travel on this connection (default true): `'*'` in `allowedOrigins`
   * is refused with a `refused_origin` error.
   */
  sensitive?: boolean;
  /** `connectMs`, `callMs`, `heartbeatMs` (see `Timeouts`); unspecified ones keep their defaults. */
  timeouts?: Partial<Timeouts>;
  /** Say hello first (default true). With false this side only answers the peer's hello. */
  announce?: boolean;
  /** Keeps several bridges between the same two windows apart (default `'default'`). */
  channel?: string;
  /** Inbound payload budget, estimated (default 1 MiB); bigger messages are refused with `too_large`. */
  maxMessageBytes?: number;
}

export interface GuestOptions extends CommonOptions {
  /** The iframe the guest lives in. Only messages whose `event.source` is its `contentWindow` count. */
  iframe: HTMLIFrameElement;
}

export interface HostOptions extends CommonOptions {
  /** The host window (default `window.parent`; `window.opener` for a popup). */
  hostWindow?: Window;
}

/** Hello retries while not connected: quick at first (the peer may still be loading), then every 2 s. */
const RETRY_MS = [50, 100, 200, 400, 800, 1_600, 2_000];

function randomSession(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Setup {
  role: Role;
  options: CommonOptions;
  /** The window the peer lives in, looked up when needed (an iframe's `contentWindow` changes before insertion). */
  peer: () => Window | null;
  /** Handles a valid handshake message from the right window and an allowed origin. */
  onHandshake: (core: ConnectionCore, message: ReturnType<typeof parseHandshake> & {}, event: MessageEvent, session: string) => void;
  /** Extra listeners (the iframe's load): returns their cleanup. */
  extra?: (announce: () => void) => () => void;
}

function readOptions(options: CommonOptions): { matcher: OriginMatcher; timeouts: Timeouts; channel: string; maxMessageBytes: number } {
  if (!options || typeof options !== 'object') throw new BridgeError('invalid_config', 'options are required');
  const matcher = compileOrigins(options.allowedOrigins ?? [], { sensitive: options.sensitive ?? true });
  const channel = options.channel ?? 'default';
  if (!LIMITS.channel.test(channel)) throw new BridgeError('invalid_config', `channel "${channel}" must match ${LIMITS.channel}`);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const maxMessageBytes = options.maxMessageBytes ?? LIMITS.maxMessageBytes;
  return { matcher, timeouts, channel, maxMessageBytes };
}

function start(setup: Setup): Connection {
  const { matcher, timeouts, channel, maxMessageBytes } = readOptions(setup.options);
  const announceFirst = setup.options.announce ?? true;
  let session = randomSession();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;
  let refusedOrigin: string | undefined;
  let foreignVersion: number | undefined;

  const hello = (): Hello => ({ rai: PROTOCOL, v: VERSION, type: 'hello', role: setup.role, session, channel });
  const post = (target: Window, message: object, targetOrigin: string, transfer: Transferable[] = []): void => {
    try {
      target.postMessage(message, targetOrigin, transfer);
    } catch {
      // A closed window or an unparsable target origin: the retry or the timeout deals with it.
    }
  };
  const announce = (): void => {
    const peer = setup.peer();
    if (!peer || peer === window || core.state === 'closed') return;
    // A window this page can read is same-origin: an iframe's initial about:blank before the
    // guest loads. Saying hello to it would only make the browser log a target-origin error.
    const visible = readableOrigin(peer);
    if (visible !== null && !matcher.allows(visible)) return;
    for (const target of matcher.helloTargets) post(peer, hello(), target);
  };
  const scheduleRetry = (): void => {
    clearTimeout(retryTimer);
    if (!announceFirst || core.state === 'connected' || core.state === 'closed') return;
    const delay = RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]!;
    retryTimer = setTimeout(() => {
      announce();
      scheduleRetry();
    }, delay);
  };

  const core: ConnectionCore = new ConnectionCore({
    role: setup.role,
    methods: setup.options.methods,
    timeouts,
    maxMessageBytes,
    onPortLost: () => {
      // A new session: a peer that still thinks it is connected (it hung, or only this side
      // missed its heartbeats) would take the old session's hello for a repeat and ignore it.
      session = randomSession();
      // Say hello again: a reloaded guest answers (and says hello on its own anyway).
      if (!announceFirst) return;
      retries = 0;
      announce();
      scheduleRetry();
    },
    onClose: () => {
      clearTimeout(retryTimer);
      clearTimeout(connectTimer);
      removeEventListener('message', onMessage);
      removeEventListener('pagehide', onPageHide);
      removeEventListener('pageshow', onPageShow);
      cleanupExtra();
    },
  });

  const onMessage = (event: MessageEvent): void => {
    // Cheap checks first, and nothing here may throw: junk is dropped without a trace.
    try {
      const peer = setup.peer();
      if (!peer || event.source !== peer) return;
      const message = parseHandshake(event.data);
      if (!message) {
        const version = foreignHelloVersion(event.data);
        if (version !== undefined && matcher.allows(event.origin)) foreignVersion = version;
        return;
      }
      if (message.channel !== channel) return;
      if (!matcher.allows(event.origin)) {
        refusedOrigin = event.origin;
        return;
      }
      setup.onHandshake(core, message, event, session);
    } catch {
      // Defensive: a hostile same-realm object could still surprise us; never let it out.
    }
  };

  const onPageHide = (event: PageTransitionEvent): void => {
    if (core.state === 'connected') core.sayBye();
    if (event.persisted) clearTimeout(retryTimer);
  };
  const onPageShow = (event: PageTransitionEvent): void => {
    // Back from the bfcache: the old port is gone; a new session starts a new handshake.
    if (!event.persisted || core.state === 'closed') return;
    session = randomSession();
    retries = 0;
    announce();
    scheduleRetry();
  };

  addEventListener('message', onMessage);
  addEventListener('pagehide', onPageHide);
  addEventListener('pageshow', onPageShow);
  const cleanupExtra = setup.extra?.(() => {
    if (core.state !== 'connected' && announceFirst) announce();
  }) ?? (() => {});

  const connectTimer = Number.isFinite(timeouts.connectMs)
    ? setTimeout(() => {
        if (core.state !== 'connecting') return;
        const error =
          foreignVersion !== undefined
            ? new BridgeError('version_mismatch', `the peer speaks bridge protocol v${foreignVersion}, this side v${VERSION}`, { data: { peerVersion: foreignVersion, version: VERSION } })
            : refusedOrigin !== undefined
              ? new BridgeError('refused_origin', `no handshake within ${timeouts.connectMs} ms: the peer's origin ${refusedOrigin} is not in allowedOrigins (${matcher.entries.join(', ')})`, { data: { origin: refusedOrigin, allowedOrigins: matcher.entries } })
              : new BridgeError('connect_timeout', `no handshake within ${timeouts.connectMs} ms (role ${setup.role}, channel ${channel})`, { data: { timeoutMs: timeouts.connectMs } });
        core.fail(error);
      }, timeouts.connectMs)
    : undefined;
  core.onStateChange((state) => {
    if (state === 'connected') {
      clearTimeout(retryTimer);
      clearTimeout(connectTimer);
    }
  });

  if (announceFirst) {
    announce();
    scheduleRetry();
  }
  return core;
}

/**
 * The host side: connects to the guest page in `iframe`. The host makes the private channel:
 * every guest hello from the iframe's window and an allowed origin that is not the guest it is
 * already talking to (a reload, a navigation, a new guest) gets a `welcome` with a new port.
 */
export function connectToGuest(options: GuestOptions): Connection {
  const iframe = options?.iframe;
  if (!iframe || typeof iframe !== 'object' || !('contentWindow' in iframe)) {
    throw new BridgeError('invalid_config', 'connectToGuest needs the guest iframe');
  }
  let guestSession: string | undefined;
  return start({
    role: 'host',
    options,
    peer: () => iframe.contentWindow,
    onHandshake(core, message, event, session) {
      if (message.type !== 'hello' || message.role !== 'guest') return;
      if (core.state === 'connected' && message.session === guestSession) return; // a repeated hello
      const source = event.source as Window;
      const { port1, port2 } = new MessageChannel();
      try {
        source.postMessage(
          { rai: PROTOCOL, v: VERSION, type: 'welcome', role: 'host', session, to: message.session, channel: message.channel },
          replyTarget(event.origin),
          [port2],
        );
      } catch {
        port1.close();
        return;
      }
      guestSession = message.session;
      core.attach(port1, event.origin);
    },
    extra(announce) {
      // A (re)loaded guest document: say hello in case it does not announce itself.
      iframe.addEventListener('load', announce);
      return () => iframe.removeEventListener('load', announce);
    },
  });
}

/**
 * The guest side, in an iframe: connects to the host page (`window.parent` by default). Answers
 * a host hello with its own hello, and takes the port from a `welcome` addressed to its session.
 */
export function connectToHost(options: HostOptions): Connection {
  const hostWindow = options?.hostWindow ?? (typeof window !== 'undefined' ? window.parent : null);
  return start({
    role: 'guest',
    options,
    peer: () => hostWindow,
    onHandshake(core, message, event, session) {
      if (message.type === 'hello') {
        if (message.role !== 'host') return;
        (event.source as Window).postMessage(
          { rai: PROTOCOL, v: VERSION, type: 'hello', role: 'guest', session, channel: message.channel },
          replyTarget(event.origin),
        );
        return;
      }
      if (message.to !== session) return;
      const port = event.ports[0];
      if (!port || event.ports.length !== 1) return;
      core.attach(port, event.origin);
    },
  });
}

/**
 * The origin of `peer` when this page may read it (a same-origin window), else `null`.
 * `window.origin`, not `location.origin`: an about:blank document inherits its creator's
 * origin, while its URL's origin is `null`.
 */
function readableOrigin(peer: Window): string | null {
  try {
    return peer.origin;
  } catch {
    return null;
  }
}
