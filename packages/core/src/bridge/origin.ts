/**
 * Origin allow-lists: exact origins (`https://app.example.com`), subdomain patterns
 * (`https://*.example.com`, any depth, never the bare domain), a port wildcard
 * (`http://localhost:*`), `*` (anything; refused for sensitive connections) and `null`
 * (opaque origins: sandboxed frames without allow-same-origin, `data:` and `file:` documents;
 * only when listed explicitly).
 */
import { BridgeError } from './errors.js';

/** A compiled allow-list. */
export interface OriginMatcher {
  /** Whether a message from `origin` (an `event.origin`) may be trusted. */
  allows(origin: string): boolean;
  /**
   * The `targetOrigin`s to post a handshake hello with: the exact origins when the list
   * has only those, else `['*']` (a hello carries nothing secret; the answer is checked).
   */
  readonly helloTargets: readonly string[];
  /** The list as given, normalised, for error messages. */
  readonly entries: readonly string[];
}

interface Pattern {
  scheme: string;
  /** Exact host, or the suffix after `*.` (`.example.com`). */
  host: string;
  subdomains: boolean;
  /** Exact port ('' = the scheme's default), or '*' for any. */
  port: string;
}

const PATTERN = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/;
const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

function normalisePort(scheme: string, port: string | undefined): string {
  if (port === undefined || port === DEFAULT_PORTS[scheme]) return '';
  return port === '*' ? '*' : String(Number(port));
}

function parsePattern(entry: string): Pattern {
  const match = PATTERN.exec(entry.toLowerCase());
  if (!match) {
    throw new BridgeError('invalid_config', `"${entry}" is not an origin or origin pattern (scheme://host[:port], *.host, :*, "*" or "null")`);
  }
  const [, scheme = '', star, host = '', port] = match;
  return { scheme, host: star ? `.${host}` : host, subdomains: Boolean(star), port: normalisePort(scheme, port) };
}

/**
 * Compiles an allow-list. Throws `invalid_config` for an empty list or an entry that is not
 * an origin, and `refused_origin` for `*` when `sensitive` (tokens or user data travel).
 */
export function compileOrigins(list: readonly string[] | string, options: { sensitive: boolean }): OriginMatcher {
  const entries = (typeof list === 'string' ? [list] : [...list]).map((entry) => {
    if (typeof entry !== 'string') throw new BridgeError('invalid_config', 'allowedOrigins must be strings');
    return entry.trim();
  });
  if (entries.length === 0) throw new BridgeError('invalid_config', 'allowedOrigins is empty: list the origins you trust');
  let any = false;
  let opaque = false;
  const exact = new Set<string>();
  const patterns: Pattern[] = [];
  for (const entry of entries) {
    if (entry === '*') {
      if (options.sensitive) {
        throw new BridgeError('refused_origin', '"*" is refused for a sensitive connection (tokens or user data travel): list the exact origins', { data: { origin: '*' } });
      }
      any = true;
    } else if (entry === 'null') {
      opaque = true;
    } else {
      const pattern = parsePattern(entry);
      if (pattern.subdomains || pattern.port === '*') patterns.push(pattern);
      else exact.add(`${pattern.scheme}://${pattern.host}${pattern.port ? `:${pattern.port}` : ''}`);
    }
  }
  const helloTargets = any || opaque || patterns.length > 0 ? ['*'] : [...exact];
  return {
    entries,
    helloTargets,
    allows(origin: string): boolean {
      if (typeof origin !== 'string' || origin.length > 300) return false;
      if (origin === 'null') return opaque;
      if (any) return true;
      if (exact.has(origin)) return true;
      if (patterns.length === 0) return false;
      const match = ORIGIN.exec(origin);
      if (!match) return false;
      const [, scheme = '', host = '', rawPort] = match;
      const port = normalisePort(scheme, rawPort);
      return patterns.some(
        (p) =>
          p.scheme === scheme &&
          (p.port === '*' || p.port === port) &&
          (p.subdomains ? host.endsWith(p.host) && host.length > p.host.length : host === p.host),
      );
    },
  };
}

/** The `targetOrigin` to answer `origin` with: itself, or `*` for an opaque origin (the only way to reach one). */
export function replyTarget(origin: string): string {
  return origin === 'null' ? '*' : origin;
}
