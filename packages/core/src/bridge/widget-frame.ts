/**
 * The widget frame document: the page that runs one of rai-kit's own widgets in iframe mode
 * (`<rai-frame widget="…">`), its URL and its HTML. Shared by the host (which builds the URL),
 * the server (which serves the HTML) and the CDN build (which writes it as a static file).
 *
 * What the frame trusts never comes from its URL: the widget API it talks to is fixed by the
 * document itself (`<meta name="rai-api-url">`, else the document's own origin), and the host
 * origins it answers are the community's, read from that API (`GET …/communities/{id}/embed`).
 */

/** The widgets the frame document can host, by their `widget` name (tag `rai-<name>`). */
export const FRAME_WIDGETS = ['leaderboard', 'xp-tier', 'chat-channel', 'store'] as const;
export type FrameWidget = (typeof FRAME_WIDGETS)[number];

/** Path of the frame document on the server that serves it (`@rai-kit/server`). */
export const FRAME_PATH = '/frame';

/** Name of the `<meta>` that fixes the frame's widget API (an origin, optionally with a path). */
export const FRAME_API_META = 'rai-api-url';

/** What the host puts in the frame's URL: public, non-secret settings only (never a token). */
export interface FrameRequest {
  community: string;
  widget: FrameWidget;
  /** Widget attributes (`leaderboard-id`, `period`…); the frame applies only the ones it knows. */
  attributes: Record<string, string>;
  /** The frame's accessible name (the iframe's `title`): the document's title and heading. */
  title?: string;
}

export function isFrameWidget(name: unknown): name is FrameWidget {
  return (FRAME_WIDGETS as readonly unknown[]).includes(name);
}

/** The frame document's URL for `request`, at `documentUrl` (e.g. `https://api.example/frame`). */
export function frameUrl(documentUrl: string, { community, widget, attributes, title }: FrameRequest): string {
  const url = new URL(documentUrl);
  url.searchParams.set('community', community);
  url.searchParams.set('widget', widget);
  if (title) url.searchParams.set('title', title);
  for (const [name, value] of Object.entries(attributes)) url.searchParams.set(name, value);
  return url.href;
}

/** Reads a frame URL's query; `null` when it names no community or an unknown widget. */
export function parseFrameRequest(search: string): FrameRequest | null {
  const params = new URLSearchParams(search);
  const community = params.get('community');
  const widget = params.get('widget');
  const title = params.get('title');
  if (!community || !isFrameWidget(widget)) return null;
  for (const reserved of ['community', 'widget', 'title']) params.delete(reserved);
  return { community, widget, attributes: Object.fromEntries(params), ...(title ? { title } : {}) };
}

const escapeAttribute = (value: string) =>
  value.replace(/[&"<>]/g, (char) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[char]!);

/**
 * The frame document's HTML: no inline script or style (it runs under a strict CSP), the
 * frame script as a module, and the widget API when it is not the document's own origin.
 */
export function frameDocumentHtml({ scriptUrl, apiUrl }: { scriptUrl: string; apiUrl?: string }): string {
  const api = apiUrl ? `\n<meta name="${FRAME_API_META}" content="${escapeAttribute(apiUrl)}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${api}
<title>rai-kit widget</title>
<script type="module" src="${escapeAttribute(scriptUrl)}"></script>
</head>
<body></body>
</html>
`;
}
