import { term } from '../../terms.ts';

/**
 * Category lists of case management with their defaults. Funders change these lists, so each
 * organisation may replace any of them (case_settings.categories); codes are what is stored,
 * labels what is shown. Terms of law come from terms.ts.
 */

export const categoryKeys = [
  'topics',
  'residenceStatusGroups',
  'closureReasons',
  'qualificationTypes',
  'livelihood',
  'wayIn',
  'consentPurposes',
] as const;
export type CategoryKey = (typeof categoryKeys)[number];

export interface CategoryEntry {
  code: string;
  de: string;
  en: string;
  /** Inactive entries stay readable on existing records but cannot be chosen anew. */
  active: boolean;
}

export const categoryNames: Record<CategoryKey, string> = {
  topics: 'Themen',
  residenceStatusGroups: 'Aufenthaltsstatus (Gruppe)',
  closureReasons: 'Abschlussgründe',
  qualificationTypes: 'Art der Qualifikation',
  livelihood: 'Lebensunterhalt',
  wayIn: 'Zugangsweg',
  consentPurposes: 'Zwecke einer Einwilligung',
};

const entry = (code: string, de: string, en: string): CategoryEntry => ({ code, de, en, active: true });

export const defaultCategories: Record<CategoryKey, readonly CategoryEntry[]> = {
  topics: [
    entry('residence_law', 'Aufenthaltsrecht', 'Residence law'),
    entry('forms_authorities', 'Anträge und Behörden', 'Forms and authorities'),
    entry('benefits', `Leistungen (${term('basicIncomeSupport')}, Kindergeld, Wohngeld)`, 'Benefits'),
    entry('german_language', 'Deutsch lernen', 'Learning German'),
    entry('integration_course', 'Integrationskurs', 'Integration course'),
    entry('recognition', 'Anerkennung von Abschlüssen', 'Recognition of qualifications'),
    entry('work_training', 'Arbeit und Ausbildung', 'Work and training'),
    entry('housing', 'Wohnen', 'Housing'),
    entry('health_system', 'Gesundheitssystem und Krankenversicherung', 'Health system and insurance'),
    entry('family_children', 'Familie und Kinderbetreuung', 'Family and childcare'),
    entry('school_education', 'Schule und Bildung', 'School and education'),
    entry('finances_debts', 'Finanzen und Schulden', 'Finances and debts'),
    entry('social_participation', 'Soziale Kontakte und Teilhabe', 'Social participation'),
    entry('other', 'Sonstiges', 'Other'),
  ],
  residenceStatusGroups: [
    entry('permanent', 'Niederlassungserlaubnis / Daueraufenthalt-EU', 'Permanent residence'),
    entry('eu_free_movement', 'EU-Freizügigkeit', 'EU free movement'),
    entry(
      'residence_work',
      'Aufenthaltserlaubnis: Erwerbstätigkeit oder Ausbildung',
      'Permit: work or training',
    ),
    entry('residence_family', 'Aufenthaltserlaubnis: familiäre Gründe', 'Permit: family reasons'),
    entry(
      'residence_humanitarian',
      'Aufenthaltserlaubnis: humanitäre Gründe',
      'Permit: humanitarian reasons',
    ),
    entry('temporary_protection', 'Vorübergehender Schutz (§ 24 AufenthG)', 'Temporary protection (§ 24)'),
    entry(
      'opportunity_residence',
      'Chancen-Aufenthaltsrecht (§ 104c AufenthG)',
      'Opportunity residence (§ 104c)',
    ),
    entry('asylum_procedure', 'Aufenthaltsgestattung', 'Asylum procedure'),
    entry('toleration', 'Duldung', 'Toleration (Duldung)'),
    entry('late_repatriate', 'Spätaussiedler/in', 'Late repatriate'),
    entry('naturalised', 'Eingebürgert', 'Naturalised'),
    entry('other', 'Sonstiges oder ungeklärt', 'Other or unclear'),
  ],
  closureReasons: [
    entry('goals_reached', 'Ziele erreicht', 'Goals reached'),
    entry('moved_away', 'Verzogen', 'Moved away'),
    entry('handed_on', 'An eine andere Stelle übergeben', 'Handed on'),
    entry('ended_by_client', 'Von der ratsuchenden Person beendet', 'Ended by the client'),
    entry('no_contact', 'Kein Kontakt mehr', 'No contact'),
    entry('other', 'Sonstiges', 'Other'),
  ],
  qualificationTypes: [
    entry('school_leaving', 'Schulabschluss', 'School-leaving certificate'),
    entry('vocational_training', 'Berufsausbildung', 'Vocational training'),
    entry('master_technician', 'Meister/in oder Techniker/in', 'Master craftsperson or technician'),
    entry('university_degree', 'Hochschulabschluss', 'University degree'),
    entry(
      'regulated_profession',
      'Reglementierter Beruf (z. B. Pflege, Medizin, Lehramt)',
      'Regulated profession',
    ),
    entry('other', 'Sonstige Qualifikation', 'Other qualification'),
  ],
  livelihood: [
    entry('basic_income_support', term('basicIncomeSupport'), term('basicIncomeSupport', 'en')),
    entry(
      'asylum_seekers_benefits',
      'Leistungen nach dem Asylbewerberleistungsgesetz',
      'Asylum seekers benefits',
    ),
    entry('employment', 'Erwerbseinkommen', 'Income from work'),
    entry('unemployment_benefit', 'Arbeitslosengeld (SGB III)', 'Unemployment benefit (SGB III)'),
    entry('training_support', 'Ausbildungsvergütung oder BAföG', 'Training allowance or student aid'),
    entry('pension', 'Rente', 'Pension'),
    entry('family_support', 'Unterhalt durch Angehörige', 'Support by relatives'),
    entry('other', 'Sonstiges', 'Other'),
  ],
  wayIn: [
    entry('own_initiative', 'Eigeninitiative', 'Own initiative'),
    entry('network', 'Familie, Bekannte, Community', 'Family, friends, community'),
    entry('integration_course', 'Integrationskurs', 'Integration course'),
    entry('abh', 'Ausländerbehörde', "Foreigners' authority"),
    entry('jobcenter', term('jobcentre'), 'Jobcenter'),
    entry('clearing_office', 'Clearingstelle', 'Clearing office'),
    entry('other_service', 'Andere Beratungsstelle oder Regeldienst', 'Other service'),
    entry('other', 'Sonstiges', 'Other'),
  ],
  // R-CON-1: the purposes a consent may name. These four have reviewed texts on the printed form
  // in every document language; an own entry prints in German (English on an English form).
  consentPurposes: [
    entry(
      'integration_jobcenter',
      'Abstimmung mit dem Jobcenter zur Integration',
      'Coordination with the Jobcenter on integration',
    ),
    entry('course_participation', 'Teilnahme an einem Kurs', 'Participation in a course'),
    entry('residence_matters', 'Aufenthaltsrechtliche Angelegenheiten', 'Residence matters'),
    entry('other', 'anderer Zweck', 'other purpose'),
  ],
};

/** The effective lists of an organisation: its own where it set one, otherwise the default. */
export function effectiveCategories(
  stored: Record<string, unknown> | undefined,
): Record<CategoryKey, CategoryEntry[]> {
  const result = {} as Record<CategoryKey, CategoryEntry[]>;
  for (const key of categoryKeys) {
    const own = stored?.[key];
    result[key] = Array.isArray(own) ? (own as CategoryEntry[]) : [...defaultCategories[key]];
  }
  return result;
}
