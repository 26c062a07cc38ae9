import { germanValueLabels } from '../../documents/texts/labels.ts';
import { term } from '../../terms.ts';
import { defaultCategories, type CategoryEntry, type CategoryKey } from '../cases/cases.categories.ts';
import type { cefrLevels } from '../cases/cases.schemas.ts';
import { workStatuses } from '../cases/cases.schemas.ts';
import { countryName } from '../directory/countries.ts';
import type { ReportDimension } from './statistics.values.ts';
import { notRecorded, otherCountries } from './statistics.values.ts';

/**
 * What a statistic prints for its tables and categories, in German and English: fixed value
 * lists here, the configurable lists from the organisation's case settings (R-STAT-2), country
 * names from the runtime's ICU data. People read words, never codes.
 */

export interface Label {
  de: string;
  en: string;
}

const l = (de: string, en: string): Label => ({ de, en });

export const dimensionTitles: Record<ReportDimension, Label> = {
  service: l('Dienst', 'Service'),
  case_type: l('Art der Beratung', 'Kind of counselling'),
  age_group: l('Altersgruppe', 'Age group'),
  gender: l('Geschlecht', 'Gender'),
  citizenship: l('Staatsangehörigkeit', 'Citizenship'),
  residence_status_group: l('Aufenthaltsstatus (Gruppe)', 'Residence status (group)'),
  years_since_arrival: l('Jahre seit der Einreise', 'Years since arrival'),
  contacts: l('Anzahl der Kontakte', 'Number of contacts'),
  way_in: l('Zugangsweg', 'Way in'),
  phase: l('Phase', 'Phase'),
  start_livelihood: l('Lebensunterhalt zu Beginn', 'Livelihood at the start'),
  end_livelihood: l('Lebensunterhalt zum Abschluss', 'Livelihood at the end'),
  start_language_level: l('Deutschkenntnisse zu Beginn', 'German at the start'),
  end_language_level: l('Deutschkenntnisse zum Abschluss', 'German at the end'),
  start_work: l('Arbeit zu Beginn', 'Work at the start'),
  end_work: l('Arbeit zum Abschluss', 'Work at the end'),
  topics: l('Themen (ein Fall kann mehrere haben)', 'Topics (a case may have several)'),
};

const fixed: Partial<Record<ReportDimension, Record<string, Label>>> = {
  service: {
    MBE: l(term('adultMigrationCounselling'), term('adultMigrationCounselling', 'en')),
    JMD: l(term('youthMigrationService'), term('youthMigrationService', 'en')),
  },
  case_type: {
    short_counselling: l(germanValueLabels.caseType.short_counselling, 'Short counselling'),
    case_management: l(germanValueLabels.caseType.case_management, 'Case management'),
  },
  age_group: {
    under_12: l(germanValueLabels.ageGroup.under_12, 'under 12'),
    '12_17': l(germanValueLabels.ageGroup['12_17'], '12–17'),
    '18_26': l(germanValueLabels.ageGroup['18_26'], '18–26'),
    '27_34': l(germanValueLabels.ageGroup['27_34'], '27–34'),
    '35_44': l(germanValueLabels.ageGroup['35_44'], '35–44'),
    '45_54': l(germanValueLabels.ageGroup['45_54'], '45–54'),
    '55_64': l(germanValueLabels.ageGroup['55_64'], '55–64'),
    '65_plus': l(germanValueLabels.ageGroup['65_plus'], '65 and older'),
  },
  gender: {
    female: l(germanValueLabels.gender.female, 'female'),
    male: l(germanValueLabels.gender.male, 'male'),
    diverse: l(germanValueLabels.gender.diverse, 'diverse'),
    not_stated: l(germanValueLabels.gender.not_stated, 'not stated'),
  },
  years_since_arrival: {
    under_3: l('weniger als 3 Jahre', 'less than 3 years'),
    '3_or_more': l('3 Jahre oder mehr', '3 years or more'),
  },
  contacts: {
    '0': l('keiner', 'none'),
    '1': l('einer', 'one'),
    '2_3': l('2–3', '2–3'),
    '4_9': l('4–9', '4–9'),
    '10_plus': l('10 und mehr', '10 or more'),
  },
  phase: {
    intake: l(germanValueLabels.phase.intake, 'Initial interview'),
    analysis: l(germanValueLabels.phase.analysis, 'Social and competence analysis'),
    plan: l(germanValueLabels.phase.plan, 'Support plan'),
    implementation: l(germanValueLabels.phase.implementation, 'Implementation'),
    short_counselling: l(germanValueLabels.caseType.short_counselling, 'Short counselling'),
    closed: l('abgeschlossen', 'closed'),
  },
};

const cefr: Record<(typeof cefrLevels)[number], Label> = {
  none: l('keine', 'none'),
  A1: l('A1', 'A1'),
  A2: l('A2', 'A2'),
  B1: l('B1', 'B1'),
  B2: l('B2', 'B2'),
  C1: l('C1', 'C1'),
  C2: l('C2', 'C2'),
};
const workEn: Record<(typeof workStatuses)[number], string> = {
  employed: 'employed',
  self_employed: 'self-employed',
  minor_employment: 'marginal employment',
  training: 'in training',
  job_seeking: 'seeking work',
  not_seeking: 'not seeking work',
  unknown: 'unknown',
};
const work = Object.fromEntries(
  workStatuses.map((code) => [code, l(germanValueLabels.work[code], workEn[code])]),
) as Record<string, Label>;
fixed.start_language_level = cefr;
fixed.end_language_level = cefr;
fixed.start_work = work;
fixed.end_work = work;

/** The category list of the case settings a dimension uses, if any. */
export const categoryListOf: Partial<Record<ReportDimension, CategoryKey>> = {
  residence_status_group: 'residenceStatusGroups',
  way_in: 'wayIn',
  start_livelihood: 'livelihood',
  end_livelihood: 'livelihood',
  topics: 'topics',
};

/** The categories of a dimension in their order: a fixed list, or the organisation's own list. */
export function categoryCodes(
  dimension: ReportDimension,
  categories: Record<CategoryKey, readonly CategoryEntry[]>,
): string[] {
  const list = categoryListOf[dimension];
  if (list) return categories[list].map((entry) => entry.code);
  return Object.keys(fixed[dimension] ?? {});
}

const special: Record<string, Label> = {
  [notRecorded]: l('nicht erfasst', 'not recorded'),
  [otherCountries]: l(
    'andere Staaten (je weniger als die Mindestzahl)',
    'other countries (each below the minimum)',
  ),
};

/** The words for a category of a dimension; an unknown code of another list by the default list's words. */
export function categoryLabel(
  dimension: ReportDimension,
  code: string,
  categories: Record<CategoryKey, readonly CategoryEntry[]>,
): Label {
  const s = special[code];
  if (s) return s;
  if (dimension === 'citizenship') return l(countryName(code, 'de'), countryName(code, 'en'));
  const list = categoryListOf[dimension];
  if (list) {
    const entry =
      categories[list].find((e) => e.code === code) ?? defaultCategories[list].find((e) => e.code === code);
    return entry ? l(entry.de, entry.en) : l(code, code);
  }
  return fixed[dimension]?.[code] ?? l(code, code);
}
