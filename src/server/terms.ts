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

/** The current term in the requested language. */
export function term(key: LegalTermKey, locale: 'de' | 'en' = 'de'): string {
  return legalTerms[key][locale];
}
