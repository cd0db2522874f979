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

/**
 * `source`, forgotten by its registry once nothing follows it any more (every widget on it
 * signed out or went away; checked a task later, so a widget moved in the DOM keeps it). A page
 * that signs out and in again in place then gets a fresh source, never the last member's token.
 */
function forgottenWhenUnfollowed(source: TokenSource, forget: (source: TokenSource) => void): TokenSource {
  let followers = 0;
  const shared: TokenSource = {
    kind: source.kind,
    getToken: (options) => source.getToken(options),
    renew: (rejected) => source.renew(rejected),
    subscribe(listener) {
      followers++;
      const unsubscribe = source.subscribe(listener);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        if (--followers === 0) setTimeout(() => followers === 0 && forget(shared), 0);
      };
    },
  };
  return shared;
}

/** The page's shared source for `authUrl` (resolved against `base`). */
export function sharedAuthUrlSource(authUrl: string, base?: string, options?: RefreshOptions): TokenSource {
  const key = new URL(authUrl, base ?? globalThis.location?.href).href;
  let source = byAuthUrl.get(key);
  if (!source) {
    source = forgottenWhenUnfollowed(authUrlTokenSource(key, options), (gone) => byAuthUrl.get(key) === gone && byAuthUrl.delete(key));
    byAuthUrl.set(key, source);
  }
  return source;
}

/** The page's shared source for `provider`. */
export function sharedProviderSource(provider: TokenProvider, options?: RefreshOptions): TokenSource {
  let source = byProvider.get(provider);
  if (!source) {
    source = forgottenWhenUnfollowed(providerTokenSource(provider, options), (gone) => byProvider.get(provider) === gone && byProvider.delete(provider));
    byProvider.set(provider, source);
  }
  return source;
}

/**
 * Forgets the shared sources at once (between tests, or a logout that cannot wait for the
 * widgets to let go). Widgets that still hold one keep working until they re-read their
 * configuration.
 */
export function clearSharedTokenSources(): void {
  byAuthUrl.clear();
  byProvider = new WeakMap();
}
