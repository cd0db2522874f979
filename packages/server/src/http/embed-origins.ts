import type { Upstream } from '../upstream/upstream.js';

/**
 * Local pages, as patterns: the sandbox lets any of them call the API (see cors.ts), so it lets
 * them frame the community's widgets too. Written in the one syntax both the bridge's allow-lists
 * and CSP `frame-ancestors` understand (CSP has no IPv6 literals, so no `[::1]`).
 */
const LOCAL_PAGE_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * The origins allowed to frame `communityId`'s widgets: the community's allowed origins (the
 * same list CORS applies), plus local pages in sandbox mode. `null` for an unknown community.
 */
export async function embedHostOrigins(
  upstream: Pick<Upstream, 'getCommunity' | 'allowedOrigins'>,
  communityId: string,
  allowLocalhostOrigins: boolean,
): Promise<string[] | null> {
  if (!(await upstream.getCommunity(communityId))) return null;
  const origins = [...(await upstream.allowedOrigins(communityId))];
  return allowLocalhostOrigins ? [...origins, ...LOCAL_PAGE_ORIGINS] : origins;
}
