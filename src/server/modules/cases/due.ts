import { berlinToday, berlinWallToUtc, mondayOf } from '../directory/schedule.ts';
import { addDays, type IsoDate } from './cases.rules.ts';

/**
 * R-CASE-5: the one rule for what is due. Caseload, Übersicht, due lists and the team view take
 * their dates from here, so a step counted as overdue in one place is listed as overdue in the
 * other. Days are Berlin's: at 23:30 UTC on a Sunday in winter it is already Monday.
 */
export interface DueWindow {
  /** Berlin's date now. */
  today: IsoDate;
  /** Monday and Sunday of the ISO calendar week holding today ("diese Woche"). */
  weekStart: IsoDate;
  weekEnd: IsoDate;
  /** The instants at which Berlin's today begins and the next day begins (appointments today). */
  dayStartsAt: Date;
  dayEndsAt: Date;
}

export function dueWindow(now: Date): DueWindow {
  const today = berlinToday(now);
  const weekStart = mondayOf(today);
  return {
    today,
    weekStart,
    weekEnd: addDays(weekStart, 6),
    dayStartsAt: berlinWallToUtc(today, '00:00'),
    dayEndsAt: berlinWallToUtc(addDays(today, 1), '00:00'),
  };
}

/** A step or review is overdue once its day has passed in Berlin; on its day it is still due. */
export function isOverdue(dueOn: IsoDate | null, window: DueWindow): boolean {
  return dueOn !== null && dueOn < window.today;
}

/** Due from today to the end of this calendar week (not yet overdue). */
export function isDueThisWeek(dueOn: IsoDate | null, window: DueWindow): boolean {
  return dueOn !== null && dueOn >= window.today && dueOn <= window.weekEnd;
}

/** An instant falls on Berlin's today. */
export function isToday(instant: Date, window: DueWindow): boolean {
  return instant >= window.dayStartsAt && instant < window.dayEndsAt;
}
