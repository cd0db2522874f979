/**
 * The bridge bench's second origin: serves the guest document on its own loopback port, reached
 * as `localhost` while the host page is on `127.0.0.1`, so the guest is cross-site (its own
 * renderer process, as a partner's iframe would be). The host page is cross-origin isolated
 * (for 5 µs timers), so the guest must opt in with COEP and allow being framed with CORP.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GuestServer {
  /** The guest document; it loads the bundle as `/guest.js`. */
  url: string;
  close(): Promise<void>;
}

export async function startGuestServer(script: string): Promise<GuestServer> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bridge bench guest</title>' +
    '<script type="module" src="/guest.js"></script></head><body></body></html>';
  const server = createServer((request, reply) => {
    const [type, body] = request.url === '/guest.js' ? ['text/javascript', script] : ['text/html', html];
    reply.writeHead(200, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'no-store',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    reply.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/guest.html`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
