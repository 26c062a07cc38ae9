import type { Locale } from '../api/types.ts';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'de-DE');

/** Date and time as people in the chosen language expect it, or an empty string. */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A number with the chosen language's separators. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
