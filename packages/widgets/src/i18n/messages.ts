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
    live: string;
  };
}

export type Locale = 'en' | 'ar' | 'es';
