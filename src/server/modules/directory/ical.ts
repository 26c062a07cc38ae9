import ical, { type ICalTZDateStub } from 'ical-generator';
import type { DirectoryEntry, HoursEntry, Place } from './directory.model.ts';
import { addDays, berlinTimeZone, berlinWallToUtc, isoWeekday, mondayOf, weekdayNames } from './schedule.ts';

/**
 * The hours of the directory as iCalendar (RFC 5545, R-DIR-4): one weekly recurring event per
 * entry of the weekly hours, with DTSTART/DTEND in Europe/Berlin wall-clock time (TZID) and a
 * VTIMEZONE, so calendars keep 09:00 at 09:00 across the change to and from summer time.
 * Closures become EXDATEs of the affected occurrences plus an all-day event; extra dates are
 * single events. DTSTAMP and UNTIL are in UTC, as the standard requires.
 */

/** Europe/Berlin since 1996: CET (UTC+1), CEST (UTC+2) from the last Sunday of March to the last Sunday of October. */
export const berlinVtimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * A Berlin wall-clock time for ical-generator. The generator formats TZID times with the local
 * getters of the date it gets from `withTimeZone`; this date answers them with the wall clock,
 * whatever time zone the server runs in.
 */
export class BerlinWallTime extends Date implements ICalTZDateStub {
  readonly internal: Date;
  readonly timeZone = berlinTimeZone;

  constructor(date: string, time: string) {
    const [h = '0', m = '0'] = time.split(':');
    const wall = Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10)),
      Number(h),
      Number(m),
    );
    super(wall);
    this.internal = berlinWallToUtc(date, time);
  }

  withTimeZone(): ICalTZDateStub {
    return this;
  }

  tzComponents(): Record<string, never> {
    return {};
  }

  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
}

const kindLabel = { counselling: 'Beratung', opening: 'Öffnungszeit' } as const;

function locationText(entry: DirectoryEntry, place: Place | null, room: string | null): string {
  const { office } = entry;
  const where = place
    ? [place.name, place.street, [place.postcode, place.city].filter(Boolean).join(' ')]
    : [office.name, office.street, `${office.postcode} ${office.city}`];
  return [...where, room].filter(Boolean).join(', ');
}

/** The first date on or after `from` that falls on `weekday`. */
function firstOnOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

function excludedDates(entry: DirectoryEntry, hours: HoursEntry, first: string): string[] {
  const dates: string[] = [];
  for (const e of entry.exceptions) {
    if (e.kind === 'extra') continue;
    let date = firstOnOrAfter(e.startsOn > first ? e.startsOn : first, hours.weekday);
    while (date <= e.endsOn && (!hours.validTo || date <= hours.validTo)) {
      dates.push(date);
      date = addDays(date, 7);
    }
  }
  return dates;
}

/** The iCalendar text of the directory's hours from the week of `now` on. */
export function buildIcal(
  entries: readonly DirectoryEntry[],
  now: Date,
  today: string,
  name: string,
): string {
  const calendar = ical({
    name,
    prodId: { company: 'Koop', product: 'Beratungsstellen', language: 'DE' },
    // No calendar-wide time zone: with one, ical-generator writes DTSTAMP and UNTIL as local
    // times. Each event names Europe/Berlin; the generator below adds its VTIMEZONE once.
    timezone: { name: null, generator: (tz) => (tz === berlinTimeZone ? berlinVtimezone : null) },
  });
  const anchor = mondayOf(today);
  for (const entry of entries) {
    const { office } = entry;
    for (const h of entry.hours) {
      if (h.validTo && h.validTo < anchor) continue;
      const first = firstOnOrAfter(h.validFrom && h.validFrom > anchor ? h.validFrom : anchor, h.weekday);
      if (h.validTo && first > h.validTo) continue;
      const rrule = [
        `FREQ=WEEKLY`,
        `BYDAY=${weekdayNames.ical[h.weekday - 1] ?? 'MO'}`,
        'WKST=MO',
        ...(h.validTo
          ? [
              `UNTIL=${berlinWallToUtc(h.validTo, '23:59:59').toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
            ]
          : []),
      ].join(';');
      const exdates = excludedDates(entry, h, first).map(
        (date) => `${date.replace(/-/g, '')}T${h.opensAt.replace(':', '')}00`,
      );
      const repeating =
        `RRULE:${rrule}` + (exdates.length > 0 ? `\nEXDATE;TZID=${berlinTimeZone}:${exdates.join(',')}` : '');
      calendar.createEvent({
        id: `${h.id}@koop`,
        stamp: now,
        start: new BerlinWallTime(first, h.opensAt),
        end: new BerlinWallTime(first, h.closesAt),
        timezone: berlinTimeZone,
        repeating,
        summary: `${office.name}: ${kindLabel[h.kind]}${h.service ? ` ${h.service}` : ''}${h.place ? ` (in ${h.place.name})` : ''}`,
        location: locationText(entry, h.place, h.room),
        description: [
          office.provider_name,
          h.byAppointment ? 'Nach Vereinbarung' : null,
          h.note,
          office.phone ? `Telefon ${office.phone}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      });
    }
    for (const e of entry.exceptions) {
      if (e.endsOn < anchor) continue;
      if (e.kind === 'extra' && e.opensAt && e.closesAt) {
        calendar.createEvent({
          id: `${e.id}@koop`,
          stamp: now,
          start: new BerlinWallTime(e.startsOn, e.opensAt),
          end: new BerlinWallTime(e.startsOn, e.closesAt),
          timezone: berlinTimeZone,
          summary: `${office.name}: zusätzlicher Termin`,
          location: locationText(entry, e.place, e.room),
          description: [office.provider_name, e.note].filter(Boolean).join('\n'),
        });
      } else if (e.kind !== 'extra') {
        calendar.createEvent({
          id: `${e.id}@koop`,
          stamp: now,
          allDay: true,
          start: new BerlinWallTime(e.startsOn, '00:00'),
          end: new BerlinWallTime(addDays(e.endsOn, 1), '00:00'),
          summary: `${office.name}: geschlossen${e.kind === 'holiday' ? ' (Feiertag)' : ''}`,
          description: [office.provider_name, e.note].filter(Boolean).join('\n'),
        });
      }
    }
  }
  return calendar.toString();
}
