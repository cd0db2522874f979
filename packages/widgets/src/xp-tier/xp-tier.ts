import {
  paths,
  type Community,
  type Me,
  type MeEventData,
  type PageMeta,
  type Tier,
  type XpRule,
} from '@rai-kit/core/api';
import type { StreamEvent } from '@rai-kit/core/realtime';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { styleMap } from '../base/style-map.js';
import { RaiWidget } from '../base/rai-widget.js';
import { emptyView, errorView, expiredView } from '../base/state-views.js';
import { stateStyles } from '../base/state.styles.js';
import { EventStreamController } from '../controllers/event-stream-controller.js';
import { LoadTask, TaskStatus } from '../controllers/load-task.js';
import { xpTierCatalog } from '../i18n/catalogs/xp-tier.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { xpTierStyles } from './xp-tier.styles.js';

/** What the widget loads in one go. */
interface XpTierData {
  community: Community;
  tiers: Tier[];
  /** Public mode only. */
  rules: XpRule[];
  /** Member mode only, with the event id the snapshot corresponds to. */
  me: Me | null;
  lastEventId: string | null;
}

/** Ladders are short; this caps a misconfigured one without paging forever. */
const MAX_TIERS = 100;

/**
 * Without a token it shows the public ladder and the ways to earn XP. With `auth-url`,
 * `tokenProvider` or `token` it shows the member's tier, total and today's XP, coins and
 * an accessible progress bar, and follows the member's event stream.
 *
 * @summary A community's XP tier ladder; for a signed-in member, their tier, XP and
 * progress to the next tier, updated live.
 *
 * @fires rai-ready - First content rendered. `detail.mode` is `public` or `member`.
 * @fires rai-error - Loading failed (`detail.code`, `message`, `requestId`); the widget shows a retry button.
 * @fires rai-session-expired - The member's token could not be renewed.
 * @fires rai-sign-in-request - The user pressed "Sign in" in the expired state. Cancelable.
 * @fires rai-tier-change - A live update moved the member to another tier (`detail.tier`, `previousTier`).
 *
 * @csspart frame - The card around everything.
 * @csspart title - The heading.
 * @csspart summary - The member's tier, XP and progress.
 * @csspart badge - The tier badge.
 * @csspart live - "Live" marker, shown while the event stream is connected.
 * @csspart progress - The progress track (role="progressbar").
 * @csspart progress-bar - The filled part of the track.
 * @csspart ladder - The list of tiers.
 * @csspart tier - One tier of the ladder; the member's current one has `aria-current`.
 * @csspart rules - The list of ways to earn XP.
 * @csspart state - Loading, empty, error and expired states (plus `error`, `empty`, `expired`).
 * @csspart error - The error state (also `state`).
 * @csspart empty - The empty state (also `state`).
 * @csspart expired - The session-expired state (also `state`).
 * @csspart button - Buttons in the states (plus `retry-button`, `sign-in-button`).
 * @csspart retry-button - Retry in the error state (also `button`).
 * @csspart sign-in-button - "Sign in" (also `button`).
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --rai-xp-tier-bar - Progress bar colour. Default: `--rai-color-primary`.
 * @cssprop --rai-xp-tier-track - Progress track colour. Default: `--rai-color-surface-raised`.
 * @cssprop --rai-xp-tier-bar-height - Progress bar thickness. Default: 0.625rem.
 * @cssprop --rai-xp-tier-reserve - Height the widget holds while it loads (the loader holds it too, before the widget's code arrives), so the page does not move when the ladder appears. Set it to your ladder's rendered height. Default: 39.873rem, the sandbox community's public ladder and ways to earn, from 320px wide (one perk per line: the ladder is as tall at any width).
 * @cssprop --rai-xp-tier-member-reserve - The same for the member's view (with `auth-url`, `token` or `tokenProvider`): set it to your summary and ladder's rendered height. Default: 36.4258rem, the sandbox community's, at any width.
 * @cssprop --rai-color-primary - Global brand colour (and every other `--rai-*` theme token).
 */
export class RaiXpTier extends RaiWidget {
  static override styles = [RaiWidget.styles, stateStyles, xpTierStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    liveMe: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Live snapshot from the event stream; replaces the loaded one. */
  private liveMe: Me | null = null;
  /** Polite announcement for screen readers (tier changes). */
  private announcement = '';

  protected readonly locale = new LocaleController(this, xpTierCatalog);

  private readonly data = new LoadTask(this, {
    args: () => [this.client, this.communityId, this.auth.authenticated] as const,
    task: async ([client, communityId, member], { signal }) => {
      if (!communityId) throw new Error('rai-xp-tier: the community-id attribute is required.');
      const tiersPage = client.getPage<Tier>(paths.tiers(communityId), { signal, limit: MAX_TIERS });
      const [community, tiers, rules, meEnvelope] = await Promise.all([
        client.get<Community>(paths.community(communityId), { signal }),
        tiersPage.then((page) => page.items),
        member ? [] : client.getPage<XpRule>(paths.xpRules(communityId), { signal, limit: 50 }).then((p) => p.items),
        member ? client.request<Me, PageMeta & { lastEventId?: string | null }>(paths.me(communityId), { signal }) : null,
      ]);
      const data: XpTierData = {
        community,
        tiers,
        rules,
        me: meEnvelope?.data ?? null,
        lastEventId: meEnvelope?.meta?.lastEventId ?? null,
      };
      return data;
    },
    onComplete: () => {
      this.liveMe = null;
      this.emit('rai-ready', { mode: this.auth.authenticated ? 'member' : 'public' });
    },
    onError: (error) => this.reportError(error),
  });

  private readonly stream = new EventStreamController<MeEventData>(this, {
    url: () => {
      const listening = this.data.status === TaskStatus.COMPLETE && this.data.value?.me && !this.auth.expired;
      return listening ? this.client.url(paths.meEvents(this.communityId)) : null;
    },
    tokenSource: () => this.auth.source,
    lastEventId: () => this.data.value?.lastEventId ?? null,
    onEvent: (event) => this.applyEvent(event),
    onReset: () => void this.data.run(),
  });

  /** Loads everything again (after the host signed the user back in, for example). */
  reload(): Promise<void> {
    return this.data.run();
  }

  private applyEvent({ data }: StreamEvent<MeEventData>): void {
    const previous = this.liveMe ?? this.data.value?.me ?? null;
    this.liveMe = data.me;
    // Compare with what the user saw, not the event type: an xp.changed already carries
    // the new tier, and the tier.changed after it must not announce twice.
    if (previous && data.me.tier.id !== previous.tier.id) {
      this.announcement = this.locale.msg.xpTier.tierUp(data.me.tier.name);
      this.emit('rai-tier-change', { tier: data.me.tier, previousTier: previous.tier });
    }
  }

  private signIn(): void {
    if (this.emit('rai-sign-in-request', {}, true)) void this.reload();
  }

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    const body = this.auth.expired
      ? expiredView(msg, () => this.signIn())
      : this.data.render({
          initial: () => this.renderSkeleton(),
          pending: () => (this.data.value ? this.renderContent(this.data.value) : this.renderSkeleton()),
          complete: (data) => this.renderContent(data),
          error: (error) => errorView(msg, error, () => void this.reload()),
        });
    return html`<div part="frame" class="frame" dir=${dir} lang=${lang}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  /**
   * A ladder of placeholders in a frame held at `--rai-xp-tier-reserve`, or for a member (known
   * before the data: a token or auth-url is set) their summary's placeholders above it, held at
   * `--rai-xp-tier-member-reserve` (xp-tier.styles.ts): the real height depends on the
   * community's tiers and rules, which only the data tells.
   */
  private renderSkeleton(): TemplateResult {
    const line = (width: string) =>
      html`<div class="skeleton sk-line" part="skeleton" style=${styleMap({ inlineSize: width })}></div>`;
    const tier = html`<div class="tier">${line('1rem')} ${line('45%')} ${line('4rem')}</div>`;
    const ladder = html`<div class="tiers">${tier}${tier}${tier}${tier}</div>`;
    const member = this.auth.authenticated;
    return html`<div class=${member ? 'summary sk-reserve sk-member' : 'summary sk-reserve'} role="status">
      <span class="visually-hidden">${this.locale.msg.loading}</span>
      <div aria-hidden="true" class="summary">
        ${member
          ? html`<div class="summary-head">
                <span class="skeleton avatar" part="skeleton"></span>
                <div class="who">${line('50%')}<span class="badge skeleton sk-badge" part="skeleton">&nbsp;</span></div>
              </div>
              <p class="xp">${line('40%')}</p>
              <div class="track"></div>
              <p class="meta">${line('50%')} ${line('6rem')} ${line('5rem')}</p>
              ${ladder}`
          : html`${line('40%')} ${ladder} ${line('30%')} ${line('100%')} ${line('80%')}`}
      </div>
    </div>`;
  }

  private renderContent(data: XpTierData): TemplateResult {
    const me = this.liveMe ?? data.me;
    if (me) return html`${this.renderSummary(me, data)} ${this.renderLadder(data.tiers, me.tier.id)}`;
    const { msg } = this.locale;
    return html`<section aria-labelledby="title" class="summary">
        <p id="title" part="title" class="title">${msg.xpTier.ladderLabel(data.community.name)}</p>
        ${data.tiers.length === 0 ? emptyView(msg.xpTier.emptyLadder) : this.renderLadder(data.tiers, null)}
      </section>
      ${this.renderRules(data.rules)}`;
  }

  private renderSummary(me: Me, data: XpTierData): TemplateResult {
    const { msg } = this.locale;
    const n = (value: number) => this.locale.number(value);
    const { progress, nextTier } = me;
    const remaining = nextTier ? nextTier.minXp - me.xp : 0;
    const valueText = nextTier
      ? msg.xpTier.progressText(n(progress.current), n(progress.required), nextTier.name)
      : msg.xpTier.topTier;
    return html`<section part="summary" class="summary" aria-labelledby="title">
      <div class="summary-head">
        <img class="avatar" src=${me.user.avatarUrl} alt="" width="40" height="40" />
        <div class="who">
          <span id="title" part="title" class="name">${me.user.displayName}</span>
          <span class="visually-hidden">${msg.xpTier.yourTier}:</span>
          <span part="badge" class="badge" style=${styleMap({ '--tier-color': me.tier.color })}>
            <span class="dot" aria-hidden="true"></span>${me.tier.name}
          </span>
        </div>
        <span part="live" class="live" ?hidden=${this.stream.state !== 'open'}>${msg.live}</span>
      </div>
      <p class="xp">${msg.xpTier.xpTotal(n(me.xp))}</p>
      <div
        part="progress"
        class="track"
        role="progressbar"
        aria-label=${msg.xpTier.progressLabel}
        aria-valuemin="0"
        aria-valuemax=${Math.max(progress.required, 1)}
        aria-valuenow=${nextTier ? progress.current : 1}
        aria-valuetext=${valueText}
      >
        <div part="progress-bar" class="bar" style=${styleMap({ transform: `scaleX(${progress.ratio})` })}></div>
      </div>
      <p class="meta">
        <span>${nextTier ? msg.xpTier.toNext(n(remaining), nextTier.name) : msg.xpTier.topTier}</span>
        <span>${msg.xpTier.xpToday(n(me.xpToday))}</span>
        <span>${msg.xpTier.coins(n(me.coins), data.community.currency.name)}</span>
      </p>
    </section>`;
  }

  private renderLadder(tiers: Tier[], currentId: string | null): TemplateResult {
    const { msg } = this.locale;
    return html`<ol part="ladder" class="tiers" aria-label=${msg.xpTier.ladderLabel(this.data.value?.community.name ?? '')}>
      ${tiers.map(
        (tier) => html`<li
          part="tier"
          class="tier"
          style=${styleMap({ '--tier-color': tier.color })}
          aria-current=${tier.id === currentId ? 'step' : nothing}
        >
          <span class="dot" aria-hidden="true"></span>
          <span class="tier-name">
            ${tier.name}${tier.id === currentId ? html`<span class="visually-hidden"> (${msg.xpTier.currentTier})</span>` : nothing}
          </span>
          <span class="threshold">${msg.xpTier.tierFrom(this.locale.number(tier.minXp))}</span>
          ${tier.perks.length ? html`<ul class="perks">${tier.perks.map((perk) => html`<li>${perk}</li>`)}</ul>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private renderRules(rules: XpRule[]): TemplateResult | typeof nothing {
    if (rules.length === 0) return nothing;
    const { msg } = this.locale;
    return html`<section aria-labelledby="rules-title" class="summary">
      <p id="rules-title" class="subtitle">${msg.xpTier.waysToEarn}</p>
      <ul part="rules" class="rules">
        ${rules.map(
          (rule) => html`<li class="rule">
            <span>${rule.label}</span><span class="rule-xp">${msg.xpTier.ruleXp(this.locale.number(rule.xp))}</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
