import { describe, expect, it } from 'vitest';
import {
  dateProblem,
  earliestBirthDate,
  earliestCaseDate,
  isIsoDate,
  latestPlannedDate,
  oneOf,
  orNull,
  subset,
  todayIso,
} from './validate.ts';

describe('value helpers', () => {
  it('maps empty optional text to null', () => {
    expect(orNull('  ')).toBeNull();
    expect(orNull(' Köln ')).toBe('Köln');
  });

  it('accepts only entries of a closed list', () => {
    expect(oneOf(['MBE', 'JMD'] as const, 'JMD')).toBe('JMD');
    expect(oneOf(['MBE', 'JMD'] as const, 'XYZ')).toBeNull();
    expect(subset(['MBE', 'JMD'] as const, ['JMD', 'XYZ', 'MBE'])).toEqual(['MBE', 'JMD']);
  });
});

describe('dates (R-SEC-4)', () => {
  const today = '2026-03-10';
  const birth = { earliest: earliestBirthDate, latest: 'past' } as const;
  const planned = { earliest: earliestCaseDate, latest: 'planned' } as const;

  it('R-SEC-4: knows real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('10.03.2026')).toBe(false);
  });

  it('R-SEC-4: refuses a birth date in the future or before 1900', () => {
    expect(dateProblem('2030-01-01', birth, today)).toBe('future');
    expect(dateProblem('1899-12-31', birth, today)).toBe('tooEarly');
    expect(dateProblem('1900-01-01', birth, today)).toBeNull();
    expect(dateProblem(today, birth, today)).toBeNull();
    expect(dateProblem('', birth, today)).toBeNull();
  });

  it('R-SEC-4: refuses a plan step due in 1800 or more than five years ahead', () => {
    expect(dateProblem('1800-01-01', planned, today)).toBe('tooEarly');
    expect(dateProblem('2031-03-11', planned, today)).toBe('tooFar');
    expect(dateProblem('2031-03-10', planned, today)).toBeNull();
    expect(dateProblem('2031-02-30', planned, today)).toBe('invalid');
    expect(latestPlannedDate('2024-02-29')).toBe('2029-02-29');
  });

  it('R-SEC-4: today is Berlin’s calendar day, as on the server, whatever the device’s zone', () => {
    // 23:30 UTC on a Sunday is already Monday in Berlin, in winter (UTC+1) and summer (UTC+2).
    expect(todayIso(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(todayIso(new Date('2026-12-06T22:59:59Z'))).toBe('2026-12-06');
    expect(todayIso(new Date('2026-07-05T22:00:00Z'))).toBe('2026-07-06');
    expect(todayIso(new Date('2026-07-05T21:59:59Z'))).toBe('2026-07-05');
  });
});
