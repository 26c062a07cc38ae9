import { legalTerms, programmeAges, term, type Programme } from '../../terms.ts';

/**
 * Pure rules of case management: dates, age routing between MBE and JMD (R-CASE-2), retention
 * (R-CON-5) and the division of responsibilities from the source text (R-CASE-7). No I/O here,
 * so the rules are tested on their own.
 */

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date where the counselling happens (Europe/Berlin), for an instant. */
export function berlinToday(now: Date): IsoDate {
  return berlinDay.format(now);
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map((p) => Number.parseInt(p, 10));
  return [y ?? 0, m ?? 1, d ?? 1];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number): IsoDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date `days` days later (or earlier, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The same calendar day `years` later. Someone born (or a case closed) on 29 February reaches
 * the anniversary in a common year only when February is over, i.e. on 1 March — so a period
 * "of n years" has always fully passed on the returned day.
 */
export function anniversary(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(date);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeapYear(year)) return format(year, 3, 1);
  return format(year, m, d);
}

/** Full years of age on a day. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by] = parts(birthDate);
  const [oy] = parts(on);
  let age = oy - by;
  if (anniversary(birthDate, age) > on) age -= 1;
  return age;
}

/** 'YYYY-MM' of a date: statistics keep no finer dates. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export const ageGroups = [
  'under_12',
  '12_17',
  '18_26',
  '27_34',
  '35_44',
  '45_54',
  '55_64',
  '65_plus',
] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** The statistical age group of an age. */
export function ageGroupFor(age: number): AgeGroup {
  if (age < 12) return 'under_12';
  if (age < 18) return '12_17';
  if (age < 27) return '18_26';
  if (age < 35) return '27_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  if (age < 65) return '55_64';
  return '65_plus';
}

/** Youngest and oldest age of a group (oldest null when open-ended). */
const ageGroupRange: Record<AgeGroup, [number, number | null]> = {
  under_12: [0, 11],
  '12_17': [12, 17],
  '18_26': [18, 26],
  '27_34': [27, 34],
  '35_44': [35, 44],
  '45_54': [45, 54],
  '55_64': [55, 64],
  '65_plus': [65, null],
};

export interface ServiceSuggestion {
  /** The programme the age points to; null when the age is unknown or below the JMD's range. */
  service: Programme | null;
  age: number | null;
  /** The 27th birthday, when it lies ahead (only from a date of birth). */
  turns27On: IsoDate | null;
  /** Why, in German, for the counsellor. */
  explanation: string;
}

function programmeForAge(age: number): Programme | null {
  if (age >= programmeAges.MBE.minAge) return 'MBE';
  if (age >= programmeAges.JMD.minAge) return 'JMD';
  return null;
}

/**
 * R-CASE-2: MBE for adults from 27, JMD from 12 up to the 27th birthday. Only a suggestion —
 * the counsellor may choose otherwise with a reason.
 */
export function suggestService(
  person: { birthDate?: IsoDate | null; ageGroup?: string | null },
  today: IsoDate,
): ServiceSuggestion {
  const mbeAge = programmeAges.MBE.minAge;
  if (person.birthDate) {
    const age = ageOn(person.birthDate, today);
    const service = programmeForAge(age);
    const turns27On = age < mbeAge ? anniversary(person.birthDate, mbeAge) : null;
    let explanation: string;
    if (service === 'MBE')
      explanation = `${age} Jahre: Migrationsberatung für erwachsene Zugewanderte (MBE).`;
    else if (service === 'JMD')
      explanation = `${age} Jahre: Jugendmigrationsdienst (JMD) bis zum 27. Geburtstag am ${germanDate(turns27On!)}.`;
    else
      explanation = `${age} Jahre: jünger als ${programmeAges.JMD.minAge}; weder MBE noch JMD sind vorgesehen.`;
    return { service, age, turns27On, explanation };
  }
  const range = person.ageGroup ? ageGroupRange[person.ageGroup as AgeGroup] : undefined;
  if (range) {
    const [low] = range;
    const service = programmeForAge(low);
    const explanation =
      service === 'MBE'
        ? 'Altersgruppe ab 27: Migrationsberatung für erwachsene Zugewanderte (MBE).'
        : service === 'JMD'
          ? 'Altersgruppe unter 27: Jugendmigrationsdienst (JMD).'
          : `Altersgruppe unter ${programmeAges.JMD.minAge}: weder MBE noch JMD sind vorgesehen.`;
    return { service, age: null, turns27On: null, explanation };
  }
  return { service: null, age: null, turns27On: null, explanation: 'Alter unbekannt.' };
}

/** 'TT.MM.JJJJ' for German messages and documents. */
export function germanDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${pad(d)}.${pad(m)}.${pad(y, 4)}`;
}

/** The default retention period after a case is closed (R-CON-5), in years. */
export const defaultRetentionYears = 3;

/** The first day on which a case closed on `closedOn` may be erased. */
export function retentionEndsOn(closedOn: IsoDate, years: number): IsoDate {
  return anniversary(closedOn, years);
}

/** Whether a closed case is due for erasure today; a legal hold always keeps it. */
export function dueForErasure(
  c: { closedOn: IsoDate | null; legalHold: boolean },
  years: number,
  today: IsoDate,
): boolean {
  if (c.closedOn === null || c.legalHold) return false;
  return retentionEndsOn(c.closedOn, years) <= today;
}

/**
 * The latest closing date whose retention has ended by `today` — a cheap pre-filter for the
 * database; `dueForErasure` decides each case.
 */
export function latestErasableClosing(today: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(today);
  return format(y - years, m, Math.min(d, m === 2 && !isLeapYear(y - years) ? 28 : d));
}

/** Years since arrival as funders count them (< 3 / ≥ 3). */
export function yearsSinceArrivalBand(arrivalYear: number | null, today: IsoDate): string | null {
  if (arrivalYear === null) return null;
  return parts(today)[0] - arrivalYear < 3 ? 'under_3' : '3_or_more';
}

// ---------------------------------------------------------------------------------------------
// R-CASE-7: who is responsible for what, as the source text divides it ("Demnach …").

export const responsibleParties = [
  'counselling',
  'jobcenter',
  'course_provider_or_clearing',
  'abh',
  'jobcenter_or_abh',
] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

export const responsiblePartyLabels: Record<ResponsibleParty, string> = {
  counselling: 'Migrationsberatung (MBE/JMD)',
  jobcenter: term('jobcentre'),
  course_provider_or_clearing: 'Integrationskursträger oder Clearingstelle',
  abh: 'Ausländerbehörde',
  jobcenter_or_abh: `Ausländerbehörde oder ${term('jobcentre')}`,
};

export interface ResponsibilityArea {
  area: string;
  label: string;
  responsible: ResponsibleParty;
  /** Where the source text says so. */
  source: string;
}

export const defaultResponsibilities: readonly ResponsibilityArea[] = [
  {
    area: 'first_counselling',
    label:
      'Umfassende Erstberatung, auch zu Arbeitslosigkeit und zu Rechten und Pflichten nach den Sozialgesetzbüchern vor der Antragstellung',
    responsible: 'counselling',
    source:
      'liegt die Zuständigkeit für die umfassende Erstberatung der Neuzuwanderinnen und Neuzuwanderer bei der MBE',
  },
  {
    area: 'recognition',
    label: 'Beratung zur Anerkennung mitgebrachter beruflicher Qualifikationen',
    responsible: 'counselling',
    source: 'Diese beinhaltet auch Fragen … zur Anerkennung von mitgebrachten beruflichen Qualifikationen',
  },
  {
    area: 'course_counselling',
    label: 'Information und Beratung zu Integrationskursen',
    responsible: 'counselling',
    source: 'liegt die Zuständigkeit für die Information und Beratung zu Integrationskursen … bei der MBE',
  },
  {
    area: 'course_support',
    label: 'Sozialpädagogische Begleitung während des Integrationskurses',
    responsible: 'counselling',
    source: 'die sozialpädagogische Betreuung während der Integrationskurse',
  },
  {
    area: 'childcare',
    label: 'Vermittlung der Kinderbetreuung während des Integrationskurses',
    responsible: 'counselling',
    source: 'sowie die Vermittlung der Kinderbetreuung bei der MBE',
  },
  {
    area: 'language_assessment',
    label: 'Sprachstandsfeststellung',
    responsible: 'course_provider_or_clearing',
    source:
      'Die Sprachstandsfeststellung ist hingegen Aufgabe der Integrationskursträger oder einer eigens eingerichteten Clearingstelle',
  },
  {
    area: 'work_placement',
    label: 'Vermittlung in Arbeit und Ausbildung',
    responsible: 'jobcenter',
    source:
      'liegt die federführende Zuständigkeit für die Vermittlung in Arbeit und Ausbildung … beim SGB II Träger',
  },
  {
    area: 'benefits',
    label: `Förderung und Beratung zu Arbeitslosigkeit und Leistungsbezug (${term('basicIncomeSupport')})`,
    responsible: 'jobcenter',
    source:
      'sowie für die Förderung und die Beratung in Fragen der Arbeitslosigkeit und des Leistungsbezugs beim SGB II Träger',
  },
  {
    area: 'course_obligation',
    label: `${term('courseObligation')} (${legalTerms.courseObligation.basis})`,
    responsible: 'jobcenter_or_abh',
    source:
      'liegt die Zuständigkeit für die Verpflichtung zu Integrationskursen neben den Ausländerbehörden beim SGB II Träger',
  },
];

export const responsibilityAreas = defaultResponsibilities.map((r) => r.area);
