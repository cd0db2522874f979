import type { LeaderboardPart } from '../../messages.js';

/** "N places": Arabic has distinct forms for one, two, few (3–10) and many/other. */
const plural = new Intl.PluralRules('ar');
function places(count: number, formatted: string): string {
  switch (plural.select(count)) {
    case 'one':
      return 'مرتبة واحدة';
    case 'two':
      return 'مرتبتين';
    case 'few':
      return `${formatted} مراتب`;
    default:
      return `${formatted} مرتبة`;
  }
}

export const messages: LeaderboardPart = {
  leaderboard: {
    period: 'الفترة',
    periods: { 'all-time': 'كل الأوقات', daily: 'اليوم', weekly: 'هذا الأسبوع', monthly: 'هذا الشهر', yearly: 'هذا العام' },
    rank: 'المرتبة',
    member: 'العضو',
    score: 'النقاط',
    change: 'التغيّر',
    scoreValue: (score, unit) => `${score} ${unit}`,
    rankValue: (rank) => `#${rank}`,
    medal: (rank) => ['ميدالية ذهبية', 'ميدالية فضية', 'ميدالية برونزية'][rank - 1]!,
    up: (count, formatted) => `تقدّم ${places(count, formatted)}`,
    down: (count, formatted) => `تراجع ${places(count, formatted)}`,
    unchanged: 'بلا تغيير',
    newEntry: 'جديد',
    newEntryLabel: 'جديد في الترتيب',
    youSuffix: '(أنت)',
    yourPosition: 'ترتيبك',
    notRanked: 'لست مصنّفًا في هذه الفترة بعد.',
    jumpToMe: 'انتقل إلى ترتيبي',
    backToTop: 'العودة إلى الأعلى',
    loadMore: 'تحميل المزيد',
    empty: 'لا يوجد أحد مصنّف في هذه الفترة بعد.',
    membersOnlyTitle: 'لوحة الصدارة هذه للأعضاء',
    membersOnlyBody: 'سجّل الدخول لعرضها.',
    movedUp: (rank) => `تقدّمت إلى المرتبة ${rank}`,
    movedDown: (rank) => `تراجعت إلى المرتبة ${rank}`,
  },
};
