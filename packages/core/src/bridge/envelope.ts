/**
 * The wire format. Every message is `{ rai: 'bridge', v: 1, type, … }`; these functions check
 * the shape of anything that arrives and return a typed message or `undefined` (junk), never
 * throwing. Window messages carry only the handshake; everything else travels on the port.
 */
import type { WireError } from './errors.js';

export const PROTOCOL = 'bridge';
export const VERSION = 1;

export type Role = 'host' | 'guest';

/** Announces a side (either may go first). `session` is fresh per page load and per connection object. */
export interface Hello {
  rai: typeof PROTOCOL;
  v: typeof VERSION;
  type: 'hello';
  role: Role;
  session: string;
  channel: string;
}

/** The host's answer to a guest hello; the port travels in `event.ports[0]`. */
export interface Welcome {
  rai: typeof PROTOCOL;
  v: typeof VERSION;
  type: 'welcome';
  role: 'host';
  session: string;
  /** The guest session this answers. */
  to: string;
  channel: string;
}

export type HandshakeMessage = Hello | Welcome;

export interface CallMessage { rai: typeof PROTOCOL; v: typeof VERSION; type: 'call'; id: number; method: string; params?: unknown }
export interface ResultMessage { rai: typeof PROTOCOL; v: typeof VERSION; type: 'result'; id: number; value?: unknown }
export interface ErrorMessage { rai: typeof PROTOCOL; v: typeof VERSION; type: 'error'; id: number; error: WireError }
export interface EventMessage { rai: typeof PROTOCOL; v: typeof VERSION; type: 'event'; name: string; data?: unknown }
export interface PingMessage { rai: typeof PROTOCOL; v: typeof VERSION; type: 'ping' | 'pong'; id: number }
export interface ByeMessage { rai: typeof PROTOCOL; v: typeof VERSION; type: 'bye' }

export type PortMessage = CallMessage | ResultMessage | ErrorMessage | EventMessage | PingMessage | ByeMessage;

/** Limits every inbound message is held to. */
export const LIMITS = {
  session: /^[A-Za-z0-9_-]{8,64}$/,
  channel: /^[A-Za-z0-9_.:-]{1,64}$/,
  name: /^[A-Za-z0-9_.:/-]{1,100}$/,
  maxId: Number.MAX_SAFE_INTEGER,
  maxErrorMessage: 2_000,
  /** Default payload budget (an estimate of the cloned size, see `payloadSize`). */
  maxMessageBytes: 1_048_576,
  maxDepth: 64,
} as const;

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads own data properties only: a getter on a hostile object (same-realm junk) must not
 * run, and `__proto__` tricks must not matter. Returns undefined when the property is absent
 * or is an accessor.
 */
function field(record: Loose, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** `{ rai: 'bridge', v, type }` with any `v`: lets a handshake from another version be told apart from junk. */
export function envelopeOf(data: unknown): { v: number; type: string; record: Loose } | undefined {
  try {
    if (!isRecord(data)) return undefined;
    if (field(data, 'rai') !== PROTOCOL) return undefined;
    const v = field(data, 'v');
    const type = field(data, 'type');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000) return undefined;
    if (typeof type !== 'string' || type.length > 20) return undefined;
    return { v, type, record: data };
  } catch {
    // A revoked Proxy or similar exotic object posted in the same realm.
    return undefined;
  }
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isString(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && value.length <= 200 && pattern.test(value);
}

/** A handshake message of our version, or undefined. Other-version hellos are reported by `foreignHello`. */
export function parseHandshake(data: unknown): HandshakeMessage | undefined {
  const envelope = envelopeOf(data);
  if (!envelope || envelope.v !== VERSION) return undefined;
  const { record, type } = envelope;
  const role = field(record, 'role');
  const session = field(record, 'session');
  const channel = field(record, 'channel');
  if (!isString(session, LIMITS.session) || !isString(channel, LIMITS.channel)) return undefined;
  if (type === 'hello') {
    if (role !== 'host' && role !== 'guest') return undefined;
    return { rai: PROTOCOL, v: VERSION, type, role, session, channel };
  }
  if (type === 'welcome') {
    const to = field(record, 'to');
    if (role !== 'host' || !isString(to, LIMITS.session)) return undefined;
    return { rai: PROTOCOL, v: VERSION, type, role, session, to, channel };
  }
  return undefined;
}

/** The version of a hello that is ours in every respect but `v` (a peer on another release), else undefined. */
export function foreignHelloVersion(data: unknown): number | undefined {
  const envelope = envelopeOf(data);
  if (!envelope || envelope.v === VERSION || envelope.type !== 'hello') return undefined;
  return envelope.v;
}

/** Outcome of reading a port message: the message, or why it was dropped (a readable call id lets us answer). */
export type PortParse =
  | { ok: true; message: PortMessage }
  | { ok: false; reason: 'junk' }
  | { ok: false; reason: 'too_large'; type: string; callId?: number };

/** Shape- and size-checks a message that arrived on the port. */
export function parsePortMessage(data: unknown, maxBytes: number): PortParse {
  const junk = { ok: false, reason: 'junk' } as const;
  const envelope = envelopeOf(data);
  if (!envelope || envelope.v !== VERSION) return junk;
  const { record, type } = envelope;
  const base = { rai: PROTOCOL, v: VERSION } as const;
  switch (type) {
    case 'call': {
      const id = field(record, 'id');
      const method = field(record, 'method');
      if (!isId(id) || !isString(method, LIMITS.name)) return junk;
      const params = field(record, 'params');
      if (!fits(params, maxBytes)) return { ok: false, reason: 'too_large', type, callId: id };
      return { ok: true, message: { ...base, type, id, method, params } };
    }
    case 'result': {
      const id = field(record, 'id');
      if (!isId(id)) return junk;
      const value = field(record, 'value');
      if (!fits(value, maxBytes)) return { ok: false, reason: 'too_large', type, callId: id };
      return { ok: true, message: { ...base, type, id, value } };
    }
    case 'error': {
      const id = field(record, 'id');
      const error = field(record, 'error');
      if (!isId(id) || !isRecord(error)) return junk;
      const code = field(error, 'code');
      const message = field(error, 'message');
      const errorData = field(error, 'data');
      if (typeof code !== 'string' || code.length === 0 || code.length > 100) return junk;
      if (typeof message !== 'string') return junk;
      if (!fits(errorData, maxBytes)) return { ok: false, reason: 'too_large', type, callId: id };
      const wire: WireError = { code, message: message.slice(0, LIMITS.maxErrorMessage) };
      if (errorData !== undefined) wire.data = errorData;
      return { ok: true, message: { ...base, type, id, error: wire } };
    }
    case 'event': {
      const name = field(record, 'name');
      if (!isString(name, LIMITS.name)) return junk;
      const eventData = field(record, 'data');
      if (!fits(eventData, maxBytes)) return { ok: false, reason: 'too_large', type };
      return { ok: true, message: { ...base, type, name, data: eventData } };
    }
    case 'ping':
    case 'pong': {
      const id = field(record, 'id');
      if (!isId(id)) return junk;
      return { ok: true, message: { ...base, type, id } };
    }
    case 'bye':
      return { ok: true, message: { ...base, type } };
    default:
      return junk;
  }
}

/** Whether `value`'s estimated cloned size is within `maxBytes` (and its nesting within `LIMITS.maxDepth`). */
export function fits(value: unknown, maxBytes: number): boolean {
  return payloadSize(value, maxBytes) <= maxBytes;
}

/**
 * An estimate of what `value` weighs once cloned: strings count 2 bytes a character, numbers 8,
 * binary data its byte length, each object or array entry 8 plus its key. Stops counting as soon
 * as `budget` is passed (returning something over it), so a huge or cyclic payload costs little.
 * Nesting deeper than `LIMITS.maxDepth` counts as over budget.
 */
export function payloadSize(value: unknown, budget: number = LIMITS.maxMessageBytes): number {
  let total = 0;
  const seen = new Set<object>();
  const over = budget + 1;
  const walk = (node: unknown, depth: number): boolean => {
    if (total > budget) return false;
    if (depth > LIMITS.maxDepth) {
      total = over;
      return false;
    }
    switch (typeof node) {
      case 'string':
        total += 2 * node.length + 4;
        return total <= budget;
      case 'number':
      case 'bigint':
      case 'boolean':
      case 'undefined':
        total += 8;
        return total <= budget;
      case 'object':
        break;
      default:
        // Functions and symbols cannot be cloned; they never arrive, and sending them fails on its own.
        total += 8;
        return total <= budget;
    }
    if (node === null) {
      total += 8;
      return true;
    }
    if (seen.has(node)) return true;
    seen.add(node);
    if (ArrayBuffer.isView(node) || node instanceof ArrayBuffer) {
      total += node.byteLength;
      return total <= budget;
    }
    if (typeof Blob !== 'undefined' && node instanceof Blob) {
      total += node.size;
      return total <= budget;
    }
    if (node instanceof Map) {
      for (const [key, entry] of node) if (!walk(key, depth + 1) || !walk(entry, depth + 1)) return false;
      return true;
    }
    if (node instanceof Set) {
      for (const entry of node) if (!walk(entry, depth + 1)) return false;
      return true;
    }
    if (Array.isArray(node)) {
      total += 8 * node.length;
      if (total > budget) return false;
      for (const entry of node) if (!walk(entry, depth + 1)) return false;
      return true;
    }
    const keys = Object.keys(node);
    total += 8 * keys.length;
    for (const key of keys) {
      total += 2 * key.length;
      if (total > budget) return false;
      if (!walk(field(node as Loose, key), depth + 1)) return false;
    }
    return total <= budget;
  };
  try {
    walk(value, 0);
  } catch {
    return over;
  }
  return total;
}
