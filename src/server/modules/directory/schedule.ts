/**
 * Weekly hours and their exceptions as pure functions: overlap checks, the hours of a given
 * week in Berlin, and Berlin wall-clock time ↔ UTC. Dates are 'YYYY-MM-DD', times 'HH:MM'.
 */

export const berlinTimeZone = 'Europe/Berlin';

export type HoursKind = 'counselling' | 'opening';
export type ExceptionKind = 'closed' | 'holiday' | 'extra';
export type ServiceCode = 'MBE' | 'JMD';

export interface WeeklyHours {
  kind: HoursKind;
  service: ServiceCode | null;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  opensAt: string;
  closesAt: string;
  validFrom: string | null;
  validTo: string | null;
  /** Set when the hours are held in a partner's premises (R-DIR-3). */
  partnerOrganisationId: string | null;
  room: string | null;
  byAppointment: boolean;
  note: string | null;
}

export interface HoursException {
  kind: ExceptionKind;
  startsOn: string;
  endsOn: string;
  opensAt: string | null;
  closesAt: string | null;
  partnerOrganisationId: string | null;
  room: string | null;
  note: string | null;
}

export const weekdayNames = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  short: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  ical: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
} as const;

/** 'HH:MM' from a database time ('HH:MM:SS') or an input. */
export function clock(time: string): string {
  return time.slice(0, 5);
}

const minutes = (time: string): number => {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
};

function periodsIntersect(
  aFrom: string | null,
  aTo: string | null,
  bFrom: string | null,
  bTo: string | null,
) {
  const startA = aFrom ?? '0000-01-01';
  const endA = aTo ?? '9999-12-31';
  const startB = bFrom ?? '0000-01-01';
  const endB = bTo ?? '9999-12-31';
  return startA <= endB && startB <= endA;
}

/** Whether two weekly entries compete for the same slot: same kind, place and day, overlapping times and validity. */
export function hoursOverlap(a: WeeklyHours, b: WeeklyHours): boolean {
  if (a.kind !== b.kind || a.weekday !== b.weekday) return false;
  if ((a.partnerOrganisationId ?? null) !== (b.partnerOrganisationId ?? null)) return false;
  if (a.service !== null && b.service !== null && a.service !== b.service) return false;
  if (!periodsIntersect(a.validFrom, a.validTo, b.validFrom, b.validTo)) return false;
  return minutes(a.opensAt) < minutes(b.closesAt) && minutes(b.opensAt) < minutes(a.closesAt);
}

/** Every pair of entries (by index, first < second) that overlap. */
export function findOverlaps(hours: readonly WeeklyHours[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < hours.length; i++) {
    for (let j = i + 1; j < hours.length; j++) {
      if (hoursOverlap(hours[i]!, hours[j]!)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** Adds days to a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: berlinTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock date and time in Berlin at an instant. */
export function berlinWallClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(berlinParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
  };
}

/** Today's date in Berlin. */
export function berlinToday(now: Date): string {
  return berlinWallClock(now).date;
}

/** The Monday of the week containing `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The instant at which Berlin's clocks show `date` `time` (the later one when the hour repeats). */
export function berlinWallToUtc(date: string, time: string): Date {
  const [h = '0', m = '0', s = '0'] = time.split(':');
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(h),
    Number(m),
    Number(s),
  );
  // Berlin is UTC+1 or UTC+2: try both offsets and keep the one that round-trips.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const back = berlinWallClock(candidate);
    if (back.date === date && back.time.slice(0, 5) === `${h.padStart(2, '0')}:${m.padStart(2, '0')}`) {
      return candidate;
    }
  }
  // A time inside the spring-forward gap does not exist; it happens an hour later.
  return new Date(wall - 3_600_000);
}

export interface DaySlot {
  kind: HoursKind | 'extra';
  service: ServiceCode | null;
  opensAt: string;
  closesAt: string;
  partnerOrganisationId: string | null;
  room: string | null;
  byAppointment: boolean;
  note: string | null;
}

export interface DayHours {
  date: string;
  weekday: number;
  /** Set when the office is closed that day (closure or public holiday). */
  closed: { kind: 'closed' | 'holiday'; note: string | null } | null;
  slots: DaySlot[];
}

/** The closure or public holiday that closes the office on `date`, if any. */
export function closureOn(exceptions: readonly HoursException[], date: string): HoursException | undefined {
  return exceptions.find((e) => e.kind !== 'extra' && e.startsOn <= date && date <= e.endsOn);
}

/** The hours of `count` days from `start`, with closures, holidays and extra dates applied. */
export function hoursOfDays(
  start: string,
  hours: readonly WeeklyHours[],
  exceptions: readonly HoursException[],
  count = 7,
): DayHours[] {
  const days: DayHours[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(start, i);
    const weekday = isoWeekday(date);
    const closure = closureOn(exceptions, date);
    const slots: DaySlot[] = [];
    if (!closure) {
      for (const h of hours) {
        if (h.weekday !== weekday) continue;
        if (h.validFrom && date < h.validFrom) continue;
        if (h.validTo && date > h.validTo) continue;
        slots.push({
          kind: h.kind,
          service: h.service,
          opensAt: clock(h.opensAt),
          closesAt: clock(h.closesAt),
          partnerOrganisationId: h.partnerOrganisationId,
          room: h.room,
          byAppointment: h.byAppointment,
          note: h.note,
        });
      }
    }
    for (const e of exceptions) {
      if (e.kind !== 'extra' || date < e.startsOn || date > e.endsOn || !e.opensAt || !e.closesAt) continue;
      slots.push({
        kind: 'extra',
        service: null,
        opensAt: clock(e.opensAt),
        closesAt: clock(e.closesAt),
        partnerOrganisationId: e.partnerOrganisationId,
        room: e.room,
        byAppointment: false,
        note: e.note,
      });
    }
    slots.sort((a, b) => a.opensAt.localeCompare(b.opensAt));
    days.push({
      date,
      weekday,
      closed: closure ? { kind: closure.kind as 'closed' | 'holiday', note: closure.note } : null,
      slots,
    });
  }
  return days;
}

export interface PremisesSlot extends DaySlot {
  /** Set when a closure or public holiday of the office cancels these weekly hours that day. */
  cancelled: { kind: 'closed' | 'holiday'; note: string | null } | null;
}

/**
 * The hours an office holds in one partner's premises (R-DIR-3) on `count` days from `start`:
 * its weekly hours there — kept, but marked cancelled, on days the office is closed, so the
 * partner sees what does not take place — and its extra dates there.
 */
export function hoursInPremises(
  start: string,
  partnerOrganisationId: string,
  hours: readonly WeeklyHours[],
  exceptions: readonly HoursException[],
  count = 14,
): { date: string; weekday: number; slots: PremisesSlot[] }[] {
  const here = hours.filter((h) => h.partnerOrganisationId === partnerOrganisationId);
  const extrasHere = exceptions.filter(
    (e) => e.kind === 'extra' && e.partnerOrganisationId === partnerOrganisationId,
  );
  // Without the closures, hoursOfDays yields every planned slot; the closures then mark them.
  return hoursOfDays(start, here, extrasHere, count).map((day) => {
    const closure = closureOn(exceptions, day.date);
    return {
      date: day.date,
      weekday: day.weekday,
      slots: day.slots.map((slot) => ({
        ...slot,
        cancelled:
          closure && slot.kind !== 'extra'
            ? { kind: closure.kind as 'closed' | 'holiday', note: closure.note }
            : null,
      })),
    };
  });
}
