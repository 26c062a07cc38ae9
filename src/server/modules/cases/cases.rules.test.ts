import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageGroupFor,
  ageOn,
  anniversary,
  berlinToday,
  defaultResponsibilities,
  dueForErasure,
  latestErasableClosing,
  retentionEndsOn,
  suggestService,
  yearsSinceArrivalBand,
} from './cases.rules.ts';
import { defaultCategories, effectiveCategories } from './cases.categories.ts';

describe('case rules', () => {
  describe('R-CASE-2: routing by age between MBE and JMD', () => {
    it('R-CASE-2: the day before the 27th birthday suggests JMD, the birthday itself MBE', () => {
      expect(suggestService({ birthDate: '1999-06-15' }, '2026-06-14')).toMatchObject({
        service: 'JMD',
        age: 26,
        turns27On: '2026-06-15',
      });
      expect(suggestService({ birthDate: '1999-06-15' }, '2026-06-15')).toMatchObject({
        service: 'MBE',
        age: 27,
        turns27On: null,
      });
    });

    it('R-CASE-2: someone born on 29 February turns 27 on 1 March in a common year', () => {
      expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
      expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
      expect(suggestService({ birthDate: '2000-02-29' }, '2027-02-28').service).toBe('JMD');
      expect(suggestService({ birthDate: '2000-02-29' }, '2027-03-01').service).toBe('MBE');
      expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
    });

    it('R-CASE-2: the JMD starts at 12; younger children get no suggestion', () => {
      expect(suggestService({ birthDate: '2014-05-01' }, '2026-04-30').service).toBeNull();
      expect(suggestService({ birthDate: '2014-05-01' }, '2026-05-01').service).toBe('JMD');
    });

    it('R-CASE-2: without a date of birth the age group decides; without both there is no suggestion', () => {
      expect(suggestService({ ageGroup: '18_26' }, '2026-01-01').service).toBe('JMD');
      expect(suggestService({ ageGroup: '27_34' }, '2026-01-01').service).toBe('MBE');
      expect(suggestService({ ageGroup: 'under_12' }, '2026-01-01').service).toBeNull();
      expect(suggestService({}, '2026-01-01')).toMatchObject({
        service: null,
        explanation: 'Alter unbekannt.',
      });
    });

    it('R-CASE-2: the explanation names the birthday on which the JMD ends, in German', () => {
      expect(suggestService({ birthDate: '2005-06-01' }, '2026-01-01').explanation).toBe(
        '20 Jahre: Jugendmigrationsdienst (JMD) bis zum 27. Geburtstag am 01.06.2032.',
      );
    });

    it('R-STAT-2: age groups split at 27 like the programmes', () => {
      expect(ageGroupFor(26)).toBe('18_26');
      expect(ageGroupFor(27)).toBe('27_34');
      expect(ageGroupFor(11)).toBe('under_12');
      expect(ageGroupFor(70)).toBe('65_plus');
    });
  });

  describe('R-CON-5: retention dates', () => {
    it('R-CON-5: a case closed on 15 January 2023 may be erased from 15 January 2026 (default three years)', () => {
      expect(retentionEndsOn('2023-01-15', 3)).toBe('2026-01-15');
      expect(dueForErasure({ closedOn: '2023-01-15', legalHold: false }, 3, '2026-01-14')).toBe(false);
      expect(dueForErasure({ closedOn: '2023-01-15', legalHold: false }, 3, '2026-01-15')).toBe(true);
    });

    it('R-CON-5: a legal hold or an open case is never due', () => {
      expect(dueForErasure({ closedOn: '2010-01-01', legalHold: true }, 3, '2026-01-01')).toBe(false);
      expect(dueForErasure({ closedOn: null, legalHold: false }, 3, '2026-01-01')).toBe(false);
    });

    it('R-CON-5: a case closed on 29 February keeps the full period (erasable from 1 March)', () => {
      expect(retentionEndsOn('2024-02-29', 3)).toBe('2027-03-01');
      expect(retentionEndsOn('2024-02-29', 4)).toBe('2028-02-29');
      expect(anniversary('2023-12-31', 1)).toBe('2024-12-31');
    });

    it('R-CON-5: the database pre-filter never misses a due case (checked day by day over leap years)', () => {
      for (const years of [1, 3, 5]) {
        let today = '2027-01-01';
        for (let i = 0; i < 800; i++) {
          const cutoff = latestErasableClosing(today, years);
          for (let back = -3; back <= 3; back++) {
            const closedOn = addDays(cutoff, back);
            if (dueForErasure({ closedOn, legalHold: false }, years, today)) {
              expect(closedOn <= cutoff, `${years} y, today ${today}, closed ${closedOn}`).toBe(true);
            }
          }
          today = addDays(today, 1);
        }
      }
    });

    it('R-STAT-2: years since arrival are counted as funders do (< 3 / ≥ 3)', () => {
      expect(yearsSinceArrivalBand(2024, '2026-05-01')).toBe('under_3');
      expect(yearsSinceArrivalBand(2023, '2026-05-01')).toBe('3_or_more');
      expect(yearsSinceArrivalBand(null, '2026-05-01')).toBeNull();
    });
  });

  describe('dates where the counselling happens', () => {
    it('R-CASE-5: "today" is the date in Germany, not in UTC', () => {
      expect(berlinToday(new Date('2026-03-10T23:30:00Z'))).toBe('2026-03-11');
      expect(berlinToday(new Date('2026-07-10T21:59:00Z'))).toBe('2026-07-10');
      expect(berlinToday(new Date('2026-07-10T22:00:00Z'))).toBe('2026-07-11');
    });
  });

  describe('R-CASE-7: responsibilities from the source text', () => {
    it('R-CASE-7: each area has one default party and the passage it comes from', () => {
      expect(defaultResponsibilities.map((r) => [r.area, r.responsible])).toEqual([
        ['first_counselling', 'counselling'],
        ['recognition', 'counselling'],
        ['course_counselling', 'counselling'],
        ['course_support', 'counselling'],
        ['childcare', 'counselling'],
        ['language_assessment', 'course_provider_or_clearing'],
        ['work_placement', 'jobcenter'],
        ['benefits', 'jobcenter'],
        ['course_obligation', 'jobcenter_or_abh'],
      ]);
      for (const r of defaultResponsibilities) expect(r.source.length).toBeGreaterThan(20);
    });
  });

  describe('R-STAT-2: category lists', () => {
    it('R-STAT-2: an organisation’s own list replaces the default; other lists keep theirs', () => {
      const own = [{ code: 'x', de: 'X', en: 'X', active: true }];
      const lists = effectiveCategories({ topics: own });
      expect(lists.topics).toEqual(own);
      expect(lists.closureReasons).toEqual(defaultCategories.closureReasons);
      expect(effectiveCategories(undefined).livelihood[0]?.de).toBe('Grundsicherungsgeld');
    });
  });
});
