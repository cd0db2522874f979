import type { LeaderboardPeriod } from '@rai-kit/core/api';

/**
 * Every user-visible string of the kit. Numbers arrive already formatted by `Intl` in the
 * widget's locale; functions choose plural forms with `Intl.PluralRules` where the
 * language needs them.
 */
export interface Messages {
  loading: string;
  retry: string;
  errorTitle: string;
  errorNetwork: string;
  errorGeneric: string;
  sessionExpiredTitle: string;
  sessionExpiredBody: string;
  signIn: string;
  /** Marker shown while a widget's event stream is connected. */
  live: string;
  xpTier: {
    ladderLabel: (community: string) => string;
    emptyLadder: string;
    tierFrom: (xp: string) => string;
    currentTier: string;
    yourTier: string;
    xpTotal: (xp: string) => string;
    xpToday: (xp: string) => string;
    coins: (amount: string, currency: string) => string;
    progressLabel: string;
    progressText: (current: string, required: string, next: string) => string;
    toNext: (remaining: string, next: string) => string;
    topTier: string;
    waysToEarn: string;
    ruleXp: (xp: string) => string;
    tierUp: (tier: string) => string;
  };
  leaderboard: {
    /** Legend of the period switcher. */
    period: string;
    periods: Record<LeaderboardPeriod, string>;
    rank: string;
    member: string;
    score: string;
    change: string;
    /** A score with its unit, e.g. `1,234 XP`. */
    scoreValue: (score: string, unit: string) => string;
    /** `#12` in the member's own row. */
    rankValue: (rank: string) => string;
    /** Spoken after ranks 1–3. */
    medal: (rank: 1 | 2 | 3) => string;
    /** Rank change for screen readers; `places` is `Intl`-formatted `count`. */
    up: (count: number, places: string) => string;
    down: (count: number, places: string) => string;
    unchanged: string;
    /** Visible marker of a member unranked in the previous period. */
    newEntry: string;
    newEntryLabel: string;
    /** Marks the member's row: `(you)`. */
    youSuffix: string;
    yourPosition: string;
    notRanked: string;
    jumpToMe: string;
    backToTop: string;
    loadMore: string;
    empty: string;
    membersOnlyTitle: string;
    membersOnlyBody: string;
    /** Polite announcements when a live update moves the member. */
    movedUp: (rank: string) => string;
    movedDown: (rank: string) => string;
  };
}

export type Locale = 'en' | 'ar' | 'es';
