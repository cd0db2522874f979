import { API_PREFIX, WidgetApiClient, paths, type ChatMessage, type Me } from '@rai-kit/core/api';
import { staticToken, type TokenGrant, type TokenSource } from '@rai-kit/core/auth';
import {
  GUEST_EVENTS,
  GUEST_NOTIFICATIONS,
  HOST_EVENTS,
  HOST_METHODS,
  connectToGuest,
  isFrameWidget,
  type BridgeError,
  type Connection,
  type ConnectionState,
  type FrameContext,
  type GuestNotification,
  type PostMessageRequest,
} from '@rai-kit/core/bridge';
import { ChannelApi } from '@rai-kit/core/chat';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from '../base/style-map.js';
import { RaiWidget } from '../base/rai-widget.js';
import { stateStyles } from '../base/state.styles.js';
import { frameCatalog } from '../i18n/catalogs/frame.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { FRAME_WIDGET_ATTRIBUTES, forwardedAttributes } from '../iframe-mode/frame-widgets.js';
import { readFrameConfig, type FrameConfig } from './frame-config.js';
import { frameError } from './frame-error.js';
import { frameElementStyles } from './frame.styles.js';
import { openNavigation, parseNavigation } from './navigation.js';
import { answerReturningAiTokenRequests } from './returning-ai-compat.js';
import { SizeGuard } from './size-guard.js';
import { ChannelToken } from './channel-token.js';
import { TokenGrants } from './token-grants.js';

/** As tight as a guest app allows: scripts, its own origin (storage, fetch), forms, popups that are not sandboxed. */
export const DEFAULT_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';

/**
 * The guest must run on one of `allowed-origins` (required; `*` is refused) and the frame
 * needs a `title` (the iframe's accessible name). Without either it shows a configuration
 * error and never loads the iframe. It shows a loading state until the guest connects and an
 * error with Retry when it does not. It also answers the Returning.AI SDK's own
 * `RETURNINGAI_WIDGET_REQUEST_TOKEN` for allowed origins, so Returning.AI iframes work too.
 *
 * Keep the guest on another origin than the page: `allow-scripts allow-same-origin` lets a
 * same-origin document lift its own sandbox.
 *
 * Widget mode: `widget="leaderboard|xp-tier|chat-channel|store"` hosts one of the kit's own
 * widgets, isolated from the page, in the widget frame document (`src`, default
 * `{api-url}/frame`, served by `@rai-kit/server`). The widget's public attributes are set on
 * this element (`leaderboard-id`, `period`, `limit`, `channel-id`, `category`, `page-size`);
 * the frame gets the member's token as the page's own widgets would use it, the theme and the
 * language over the bridge. The document's origin is the allowed one by default, and the
 * document answers only pages on the community's allowed origins.
 *
 * The guest's notifications are re-emitted as DOM events with the guest's `detail`: the
 * `rai-ready` to `rai-sign-in-request` events below. Other names are dropped.
 *
 * @summary Hosts a guest app (an iframe channel's partner app, or any bridge guest) in an
 * iframe and serves it over the rai-kit bridge: context, a token (with `channel-id`, the
 * member's token narrowed by the server to that channel), posting into its channel,
 * navigation, auto-height and notifications.
 *
 * @fires rai-ready - The guest is ready (re-emitted from the guest).
 * @fires rai-error - The guest reported an error (re-emitted from the guest).
 * @fires rai-unread-change - The guest's unread count changed (re-emitted from the guest).
 * @fires rai-purchase - A purchase went through in the guest (re-emitted from the guest).
 * @fires rai-purchase-failed - A purchase failed in the guest (re-emitted from the guest).
 * @fires rai-message-sent - The guest sent a message (re-emitted from the guest).
 * @fires rai-message-failed - A message from the guest could not be delivered (re-emitted from the guest).
 * @fires rai-sign-in-request - The guest asks the host to sign the user in (re-emitted from the guest).
 * @fires rai-navigate - The guest asks to open `detail.url` (`target` `_blank` or `_top`). Cancelable: cancel to refuse.
 * @fires rai-frame-error - Misconfigured (`code: 'invalid_config'`) or the guest did not connect
 *   (`connect_timeout`, `refused_origin`, `version_mismatch`); `detail.message` says why.
 * @fires rai-session-expired - The member's token could not be renewed.
 *
 * @attr leaderboard-id - Widget mode: the hosted `<rai-leaderboard>`'s `leaderboard-id`.
 * @attr period - Widget mode: the hosted `<rai-leaderboard>`'s `period`.
 * @attr limit - Widget mode: the hosted `<rai-leaderboard>`'s `limit`.
 * @attr category - Widget mode: the hosted `<rai-store>`'s `category`.
 * @attr page-size - Widget mode: the hosted `<rai-chat-channel>`'s or `<rai-store>`'s `page-size`.
 *
 * @csspart iframe - The guest's iframe.
 * @csspart state - Loading, error and configuration-error states (plus `loading`, `error`, `config-error`).
 * @csspart loading - The loading state (also `state`).
 * @csspart error - The error state (also `state`).
 * @csspart config-error - The configuration-error state (also `state`).
 * @csspart skeleton - The loading placeholder.
 * @csspart button - The Retry button (plus `retry-button`).
 * @csspart retry-button - Retry in the error state (also `button`).
 *
 * @cssprop --rai-frame-height - Height before the guest reports its own. Default: 150px.
 * @cssprop --rai-frame-max-height - The most the guest can grow the frame to. Default: 2000px.
 * @cssprop --rai-color-primary - Global brand colour (and every other `--rai-*` theme token).
 */
export class RaiFrame extends RaiWidget {
  static override styles = [RaiWidget.styles, stateStyles, frameElementStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    src: {},
    allowedOrigins: { attribute: 'allowed-origins' },
    title: {},
    sandbox: {},
    allow: {},
    channelId: { attribute: 'channel-id' },
    widget: {},
    connectTimeout: { attribute: 'connect-timeout', type: Number },
    connectionState: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    height: { state: true, attribute: false },
    generation: { state: true, attribute: false },
  };

  /** The guest's URL. */
  src = '';

  /** Space-separated origins the guest may run on (patterns as in the bridge). Required; `*` is refused. */
  allowedOrigins = '';

  /** The iframe's accessible name. Required. */
  override title = '';

  /** The iframe's `sandbox`. */
  sandbox = DEFAULT_SANDBOX;

  /** The iframe's Permissions Policy (`allow`). Default: none. */
  allow = '';

  /** The iframe channel the guest is the app of: where `postMessage` posts. */
  channelId = '';

  /** One of the kit's widgets to host in iframe mode (`leaderboard`, `xp-tier`, `chat-channel`, `store`). */
  widget = '';

  /** How long the guest has to connect, in milliseconds, before the error state. */
  connectTimeout = 10_000;

  private connectionState: ConnectionState = 'connecting';
  private failure: BridgeError | undefined;
  /** The guest's reported height, as the size guard let it through. */
  private height: number | null = null;
  /** Bumped by Retry: a new iframe element (and connection). */
  private generation = 0;

  #config: FrameConfig = { ok: false, problem: '' };
  /** Identifies the iframe element: a new key renders a new one. */
  #frameKey = '';
  #reportedProblem = '';
  #iframe: HTMLIFrameElement | undefined;
  #connection: Connection | undefined;
  #grants: TokenGrants | undefined;
  protected readonly locale = new LocaleController(this, frameCatalog);

  readonly #channelToken = new ChannelToken();
  #unsubscribeToken: (() => void) | undefined;
  #member: { source: TokenSource; user: Promise<FrameContext['user']> } | undefined;
  #sentContext = '';
  #stopCompat: (() => void) | undefined;
  readonly #sizes = new SizeGuard((height) => (this.height = height));
  readonly #darkScheme = matchMedia('(prefers-color-scheme: dark)');
  readonly #onSchemeChange = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#darkScheme.addEventListener('change', this.#onSchemeChange);
    this.#stopCompat = answerReturningAiTokenRequests({
      iframe: () => this.#iframe,
      allows: (origin) => this.#config.ok && this.#config.matcher.allows(origin),
      token: async () => (await this.#guestToken())?.token ?? null,
    });
    // Back in the document after a move: updated() makes a new connection.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkScheme.removeEventListener('change', this.#onSchemeChange);
    this.#stopCompat?.();
    this.#disconnect();
    this.#iframe = undefined;
    this.connectionState = 'connecting';
    this.#unsubscribeToken?.();
    this.#unsubscribeToken = undefined;
    this.#grants = undefined;
  }

  /** The hosted widget's attributes are set on this element: a change reloads the frame. */
  static override get observedAttributes(): string[] {
    return [...new Set([...super.observedAttributes, ...Object.values(FRAME_WIDGET_ATTRIBUTES).flat()])];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (old !== value) this.requestUpdate();
  }

  override willUpdate(): void {
    this.#config = readFrameConfig({
      src: this.src,
      title: this.title,
      allowedOrigins: this.allowedOrigins,
      widget: this.widget,
      widgetAttributes: isFrameWidget(this.widget) ? forwardedAttributes(this.widget, this) : {},
      communityId: this.communityId,
      apiRoot: this.#apiRoot,
    });
    // A new iframe (Retry, another src or origin list) starts over: loading, default height.
    const frameKey = `${this.generation} ${this.#config.ok ? `${this.#config.src} ${this.#config.origins.join(' ')}` : ''}`;
    if (frameKey !== this.#frameKey) {
      this.#frameKey = frameKey;
      this.connectionState = 'connecting';
      this.failure = undefined;
      this.height = null;
    }
  }

  override updated(): void {
    // An update after removal (disconnectedCallback resets state) must not subscribe or connect again.
    if (!this.isConnected) return;
    this.#reportConfig();
    this.#syncTokenSource();
    this.#syncConnection();
    void this.#pushContext();
  }

  /** Where the frame stands: `invalid-config` (nothing loaded), or its bridge connection's state. */
  get state(): 'invalid-config' | ConnectionState {
    return this.#config.ok ? this.connectionState : 'invalid-config';
  }

  /** The theme the guest should use: `auto` resolved with the user's colour-scheme preference. */
  get resolvedTheme(): 'light' | 'dark' {
    if (this.theme === 'auto') return this.#darkScheme.matches ? 'dark' : 'light';
    return this.theme === 'dark' ? 'dark' : 'light';
  }

  // ── Connection ──────────────────────────────────────────────────────────────

  #syncConnection(): void {
    const iframe = this.renderRoot.querySelector('iframe') ?? undefined;
    if (iframe === this.#iframe) return;
    this.#disconnect();
    this.#iframe = iframe;
    if (!iframe || !this.#config.ok) return;
    const connection = connectToGuest({
      iframe,
      allowedOrigins: this.#config.origins,
      timeouts: { connectMs: this.connectTimeout },
      methods: {
        [HOST_METHODS.getContext]: () => this.#context(),
        [HOST_METHODS.getToken]: () => this.#guestToken(),
        [HOST_METHODS.postMessage]: (params) => this.#postMessage(params),
        [HOST_METHODS.navigate]: (params) => this.#navigate(params),
      },
    });
    connection.onStateChange((state, error) => {
      // A replaced connection's last word (its `closed`) is not about the current iframe.
      if (connection !== this.#connection) return;
      this.connectionState = state;
      if (state === 'failed' && error) {
        this.failure = error;
        this.emit('rai-frame-error', { code: error.code, message: error.message });
      }
      // Every (re)connection gets the context, so a reloaded guest is current at once.
      if (state === 'connected') {
        this.#sentContext = '';
        void this.#pushContext();
      }
    });
    connection.on(GUEST_EVENTS.size, (data) => this.#sizes.report((data as { height?: unknown } | null)?.height));
    connection.on(GUEST_EVENTS.notify, (data) => this.#renotify(data));
    this.#connection = connection;
  }

  #disconnect(): void {
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.close();
    this.#sizes.reset();
  }

  /** A new iframe element, so a new document load and a new connection with a fresh timeout. */
  #retry(): void {
    this.generation++;
  }

  #reportConfig(): void {
    const problem = this.#config.ok ? '' : this.#config.problem;
    if (problem === this.#reportedProblem) return;
    this.#reportedProblem = problem;
    if (!problem) return;
    console.warn(`rai-frame: ${problem}`);
    this.emit('rai-frame-error', { code: 'invalid_config', message: problem });
  }

  // ── Token ───────────────────────────────────────────────────────────────────

  /** Follows the auth source: every refresh is pushed to the guest, and `null` when the member is gone. */
  #syncTokenSource(): void {
    const source = this.auth.source;
    if (source === this.#grants?.source) return;
    const changed = this.#grants !== undefined;
    this.#unsubscribeToken?.();
    const grants = (this.#grants = new TokenGrants(source));
    this.#unsubscribeToken = source.subscribe((event) => {
      if (event.type === 'expired') return this.#pushToken(null);
      grants.saw({ token: event.token, expiresAt: event.expiresAt });
      this.#pushToken({ token: event.token, expiresAt: event.expiresAt });
    });
    // Signed in as someone else, or signed out: the guest hears at once.
    if (changed) void grants.current().then((grant) => this.#pushToken(grant), () => {});
  }

  /** The frame is an iframe channel's app (not a widget in iframe mode): `channel-id` is its channel. */
  get #channelApp(): boolean {
    return this.channelId !== '' && !this.widget;
  }

  /**
   * The token handed to the guest: for an iframe channel's app the member's token narrowed to
   * that channel by the server; for one of our widgets in iframe mode, the member's token as it is.
   */
  #tokenForGuest(grant: TokenGrant): Promise<TokenGrant> {
    if (!this.#channelApp) return Promise.resolve(grant);
    return this.#channelToken.narrow(this.client, this.communityId, this.channelId, grant);
  }

  async #guestToken(): Promise<TokenGrant | null> {
    const grant = await this.#grants?.current();
    return grant ? this.#tokenForGuest(grant) : null;
  }

  /** Pushes the member's `grant`, made the guest's, to a connected guest. */
  #pushToken(grant: TokenGrant | null): void {
    // Only to a connected guest: a guest that (re)connects asks itself, and a queue of stale
    // tokens for a guest that never came would only grow.
    if (this.#connection?.state !== 'connected') return;
    const connection = this.#connection;
    void (grant ? this.#tokenForGuest(grant) : Promise.resolve(null)).then(
      (guestGrant) => connection.emit(HOST_EVENTS.token, guestGrant),
      // The guest keeps its token and pulls a new one when the server refuses it.
      () => {},
    );
  }

  // ── Context ─────────────────────────────────────────────────────────────────

  async #context(): Promise<FrameContext> {
    const { lang, dir } = this.locale;
    return {
      communityId: this.communityId,
      channelId: this.#channelApp ? this.channelId : null,
      user: await this.#user(),
      theme: this.resolvedTheme,
      locale: lang,
      dir,
      apiUrl: this.#apiRoot,
    };
  }

  /** The member for display, fetched once per token source (a failure is retried next time). */
  #user(): Promise<FrameContext['user']> {
    const source = this.auth.source;
    if (!this.auth.authenticated || !this.communityId) return Promise.resolve(null);
    if (this.#member?.source !== source) {
      const user = this.client.get<Me>(paths.me(this.communityId)).then(
        ({ user: { id, displayName, avatarUrl } }) => ({ id, displayName, avatarUrl }),
        () => {
          if (this.#member?.source === source) this.#member = undefined;
          return null;
        },
      );
      this.#member = { source, user };
    }
    return this.#member.user;
  }

  /** Sends the context when it differs from what the guest last got (theme, language, member). */
  async #pushContext(): Promise<void> {
    const connection = this.#connection;
    if (connection?.state !== 'connected') return;
    const context = await this.#context();
    const key = JSON.stringify(context);
    if (key === this.#sentContext || connection !== this.#connection || connection.state !== 'connected') return;
    this.#sentContext = key;
    connection.emit(HOST_EVENTS.context, context);
  }

  // ── Guest requests ──────────────────────────────────────────────────────────

  async #postMessage(params: unknown): Promise<ChatMessage> {
    if (!this.#channelApp) throw frameError('no_channel', 'this frame is not an iframe channel’s app: there is no channel to post into');
    if (!this.auth.authenticated) throw frameError('signed_out', 'the member is signed out');
    const text = (params as Partial<PostMessageRequest> | null)?.text;
    if (typeof text !== 'string' || text.trim() === '') throw frameError('invalid_request', 'text must be a non-empty string');
    // As the app: with the token narrowed to this channel, the one an iframe channel takes posts from.
    const grant = await this.#guestToken();
    if (!grant) throw frameError('signed_out', 'the member is signed out');
    const client = new WidgetApiClient({ apiUrl: this.#apiRoot, tokenSource: staticToken(grant.token) });
    return new ChannelApi(client, this.communityId, this.channelId).send({ text }, crypto.randomUUID());
  }

  /** The widget API's root (without its `/widget/v1` prefix): what a client, or a guest's, takes. */
  get #apiRoot(): string {
    return this.client.url('').slice(0, -API_PREFIX.length);
  }

  #navigate(params: unknown): { accepted: boolean } {
    const navigation = parseNavigation(params);
    const accepted = this.emit('rai-navigate', navigation, true);
    if (accepted) openNavigation(navigation);
    return { accepted };
  }

  /** A guest notification as the DOM event `rai-<name>`; names outside the contract are dropped. */
  #renotify(data: unknown): void {
    const { name, detail } = (data ?? {}) as { name?: unknown; detail?: unknown };
    if (!GUEST_NOTIFICATIONS.includes(name as GuestNotification)) return;
    /** @ignore For the manifest: the class's `@fires` tags name each notification. */
    this.dispatchEvent(new CustomEvent(`rai-${name as GuestNotification}`, { detail, bubbles: true, composed: true }));
  }

  // ── Rendering ───────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    if (!this.#config.ok) {
      return html`<div part="state config-error" class="state" role="alert" dir=${dir} lang=${lang}>
        <p class="state-title">${msg.frame.configErrorTitle}</p>
        <p class="state-body">${msg.frame.configErrorBody}</p>
      </div>`;
    }
    const failed = this.connectionState === 'failed';
    const waiting = this.connectionState === 'connecting' || failed;
    const iframe = html`<iframe
      part="iframe"
      class=${waiting ? 'waiting' : ''}
      src=${this.#config.src}
      title=${this.title}
      sandbox=${this.sandbox}
      allow=${this.allow}
      style=${styleMap({ blockSize: this.height === null ? undefined : `${this.height}px` })}
    ></iframe>`;
    return html`<div class="root" dir=${dir} lang=${lang}>
      ${keyed(this.#frameKey, iframe)}
      ${failed ? this.#renderError() : waiting ? this.#renderLoading() : nothing}
    </div>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div part="state loading" class="state loading" role="status">
      <span class="visually-hidden">${this.locale.msg.frame.loading(this.title)}</span>
      <div part="skeleton" class="skeleton" aria-hidden="true"></div>
    </div>`;
  }

  #renderError(): TemplateResult {
    const { msg } = this.locale;
    const error = this.failure;
    const origin = error?.code === 'refused_origin' ? (error.data as { origin?: string } | undefined)?.origin : undefined;
    return html`<div part="state error" class="state" role="alert">
      <p class="state-title">${msg.frame.connectErrorTitle(this.title)}</p>
      <p class="state-body">${origin ? msg.frame.refusedOrigin(origin) : msg.frame.connectTimeout}</p>
      <button part="button retry-button" class="button" @click=${() => this.#retry()}>${msg.retry}</button>
    </div>`;
  }
}
