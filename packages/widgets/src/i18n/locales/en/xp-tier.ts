import type { XpTierPart } from '../../messages.js';

export const messages: XpTierPart = {
  xpTier: {
    ladderLabel: (community) => `${community} tiers`,
    emptyLadder: 'This community has no tiers yet.',
    tierFrom: (xp) => `From ${xp} XP`,
    currentTier: 'Current tier',
    yourTier: 'Your tier',
    xpTotal: (xp) => `${xp} XP`,
    xpToday: (xp) => `+${xp} XP today`,
    coins: (amount, currency) => `${amount} ${currency}`,
    progressLabel: 'Progress to the next tier',
    progressText: (current, required, next) => `${current} of ${required} XP towards ${next}`,
    toNext: (remaining, next) => `${remaining} XP to ${next}`,
    topTier: 'Top tier reached',
    waysToEarn: 'Ways to earn XP',
    ruleXp: (xp) => `+${xp} XP`,
    tierUp: (tier) => `You reached ${tier}!`,
  },
};
