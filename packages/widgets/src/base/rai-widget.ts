import { ApiError, isAbort, isSessionExpired, sharedClient, type WidgetApiClient } from '@rai-kit/core/api';
import type { TokenProvider, TokenSource } from '@rai-kit/core/auth';
import type { CSSResultGroup, PropertyDeclarations } from 'lit';
import { AuthController } from '../controllers/auth-controller.js';
import { frameStyles } from './frame.styles.js';
import { RaiElement } from './rai-element.js';

/**
 * Base of the data widgets: the connection attributes shared with the Returning.AI SDK
 * (`community-id`, `api-url`, `auth-url`) plus `token`, `tokenProvider` and `tokenSource`, the page's
 * shared API client for them, the error → event mapping and the card frame. Each widget
 * adds its own `LocaleController`, with its own message catalog (see i18n/catalog.ts).
 */
export class RaiWidget extends RaiElement {
  static override styles: CSSResultGroup = [RaiElement.styles, frameStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    communityId: { attribute: 'community-id', reflect: true },
    apiUrl: { attribute: 'api-url' },
    authUrl: { attribute: 'auth-url' },
    token: {},
    tokenProvider: { attribute: false },
    tokenSource: { attribute: false },
  };

  /** Community whose data the widget shows. Required. */
  communityId = '';

  /** Base URL of the widget API (origin, optionally with a path). Default: the page's own origin. */
  apiUrl = '';

  /**
   * The host backend's token endpoint (POST, cookies included, answers
   * `{ token, expiresAt }`). Makes the widget run for the signed-in member.
   */
  authUrl: string | undefined;

  /** A widget token the page already has. It cannot be refreshed; prefer `auth-url`. */
  token: string | undefined;

  /** Callback that returns `{ token, expiresAt }`, or `null` when signed out. Takes precedence over `auth-url` and `token`. */
  tokenProvider: TokenProvider | undefined;

  /**
   * A `TokenSource` (`@rai-kit/core/auth`) the page manages itself, e.g. `hostTokenSource()` in
   * a frame whose host pushes tokens. Takes precedence over every other auth input.
   */
  tokenSource: TokenSource | undefined;

  protected readonly auth = new AuthController(this, () => this.emit('rai-session-expired', {}));

  /** The page-wide client for this widget's API URL and token source. */
  protected get client(): WidgetApiClient {
    // Keep any path (an API behind `/rai`), drop a trailing slash so `x` and `x/` share a client.
    const apiUrl = new URL(this.apiUrl || location.origin, location.href).href.replace(/\/+$/, '');
    return sharedClient(apiUrl, this.auth.source);
  }

  /**
   * Reports a load failure to the host: `rai-error`, or for an expired session the auth
   * controller's expired state and `rai-session-expired`. Aborts are the widget's own
   * doing and stay silent.
   */
  protected reportError(error: unknown): void {
    if (isAbort(error)) return;
    if (isSessionExpired(error)) return this.auth.markExpired();
    const apiError = error instanceof ApiError ? error : null;
    this.emit('rai-error', {
      code: apiError?.code ?? 'internal',
      message: error instanceof Error ? error.message : String(error),
      requestId: apiError?.requestId ?? null,
    });
  }
}
