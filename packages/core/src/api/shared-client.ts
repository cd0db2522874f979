import type { TokenSource } from '../auth/token-source.js';
import { WidgetApiClient, type ClientOptions } from './client.js';

const clients = new Map<string, WeakMap<TokenSource, WidgetApiClient>>();

/**
 * The page's client for `apiUrl` with `tokenSource`. Widgets share it so identical GETs
 * from several widgets (the community profile, the tier ladder) go out once.
 */
export function sharedClient(apiUrl: string, tokenSource: TokenSource, options: Omit<ClientOptions, 'apiUrl' | 'tokenSource'> = {}): WidgetApiClient {
  let bySource = clients.get(apiUrl);
  if (!bySource) clients.set(apiUrl, (bySource = new WeakMap()));
  let client = bySource.get(tokenSource);
  if (!client) bySource.set(tokenSource, (client = new WidgetApiClient({ ...options, apiUrl, tokenSource })));
  return client;
}
