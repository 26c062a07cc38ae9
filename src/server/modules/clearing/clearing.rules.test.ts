import { describe, expect, it } from 'vitest';
import {
  halfYearMonths,
  halfYearRange,
  reportDimensionsFrom,
  rotaGaps,
  searchGapOf,
} from './clearing.rules.ts';

describe('clearing office rules', () => {
  it('R-CLR-3: the gaps are the opening hours nobody is on duty for, per weekday', () => {
    const opening = [
      { weekday: 1, from: '08:00', to: '12:00' },
      { weekday: 3, from: '08:00', to: '16:00' },
      { weekday: 4, from: '08:00', to: '12:00' },
    ];
    const duty = [
      { weekday: 1, from: '07:30', to: '12:30' },
      { weekday: 3, from: '09:00', to: '11:00' },
      { weekday: 3, from: '10:30', to: '12:00' },
      { weekday: 3, from: '14:00', to: '18:00' },
      { weekday: 5, from: '08:00', to: '12:00' },
    ];
    expect(rotaGaps(opening, duty)).toEqual([
      { weekday: 3, from: '08:00', to: '09:00' },
      { weekday: 3, from: '12:00', to: '14:00' },
      { weekday: 4, from: '08:00', to: '12:00' },
    ]);
    expect(rotaGaps(opening, [])).toEqual(opening);
  });

  it('R-STAT-1: a half-year is January to June or July to December, with its six months', () => {
    expect(halfYearRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearRange(2026, 2)).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(halfYearMonths(2026, 2)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });

  it('R-STAT-1: every category of a closed list appears, a missing one as 0; a withheld count stays withheld', () => {
    const { total, dimensions } = reportDimensionsFrom(
      [
        { dimension: 'total', category: 'all', contacts: 7 },
        { dimension: 'way_in', category: 'abh', contacts: 7 },
        { dimension: 'language', category: 'ti', contacts: null },
        { dimension: 'topic:integration_course', category: 'yes', contacts: 7 },
      ],
      halfYearMonths(2026, 1),
    );
    expect(total).toBe(7);
    expect(dimensions.find((d) => d.key === 'way_in')!.items).toEqual([
      { label: 'abh', count: 7 },
      { label: 'recommendation', count: 0 },
    ]);
    expect(dimensions.find((d) => d.key === 'language')!.items).toEqual([{ label: 'ti', count: null }]);
    expect(dimensions.find((d) => d.key === 'topic' && d.value === 'integration_course')!.items).toEqual([
      { label: 'yes', count: 7 },
      { label: 'no', count: 0 },
    ]);
    expect(dimensions.find((d) => d.key === 'month')!.items).toHaveLength(6);
  });
});

describe('gaps in the offer', () => {
  const programmes = (age: number) => (age < 27 ? ['JMD'] : ['MBE']);
  it('R-STAT-4: a search without a result, or none in its language, is a gap kept as area, language and service only', () => {
    expect(
      searchGapOf(
        { q: '12345', language: 'ti', age: 40 },
        { items: [1], languageFallback: true },
        programmes,
      ),
    ).toEqual({
      language: 'ti',
      service: 'MBE',
      area: '123',
    });
    expect(searchGapOf({ q: 'Kleindorf' }, { items: [], languageFallback: false }, programmes)).toEqual({
      language: '',
      service: 'any',
      area: 'kleindorf',
    });
    expect(
      searchGapOf({ q: '12345', language: 'ar' }, { items: [1], languageFallback: false }, programmes),
    ).toBeNull();
    expect(searchGapOf({}, { items: [], languageFallback: false }, programmes)).toBeNull();
  });
});
