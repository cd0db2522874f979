import type { XpTierPart } from '../../messages.js';

export const messages: XpTierPart = {
  xpTier: {
    ladderLabel: (community) => `مستويات ${community}`,
    emptyLadder: 'لا توجد مستويات في هذا المجتمع بعد.',
    tierFrom: (xp) => `ابتداءً من ${xp} نقطة خبرة`,
    currentTier: 'المستوى الحالي',
    yourTier: 'مستواك',
    xpTotal: (xp) => `${xp} نقطة خبرة`,
    xpToday: (xp) => `+${xp} نقطة خبرة اليوم`,
    coins: (amount, currency) => `${amount} ${currency}`,
    progressLabel: 'التقدّم نحو المستوى التالي',
    progressText: (current, required, next) => `${current} من ${required} نقطة خبرة نحو ${next}`,
    toNext: (remaining, next) => `${remaining} نقطة خبرة للوصول إلى ${next}`,
    topTier: 'وصلت إلى أعلى مستوى',
    waysToEarn: 'طرق كسب نقاط الخبرة',
    ruleXp: (xp) => `+${xp} نقطة خبرة`,
    tierUp: (tier) => `وصلت إلى ${tier}!`,
  },
};
