import type { FramePart } from '../../messages.js';

export const messages: FramePart = {
  frame: {
    loading: (title) => `جارٍ تحميل ${title}…`,
    configErrorTitle: 'هذا التطبيق المضمَّن غير مُعدّ بشكل صحيح',
    configErrorBody: 'يجب أن تمنحه الصفحة عنوانًا والأصول التي تثق بها. التفاصيل في وحدة تحكم المتصفح.',
    connectErrorTitle: (title) => `تعذّر تشغيل ${title}`,
    connectTimeout: 'لم يستجب التطبيق في الوقت المحدد.',
    refusedOrigin: (origin) => `يعمل التطبيق على ${origin}، وهو أصل لا تثق به هذه الصفحة.`,
  },
};
