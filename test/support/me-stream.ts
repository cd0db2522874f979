import { paths, WidgetApiClient, type Me, type MeEventData } from '@rai-kit/core/api';
import { staticToken } from '@rai-kit/core/auth';
import { openEventStream, type EventStreamOptions, type StreamEvent, type StreamState } from '@rai-kit/core/realtime';
import { apiUrl, community, mintToken } from './sandbox.js';

/**
 * A member's `me` event stream against the sandbox, opened from a fresh snapshot (so events
 * counted from `snapshot.meta.lastEventId` are exactly those after it), recording what arrives.
 * `options` tune the stream (backoff, polling interval, a `fetch` standing in for a proxy).
 */
export async function meStream(user: string, options: Partial<EventStreamOptions<MeEventData>> = {}) {
  const client = new WidgetApiClient({ apiUrl, tokenSource: staticToken(await mintToken(user)) });
  const snapshot = await client.request<Me, { lastEventId: string }>(paths.me(community));
  const received: StreamEvent<MeEventData>[] = [];
  const states: StreamState[] = [];
  const stream = openEventStream<MeEventData>({
    url: client.url(paths.meEvents(community)),
    tokenSource: client.tokenSource,
    lastEventId: snapshot.meta!.lastEventId,
    onEvent: (event) => received.push(event),
    onStateChange: (state) => states.push(state),
    ...options,
  });
  return { stream, snapshot, received, states };
}
