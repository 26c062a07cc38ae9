// No imports: the web loads these lists too (the contact form, the report, the rota).

/**
 * The closed lists of the clearing office (R-CLR-1, R-CLR-4, R-RED-3). A contact is made of
 * these codes and nothing else: no field can hold a name or anything typed. A short "other"
 * topic is chosen from the office's own configurable list (`clearing_settings.other_topics`).
 */

/** Age groups of a contact: wide enough that nobody is singled out. */
export const clearingAgeGroups = ['under_18', '18_26', '27_44', '45_64', '65_plus'] as const;
export type ClearingAgeGroup = (typeof clearingAgeGroups)[number];

export const clearingGenders = ['female', 'male', 'diverse', 'not_stated'] as const;
export type ClearingGender = (typeof clearingGenders)[number];

/** Regions of origin: coarse on purpose, never a country. */
export const clearingRegions = [
  'eu',
  'europe_other',
  'middle_east',
  'north_africa',
  'africa_other',
  'asia',
  'americas',
  'not_stated',
] as const;
export type ClearingRegion = (typeof clearingRegions)[number];

/** Residence categories. */
export const clearingResidenceCategories = [
  'eu_freedom_of_movement',
  'family_reunification',
  'protection',
  'asylum_procedure',
  'work_study',
  'settled',
  'other',
] as const;
export type ClearingResidenceCategory = (typeof clearingResidenceCategories)[number];

/** Topics of a contact (seed § 2): information, course counselling, sounding out the need. */
export const clearingTopics = [
  'counselling_offer',
  'integration_course',
  'individual_need',
  'other',
] as const;
export type ClearingTopic = (typeof clearingTopics)[number];

/** R-CLR-4: how the person came — through the ABH, or recommended by another institution or person. */
export const clearingWaysIn = ['abh', 'recommendation'] as const;
export type ClearingWayIn = (typeof clearingWaysIn)[number];

/** R-REF-2: where the person was referred on to (none: only informed). */
export const clearingReferrals = ['integration_course', 'mbe', 'jmd', 'other'] as const;
export type ClearingReferral = (typeof clearingReferrals)[number];

/** The "other" topics an office starts with; its manager changes the list. */
export const defaultOtherTopics = [
  { code: 'housing', de: 'Wohnen', en: 'Housing' },
  { code: 'work', de: 'Arbeit und Anerkennung', en: 'Work and recognition' },
  { code: 'school_childcare', de: 'Schule und Kinderbetreuung', en: 'School and childcare' },
  { code: 'health_insurance', de: 'Krankenversicherung', en: 'Health insurance' },
] as const;

/** The languages the form offers first, by how often they are asked for at the counter. */
export const clearingLanguages = [
  'ar',
  'uk',
  'ru',
  'tr',
  'fa',
  'prs',
  'ps',
  'ti',
  'so',
  'kmr',
  'ckb',
  'ro',
  'bg',
  'pl',
  'sq',
  'sr',
  'en',
  'fr',
  'es',
  'vi',
  'zh',
  'ur',
  'am',
  'de',
] as const;

/** What the welcome package holds: a checklist for the hand-over. */
export const welcomePackageItems = [
  'city_map',
  'directory_flyer',
  'course_information',
  'counselling_flyer',
  'emergency_numbers',
] as const;

/** How many days back a contact entered offline may still be dated. */
export const offlineDays = 7;

/** Days of the rota: ISO weekdays, Monday 1 to Sunday 7. */
export const rotaWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The half-years of the report. */
export const halfYears = [1, 2] as const;
export type HalfYear = (typeof halfYears)[number];

/** The dimensions of the half-year report, in the order of its tables. */
export const reportDimensions = [
  'month',
  'way_in',
  'topic',
  'referral',
  'welcome_package',
  'age_group',
  'gender',
  'region',
  'language',
  'residence',
] as const;
export type ReportDimension = (typeof reportDimensions)[number];

/** The words people read for every code of the clearing office, German and English. */
export const clearingLabels: Record<string, { de: string; en: string }> = {
  under_18: { de: 'unter 18', en: 'under 18' },
  '18_26': { de: '18–26', en: '18–26' },
  '27_44': { de: '27–44', en: '27–44' },
  '45_64': { de: '45–64', en: '45–64' },
  '65_plus': { de: '65 und älter', en: '65 and over' },
  female: { de: 'weiblich', en: 'female' },
  male: { de: 'männlich', en: 'male' },
  diverse: { de: 'divers', en: 'diverse' },
  not_stated: { de: 'keine Angabe', en: 'not stated' },
  eu: { de: 'EU', en: 'EU' },
  europe_other: { de: 'übriges Europa', en: 'rest of Europe' },
  middle_east: { de: 'Naher und Mittlerer Osten', en: 'Middle East' },
  north_africa: { de: 'Nordafrika', en: 'North Africa' },
  africa_other: { de: 'übriges Afrika', en: 'rest of Africa' },
  asia: { de: 'Asien', en: 'Asia' },
  americas: { de: 'Amerika', en: 'Americas' },
  eu_freedom_of_movement: { de: 'EU-Freizügigkeit', en: 'EU freedom of movement' },
  family_reunification: { de: 'Familiennachzug', en: 'family reunification' },
  protection: { de: 'Schutzstatus', en: 'protection status' },
  asylum_procedure: { de: 'im Asylverfahren', en: 'in the asylum procedure' },
  work_study: { de: 'Arbeit, Ausbildung, Studium', en: 'work, training, study' },
  settled: { de: 'Niederlassung', en: 'settled' },
  counselling_offer: {
    de: 'Information über das Beratungsangebot',
    en: 'information on the counselling offer',
  },
  integration_course: { de: 'Integrationskurs', en: 'integration course' },
  individual_need: { de: 'Sondierung des Hilfebedarfs', en: 'sounding out individual need' },
  abh: { de: 'über die Ausländerbehörde', en: 'through the foreigners’ authority' },
  recommendation: {
    de: 'auf Empfehlung anderer Institutionen oder Personen',
    en: 'recommended by another institution or person',
  },
  mbe: { de: 'MBE', en: 'MBE' },
  jmd: { de: 'JMD', en: 'JMD' },
  other: { de: 'Sonstiges', en: 'other' },
  yes: { de: 'ja', en: 'yes' },
  city_map: {
    de: 'Stadtplan mit Ämtern und Beratungsstellen',
    en: 'City map with authorities and counselling offices',
  },
  directory_flyer: { de: 'Wegweiser der Beratungsangebote', en: 'Guide to the counselling offers' },
  course_information: {
    de: 'Informationen zum Integrationskurs',
    en: 'Information on the integration course',
  },
  counselling_flyer: { de: 'Flyer der MBE und des JMD', en: 'Leaflets of the MBE and the JMD' },
  emergency_numbers: { de: 'Wichtige Telefonnummern', en: 'Important telephone numbers' },
  no: { de: 'nein', en: 'no' },
};

/** Headings of the report's tables. */
export const dimensionLabels: Record<ReportDimension, { de: string; en: string }> = {
  month: { de: 'Kontakte nach Monat', en: 'Contacts by month' },
  way_in: { de: 'Zugang', en: 'Way in' },
  topic: { de: 'Thema', en: 'Topic' },
  referral: { de: 'Weitervermittelt an', en: 'Referred to' },
  welcome_package: { de: 'Willkommenspaket übergeben', en: 'Welcome package handed over' },
  age_group: { de: 'Altersgruppe', en: 'Age group' },
  gender: { de: 'Geschlecht', en: 'Gender' },
  region: { de: 'Herkunftsregion', en: 'Region of origin' },
  language: { de: 'Sprache', en: 'Language' },
  residence: { de: 'Aufenthaltskategorie', en: 'Residence category' },
};
