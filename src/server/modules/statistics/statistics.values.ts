// No imports: the web loads these lists too (filters, table headings).

/**
 * Whose cases a counselling statistic counts (R-STAT-2): the own organisation, the providers
 * under the same umbrella association (the own figures plus the others' as suppressed
 * aggregates), or every provider of the installation (the region-wide report for the funder,
 * made by the operator).
 */
export const statisticsScopes = ['own', 'umbrella', 'all'] as const;
export type StatisticsScope = (typeof statisticsScopes)[number];

/** The dimensions in which each case is counted exactly once; their counts sum to the total. */
export const additiveDimensions = [
  'service',
  'case_type',
  'age_group',
  'gender',
  'citizenship',
  'residence_status_group',
  'years_since_arrival',
  'contacts',
  'way_in',
  'phase',
  'start_livelihood',
  'end_livelihood',
  'start_language_level',
  'end_language_level',
  'start_work',
  'end_work',
] as const;
export type AdditiveDimension = (typeof additiveDimensions)[number];

/** Topics: a case has several, so this table has no sum. */
export const reportDimensions = [...additiveDimensions, 'topics'] as const;
export type ReportDimension = (typeof reportDimensions)[number];

/** Held contacts of a case, in bands. */
export const contactBands = ['0', '1', '2_3', '4_9', '10_plus'] as const;

/** Phases as the statistics count them: the method's four, a short counselling, or closed. */
export const statisticsPhases = [
  'intake',
  'analysis',
  'plan',
  'implementation',
  'short_counselling',
  'closed',
] as const;

/** The category of a case without a value in a dimension. */
export const notRecorded = 'not_recorded';
/** Citizenships with fewer than k cases are counted together under this category. */
export const otherCountries = 'other_countries';

/** The sections of the evaluation of a cooperation (R-STAT-3), each counted per half-year. */
export const evaluationSections = [
  'referrals',
  'consents',
  'disclosures',
  'notices',
  'conflicts',
  'meetings',
  'actions',
] as const;
export type EvaluationSection = (typeof evaluationSections)[number];

/** The kinds of partner a cooperation can be evaluated with. */
export const evaluatedPartnerKinds = ['jobcenter', 'abh', 'course_provider', 'other'] as const;

/** Half-years an evaluation covers at most. */
export const maxEvaluationHalfYears = 10;
/** Months a counselling statistic covers at most. */
export const maxStatisticsMonths = 60;
