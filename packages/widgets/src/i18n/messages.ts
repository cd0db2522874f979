import type { LeaderboardPeriod, OrderStatus, ProductType } from '@rai-kit/core/api';

/**
 * User-visible strings. Numbers arrive already formatted by `Intl` in the widget's locale;
 * functions choose plural forms with `Intl.PluralRules` where the language needs them.
 */

/** The kit's shared strings: loading, error and session states, the live marker. */
export interface CommonMessages {
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
}

/**
 * Every user-visible string of the kit. Catalogs are split into parts so a widget carries
 * only its own strings; each language's part file is typed by its part type below, so tsc
 * still rejects a language that misses a key.
 */
export interface Messages extends CommonMessages {
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
  /** The store's product dialog and purchase flow (prices, types and stock come from `store`). */
  purchase: {
    close: string;
    /** Spoken amount, e.g. `120 Coins`: the symbol is shown, the name is read. */
    amount: (amount: string, currency: string) => string;
    /** When the discount ends; `date` is `Intl`-formatted. */
    offerEnds: (date: string) => string;
    /** `price` as shown, e.g. `🪙 120`. */
    buyFor: (price: string) => string;
    signInToBuy: string;
    /** `amount` spoken: `120 Coins`. */
    confirmQuestion: (product: string, amount: string) => string;
    balanceAfter: (amount: string) => string;
    confirm: string;
    cancel: string;
    buying: string;
    descriptionLoading: string;
    orderPlaced: string;
    /** What happens next, by product type. */
    nextSteps: Record<ProductType, string>;
    newBalance: (amount: string) => string;
    /** Not enough coins: `formatted` is `Intl`-formatted `count`, `currency` its name. */
    needMore: (count: number, formatted: string, currency: string) => string;
    soldOutNow: string;
    /** The price changed since the dialog opened; `amount` is the new price, spoken. */
    priceChanged: (amount: string) => string;
    /** The answer was lost (network or 5xx): trying again replays the same purchase. */
    unreachable: string;
    sessionExpired: string;
    failed: string;
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
  store: {
    /** The Shop / My orders tabs. */
    views: string;
    shop: string;
    myOrders: string;
    /** Accessible name of the category buttons; the first shows every category. */
    categories: string;
    allCategories: string;
    searchLabel: string;
    clearSearch: string;
    /** Accessible name of the product grid. */
    products: string;
    /** An amount of the store currency, e.g. `🪙 1,250`; `amount` is `Intl`-formatted. */
    price: (amount: string, symbol: string) => string;
    /** The member's balance in the header, e.g. `🪙 1,250 Coins`. */
    balance: (amount: string, symbol: string, currency: string) => string;
    /** Spoken before the balance. */
    yourBalance: string;
    /** Spoken after a discounted price, for the struck-through regular one. */
    wasPrice: (price: string) => string;
    sale: string;
    soldOut: string;
    /** Low-stock badge; `formatted` is `Intl`-formatted `count`. */
    onlyLeft: (count: number, formatted: string) => string;
    types: Record<ProductType, string>;
    loadMore: string;
    empty: string;
    emptyCategory: string;
    noResults: (query: string) => string;
    /** The store is disabled: browsing only. */
    closed: string;
    /** Polite announcements of live changes. */
    balanceNow: (balance: string) => string;
    orderNow: (product: string, status: string) => string;
    ordersEmpty: string;
    orderStatus: Record<OrderStatus, string>;
    /** `date` is `Intl`-formatted. */
    orderedOn: (date: string) => string;
    redemptionCode: string;
    copyCode: string;
    copied: string;
    statusHistory: string;
  };
  frame: {
    /** Accessible label of the loading state; `title` is the frame's title. */
    loading: (title: string) => string;
    configErrorTitle: string;
    configErrorBody: string;
    connectErrorTitle: (title: string) => string;
    connectTimeout: string;
    /** The guest runs on `origin`, which `allowed-origins` does not list. */
    refusedOrigin: (origin: string) => string;
  };
}

export type Locale = 'en' | 'ar' | 'es';

/** The sections of each part: a widget's elements share one part (chat: channel, composer, picker). */
export type XpTierPart = Pick<Messages, 'xpTier'>;
export type LeaderboardPart = Pick<Messages, 'leaderboard'>;
export type ChatPart = Pick<Messages, 'chat' | 'composer'>;
export type StorePart = Pick<Messages, 'store' | 'purchase'>;
export type FramePart = Pick<Messages, 'frame'>;

/** What an element's `LocaleController` serves: the shared strings plus its part. */
export type WidgetMessages<P> = CommonMessages & P;
