import type { Messages } from '../messages.js';

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

export const ar: Messages = {
  loading: 'جارٍ التحميل…',
  retry: 'أعد المحاولة',
  errorTitle: 'حدث خطأ ما',
  errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وأعد المحاولة.',
  errorGeneric: 'تعذّر تحميل هذه الأداة.',
  sessionExpiredTitle: 'انتهت صلاحية جلستك',
  sessionExpiredBody: 'سجّل الدخول مرة أخرى لعرض تقدّمك.',
  signIn: 'تسجيل الدخول',
  live: 'مباشر',
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
  chat: {
    logLabel: (channel) => `رسائل ${channel}`,
    empty: 'لا توجد رسائل بعد. ألقِ التحية!',
    membersOnlyTitle: 'هذه القناة للأعضاء',
    membersOnlyBody: 'سجّل الدخول لقراءتها.',
    signInToChat: 'سجّل الدخول للدردشة',
    readOnly: 'فريق المجتمع وحده يمكنه النشر في هذه القناة.',
    appChannel: (channel) => `${channel} قناة تطبيق: ينشر التطبيق هنا، ويقرأ الأعضاء.`,
    newMessages: (count, formatted) => {
      switch (new Intl.PluralRules('ar').select(count)) {
        case 'one':
          return 'رسالة جديدة واحدة';
        case 'two':
          return 'رسالتان جديدتان';
        case 'few':
          return `${formatted} رسائل جديدة`;
        default:
          return `${formatted} رسالة جديدة`;
      }
    },
    jumpToLatest: 'الانتقال إلى أحدث الرسائل',
    loadingHistory: 'جارٍ تحميل الرسائل…',
    newMessageFrom: (author, text) => `رسالة جديدة من ${author}: ${text}`,
    sentAt: (date) => `أُرسلت ${date}`,
    edited: '(معدّلة)',
    deleted: 'حُذفت هذه الرسالة',
    replyingTo: (author) => `ردًا على ${author}`,
    image: 'صورة',
    sending: 'جارٍ الإرسال…',
    notSent: 'لم تُرسل',
    retrySend: 'أعد الإرسال',
    deleteUnsent: 'احذف',
    reply: 'رد',
    react: 'أضف تفاعلًا',
    reaction: (emoji, count, mine) => `${emoji} ${count}${mine ? '، تفاعلتَ' : ''}`,
    reactionFailed: 'تعذّر حفظ تفاعلك. أعد المحاولة.',
  },
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
  purchase: {
    close: 'إغلاق',
    amount: (amount, currency) => `${amount} ${currency}`,
    offerEnds: (date) => `ينتهي العرض في ${date}`,
    buyFor: (price) => `اشترِ مقابل ${price}`,
    signInToBuy: 'سجّل الدخول للشراء',
    confirmQuestion: (product, amount) => `هل تريد شراء ${product} مقابل ${amount}؟`,
    balanceAfter: (amount) => `الرصيد بعد الشراء: ${amount}`,
    confirm: 'تأكيد',
    cancel: 'إلغاء',
    buying: 'جارٍ الشراء…',
    descriptionLoading: 'جارٍ تحميل الوصف…',
    orderPlaced: 'تم تقديم الطلب',
    nextSteps: {
      voucher: 'سيظهر رمزك في طلباتي بعد لحظات.',
      physical: 'سنشحنه إليك. تابع حالته في طلباتي.',
      digital: 'سيكون جاهزًا في طلباتي بعد لحظات.',
    },
    newBalance: (amount) => `رصيدك: ${amount}`,
    needMore: (_count, formatted, currency) => `ينقصك ${formatted} ${currency} لشراء هذا المنتج.`,
    soldOutNow: 'عذرًا، نفدت الكمية للتو.',
    priceChanged: (amount) => `تغيّر السعر إلى ${amount}. هل تريد الشراء بالسعر الجديد؟`,
    unreachable: 'تعذّر الوصول إلى المتجر. لم يُخصم أي مبلغ مرتين، أعد المحاولة.',
    sessionExpired: 'انتهت جلستك. سجّل الدخول مجددًا للشراء.',
    failed: 'تعذّر إتمام الشراء. لم يُخصم أي مبلغ.',
  },
  composer: {
    inputLabel: (channel) => (channel ? `رسالة إلى #${channel}` : 'رسالة'),
    send: 'إرسال',
    attach: 'إرفاق صور',
    attachments: 'الصور المرفقة',
    replyingTo: (author) => `الرد على ${author}`,
    cancelReply: 'إلغاء الرد',
    removeImage: (name) => `إزالة ${name}`,
    uploading: (name) => `جارٍ رفع ${name}`,
    retryUpload: (name) => `أعد رفع ${name}`,
    uploadType: 'يمكن إرفاق صور PNG وJPEG وGIF وWebP فقط.',
    uploadSize: (max) => `الحد الأقصى لحجم الصورة ${max} ميغابايت.`,
    uploadNetwork: 'تعذّر رفع الصورة. تحقّق من اتصالك وأعد المحاولة.',
    uploadGeneric: 'تعذّر رفع الصورة.',
    tooManyImages: (max) => `الحد الأقصى للصور المرفقة: ${max}.`,
    // Phrased around a label ("remaining characters: N") so no plural form is needed.
    charactersLeft: (_count, formatted) => `الأحرف المتبقية: ${formatted}`,
    tooLong: (_count, formatted) => `الأحرف الزائدة: ${formatted}. اختصر الرسالة لإرسالها.`,
    emojiPicker: 'اختر رمزًا تعبيريًا',
  },
  store: {
    views: 'أقسام المتجر',
    shop: 'المتجر',
    myOrders: 'طلباتي',
    categories: 'الفئات',
    allCategories: 'الكل',
    searchLabel: 'ابحث عن المنتجات',
    clearSearch: 'امسح البحث',
    products: 'المنتجات',
    price: (amount, symbol) => `${symbol} ${amount}`,
    balance: (amount, symbol, currency) => `${symbol} ${amount} ${currency}`,
    yourBalance: 'رصيدك:',
    wasPrice: (price) => `كان ${price}`,
    sale: 'تخفيض',
    soldOut: 'نفدت الكمية',
    // Phrased around a label ("remaining: N") so no plural form is needed.
    onlyLeft: (_count, formatted) => `المتبقي: ${formatted} فقط`,
    types: { voucher: 'قسيمة', physical: 'منتج مادي', digital: 'منتج رقمي' },
    loadMore: 'حمّل المزيد',
    empty: 'لا توجد منتجات في هذا المتجر بعد.',
    emptyCategory: 'لا توجد منتجات في هذه الفئة بعد.',
    noResults: (query) => `لا توجد منتجات تطابق «${query}».`,
    closed: 'المتجر مغلق حاليًا: يمكنك التصفّح دون الشراء.',
    balanceNow: (balance) => `رصيدك الآن ${balance}.`,
    orderNow: (product, status) => `طلبك لـ ${product}: ${status}.`,
    ordersEmpty: 'لم تشترِ شيئًا بعد.',
    orderStatus: { pending: 'قيد الانتظار', fulfilled: 'تم التسليم', cancelled: 'ملغى' },
    orderedOn: (date) => `تاريخ الطلب ${date}`,
    redemptionCode: 'الرمز',
    copyCode: 'انسخ الرمز',
    copied: 'تم النسخ',
    statusHistory: 'سجلّ الحالة',
  },
  frame: {
    loading: (title) => `جارٍ تحميل ${title}…`,
    configErrorTitle: 'هذا التطبيق المضمَّن غير مُعدّ بشكل صحيح',
    configErrorBody: 'يجب أن تمنحه الصفحة عنوانًا والأصول التي تثق بها. التفاصيل في وحدة تحكم المتصفح.',
    connectErrorTitle: (title) => `تعذّر تشغيل ${title}`,
    connectTimeout: 'لم يستجب التطبيق في الوقت المحدد.',
    refusedOrigin: (origin) => `يعمل التطبيق على ${origin}، وهو أصل لا تثق به هذه الصفحة.`,
  },
};
