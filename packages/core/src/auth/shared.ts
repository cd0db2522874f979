import type { RefreshOptions } from './refreshing-source.js';
import { authUrlTokenSource, providerTokenSource, type TokenProvider } from './sources.js';
import type { TokenSource } from './token-source.js';

/*
 * Page-wide registries: every widget configured with the same auth-url (or the same
 * provider function) uses one source, so a page of ten widgets makes one token request
 * and one refresh, not ten.
 */
const byAuthUrl = new Map<string, TokenSource>();
let byProvider = new WeakMap<TokenProvider, TokenSource>();

/** The page's shared source for `authUrl` (resolved against `base`). */
export function sharedAuthUrlSource(authUrl: string, base?: string, options?: RefreshOptions): TokenSource {
  const key = new URL(authUrl, base ?? globalThis.location?.href).href;
  let source = byAuthUrl.get(key);
  if (!source) byAuthUrl.set(key, (source = authUrlTokenSource(key, options)));
  return source;
}

/** The page's shared source for `provider`. */
export function sharedProviderSource(provider: TokenProvider, options?: RefreshOptions): TokenSource {
  let source = byProvider.get(provider);
  if (!source) byProvider.set(provider, (source = providerTokenSource(provider, options)));
  return source;
}

/**
 * Forgets the shared sources (on logout, or between tests). Widgets that still hold one
 * keep working until they re-read their configuration.
 */
export function clearSharedTokenSources(): void {
  byAuthUrl.clear();
  byProvider = new WeakMap();
}
