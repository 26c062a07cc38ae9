import { describe, expect, it } from 'vitest';
import { programmesForAge } from '../../terms.ts';
import {
  berlinWallToUtc,
  findOverlaps,
  hoursInPremises,
  hoursOfDays,
  mondayOf,
  type HoursException,
  type WeeklyHours,
} from './schedule.ts';

const hours = (overrides: Partial<WeeklyHours> = {}): WeeklyHours => ({
  kind: 'counselling',
  service: null,
  weekday: 1,
  opensAt: '09:00',
  closesAt: '12:00',
  validFrom: null,
  validTo: null,
  partnerOrganisationId: null,
  room: null,
  byAppointment: false,
  note: null,
  ...overrides,
});

const exception = (overrides: Partial<HoursException> = {}): HoursException => ({
  kind: 'closed',
  startsOn: '2026-03-26',
  endsOn: '2026-03-26',
  opensAt: null,
  closesAt: null,
  partnerOrganisationId: null,
  room: null,
  note: null,
  ...overrides,
});

describe('weekly hours', () => {
  it('R-ORG-2: overlapping hours at the same place, day and kind are found; touching ones are not', () => {
    expect(findOverlaps([hours(), hours({ opensAt: '11:59', closesAt: '13:00' })])).toEqual([[0, 1]]);
    expect(findOverlaps([hours(), hours({ opensAt: '12:00', closesAt: '13:00' })])).toEqual([]);
    expect(findOverlaps([hours(), hours({ kind: 'opening' })])).toEqual([]);
    expect(findOverlaps([hours(), hours({ partnerOrganisationId: 'abh' })])).toEqual([]);
    expect(findOverlaps([hours({ service: 'MBE' }), hours({ service: 'JMD' })])).toEqual([]);
    expect(findOverlaps([hours({ service: 'MBE' }), hours()])).toEqual([[0, 1]]);
    expect(findOverlaps([hours({ validTo: '2026-06-30' }), hours({ validFrom: '2026-07-01' })])).toEqual([]);
  });

  it('R-DIR-2: the coming days apply closures, holidays and extra dates', () => {
    const days = hoursOfDays(
      '2026-03-25',
      [hours(), hours({ weekday: 4, opensAt: '14:00', closesAt: '16:00' })],
      [
        exception({ note: 'Teamtag' }),
        exception({
          kind: 'extra',
          startsOn: '2026-03-28',
          endsOn: '2026-03-28',
          opensAt: '10:00',
          closesAt: '12:00',
          note: 'Infotag',
        }),
      ],
    );
    expect(
      days.map((d) => [d.date, d.weekday, d.closed?.kind ?? null, d.slots.map((s) => s.opensAt)]),
    ).toEqual([
      ['2026-03-25', 3, null, []],
      ['2026-03-26', 4, 'closed', []],
      ['2026-03-27', 5, null, []],
      ['2026-03-28', 6, null, ['10:00']],
      ['2026-03-29', 7, null, []],
      ['2026-03-30', 1, null, ['09:00']],
      ['2026-03-31', 2, null, []],
    ]);
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
  });

  it('R-DIR-3: the hours in one partner’s premises keep cancelled dates, marked, and add extra dates there', () => {
    const days = hoursInPremises(
      '2026-03-23',
      'abh',
      [
        hours({ weekday: 4, partnerOrganisationId: 'abh', room: 'Raum 0.14' }),
        hours({ weekday: 4, opensAt: '14:00', closesAt: '16:00' }),
        hours({ weekday: 2, partnerOrganisationId: 'jobcenter' }),
      ],
      [
        exception({ note: 'Teamtag' }),
        exception({
          kind: 'extra',
          startsOn: '2026-04-01',
          endsOn: '2026-04-01',
          opensAt: '10:00',
          closesAt: '11:00',
          partnerOrganisationId: 'abh',
        }),
        exception({
          kind: 'extra',
          startsOn: '2026-04-01',
          endsOn: '2026-04-01',
          opensAt: '13:00',
          closesAt: '14:00',
        }),
      ],
    );
    expect(days).toHaveLength(14);
    const held = days
      .filter((d) => d.slots.length > 0)
      .map((d) => [d.date, d.slots.map((s) => [s.kind, s.opensAt, s.room, s.cancelled?.note ?? null])]);
    expect(held).toEqual([
      ['2026-03-26', [['counselling', '09:00', 'Raum 0.14', 'Teamtag']]],
      ['2026-04-01', [['extra', '10:00', null, null]]],
      ['2026-04-02', [['counselling', '09:00', 'Raum 0.14', null]]],
    ]);
  });

  it('R-DIR-4: Berlin wall-clock times convert to UTC across the change to and from summer time', () => {
    expect(berlinWallToUtc('2026-03-28', '09:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(berlinWallToUtc('2026-03-30', '09:00').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(berlinWallToUtc('2026-10-26', '09:00').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(berlinWallToUtc('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('R-CASE-2, R-DIR-2: MBE from 27, JMD from 12 up to the 27th birthday, both near the boundary', () => {
    expect(programmesForAge(11)).toEqual([]);
    expect(programmesForAge(12)).toEqual(['JMD']);
    expect(programmesForAge(25)).toEqual(['JMD']);
    expect(programmesForAge(26)).toEqual(['MBE', 'JMD']);
    expect(programmesForAge(27)).toEqual(['MBE', 'JMD']);
    expect(programmesForAge(28)).toEqual(['MBE', 'JMD']);
    expect(programmesForAge(29)).toEqual(['MBE']);
  });
});
