import type { LegalBasis } from './modules/exchange/exchange.values.ts';

/**
 * Terms of law and of funders, in one table. The source text of 2011 uses older terms; the
 * UI and every document use the current ones from here. When a law renames something, this
 * is the one place to change.
 */
export const legalTerms = {
  basicIncomeSupport: {
    de: 'Grundsicherungsgeld',
    en: 'basic income support (Grundsicherungsgeld)',
    validFrom: '2026-07-01',
    formerly: ['Bürgergeld (2023–2026)', 'Arbeitslosengeld II (ALG II)'],
    basis: 'SGB II',
  },
  jobcentre: {
    de: 'Jobcenter',
    en: 'Jobcenter',
    validFrom: '2011-01-01',
    formerly: ['ARGE', 'optierende Kommune'],
    basis: '§ 6d SGB II (gemeinsame Einrichtung oder zugelassener kommunaler Träger)',
  },
  cooperationPlan: {
    de: 'Kooperationsplan',
    en: 'cooperation plan (Kooperationsplan)',
    validFrom: '2023-07-01',
    formerly: ['Eingliederungsvereinbarung'],
    basis: '§ 15 SGB II',
  },
  adultMigrationCounselling: {
    de: 'Migrationsberatung für erwachsene Zugewanderte (MBE)',
    en: 'migration counselling for adult immigrants (MBE)',
    validFrom: '2024-01-01',
    formerly: ['Migrationsberatung für erwachsene Zuwanderer'],
    basis: '§ 45 AufenthG',
  },
  youthMigrationService: {
    de: 'Jugendmigrationsdienst (JMD)',
    en: 'youth migration service (JMD)',
    validFrom: '2011-01-01',
    formerly: [],
    basis: 'Kinder- und Jugendplan des Bundes',
  },
  courseObligation: {
    de: 'Verpflichtung zur Teilnahme am Integrationskurs',
    en: 'obligation to attend an integration course',
    validFrom: '2005-01-01',
    formerly: [],
    basis: '§ 44a AufenthG',
  },
  courseProviderDuties: {
    de: 'Pflichten der Kursträger',
    en: 'duties of course providers',
    validFrom: '2012-01-01',
    formerly: ['§ 19 Abs. 2 S. 1 Nr. 4 und § 20 Abs. 1 S. 2 Nr. 3 IntV'],
    basis: '§ 19 Abs. 2 Nr. 9 und § 20 Abs. 1 IntV',
  },
} as const satisfies Record<
  string,
  { de: string; en: string; validFrom: string; formerly: readonly string[]; basis: string }
>;

export type LegalTermKey = keyof typeof legalTerms;

/**
 * Legal bases other than consent on which a counselling service may pass data on (R-RED-1):
 * each is recorded as its own decision of a team lead with a justification, never ticked.
 */
export const legalBasesOtherThanConsent = {
  child_protection: {
    de: 'Schutzauftrag bei Kindeswohlgefährdung',
    en: 'protection of a child at risk',
    basis: '§ 8a SGB VIII, § 4 KKG',
  },
  danger_to_life: {
    de: 'Abwehr einer gegenwärtigen Gefahr für Leib oder Leben',
    en: 'averting a present danger to life or limb',
    basis: '§ 34 StGB',
  },
  court_order: { de: 'Gerichtliche Anordnung', en: 'court order', basis: 'Anordnung im Einzelfall' },
  statutory_duty: {
    de: 'Gesetzliche Mitteilungspflicht',
    en: 'statutory duty to report',
    basis: 'Art. 6 Abs. 1 lit. c DSGVO',
  },
} as const satisfies Record<LegalBasis, { de: string; en: string; basis: string }>;

/** The current term in the requested language. */
export function term(key: LegalTermKey, locale: 'de' | 'en' = 'de'): string {
  return legalTerms[key][locale];
}

/**
 * Age rules of the two programmes (funders' guidelines): the MBE serves adults from 27, the JMD
 * young people from 12 up to their 27th birthday. Near the boundary both are shown, because the
 * rule has exceptions (R-CASE-2) and a person of 26 or 27 may be served by either.
 */
export const programmeAges = {
  MBE: { minAge: 27, maxAge: null },
  JMD: { minAge: 12, maxAge: 26 },
} as const satisfies Record<'MBE' | 'JMD', { minAge: number; maxAge: number | null }>;

/** Years either side of the MBE/JMD boundary in which both programmes are offered. */
export const programmeBoundaryYears = 1;

export type Programme = keyof typeof programmeAges;

/** The programmes suited to a person of this age, both near the boundary (26–28). */
export function programmesForAge(age: number): Programme[] {
  if (Math.abs(age - programmeAges.MBE.minAge) <= programmeBoundaryYears) {
    return ['MBE', 'JMD'];
  }
  return (Object.keys(programmeAges) as Programme[]).filter((p) => {
    const { minAge, maxAge } = programmeAges[p];
    return age >= minAge && (maxAge === null || age <= maxAge);
  });
}
