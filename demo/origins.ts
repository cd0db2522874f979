/**
 * The demo's origins: one host, consecutive ports counted from the one `npm start` binds
 * (PORT, or whatever PORT=0 got). Two ports are two origins, so CORS, CSP, the frame
 * allow-list and the bridge's origin checks are all real; a real partner has its own domain.
 * serve.ts and the pages compute every sibling origin here, so they agree.
 */
export const PORT_OFFSETS = {
  /** The widget API, /cdn/, the demo pages and their backend. */
  main: 0,
  /** The community page's iframe channel app (demo/partner/). */
  partnerApp: 1,
  /** A partner's static page with the one script tag (demo/partner-site/). */
  partnerSite: 2,
  /** A logged-in portal with its own backend (demo/portal/). */
  portal: 3,
} as const;

export type DemoOrigin = keyof typeof PORT_OFFSETS;

/** Where `which` is, given where a page on the demo origin `from` is (e.g. `location`). */
export function demoOrigin(which: DemoOrigin, from: { protocol: string; hostname: string; port: string }, fromWhich: DemoOrigin = 'main'): string {
  const port = Number(from.port || (from.protocol === 'https:' ? 443 : 80));
  return `${from.protocol}//${from.hostname}:${port - PORT_OFFSETS[fromWhich] + PORT_OFFSETS[which]}`;
}
