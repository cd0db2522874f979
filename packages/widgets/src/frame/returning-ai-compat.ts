/** What a Returning.AI widget iframe posts when it needs a token (RETURNING-AI-NOTES.md §1.6). */
export const RAI_REQUEST_TOKEN = 'RETURNINGAI_WIDGET_REQUEST_TOKEN';
/** The answer it waits for. */
export const RAI_TOKEN = 'RETURNINGAI_WIDGET_TOKEN';

export interface CompatOptions {
  /** The frame's iframe now (it is replaced on retry). */
  iframe: () => HTMLIFrameElement | undefined;
  /** The frame's `allowed-origins` check. */
  allows: (origin: string) => boolean;
  /** The token to hand over; null when signed out (then nothing is answered). */
  token: () => Promise<string | null>;
}

/**
 * Answers the Returning.AI SDK's own token request next to the bridge, so existing
 * Returning.AI iframes can be hosted: only from the frame's own window and an allowed,
 * non-opaque origin, and posted to exactly that origin. The token goes in `token` (the SDK's
 * field) and in `value` (the legacy raw-iframe protocol's). Returns the cleanup.
 */
export function answerReturningAiTokenRequests(options: CompatOptions): () => void {
  const onMessage = (event: MessageEvent): void => {
    const source = options.iframe()?.contentWindow;
    if (!source || event.source !== source) return;
    if ((event.data as { type?: unknown } | null)?.type !== RAI_REQUEST_TOKEN) return;
    // An opaque origin could only be answered with '*': never with a token.
    if (event.origin === 'null' || !options.allows(event.origin)) return;
    const origin = event.origin;
    void options
      .token()
      .then((token) => {
        // The iframe may have navigated meanwhile: the origin pins the answer to the asker.
        if (token) source.postMessage({ type: RAI_TOKEN, token, value: token }, origin);
      })
      .catch(() => {});
  };
  addEventListener('message', onMessage);
  return () => removeEventListener('message', onMessage);
}
