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
  chat: {
    /** Accessible name of the message log. */
    logLabel: (channel: string) => string;
    empty: string;
    membersOnlyTitle: string;
    membersOnlyBody: string;
    /** Public (signed-out) notice above where the composer would be. */
    signInToChat: string;
    /** Why a member cannot post (announcement channels). */
    readOnly: string;
    /** An `iframe` channel hosts an app, not messages. */
    appChannel: (channel: string) => string;
    /** Jump button label; `formatted` is `Intl`-formatted `count`. */
    newMessages: (count: number, formatted: string) => string;
    jumpToLatest: string;
    loadingHistory: string;
    /** Polite announcement of an incoming message. */
    newMessageFrom: (author: string, text: string) => string;
    /** Full date of a message, e.g. for `title`. */
    sentAt: (date: string) => string;
    edited: string;
    deleted: string;
    /** Summary line above a reply. */
    replyingTo: (author: string) => string;
    image: string;
    sending: string;
    notSent: string;
    retrySend: string;
    deleteUnsent: string;
    reply: string;
    react: string;
    /** Name of a reaction chip: `👍 3, you reacted`. */
    reaction: (emoji: string, count: string, mine: boolean) => string;
    reactionFailed: string;
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
  composer: {
    /** Accessible name (and placeholder) of the message field; `channel` is `''` when unknown. */
    inputLabel: (channel: string) => string;
    send: string;
    attach: string;
    /** Accessible name of the list of attached images. */
    attachments: string;
    /** Above the field while replying; the message's excerpt follows it. */
    replyingTo: (author: string) => string;
    cancelReply: string;
    /** Buttons and progress of one attached image, by file name. */
    removeImage: (name: string) => string;
    uploading: (name: string) => string;
    retryUpload: (name: string) => string;
    uploadType: string;
    /** `max` is the `Intl`-formatted limit in megabytes. */
    uploadSize: (max: string) => string;
    uploadNetwork: string;
    uploadGeneric: string;
    /** `max` is `Intl`-formatted. */
    tooManyImages: (max: string) => string;
    /** Counter near the length limit; `formatted` is `Intl`-formatted `count`. */
    charactersLeft: (count: number, formatted: string) => string;
    /** Over the limit: why Send is blocked. */
    tooLong: (count: number, formatted: string) => string;
    /** Default accessible name of the emoji picker. */
    emojiPicker: string;
  };
}

export type Locale = 'en' | 'ar' | 'es';
