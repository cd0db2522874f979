import type { ChatPart } from '../../messages.js';

export const messages: ChatPart = {
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
};
