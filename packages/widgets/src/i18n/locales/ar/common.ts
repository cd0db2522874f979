import type { CommonMessages } from '../../messages.js';

export const messages: CommonMessages = {
  loading: 'جارٍ التحميل…',
  retry: 'أعد المحاولة',
  errorTitle: 'حدث خطأ ما',
  errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وأعد المحاولة.',
  errorGeneric: 'تعذّر تحميل هذه الأداة.',
  sessionExpiredTitle: 'انتهت صلاحية جلستك',
  sessionExpiredBody: 'سجّل الدخول مرة أخرى لعرض تقدّمك.',
  signIn: 'تسجيل الدخول',
  live: 'مباشر',
};
