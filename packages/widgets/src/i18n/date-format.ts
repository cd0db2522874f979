/**
 * Dates in the widget's language. `Intl.DateTimeFormat`s are costly to build and a chat log
 * or an order list formats hundreds of dates, so one formatter per language and style is
 * kept. An invalid `lang` must not break a widget: it falls back to English.
 */
export type DateStyle =
  /** `10:24 AM` */
  | 'time'
  /** `Nov 24, 2026` */
  | 'date'
  /** `Nov 24, 2026, 10:24 AM` */
  | 'date-time'
  /** `Tuesday, November 24, 2026 at 10:24:05 AM UTC` */
  | 'full';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  time: { timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
  full: { dateStyle: 'full', timeStyle: 'long' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(lang: string, value: Date | string, style: DateStyle): string {
  const key = `${lang}|${style}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, OPTIONS[style]);
    } catch {
      format = new Intl.DateTimeFormat('en', OPTIONS[style]);
    }
    formats.set(key, format);
  }
  return format.format(typeof value === 'string' ? new Date(value) : value);
}
