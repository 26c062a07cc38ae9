import { describe, expect, it } from 'vitest';
import { dueWindow, isDueThisWeek, isOverdue, isToday } from './due.ts';

describe('what is due, in Berlin time', () => {
  it('R-CASE-5: at 23:30 UTC on Sunday 6 December it is Monday 7 December in Berlin, and a new week', () => {
    const w = dueWindow(new Date('2026-12-06T23:30:00Z'));
    expect(w).toMatchObject({ today: '2026-12-07', weekStart: '2026-12-07', weekEnd: '2026-12-13' });
    expect(isOverdue('2026-12-06', w)).toBe(true);
    expect(isOverdue('2026-12-07', w)).toBe(false);
    expect(isDueThisWeek('2026-12-07', w)).toBe(true);
    expect(isDueThisWeek('2026-12-13', w)).toBe(true);
    expect(isDueThisWeek('2026-12-14', w)).toBe(false);
    expect(isDueThisWeek('2026-12-06', w)).toBe(false);
  });

  it('R-CASE-5: in winter the Berlin day ends at 23:00 UTC: 22:59 is still Sunday, 23:00 is Monday', () => {
    const sunday = dueWindow(new Date('2026-12-13T22:59:59Z'));
    expect(sunday).toMatchObject({ today: '2026-12-13', weekStart: '2026-12-07', weekEnd: '2026-12-13' });
    expect(isOverdue('2026-12-13', sunday)).toBe(false);
    const monday = dueWindow(new Date('2026-12-13T23:00:00Z'));
    expect(monday).toMatchObject({ today: '2026-12-14', weekStart: '2026-12-14', weekEnd: '2026-12-20' });
    expect(isOverdue('2026-12-13', monday)).toBe(true);
  });

  it('R-CASE-5: in summer the Berlin day ends at 22:00 UTC', () => {
    expect(dueWindow(new Date('2026-06-28T21:59:59Z')).today).toBe('2026-06-28');
    const monday = dueWindow(new Date('2026-06-28T22:00:00Z'));
    expect(monday).toMatchObject({ today: '2026-06-29', weekStart: '2026-06-29', weekEnd: '2026-07-05' });
  });

  it('R-CASE-5: appointments today are those from Berlin midnight to the next, across the clock change', () => {
    const w = dueWindow(new Date('2026-03-29T12:00:00Z')); // the day clocks go forward: 23 hours
    expect(w.dayStartsAt.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(w.dayEndsAt.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(isToday(new Date('2026-03-28T22:59:59Z'), w)).toBe(false);
    expect(isToday(new Date('2026-03-28T23:00:00Z'), w)).toBe(true);
    expect(isToday(new Date('2026-03-29T21:59:59Z'), w)).toBe(true);
    expect(isToday(new Date('2026-03-29T22:00:00Z'), w)).toBe(false);
  });

  it('R-CASE-5: nothing is due without a date', () => {
    const w = dueWindow(new Date('2026-12-07T09:00:00Z'));
    expect(isOverdue(null, w)).toBe(false);
    expect(isDueThisWeek(null, w)).toBe(false);
  });
});
