/**
 * One side of an established (or not yet established) bridge: the private port, calls with ids
 * and timeouts, events, the queue of what was sent before the port was up, and the heartbeat.
 * The handshake (handshake.ts) decides when a port is attached, swapped or lost; this file
 * never looks at the window.
 */
import { PROTOCOL, VERSION, fits, parsePortMessage, type PortMessage } from './envelope.js';
import { BridgeError, fromWireError, toWireError } from './errors.js';

export type ConnectionState =
  /** Waiting for the first handshake. */
  | 'connecting'
  /** A port is up; calls and events flow. */
  | 'connected'
  /** The port was lost (peer reloaded, navigated, said bye or missed heartbeats); waiting for a new handshake. Calls queue. */
  | 'reconnecting'
  /** The first handshake timed out (`ready` rejected). Still listening: a late peer connects. */
  | 'failed'
  /** `close()` was called. Final. */
  | 'closed';

/** What a method handler or event listener learns about the message. */
export interface MessageContext {
  /** The peer's origin (as checked against the allow-list; `'null'` for an opaque origin). */
  origin: string;
  /** For event listeners: the event's name (useful to `on('*')` listeners). */
  event?: string;
}

export type MethodHandler = (params: any, context: MessageContext) => unknown;
export type EventHandler = (data: any, context: MessageContext) => void;
export type Methods = Record<string, MethodHandler>;

export interface CallOptions {
  /** Overrides `timeouts.callMs` for this call; `Infinity` waits for ever. Counts from the call, queue time included. */
  timeoutMs?: number;
}

export interface Timeouts {
  /** First handshake deadline (default 10 s): then `ready` rejects with a typed error. */
  connectMs: number;
  /** Default per-call deadline (default 10 s). */
  callMs: number;
  /** Ping interval on the port (default 5 s; 0 turns the heartbeat off). Two silent intervals in a row mean the port is dead. */
  heartbeatMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, callMs: 10_000, heartbeatMs: 5_000 };

/** The public face of a connection, the same on both sides. */
export interface Connection {
  readonly role: 'host' | 'guest';
  readonly state: ConnectionState;
  /** Resolves on the first handshake; rejects with a `BridgeError` on connect timeout or `close()` before it. Never left unhandled. */
  readonly ready: Promise<void>;
  /** The peer's origin once connected (kept while reconnecting), else null. */
  readonly peerOrigin: string | null;
  /** Calls `method` on the peer. Queued until connected; rejects with a `BridgeError` (`timeout`, `remote_error`, `method_not_found`, `disconnected`, `closed`, …). */
  call<T = unknown>(method: string, params?: unknown, options?: CallOptions): Promise<T>;
  /** Sends an event to the peer's `on(name)` listeners. Queued until connected; dropped (returns false) after `close()`. */
  emit(name: string, data?: unknown): boolean;
  /** Listens to the peer's `emit(name)` (`'*'`: every event, name in `context.event`); returns the unsubscribe function. Survives reconnects. */
  on(name: string, handler: EventHandler): () => void;
  /** Adds (or replaces) a method the peer may call; returns a function that removes it. */
  expose(name: string, handler: MethodHandler): () => void;
  /** Listens to state changes; returns the unsubscribe function. */
  onStateChange(listener: (state: ConnectionState, error?: BridgeError) => void): () => void;
  /** Says bye to the peer, rejects everything pending with `closed`, stops listening. */
  close(): void;
}

interface Pending {
  method: string;
  resolve: (value: any) => void;
  reject: (error: BridgeError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The port the call went out on (undefined while queued). */
  port: MessagePort | undefined;
}

type Outbound = { kind: 'call'; id: number; message: PortMessage } | { kind: 'event'; message: PortMessage };

export interface CoreOptions {
  role: 'host' | 'guest';
  methods?: Methods;
  timeouts: Timeouts;
  maxMessageBytes: number;
  /** Called when the port is lost (not on close): the handshake layer re-announces. */
  onPortLost?: (reason: string) => void;
  /** Called once by `close()`: the handshake layer removes its listeners. */
  onClose?: () => void;
}

function report(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else setTimeout(() => { throw error; });
}

function isDataCloneError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DataCloneError';
}

/** The engine behind `Connection`. Exported for the handshake layer and for tests that drive a bare `MessageChannel`. */
export class ConnectionCore implements Connection {
  readonly role: 'host' | 'guest';
  readonly ready: Promise<void>;
  #state: ConnectionState = 'connecting';
  #port: MessagePort | undefined;
  #origin: string | null = null;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #queue: Outbound[] = [];
  #methods = new Map<string, MethodHandler>();
  #listeners = new Map<string, Set<EventHandler>>();
  #stateListeners = new Set<(state: ConnectionState, error?: BridgeError) => void>();
  #resolveReady!: () => void;
  #rejectReady!: (error: BridgeError) => void;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #silentBeats = 0;
  #nextPing = 1;
  readonly #options: CoreOptions;

  constructor(options: CoreOptions) {
    this.role = options.role;
    this.#options = options;
    for (const [name, handler] of Object.entries(options.methods ?? {})) {
      if (typeof handler === 'function') this.#methods.set(name, handler);
    }
    this.ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Nobody has to await `ready`: a connect timeout must not surface as an unhandled rejection.
    this.ready.catch(() => {});
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get peerOrigin(): string | null {
    return this.#origin;
  }

  /** The port in use (tests and the handshake layer). */
  get port(): MessagePort | undefined {
    return this.#port;
  }

  call<T = unknown>(method: string, params?: unknown, options: CallOptions = {}): Promise<T> {
    if (this.#state === 'closed') return Promise.reject(new BridgeError('closed', `cannot call ${method}: the connection is closed`));
    if (typeof method !== 'string' || !/^[A-Za-z0-9_.:/-]{1,100}$/.test(method)) {
      return Promise.reject(new BridgeError('invalid_config', `"${String(method)}" is not a valid method name`));
    }
    if (!fits(params, this.#options.maxMessageBytes)) {
      return Promise.reject(new BridgeError('too_large', `${method}: params are over ${this.#options.maxMessageBytes} bytes`));
    }
    const id = this.#nextId++;
    const timeoutMs = options.timeoutMs ?? this.#options.timeouts.callMs;
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { method, resolve, reject, timer: undefined, port: undefined };
      if (Number.isFinite(timeoutMs)) {
        pending.timer = setTimeout(() => {
          this.#pending.delete(id);
          this.#queue = this.#queue.filter((item) => item.kind !== 'call' || item.id !== id);
          reject(new BridgeError('timeout', `${method} got no answer within ${timeoutMs} ms`, { data: { method, timeoutMs, state: this.#state } }));
        }, Math.max(0, timeoutMs));
      }
      this.#pending.set(id, pending);
      const message: PortMessage = { rai: PROTOCOL, v: VERSION, type: 'call', id, method };
      if (params !== undefined) message.params = params;
      this.#send({ kind: 'call', id, message });
    });
  }

  emit(name: string, data?: unknown): boolean {
    if (this.#state === 'closed') return false;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_.:/-]{1,100}$/.test(name)) {
      throw new BridgeError('invalid_config', `"${String(name)}" is not a valid event name`);
    }
    if (!fits(data, this.#options.maxMessageBytes)) {
      throw new BridgeError('too_large', `${name}: data is over ${this.#options.maxMessageBytes} bytes`);
    }
    const message: PortMessage = { rai: PROTOCOL, v: VERSION, type: 'event', name };
    if (data !== undefined) message.data = data;
    this.#send({ kind: 'event', message });
    return true;
  }

  on(name: string, handler: EventHandler): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const entry: EventHandler = (data, context) => handler(data, context);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  expose(name: string, handler: MethodHandler): () => void {
    this.#methods.set(name, handler);
    return () => {
      if (this.#methods.get(name) === handler) this.#methods.delete(name);
    };
  }

  onStateChange(listener: (state: ConnectionState, error?: BridgeError) => void): () => void {
    this.#stateListeners.add(listener);
    return () => {
      this.#stateListeners.delete(listener);
    };
  }

  close(): void {
    if (this.#state === 'closed') return;
    this.#post({ rai: PROTOCOL, v: VERSION, type: 'bye' });
    this.#dropPort();
    const error = new BridgeError('closed', 'the connection was closed');
    this.#rejectReady(error);
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(new BridgeError('closed', `${pending.method}: the connection was closed`));
    }
    this.#queue = [];
    this.#setState('closed');
    this.#options.onClose?.();
  }

  // ── Used by the handshake layer ──────────────────────────────────────────────

  /** Takes a fresh port (first handshake or re-handshake) and flushes the queue onto it, in order. */
  attach(port: MessagePort, origin: string): void {
    if (this.#state === 'closed') {
      port.close();
      return;
    }
    if (this.#port) this.#lose('replaced');
    this.#port = port;
    this.#origin = origin;
    port.onmessage = (event) => this.#receive(port, event.data);
    port.onmessageerror = () => {};
    port.start();
    const queue = this.#queue;
    this.#queue = [];
    for (const item of queue) this.#transmit(item);
    this.#startHeartbeat();
    this.#setState('connected');
    this.#resolveReady();
  }

  /** The port is gone (peer's pagehide, heartbeat): calls in flight on it reject with `disconnected`. */
  lose(reason: string): void {
    if (!this.#port) return;
    this.#lose(reason);
    this.#setState('reconnecting');
    this.#options.onPortLost?.(reason);
  }

  /** First-handshake timeout: rejects `ready`, keeps listening. */
  fail(error: BridgeError): void {
    if (this.#state !== 'connecting') return;
    this.#rejectReady(error);
    this.#setState('failed', error);
  }

  /** Tells the peer this page is going away (pagehide), without closing: a bfcache restore re-handshakes. */
  sayBye(): void {
    this.#post({ rai: PROTOCOL, v: VERSION, type: 'bye' });
    this.lose('pagehide');
  }

  // ── Internals ───────────────────────────────────────────────────────────────

  #lose(reason: string): void {
    const port = this.#port;
    this.#dropPort();
    for (const [id, pending] of this.#pending) {
      if (pending.port !== port) continue;
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(new BridgeError('disconnected', `${pending.method}: the connection was lost (${reason}) before an answer`, { data: { reason } }));
    }
  }

  #dropPort(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    const port = this.#port;
    this.#port = undefined;
    if (port) {
      port.onmessage = null;
      port.close();
    }
  }

  #setState(state: ConnectionState, error?: BridgeError): void {
    if (this.#state === state) return;
    this.#state = state;
    for (const listener of [...this.#stateListeners]) {
      try {
        listener(state, error);
      } catch (thrown) {
        report(thrown);
      }
    }
  }

  #send(item: Outbound): void {
    if (this.#port && this.#state === 'connected') this.#transmit(item);
    else this.#queue.push(item);
  }

  #transmit(item: Outbound): void {
    const port = this.#port!;
    try {
      port.postMessage(item.message);
      if (item.kind === 'call') {
        const pending = this.#pending.get(item.id);
        if (pending) pending.port = port;
      }
    } catch (thrown) {
      const error = isDataCloneError(thrown)
        ? new BridgeError('not_cloneable', `${item.kind === 'call' ? 'params' : 'event data'} cannot be cloned: ${(thrown as Error).message}`)
        : new BridgeError('disconnected', String(thrown));
      if (item.kind === 'call') this.#settle(item.id, (pending) => pending.reject(error));
      else report(error);
    }
  }

  #post(message: PortMessage, port = this.#port): boolean {
    if (!port) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      return false;
    }
  }

  #settle(id: number, settle: (pending: Pending) => void): void {
    const pending = this.#pending.get(id);
    if (!pending) return; // late answer to a call that timed out, or junk
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    settle(pending);
  }

  #receive(port: MessagePort, data: unknown): void {
    if (port !== this.#port) return;
    const parsed = parsePortMessage(data, this.#options.maxMessageBytes);
    if (!parsed.ok) {
      if (parsed.reason !== 'too_large' || parsed.callId === undefined) return;
      if (parsed.type === 'call') {
        this.#post({ rai: PROTOCOL, v: VERSION, type: 'error', id: parsed.callId, error: { code: 'too_large', message: 'params over the receiver\'s size limit' } }, port);
      } else {
        this.#settle(parsed.callId, (p) => p.reject(new BridgeError('too_large', `${p.method}: the answer is over ${this.#options.maxMessageBytes} bytes`)));
      }
      return;
    }
    this.#silentBeats = 0;
    const message = parsed.message;
    const context: MessageContext = { origin: this.#origin ?? 'null' };
    switch (message.type) {
      case 'call':
        this.#answer(port, message.id, message.method, message.params, context);
        return;
      case 'result':
        this.#settle(message.id, (pending) => pending.resolve(message.value));
        return;
      case 'error':
        this.#settle(message.id, (pending) => pending.reject(fromWireError(message.error, pending.method)));
        return;
      case 'event': {
        const handlers = [...(this.#listeners.get(message.name) ?? []), ...(this.#listeners.get('*') ?? [])];
        const eventContext: MessageContext = { ...context, event: message.name };
        for (const handler of handlers) {
          try {
            handler(message.data, eventContext);
          } catch (thrown) {
            report(thrown);
          }
        }
        return;
      }
      case 'ping':
        this.#post({ rai: PROTOCOL, v: VERSION, type: 'pong', id: message.id }, port);
        return;
      case 'pong':
        return;
      case 'bye':
        this.lose('bye');
        return;
    }
  }

  #answer(port: MessagePort, id: number, method: string, params: unknown, context: MessageContext): void {
    const handler = this.#methods.get(method);
    if (!handler) {
      this.#post({ rai: PROTOCOL, v: VERSION, type: 'error', id, error: { code: 'method_not_found', message: `no method "${method}" on the ${this.role}` } }, port);
      return;
    }
    Promise.resolve()
      .then(() => handler(params, context))
      .then(
        (value) => {
          if (!fits(value, this.#options.maxMessageBytes)) {
            this.#post({ rai: PROTOCOL, v: VERSION, type: 'error', id, error: { code: 'too_large', message: `${method}: the answer is over the size limit` } }, port);
            return;
          }
          const message: PortMessage = { rai: PROTOCOL, v: VERSION, type: 'result', id };
          if (value !== undefined) message.value = value;
          try {
            port.postMessage(message);
          } catch (thrown) {
            const code = isDataCloneError(thrown) ? 'not_cloneable' : 'error';
            this.#post({ rai: PROTOCOL, v: VERSION, type: 'error', id, error: { code, message: `${method}: the answer cannot be sent: ${(thrown as Error).message}` } }, port);
          }
        },
        (thrown: unknown) => {
          const error = toWireError(thrown);
          if (!this.#post({ rai: PROTOCOL, v: VERSION, type: 'error', id, error }, port)) {
            this.#post({ rai: PROTOCOL, v: VERSION, type: 'error', id, error: { code: error.code, message: error.message } }, port);
          }
        },
      );
  }

  #startHeartbeat(): void {
    const every = this.#options.timeouts.heartbeatMs;
    this.#silentBeats = 0;
    if (!(every > 0) || !Number.isFinite(every)) return;
    this.#heartbeat = setInterval(() => {
      // Counted in intervals, not wall time: in a throttled background tab both ends slow down
      // together and a pong still arrives between two of our ticks.
      if (++this.#silentBeats > 2) {
        this.lose('heartbeat');
        return;
      }
      this.#post({ rai: PROTOCOL, v: VERSION, type: 'ping', id: this.#nextPing++ });
    }, every);
  }
}
