import type { CaseSettings, CategoryKey } from '../../api/cases.ts';
import type { Locale } from '../../api/types.ts';
import type { Option } from '../../components/Field.tsx';

/** A calendar date 'YYYY-MM-DD' as people read it ("12.03.2026" / "12/03/2026"). */
export function formatDay(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const [y, m, d] = value.split('-');
  return locale === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

/** The active entries of one of the organisation's category lists, as select options. */
export function categoryOptions(
  settings: CaseSettings | undefined,
  key: CategoryKey,
  locale: Locale,
  keep: readonly (string | null | undefined)[] = [],
): Option[] {
  return (settings?.categories[key] ?? [])
    .filter((entry) => entry.active || keep.includes(entry.code))
    .map((entry) => ({ value: entry.code, label: locale === 'en' ? entry.en : entry.de }));
}

/** The label of a stored category code (the code itself when the list no longer has it). */
export function categoryLabel(
  settings: CaseSettings | undefined,
  key: CategoryKey,
  code: string | null | undefined,
  locale: Locale,
): string {
  if (!code) return '';
  const entry = settings?.categories[key].find((e) => e.code === code);
  return entry ? (locale === 'en' ? entry.en : entry.de) : code;
}

/** Options for a fixed list whose labels live under one i18n prefix. */
export function enumOptions(values: readonly string[], label: (value: string) => string): Option[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** '' → null, for optional text fields. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A whole number from a text field, or null. */
export const intOrNull = (value: string): number | null => {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
};

/**
 * The entries of `next` that differ from `before` (compared as JSON). A change then names only
 * what was changed — in the request and in the audit row it leaves.
 */
export function changedFields<T extends object>(before: T, next: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key]),
    ),
  ) as Partial<T>;
}

/** A stored instant as the value of a datetime-local field (the browser's local time). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
