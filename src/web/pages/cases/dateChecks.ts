import type { TFunction } from 'i18next';
import type { Locale } from '../../api/types.ts';
import {
  dateProblem,
  earliestBirthDate,
  earliestCaseDate,
  latestPlannedDate,
  planningYearsAhead,
  todayIso,
  type Check,
} from '../../lib/validate.ts';
import { formatDay } from './caseFormat.ts';

/**
 * R-SEC-4: the date windows of case management as form checks, with the messages the server
 * would give, so an implausible date is shown at its field on the first submit.
 */

/** Birth date: a real date, not before 01.01.1900, not in the future. */
export function birthDateCheck(
  tc: TFunction<'cases'>,
  locale: Locale,
  path: string,
  value: string,
  today: string = todayIso(),
): Check {
  const problem = dateProblem(value, { earliest: earliestBirthDate, latest: 'past' }, today);
  return {
    path,
    failed: problem !== null,
    message:
      problem === 'future'
        ? tc('dateErrors.birthFuture')
        : problem === 'tooEarly'
          ? tc('dateErrors.birthTooEarly', { earliest: formatDay(earliestBirthDate, locale) })
          : tc('dateErrors.invalid'),
  };
}

/** Whether a birth date can give an age: given, real, not before 1900, not in the future. */
export function plausibleBirthDate(value: string, today: string = todayIso()): boolean {
  return value !== '' && dateProblem(value, { earliest: earliestBirthDate, latest: 'past' }, today) === null;
}

/**
 * A date of case work: not before 01.01.2000, and either not after today (`past`: a conversation,
 * an agreement) or at most five years ahead (`planned`: a due date, a review).
 */
export function caseDateCheck(
  tc: TFunction<'cases'>,
  locale: Locale,
  path: string,
  value: string | null | undefined,
  latest: 'past' | 'planned',
  today: string = todayIso(),
): Check {
  const problem = dateProblem(value ?? '', { earliest: earliestCaseDate, latest }, today);
  const message =
    problem === 'tooEarly'
      ? tc('dateErrors.tooEarly', { earliest: formatDay(earliestCaseDate, locale) })
      : problem === 'future'
        ? tc('dateErrors.future')
        : problem === 'tooFar'
          ? tc('dateErrors.tooFar', {
              years: planningYearsAhead,
              latest: formatDay(latestPlannedDate(today), locale),
            })
          : tc('dateErrors.invalid');
  return { path, failed: problem !== null, message };
}
