import ical, { ICalCalendarMethod } from 'ical-generator';
import { BerlinWallTime, berlinVtimezone } from '../directory/ical.ts';
import {
  addDays,
  berlinTimeZone,
  berlinWallClock,
  berlinWallToUtc,
  isoWeekday,
} from '../directory/schedule.ts';
import type { MeetingKind } from './agreements.values.ts';

/**
 * The meetings an agreement's communication structure prescribes (R-AGR-6, R-AGR-7) as pure
 * functions: the schedule of a year, spread evenly over it on working days at 10:00 Berlin time,
 * and the iCalendar invitation of one meeting (Europe/Berlin with its VTIMEZONE).
 */

/** The German names of the meetings, for titles, mails and the invitation. */
export const meetingKindTitles: Record<MeetingKind, string> = {
  management_talk: 'Jährliches Arbeitsgespräch auf Geschäftsführungsebene',
  clearing_coordination: 'Abstimmung der Clearingstelle mit der Leitungsebene der Ausländerbehörde',
  teacher_conference: 'Lehrerkonferenz des Integrationskursträgers',
  jobcenter_evaluation: 'Auswertung der Zusammenarbeit mit dem Jobcenter',
  staff_presentation: 'Vorstellung der Migrationsfachdienste bei neuen Mitarbeitenden der Ausländerbehörde',
  course_presentation: 'Vorstellung der MBE in den laufenden Integrationskursen',
  other: 'Treffen',
};

export interface PlannedMeeting {
  kind: MeetingKind;
  title: string;
  /** The start as an instant (10:00 Berlin time on a working day). */
  startsAt: Date;
}

/** The first working day (Monday to Friday) on or after `date`. */
function workingDayFrom(date: string): string {
  const weekday = isoWeekday(date);
  return weekday <= 5 ? date : addDays(date, 8 - weekday);
}

/**
 * The meetings of `year`: each item of the communication structure `perYear` times, in the
 * middle of equal parts of the year (once: July; twice: April and October; …), on the 15th or
 * the next working day.
 */
export function meetingSchedule(
  communication: readonly { kind: MeetingKind; perYear: number }[],
  year: number,
): PlannedMeeting[] {
  const meetings: PlannedMeeting[] = [];
  for (const { kind, perYear } of communication) {
    for (let i = 0; i < perYear; i++) {
      const month = 1 + Math.floor(((i + 0.5) * 12) / perYear);
      const date = workingDayFrom(`${year}-${String(month).padStart(2, '0')}-15`);
      meetings.push({ kind, title: meetingKindTitles[kind], startsAt: berlinWallToUtc(date, '10:00') });
    }
  }
  return meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export interface InvitationInput {
  id: string;
  title: string;
  agreementTitle: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  organiser: { name: string; email: string };
  attendees: readonly { name: string; email: string }[];
  url: string;
  now: Date;
  sequence: number;
}

/** The invitation as iCalendar (METHOD:REQUEST), wall-clock times in Europe/Berlin. */
export function buildInvitation(input: InvitationInput): string {
  const calendar = ical({
    name: input.agreementTitle,
    prodId: { company: 'Koop', product: 'Kooperationen', language: 'DE' },
    method: ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: (tz) => (tz === berlinTimeZone ? berlinVtimezone : null) },
  });
  const start = berlinWallClock(input.startsAt);
  const end = berlinWallClock(new Date(input.startsAt.getTime() + input.durationMinutes * 60_000));
  calendar.createEvent({
    id: `${input.id}@koop`,
    sequence: input.sequence,
    stamp: input.now,
    start: new BerlinWallTime(start.date, start.time.slice(0, 5)),
    end: new BerlinWallTime(end.date, end.time.slice(0, 5)),
    timezone: berlinTimeZone,
    summary: input.title,
    description: `${input.agreementTitle}\n${input.url}`,
    location: input.location ?? undefined,
    url: input.url,
    organizer: { name: input.organiser.name, email: input.organiser.email },
    attendees: input.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true })),
  });
  return calendar.toString();
}
