/** A rule the server's schema cannot decide in the browser (see `useSchemaForm`'s `checks`). */
export interface Check {
  /** The field name, as the API would report it. */
  path: string;
  /** True when the input is wrong. */
  failed: boolean;
  message: string;
}

/** True for a value that is empty after trimming. */
export const blank = (value: string): boolean => value.trim() === '';

/** The trimmed value, or null when empty (optional API fields). */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The server's minimum password length. */
export const minPasswordLength = 12;

/** The entry of a closed list that equals value, or null. */
export const oneOf = <T extends string>(list: readonly T[], value: string): T | null =>
  list.find((entry) => entry === value) ?? null;

/** The entries of a closed list that appear in values, in the list's order. */
export const subset = <T extends string>(list: readonly T[], values: readonly string[]): T[] =>
  list.filter((entry) => values.includes(entry));

// --- Dates (R-SEC-4) ----------------------------------------------------------------------------
// The same windows as the server's, so an implausible date is shown at its field before anything
// is sent. The server stays the authority (its "today" is Berlin's).

/** The earliest date of case work (openings, conversations, plans, contacts, activities). */
export const earliestCaseDate = '2000-01-01';
/** The earliest date of birth. */
export const earliestBirthDate = '1900-01-01';
/** How far ahead due dates, reviews, appointments and activities may be planned. */
export const planningYearsAhead = 5;

/** True for a real calendar date written JJJJ-MM-TT (no 31 April, no year 0). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year > 0 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const berlinDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Berlin, JJJJ-MM-TT: the server's calendar, whatever the device's time zone. */
export function todayIso(now: Date = new Date()): string {
  return berlinDate.format(now);
}

/** The last day that may still be planned: today in five years (as a bound, 29 February stays). */
export function latestPlannedDate(today: string): string {
  return `${String(Number(today.slice(0, 4)) + planningYearsAhead).padStart(4, '0')}${today.slice(4)}`;
}

/** What is wrong with a date: not a date, before the earliest, after today, too far ahead. */
export type DateProblem = 'invalid' | 'tooEarly' | 'future' | 'tooFar';

/**
 * Checks an optional date against a window: `earliest`, and either not after today (`past`,
 * something that happened) or at most five years ahead (`planned`). Empty is no problem.
 */
export function dateProblem(
  value: string,
  window: { earliest: string; latest: 'past' | 'planned' },
  today: string = todayIso(),
): DateProblem | null {
  const date = value.trim();
  if (date === '') return null;
  if (!isIsoDate(date)) return 'invalid';
  if (date < window.earliest) return 'tooEarly';
  if (window.latest === 'past' && date > today) return 'future';
  if (window.latest === 'planned' && date > latestPlannedDate(today)) return 'tooFar';
  return null;
}
