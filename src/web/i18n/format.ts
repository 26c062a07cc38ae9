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

/** A calendar month 'YYYY-MM' as words ("März 2023" / "March 2023"), or the value as it is. */
export function formatMonth(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A calendar date 'YYYY-MM-DD' in the chosen language; medium style unless told otherwise. */
export function formatCalendarDate(
  value: string,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' }).format(
    new Date(`${value}T12:00:00Z`),
  );
}
