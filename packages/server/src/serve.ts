import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { WidgetApi } from './app.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  api: WidgetApi;
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default `127.0.0.1`: reachable from this machine only unless asked otherwise. */
  hostname?: string;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  port: number;
  /** Closes the API's streams, every connection and the listener. */
  close(): Promise<void>;
}

/** Serves `api` over HTTP on Node with @hono/node-server. */
export function startServer({ api, port = 0, hostname = '127.0.0.1' }: StartServerOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: api.fetch, port, hostname }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { port: actualPort } = server.address() as AddressInfo;
      const host = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            // Open SSE streams and keep-alive sockets would otherwise hold the process open.
            api.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
