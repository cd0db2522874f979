export * from './claims.js';
export * from './token-source.js';
export { noToken, staticToken } from './static-sources.js';
export { authorizedFetch, type AuthorizedFetchContext, type AuthorizedRequest } from './authorized-fetch.js';
export { RefreshingTokenSource, type RefreshOptions } from './refreshing-source.js';
export { providerTokenSource, authUrlTokenSource, type TokenProvider, type AuthUrlOptions } from './sources.js';
export { sharedAuthUrlSource, sharedProviderSource, clearSharedTokenSources } from './shared.js';
