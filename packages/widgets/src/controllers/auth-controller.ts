import {
  noToken,
  sharedAuthUrlSource,
  sharedProviderSource,
  staticToken,
  type TokenProvider,
  type TokenSource,
} from '@rai-kit/core/auth';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The auth inputs a widget exposes, in order of precedence. */
export interface AuthInputs {
  tokenSource: TokenSource | undefined;
  tokenProvider: TokenProvider | undefined;
  authUrl: string | undefined;
  token: string | undefined;
}

/**
 * Chooses the widget's token source from its inputs (a token source, then a provider
 * callback, then auth-url, then a static token, else public) and listens to it while connected, so the widget
 * learns when the session expires and the source keeps refreshing ahead of expiry.
 */
export class AuthController implements ReactiveController {
  #host: ReactiveControllerHost & AuthInputs;
  #source: TokenSource = noToken;
  #inputs: AuthInputs | undefined;
  #unsubscribe: (() => void) | undefined;
  #onExpired: () => void;

  /** True once the source reported that the session cannot be renewed. */
  expired = false;

  constructor(host: ReactiveControllerHost & AuthInputs, onExpired: () => void) {
    this.#host = host;
    this.#onExpired = onExpired;
    host.addController(this);
  }

  /** The current source; recomputed when the inputs change. */
  get source(): TokenSource {
    const { tokenSource, tokenProvider, authUrl, token } = this.#host;
    const inputs = this.#inputs;
    if (
      !inputs ||
      inputs.tokenSource !== tokenSource ||
      inputs.tokenProvider !== tokenProvider ||
      inputs.authUrl !== authUrl ||
      inputs.token !== token
    ) {
      this.#inputs = { tokenSource, tokenProvider, authUrl, token };
      this.#source =
        tokenSource ??
        (tokenProvider
          ? sharedProviderSource(tokenProvider)
          : authUrl
            ? sharedAuthUrlSource(authUrl)
            : token
              ? staticToken(token)
              : noToken);
      this.expired = false;
      if (this.#unsubscribe) this.#listen();
    }
    return this.#source;
  }

  /** True when the widget runs for a signed-in member. */
  get authenticated(): boolean {
    return this.source !== noToken;
  }

  /** The server refused the session even after a renewal: show "session expired". */
  markExpired(): void {
    this.#setExpired(true);
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #listen(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.source.subscribe((event) => this.#setExpired(event.type === 'expired'));
  }

  #setExpired(expired: boolean): void {
    if (expired === this.expired) return;
    this.expired = expired;
    if (expired) this.#onExpired();
    this.#host.requestUpdate();
  }
}
