import type { FrameWidget } from '@rai-kit/core/bridge';

/**
 * The attributes each widget takes from the frame's URL in iframe mode: what `<rai-frame
 * widget>` forwards from its own attributes, and all the frame document applies. Connection
 * and auth (`community-id`, `api-url`, `auth-url`, `token`) are never among them: the frame
 * fixes its API itself and gets its token from the host over the bridge.
 */
export const FRAME_WIDGET_ATTRIBUTES: Record<FrameWidget, readonly string[]> = {
  leaderboard: ['leaderboard-id', 'period', 'limit'],
  'xp-tier': [],
  'chat-channel': ['channel-id', 'page-size'],
  store: ['category', 'page-size'],
};

/** The forwarded attributes `element` has set, for `widget`. */
export function forwardedAttributes(widget: FrameWidget, element: Element): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of FRAME_WIDGET_ATTRIBUTES[widget]) {
    const value = element.getAttribute(name);
    if (value !== null) attributes[name] = value;
  }
  return attributes;
}
