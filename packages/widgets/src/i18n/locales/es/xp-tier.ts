import type { XpTierPart } from '../../messages.js';

export const messages: XpTierPart = {
  xpTier: {
    ladderLabel: (community) => `Niveles de ${community}`,
    emptyLadder: 'Esta comunidad todavía no tiene niveles.',
    tierFrom: (xp) => `Desde ${xp} XP`,
    currentTier: 'Nivel actual',
    yourTier: 'Tu nivel',
    xpTotal: (xp) => `${xp} XP`,
    xpToday: (xp) => `+${xp} XP hoy`,
    coins: (amount, currency) => `${amount} ${currency}`,
    progressLabel: 'Progreso hacia el siguiente nivel',
    progressText: (current, required, next) => `${current} de ${required} XP hacia ${next}`,
    toNext: (remaining, next) => `Faltan ${remaining} XP para ${next}`,
    topTier: 'Nivel máximo alcanzado',
    waysToEarn: 'Cómo ganar XP',
    ruleXp: (xp) => `+${xp} XP`,
    tierUp: (tier) => `¡Has alcanzado ${tier}!`,
  },
};
