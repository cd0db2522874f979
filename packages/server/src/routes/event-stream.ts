import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HEADERS } from '@rai-kit/core/api';
import type { AppEnv } from '../http/app-env.js';
import type { SseHub } from '../sse-hub.js';
import { pollMetaSchema } from './schemas.js';

/** What every event-stream route says about itself in the OpenAPI document. */
export const EVENT_STREAM_DESCRIPTION =
  'With `Accept: text/event-stream`: Server-Sent Events with ids `<epoch>.<seq>`; resume with `Last-Event-ID`; ' +
  'a `reset` event means the resume point is gone. With `Accept: application/json`: the polling fallback, ' +
  'events after `after`.';

/** Query parameter of the polling fallback. */
export const afterQuery = z.string().max(200).optional().openapi({ description: 'Polling fallback: last event id seen.' });

/** The 200 response of an event-stream route whose events match `eventSchema`. */
export const eventStreamResponse = <T extends z.ZodType>(eventSchema: T) => ({
  description: 'The stream, or (polling) the events since `after`.',
  content: {
    'text/event-stream': { schema: z.string() },
    'application/json': { schema: z.object({ data: z.array(eventSchema), meta: pollMetaSchema }) },
  },
});

/**
 * Answers an event-stream route on `topic`: SSE resumed from `Last-Event-ID`, or, when the
 * client asks for JSON (and not SSE), the polling fallback with the events after `after`.
 */
export function streamOrPoll(c: Context<AppEnv>, hub: SseHub, topic: string, after: string | undefined): Response {
  if (wantsJson(c.req.header('Accept'))) return c.json(hub.poll(topic, after), 200);
  return hub.stream(topic, { lastEventId: c.req.header(HEADERS.lastEventId) ?? null, signal: c.req.raw.signal });
}

/** JSON only when asked for and SSE not: SSE is the default for these URLs. */
function wantsJson(accept: string | undefined): boolean {
  return !!accept && accept.includes('application/json') && !accept.includes('text/event-stream');
}
