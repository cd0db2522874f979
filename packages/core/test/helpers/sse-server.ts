import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEventId, RESET_EVENT } from '../../src/realtime/protocol.js';

/** One request as the server saw it. */
export interface RecordedRequest {
  at: number;
  path: string;
  /** `after` query parameter of a poll. */
  after: string | null;
  accept: string;
  authorization: string | undefined;
  lastEventId: string | undefined;
}

/** An answer to give instead of the protocol's, e.g. a 429 with `Retry-After`. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

interface StoredEvent {
  seq: number;
  event: string;
  /** Raw `data:` text (may be deliberately malformed). */
  dataText: string;
}

/**
 * A tiny real server for one topic of the realtime protocol (`protocol.ts`): SSE with
 * `<epoch>.<seq>` ids, replay from `Last-Event-ID`, `reset`, `: ping`, and the JSON polling
 * fallback. Tests steer it (drop connections, script error answers, pretend to be a proxy
 * that strips SSE) and read what it received.
 */
export class SseTestServer {
  readonly requests: RecordedRequest[] = [];
  /** Answers for the next requests, first in first out, before any protocol handling. */
  readonly scripted: ScriptedAnswer[] = [];
  /** When set, only these bearer tokens get through; others get 401. */
  acceptedTokens: Set<string> | null = null;
  /** Content type of stream answers; anything else mimics a proxy that buffers SSE away. */
  streamContentType = 'text/event-stream';
  /** Replays this many already-seen events too, as a sloppy server might. */
  replayOverlap = 0;
  /** Sent as the SSE `retry:` field when set. */
  retryMs: number | null = null;
  /** `: ping` period on open streams; 0 = silent. */
  pingIntervalMs = 0;

  #epoch = 'e1';
  #nextSeq = 1;
  #buffer: StoredEvent[] = [];
  readonly #streams = new Set<ServerResponse>();
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<SseTestServer> {
    const server = createServer();
    const instance = new SseTestServer(server);
    server.on('request', (req, res) => instance.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  /** Absolute URL of the topic's stream. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/widget/v1/events`;
  }

  /** Open SSE connections right now. */
  get openStreams(): number {
    return this.#streams.size;
  }

  /** Appends an event and sends it to every open stream; returns its id. */
  publish(event: string, data: unknown): string {
    return this.publishRaw(event, JSON.stringify(data));
  }

  /** Like `publish`, with `data:` text sent as is (for malformed JSON). */
  publishRaw(event: string, dataText: string): string {
    const stored = { seq: this.#nextSeq++, event, dataText };
    this.#buffer.push(stored);
    for (const res of this.#streams) res.write(this.#frame(stored));
    return this.#id(stored.seq);
  }

  /** Starts a new epoch with an empty buffer, as a restarted server would. */
  restart(epoch: string): void {
    this.#epoch = epoch;
    this.#nextSeq = 1;
    this.#buffer = [];
  }

  /** Cuts every open stream abruptly (network loss). */
  dropConnections(): void {
    for (const res of this.#streams) res.socket?.destroy();
    this.#streams.clear();
  }

  async close(): Promise<void> {
    this.dropConnections();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #id(seq: number): string {
    return `${this.#epoch}.${seq}`;
  }

  #frame(stored: StoredEvent): string {
    return `id: ${this.#id(stored.seq)}\nevent: ${stored.event}\ndata: ${stored.dataText}\n\n`;
  }

  /** Events after `lastId`, or `reset` when that id cannot be resumed from. */
  #since(lastId: string | null): { events: StoredEvent[]; reset: boolean } {
    if (lastId === null) return { events: [], reset: false };
    const position = parseEventId(lastId);
    const head = this.#nextSeq - 1;
    const oldest = this.#buffer[0]?.seq ?? this.#nextSeq;
    if (!position || position.epoch !== this.#epoch || position.seq > head || position.seq < oldest - 1) {
      return { events: [], reset: true };
    }
    const from = position.seq - this.replayOverlap;
    return { events: this.#buffer.filter((stored) => stored.seq > from), reset: false };
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const accept = req.headers.accept ?? '';
    const lastEventId = req.headers['last-event-id'];
    this.requests.push({
      at: Date.now(),
      path: req.url ?? '',
      after: url.searchParams.get('after'),
      accept,
      authorization: req.headers.authorization,
      lastEventId: Array.isArray(lastEventId) ? lastEventId[0] : lastEventId,
    });

    const scripted = this.scripted.shift();
    if (scripted) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      res.end(scripted.body ?? errorBody(scripted.status));
      return;
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (this.acceptedTokens && (token === undefined || !this.acceptedTokens.has(token))) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(errorBody(401));
      return;
    }
    if (accept.includes('application/json')) this.#poll(url.searchParams.get('after'), res);
    else this.#stream(req.headers['last-event-id'] as string | undefined, res);
  }

  #poll(after: string | null, res: ServerResponse): void {
    const { events, reset } = this.#since(after);
    const head = this.#nextSeq - 1;
    const last = events.at(-1)?.seq ?? (reset || after === null ? head : parseEventId(after)?.seq ?? head);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        data: events.map((stored) => ({ id: this.#id(stored.seq), event: stored.event, data: JSON.parse(stored.dataText) })),
        meta: { lastEventId: last === 0 ? null : this.#id(last), reset },
      }),
    );
  }

  #stream(lastEventId: string | undefined, res: ServerResponse): void {
    if (this.streamContentType !== 'text/event-stream') {
      res.writeHead(200, { 'content-type': this.streamContentType });
      res.end('buffered by a proxy');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    if (this.retryMs !== null) res.write(`retry: ${this.retryMs}\n\n`);
    const { events, reset } = this.#since(lastEventId ?? null);
    if (reset) res.write(`id: ${this.#id(this.#nextSeq - 1)}\nevent: ${RESET_EVENT}\ndata: {}\n\n`);
    for (const stored of events) res.write(this.#frame(stored));
    this.#streams.add(res);
    const ping = this.pingIntervalMs > 0 ? setInterval(() => res.write(': ping\n\n'), this.pingIntervalMs) : undefined;
    res.on('close', () => {
      clearInterval(ping);
      this.#streams.delete(res);
    });
  }
}

function errorBody(status: number): string {
  const code = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 429: 'rate_limited', 503: 'unavailable' }[status] ?? 'internal';
  return JSON.stringify({ error: { code, message: `scripted ${status}`, requestId: 'req-test' } });
}
