// No imports: the web loads these lists too (forms, filters); the schemas build their enums from them.

/** The two federal counselling programmes: Migrationsberatung für Erwachsene, Jugendmigrationsdienste. */
export const services = ['MBE', 'JMD'] as const;
export type Service = (typeof services)[number];

/** Who funds a provider's counselling. */
export const fundings = ['federal', 'state', 'federal_and_state'] as const;
export type Funding = (typeof fundings)[number];

/** The data protection law a provider is bound by (DSGVO, church laws KDG and DSG-EKD). */
export const dataProtectionLaws = ['dsgvo', 'kdg', 'dsg_ekd'] as const;
export type DataProtectionLaw = (typeof dataProtectionLaws)[number];

/** What kind of unit within its kind an organisation is (a joint clearing office, a neighbourhood centre …). */
export const organisationSubtypes = [
  'regeldienst',
  'stadtteilzentrum',
  'bundesagentur',
  'clearing_office_joint',
  'other',
] as const;
export type OrganisationSubtype = (typeof organisationSubtypes)[number];

/** The German Länder by their official abbreviations: where a provider sits decides its supervisory authority. */
export const germanStates = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type GermanState = (typeof germanStates)[number];
