import { FRAME_PATH, frameDocumentHtml } from '@rai-kit/core/bridge';
import type { Hono } from 'hono';
import type { Upstream } from '../upstream/upstream.js';
import type { AppEnv } from './app-env.js';
import { embedHostOrigins } from './embed-origins.js';

/** Options of the widget frame document route (see `WidgetApiOptions.frameDocument`). */
export interface FrameDocumentOptions {
  /** URL of the frame script (the CDN build's `frame.js`, or any module that imports `@rai-kit/widgets/frame-document`). */
  scriptUrl: string;
}

/**
 * `GET /frame?community=…&widget=…`: the document `<rai-frame widget="…">` loads. The page's
 * CSP lets only the community's host origins frame it (`frame-ancestors`: the browser enforces
 * what the frame script checks again on every message), runs only the frame script (no inline
 * script, Trusted Types for the DOM sinks), and it is never cached for long, so a change to the
 * community's origins applies at the next load.
 */
export function registerFrameDocument(
  app: Hono<AppEnv>,
  upstream: Pick<Upstream, 'getCommunity' | 'allowedOrigins'>,
  { scriptUrl, allowLocalhostOrigins }: FrameDocumentOptions & { allowLocalhostOrigins: boolean },
): void {
  app.get(FRAME_PATH, async (c) => {
    const community = c.req.query('community') ?? '';
    const hostOrigins = community ? await embedHostOrigins(upstream, community, allowLocalhostOrigins) : null;
    if (!hostOrigins) {
      return c.text(community ? `No community "${community}".` : 'The frame URL names no community (?community=…).', 404);
    }
    const scriptOrigin = new URL(scriptUrl, c.req.url).origin;
    const csp = [
      `frame-ancestors ${hostOrigins.length > 0 ? hostOrigins.join(' ') : "'none'"}`,
      `script-src 'self' ${scriptOrigin}`,
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
    ].join('; ');
    return c.html(frameDocumentHtml({ scriptUrl }), 200, {
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-cache',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
