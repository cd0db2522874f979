import { ApiError, CHAT_EVENTS, isSessionExpired, paths, type Channel, type ChatMessage, type ChatReaction, type Me, type SendMessageBody, type UserSummary } from '@rai-kit/core/api';
import { ChannelApi, MessageLog, type OutboxItem } from '@rai-kit/core/chat';
import type { StreamEvent } from '@rai-kit/core/realtime';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { styleMap } from '../base/style-map.js';
import { RaiWidget } from '../base/rai-widget.js';
import { emptyView, errorView, expiredView, membersOnlyView } from '../base/state-views.js';
import { stateStyles } from '../base/state.styles.js';
import { ChatScrollController } from '../controllers/chat-scroll-controller.js';
import { EventStreamController } from '../controllers/event-stream-controller.js';
import { LoadTask, TaskStatus } from '../controllers/load-task.js';
import { OutboxController } from '../controllers/outbox-controller.js';
import { chatCatalog } from '../i18n/catalogs/chat.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { chatChannelStyles } from './chat-channel.styles.js';
import type { ComposeDetail } from './composer.js';
import { continues, messageView, type MessageContext } from './message-view.js';

/**
 * Most messages the log holds, and so the most message elements in the DOM. The far end is
 * pruned (and paged in again when the user scrolls back to it) rather than virtualised:
 * messages have variable heights (wrapped text, images, reactions) that a virtual list would
 * have to measure and re-measure, and only real DOM keeps find-in-page, text selection and a
 * screen reader's browse mode working. 200 messages are a few thousand nodes: cheap.
 */
const MAX_MESSAGES = 200;
/** Placeholder messages while the channel loads. */
const SKELETON_MESSAGES = 6;
/** Roving-tabindex step of PageUp / PageDown. */
const PAGE_STEP = 10;
/** A failed history page is not asked for again on every scroll event: wait this long. */
const PAGE_RETRY_MS = 5_000;
/** How long a reaction's failure notice stays. */
const ALERT_MS = 6_000;

/** What one load of the channel holds. */
interface ChannelSession {
  api: ChannelApi;
  channel: Channel;
  /** The signed-in member; `null` in public mode. */
  me: UserSummary | null;
  log: MessageLog;
}

/** An outbox item drawn as a message by its sender, until the server's copy replaces it. */
function pendingMessage(item: OutboxItem, { api, me, log }: ChannelSession): ChatMessage {
  const replied = item.body.replyTo ? log.get(item.body.replyTo) : undefined;
  return {
    id: item.key,
    channelId: api.channelId,
    author: me!,
    text: item.body.text,
    // Already uploaded: shown from where the server serves them (their size is known once sent).
    images: (item.body.imageIds ?? []).map((id) => ({ url: api.uploadUrl(id), width: null, height: null, alt: '' })),
    replyTo: replied ? { id: replied.id, author: replied.author, excerpt: replied.text.slice(0, 140) } : null,
    reactions: [],
    createdAt: new Date(item.createdAt).toISOString(),
    editedAt: null,
    deleted: false,
    nonce: item.key,
  };
}

/**
 * Opens at the newest message. Scrolling up loads older history without moving what the
 * user reads; at most 200 messages are kept in the DOM, the far end is pruned and paged in
 * again on the way back. New messages keep the view at the bottom when the user is there;
 * otherwise a "N new messages" button jumps down. Messages the user sends appear at once
 * (`data-status` `queued` / `sending`), are retried with the same idempotency key until the
 * server has them, survive re-rendering and reloading the tab, and end `sent` or `failed`
 * (with Retry and Delete). Without a token the channel is read-only with a "Sign in" button;
 * announcement channels explain why members cannot post.
 *
 * @summary A live chat channel: history in both directions, realtime messages, replies and
 * reactions, and a composer whose messages are never lost.
 *
 * @fires rai-ready - First messages rendered. `detail.mode` is `public` or `member`.
 * @fires rai-error - Loading failed (`detail.code`, `message`, `requestId`); the widget shows a retry button.
 * @fires rai-message-sent - A message the user sent reached the server (`detail.message`, `detail.key`).
 * @fires rai-message-failed - A message could not be delivered (`detail.key`, `text`, `error`); it stays with Retry and Delete.
 * @fires rai-unread-change - The count of new messages below the view changed (`detail.count`).
 * @fires rai-sign-in-request - The user pressed "Sign in" (public mode, members-only channel, expired session). Cancelable.
 * @fires rai-session-expired - The member's token could not be renewed.
 *
 * @csspart frame - The card around everything.
 * @csspart header - Channel name and live marker.
 * @csspart title - The channel's name.
 * @csspart live - "Live" marker, shown while the event stream is connected.
 * @csspart log - The scrolling message list (role="log").
 * @csspart message - One message (`article`, with `data-id` and `data-status`).
 * @csspart avatar - Author's avatar, or the initials standing in for it.
 * @csspart author - Author's name.
 * @csspart text - Message text.
 * @csspart reply-summary - Author and excerpt of the message a reply answers.
 * @csspart image - An attached image.
 * @csspart reaction - A reaction chip (a toggle button for members).
 * @csspart emoji-picker - The reaction picker.
 * @csspart jump-button - "N new messages" / jump to the latest.
 * @csspart composer - The message composer (`rai-chat-composer`).
 * @csspart notice - Why the user cannot post here (signed out, read-only channel, app channel).
 * @csspart alert - A transient failure notice (a reaction that could not be saved).
 * @csspart state - Loading, empty, error, expired and members-only states (plus `error`, `empty`, `expired`, `members-only`).
 * @csspart error - The error state (also `state`).
 * @csspart empty - The empty state (also `state`).
 * @csspart expired - The session-expired state (also `state`).
 * @csspart members-only - The members-only state (also `state`).
 * @csspart button - Every button (plus `retry-button`, `sign-in-button`, `jump-button`, `reply-button`, `react-button`, `retry-send`, `delete-unsent`, `reaction`).
 * @csspart retry-button - Retry in the error state (also `button`).
 * @csspart sign-in-button - "Sign in" (also `button`).
 * @csspart reply-button - "Reply" on a message (also `button`).
 * @csspart react-button - "Add reaction" on a message (also `button`).
 * @csspart retry-send - Retry on a message that failed to send (also `button`).
 * @csspart delete-unsent - Delete on a message that failed to send (also `button`).
 * @csspart skeleton - The loading placeholders.
 *
 * @cssprop --rai-chat-height - Height of the message log. Default: 28rem.
 * @cssprop --rai-chat-own - Accent of the user's own messages. Default: `--rai-color-primary`.
 * @cssprop --rai-chat-mention - Colour of @mentions. Default: `--rai-color-primary`.
 * @cssprop --rai-color-primary - Global brand colour (and every other `--rai-*` theme token).
 *
 * @slot - Nothing is slotted; the composer is built in.
 */
export class RaiChatChannel extends RaiWidget {
  static override styles = [RaiWidget.styles, stateStyles, chatChannelStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    channelId: { attribute: 'channel-id', reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    unread: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    alert: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    activeId: { state: true, attribute: false },
    pickerFor: { state: true, attribute: false },
    replyTo: { state: true, attribute: false },
    brokenAvatars: { state: true, attribute: false },
    reacting: { state: true, attribute: false },
  };

  /** The channel to show. Required. */
  channelId = '';

  /** Messages per history page, 1–100. Default 50. */
  pageSize = 50;

  /** Unseen new messages below the view. */
  private unread = 0;
  /** Polite announcement of incoming messages for screen readers. */
  private announcement = '';
  /** A transient, visible failure notice. */
  private alert = '';
  private busy: 'older' | 'newer' | null = null;
  /** The message holding the log's roving tab stop (`null`: the newest). */
  private activeId: string | null = null;
  private pickerFor: string | null = null;
  private replyTo: ChatMessage | null = null;
  private brokenAvatars: ReadonlySet<string> = new Set();
  /** The user's reaction toggles awaiting the server: `${messageId} ${shortcode}` → the chip as expected (`null`: gone). */
  private reacting: ReadonlyMap<string, ChatReaction | null> = new Map();

  #pickerAnchor: HTMLElement | null = null;
  /** The message focused before a render, to keep focus on it (or near it) after. */
  #focusedId: string | null = null;
  /** Outbox keys already reported as sent / failed, so each outcome fires once. */
  #reportedSent = new Set<string>();
  #reportedFailed = new Set<string>();
  #pageRetryAt = 0;
  #alertTimer: ReturnType<typeof setTimeout> | undefined;
  #ready = false;

  protected readonly locale = new LocaleController(this, chatCatalog);

  private readonly scroller = new ChatScrollController(this, {
    scroller: '[part=log]',
    itemSelector: '[part=message]',
    onScroll: () => this.#onScroll(),
    atLiveEnd: () => !this.#session?.log.hasNewer,
  });

  private readonly outbox = new OutboxController(this, (items) => this.#onOutbox(items));

  private readonly session = new LoadTask(this, {
    args: () => [this.client, this.communityId, this.channelId] as const,
    task: async ([client, communityId, channelId], { signal }): Promise<ChannelSession> => {
      if (!communityId) throw new Error('rai-chat-channel: the community-id attribute is required.');
      if (!channelId) throw new Error('rai-chat-channel: the channel-id attribute is required.');
      const api = new ChannelApi(client, communityId, channelId);
      // All three at once: the first paint waits for one round trip, not three.
      const [channel, page, me] = await Promise.all([
        api.channel(signal),
        api.page({ limit: this.limit }, signal),
        this.auth.authenticated ? client.get<Me>(paths.me(communityId), { signal }) : null,
        // Messages this tab kept unsent (a reload while sending): their code loads with the channel, to show in its first render.
        this.auth.authenticated ? this.outbox.restore() : null,
      ]);
      const log = new MessageLog({ maxMessages: MAX_MESSAGES });
      log.reset(page);
      return { api, channel, me: me?.user ?? null, log };
    },
    onComplete: () => {
      this.activeId = null;
      this.#setUnread(0);
      this.scroller.pin();
      if (this.#ready) return;
      this.#ready = true;
      this.emit('rai-ready', { mode: this.auth.authenticated ? 'member' : 'public' });
    },
    onError: (error) => {
      if (!this.#membersOnly(error)) this.reportError(error);
    },
  });

  private readonly stream = new EventStreamController<ChatMessage>(this, {
    url: () => {
      const session = this.#session;
      return session && !this.auth.expired ? session.api.eventsUrl : null;
    },
    tokenSource: () => this.auth.source,
    lastEventId: () => this.#session?.log.lastEventId ?? null,
    onEvent: (event) => this.#applyEvent(event),
    onReset: () => void this.#reloadNewest(),
  });

  /**
   * Sends a message as the composer does: it appears at once as pending and is delivered by
   * the outbox (retried, never twice). Throws when the widget cannot post (not loaded, signed
   * out, a read-only channel).
   */
  send(text: string, options: { replyTo?: string; imageIds?: string[] } = {}): OutboxItem {
    if (!this.outbox.active) {
      const session = this.#session;
      const why = !session
        ? 'the channel has not loaded'
        : !session.me
          ? 'no member is signed in'
          : 'this member may not post in this channel';
      throw new Error(`rai-chat-channel: cannot send: ${why}.`);
    }
    return this.#enqueue({
      text,
      ...(options.replyTo ? { replyTo: options.replyTo } : {}),
      ...(options.imageIds?.length ? { imageIds: options.imageIds } : {}),
    });
  }

  /** Shows the newest messages (loading them when the log was paged back past them) and clears the unread count. */
  async scrollToLatest(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    if (session.log.hasNewer) await this.#reloadNewest();
    this.scroller.pin();
    this.#setUnread(0);
    this.requestUpdate();
    await this.updateComplete;
  }

  private get limit(): number {
    return Math.min(100, Math.max(1, Math.round(this.pageSize) || 50));
  }

  get #session(): ChannelSession | undefined {
    return this.session.status === TaskStatus.COMPLETE ? this.session.value : undefined;
  }

  /** A public widget refused a members-only channel: its own state, not an error. */
  #membersOnly(error: unknown): boolean {
    return !this.auth.authenticated && error instanceof ApiError && error.code === 'unauthorized';
  }

  #enqueue(body: SendMessageBody): OutboxItem {
    const item = this.outbox.enqueue(body);
    // The user wants to see what they sent: at the live end, at the bottom.
    void this.scrollToLatest();
    return item;
  }

  async #reloadNewest(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    try {
      session.log.reset(await session.api.page({ limit: this.limit }));
    } catch (error) {
      this.reportError(error);
    }
    this.requestUpdate();
  }

  #applyEvent(event: StreamEvent<ChatMessage>): void {
    const session = this.#session;
    if (!session) return;
    const result = session.log.apply(event);
    const message = event.data;
    const incoming = event.event === CHAT_EVENTS.created && message.author.id !== session.me?.id;
    if (incoming && (result === 'added' || result === 'beyond')) {
      this.announcement = this.locale.msg.chat.newMessageFrom(message.author.displayName, message.text.slice(0, 140));
      if (result === 'beyond' || !this.scroller.pinned) this.#setUnread(this.unread + 1);
    }
    this.requestUpdate();
  }

  /** The outbox changed: take sent messages into the log (replacing their pending copies) and report outcomes. */
  #onOutbox(items: readonly OutboxItem[]): void {
    const session = this.#session;
    if (!session) return;
    for (const item of items) {
      if (item.status === 'sent' && item.message && !this.#reportedSent.has(item.key)) {
        this.#reportedSent.add(item.key);
        this.#reportedFailed.delete(item.key);
        // In the same task as the acknowledgement: no frame shows both copies, or neither.
        session.log.upsertOwn(item.message);
        this.outbox.acknowledge(item.key);
        this.emit('rai-message-sent', { message: item.message, key: item.key });
      } else if (item.status === 'failed' && !this.#reportedFailed.has(item.key)) {
        this.#reportedFailed.add(item.key);
        if (item.error?.code === 'session_expired') this.auth.markExpired();
        this.emit('rai-message-failed', {
          key: item.key,
          text: item.body.text,
          error: item.error ?? { code: 'internal', message: 'The message could not be sent.' },
        });
      } else if (item.status !== 'failed') {
        this.#reportedFailed.delete(item.key);
      }
    }
  }

  #setUnread(count: number): void {
    if (count === this.unread) return;
    this.unread = count;
    this.emit('rai-unread-change', { count });
  }

  #onScroll(): void {
    const session = this.#session;
    if (!session) return;
    if (this.scroller.pinned) this.#setUnread(0);
    this.#loadNearEdges();
  }

  /** Infinite scroll both ways: the next page once the user nears a loaded edge. */
  #loadNearEdges(): void {
    const session = this.#session;
    if (!session || this.busy || performance.now() < this.#pageRetryAt || session.log.messages.length === 0) return;
    if (this.scroller.nearTop && session.log.hasOlder) void this.#loadPage(session, 'older');
    else if (this.scroller.nearBottom && session.log.hasNewer) void this.#loadPage(session, 'newer');
  }

  async #loadPage({ api, log }: ChannelSession, direction: 'older' | 'newer'): Promise<void> {
    this.busy = direction;
    try {
      const messages = log.messages;
      if (direction === 'older') log.addOlder(await api.page({ before: messages[0]!.id, limit: this.limit }));
      else log.addNewer(await api.page({ after: messages.at(-1)!.id, limit: this.limit }));
    } catch (error) {
      this.#pageRetryAt = performance.now() + PAGE_RETRY_MS;
      this.reportError(error);
    }
    this.busy = null;
    await this.updateComplete;
    this.#loadNearEdges();
  }

  /** Reactions as shown: the server's, with the chips of the user's toggles in flight as they will be (optimistic). */
  #reactionsOf(message: ChatMessage): readonly ChatReaction[] {
    let reactions: readonly ChatReaction[] = message.reactions;
    for (const [key, chip] of this.reacting) {
      const [id, shortcode] = key.split(' ') as [string, string];
      if (id !== message.id) continue;
      const others = reactions.filter((r) => r.shortcode !== shortcode);
      const at = reactions.findIndex((r) => r.shortcode === shortcode);
      reactions = chip === null ? others : at < 0 ? [...reactions, chip] : reactions.map((r, i) => (i === at ? chip : r));
    }
    return reactions;
  }

  /**
   * Toggles the user's reaction. The chip shows its expected state at once, fixed until the
   * answer: events meanwhile carry no `mine`, so they cannot tell whether they already count
   * this toggle. The answer (exact, for this user) replaces it; a failure restores the server's.
   */
  async #react(message: ChatMessage, shortcode: string, on: boolean): Promise<void> {
    const session = this.#session;
    if (!session) return;
    const key = `${message.id} ${shortcode}`;
    const shown = this.#reactionsOf(message).find((r) => r.shortcode === shortcode);
    const count = (shown?.count ?? 0) + (on ? 1 : -1);
    const chip = count > 0 ? { shortcode, count, mine: on } : null;
    this.reacting = new Map(this.reacting).set(key, chip);
    // Where the log stood when asking: a copy from a later event keeps its counts (see upsertOwn).
    const requestedAt = session.log.lastEventId;
    try {
      session.log.upsertOwn(await session.api.react(message.id, shortcode, on), requestedAt);
    } catch (error) {
      if (isSessionExpired(error)) this.auth.markExpired();
      else this.#showAlert(this.locale.msg.chat.reactionFailed);
    }
    // A second toggle of the same chip while this one was in flight owns the chip now.
    if (this.reacting.get(key) !== chip) return;
    const reacting = new Map(this.reacting);
    reacting.delete(key);
    this.reacting = reacting;
  }

  #showAlert(text: string): void {
    this.alert = text;
    clearTimeout(this.#alertTimer);
    this.#alertTimer = setTimeout(() => (this.alert = ''), ALERT_MS);
  }

  async #openPicker(message: ChatMessage, trigger: HTMLElement): Promise<void> {
    // The trigger toggles: a second press closes the picker.
    if (this.pickerFor === message.id) return void this.#closePicker(message, null);
    // The picker's code loads on its first opening (most visits only read); the trigger is
    // busy meanwhile. A failed load (offline) is reported like a failed request.
    trigger.setAttribute('aria-busy', 'true');
    try {
      await import('../define/emoji-picker.js');
    } catch (error) {
      return this.reportError(error);
    } finally {
      trigger.removeAttribute('aria-busy');
    }
    this.#pickerAnchor = trigger;
    this.pickerFor = message.id;
  }

  async #closePicker(message: ChatMessage, picked: string | null): Promise<void> {
    const trigger = this.#pickerAnchor;
    this.pickerFor = null;
    this.#pickerAnchor = null;
    if (picked && !this.#reactionsOf(message).some((r) => r.shortcode === picked && r.mine)) void this.#react(message, picked, true);
    await this.updateComplete;
    // The picker is gone with the focus it had: back to the button that opened it.
    if (trigger?.isConnected) trigger.focus();
  }

  async #reply(message: ChatMessage): Promise<void> {
    this.replyTo = message;
    await this.updateComplete;
    this.#composer()?.focus();
  }

  #composer(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part=composer]');
  }

  #compose(event: CustomEvent<ComposeDetail>): void {
    const { text, replyTo, imageIds } = event.detail;
    this.#enqueue({ text, ...(replyTo ? { replyTo } : {}), ...(imageIds.length ? { imageIds } : {}) });
    this.replyTo = null;
  }

  async #deleteUnsent(key: string): Promise<void> {
    this.outbox.remove(key);
    await this.updateComplete;
    // The focused message is gone: the log keeps focus (on the newest message).
    this.#focusMessage(this.#articles().at(-1) ?? null);
  }

  #signIn(): void {
    if (this.emit('rai-sign-in-request', {}, true)) void this.session.run();
  }

  #articles(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part=message]')];
  }

  #focusMessage(article: HTMLElement | null): void {
    if (!article) return void this.renderRoot.querySelector<HTMLElement>('[part=log]')?.focus();
    this.activeId = article.dataset['id']!;
    article.focus();
  }

  /** Roving tabindex: the log is one tab stop, arrows (and Page, Home, End) move between messages. */
  async #onKeyDown(event: KeyboardEvent): Promise<void> {
    const target = event.target as HTMLElement;
    if (target.getAttribute('part') !== 'message') return;
    const articles = this.#articles();
    const index = articles.indexOf(target);
    const moves: Record<string, number> = {
      ArrowUp: index - 1,
      ArrowDown: index + 1,
      PageUp: index - PAGE_STEP,
      PageDown: index + PAGE_STEP,
      Home: 0,
      End: articles.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = articles[Math.max(0, Math.min(articles.length - 1, moves[event.key]!))];
    if (next && next !== target) this.#focusMessage(next);
  }

  #onFocusIn(event: FocusEvent): void {
    const article = (event.target as HTMLElement).closest<HTMLElement>('[part=message]');
    const id = article?.dataset['id'];
    if (id && id !== this.activeId) this.activeId = id;
  }

  protected override willUpdate(): void {
    const session = this.#session;
    const canPost = !!session?.me && session.channel.permissions.post && !this.auth.expired;
    // Not while a load is under way (no session yet): that is no sign that the member changed.
    if (session || !this.auth.authenticated || this.auth.expired) this.outbox.use(canPost ? session!.api : null, canPost ? session!.me!.id : null);
    const focused = this.shadowRoot?.activeElement?.closest<HTMLElement>('[part=message]');
    this.#focusedId = focused?.dataset['id'] ?? null;
  }

  protected override updated(): void {
    this.#keepFocus();
    this.#loadNearEdges();
  }

  /**
   * Message elements are reused by position, and messages leave (pruned, a pending copy
   * replaced by the server's): focus follows the message it was on, to its server copy, or
   * to the newest message when it is gone, never to the page body.
   */
  #keepFocus(): void {
    const id = this.#focusedId;
    if (!id) return;
    const focused = this.shadowRoot!.activeElement?.closest<HTMLElement>('[part=message]');
    if (focused?.dataset['id'] === id) return;
    const articles = this.#articles();
    const serverId = this.#session?.log.messages.find((m) => m.nonce === id)?.id;
    const article = articles.find((a) => a.dataset['id'] === id || a.dataset['id'] === serverId) ?? articles.at(-1) ?? null;
    this.#focusMessage(article);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#alertTimer);
  }

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    const body = this.auth.expired
      ? expiredView(msg, () => this.#signIn())
      : this.session.render({
          initial: () => this.#renderSkeleton(),
          pending: () => this.#renderSkeleton(),
          error: (error) =>
            this.#membersOnly(error)
              ? membersOnlyView(msg, { title: msg.chat.membersOnlyTitle, body: msg.chat.membersOnlyBody }, () => this.#signIn())
              : errorView(msg, error, () => void this.session.run()),
          complete: (session) => this.#renderChannel(session),
        });
    return html`<div part="frame" class="frame" dir=${dir} lang=${lang}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderHeader(channel: Channel): TemplateResult {
    return html`<div part="header" class="header">
      <p id="title" part="title" class="title">${channel.name}</p>
      <span part="live" class="live" ?hidden=${this.stream.state !== 'open'}>${this.locale.msg.live}</span>
    </div>`;
  }

  #renderChannel(session: ChannelSession): TemplateResult {
    const { msg } = this.locale;
    const { channel } = session;
    return html`${this.#renderHeader(channel)}
      <div class="log-area">${this.#renderLog(session)} ${this.#renderJump(session)}</div>
      ${this.alert ? html`<p part="alert" class="alert" role="alert">${this.alert}</p>` : nothing} ${this.#renderFooter(session)}`;
  }

  #renderLog(session: ChannelSession): TemplateResult {
    const { msg, lang } = this.locale;
    const { log, me } = session;
    const sentNonces = new Set(log.messages.map((m) => m.nonce).filter((n) => n !== null));
    // A pending message whose server copy is already in the log (the stream can beat the
    // send's answer) is drawn once: as the server's copy.
    const pending = me ? this.outbox.items.filter((item) => item.status !== 'sent' && !sentNonces.has(item.key)) : [];
    const items: [ChatMessage, OutboxItem['status']][] = [
      ...log.messages.map((m): [ChatMessage, 'sent'] => [m, 'sent']),
      ...pending.map((item): [ChatMessage, OutboxItem['status']] => [pendingMessage(item, session), item.status]),
    ];
    const ids = new Set(items.map(([m]) => m.id));
    const activeId = this.activeId && ids.has(this.activeId) ? this.activeId : (items.at(-1)?.[0].id ?? null);
    const ctx: MessageContext = {
      msg: msg.chat,
      lang,
      theme: this.theme,
      number: (value) => this.locale.number(value),
      activeId,
      canReply: session.channel.permissions.post && !!me,
      canReact: session.channel.permissions.react && !!me,
      pickerFor: this.pickerFor,
      pickerAnchor: this.#pickerAnchor,
      brokenAvatars: this.brokenAvatars,
      onAvatarError: (url) => (this.brokenAvatars = new Set([...this.brokenAvatars, url])),
      reactionsOf: (message) => this.#reactionsOf(message),
      onReact: (message, shortcode, on) => void this.#react(message, shortcode, on),
      onOpenPicker: (message, trigger) => void this.#openPicker(message, trigger),
      onPickerClose: (message, picked) => void this.#closePicker(message, picked),
      onReply: (message) => void this.#reply(message),
      onRetry: (key) => this.outbox.retry(key),
      onDelete: (key) => void this.#deleteUnsent(key),
    };
    // aria-live off: role="log" is polite by default, which would read out every page of
    // history loaded by scrolling. New messages are announced by the status region instead.
    return html`<div
      part="log"
      class="log"
      role="log"
      aria-live="off"
      aria-label=${msg.chat.logLabel(session.channel.name)}
      aria-busy=${this.busy ? 'true' : 'false'}
      tabindex=${items.length === 0 ? '0' : '-1'}
      @keydown=${(event: KeyboardEvent) => void this.#onKeyDown(event)}
      @focusin=${(event: FocusEvent) => this.#onFocusIn(event)}
    >
      ${this.busy === 'older' ? html`<p class="history-loading">${msg.chat.loadingHistory}</p>` : nothing}
      ${items.length === 0
        ? emptyView(msg.chat.empty)
        : // Elements are reused by position (a plain map, not repeat()): lit-html 3.3 leaves a
          // comment node behind per item repeat() removes (lit/lit#5298), and pruning removes
          // dozens per page. Scroll anchoring and focus follow `data-id` instead.
          items.map(([message, status], i) => messageView(ctx, message, status, continues(items[i - 1]?.[0], message)))}
      ${this.busy === 'newer' ? html`<p class="history-loading">${msg.chat.loadingHistory}</p>` : nothing}
    </div>`;
  }

  #renderJump(session: ChannelSession): TemplateResult | typeof nothing {
    const { msg } = this.locale;
    if (this.unread === 0 && !session.log.hasNewer) return nothing;
    const label = this.unread > 0 ? msg.chat.newMessages(this.unread, this.locale.number(this.unread)) : msg.chat.jumpToLatest;
    return html`<button
      part="button jump-button"
      class="jump"
      @click=${async () => {
        await this.scrollToLatest();
        // The button leaves with the unread count; the newest message is where the user was heading.
        this.#focusMessage(this.#articles().at(-1) ?? null);
      }}
    >
      ${label}
    </button>`;
  }

  #renderFooter(session: ChannelSession): TemplateResult {
    const { msg } = this.locale;
    // An app channel's log is what its app posted (through <rai-frame>); members read it here.
    if (session.channel.type === 'iframe') return html`<p part="notice" class="notice">${msg.chat.appChannel(session.channel.name)}</p>`;
    if (!session.me) {
      return html`<div part="notice" class="notice">
        <span>${msg.chat.signInToChat}</span>
        <button part="button sign-in-button" class="button" @click=${() => this.#signIn()}>${msg.signIn}</button>
      </div>`;
    }
    if (!session.channel.permissions.post) return html`<p part="notice" class="notice">${msg.chat.readOnly}</p>`;
    // Focus or a pointer on the composer: the member is about to write, the send code loads now rather than on Enter.
    return html`<rai-chat-composer
      part="composer"
      theme=${this.theme}
      .api=${session.api}
      .tokenSource=${this.auth.source}
      .replyTo=${this.replyTo}
      channel-name=${session.channel.name}
      @focusin=${() => this.outbox.prefetch()}
      @pointerenter=${() => this.outbox.prefetch()}
      @rai-compose=${(event: CustomEvent<ComposeDetail>) => this.#compose(event)}
      @rai-reply-cancel=${() => (this.replyTo = null)}
    ></rai-chat-composer>`;
  }

  /**
   * Placeholders with the content's geometry (header, log of the same height) and the footer
   * the common case has: a member's composer row (known before the data: a token or auth-url
   * is set), else the "Sign in to chat" notice.
   */
  #renderSkeleton(): TemplateResult {
    const line = (width: string) => html`<span class="skeleton sk-line" part="skeleton" style=${styleMap({ inlineSize: width })}></span>`;
    return html`<div class="loading" role="status">
      <span class="visually-hidden">${this.locale.msg.loading}</span>
      <div aria-hidden="true" class="loading">
        <div class="header">${line('30%')}</div>
        <div class="log sk-log">
          ${Array.from(
            { length: SKELETON_MESSAGES },
            (_, i) => html`<div class="message">
              <span class="skeleton avatar" part="skeleton"></span>
              <div class="body">${line('25%')} ${line(`${40 + ((i * 23) % 50)}%`)}</div>
            </div>`,
          )}
        </div>
        ${this.auth.authenticated
          ? html`<div class="sk-composer"><span class="skeleton" part="skeleton"></span><span class="skeleton" part="skeleton"></span></div>`
          : html`<div class="notice sk-notice">${line('40%')}<span class="button skeleton sk-button" part="skeleton">&nbsp;</span></div>`}
      </div>
    </div>`;
  }
}
