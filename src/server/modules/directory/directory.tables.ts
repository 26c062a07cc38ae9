import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the directory tables (migration 0002_create_directory). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** `date` columns stay 'YYYY-MM-DD' strings (type parser in database.ts). */
type CalendarDate = string;
/** `time` columns come back as 'HH:MM:SS'. */
type ClockTime = string;

/** One online-counselling platform an office links to (mbeon, a welfare association's portal). */
export interface OnlineLink {
  platform: 'mbeon' | 'caritas' | 'diakonie' | 'drk' | 'awo' | 'paritaet' | 'other';
  url: string;
  label: string | null;
}

/** An office's own age range for a programme, where it differs from the funders' rule. */
export type ServiceAges = Partial<Record<'MBE' | 'JMD', { minAge: number; maxAge: number | null }>>;

/** Columns 0002 adds to `offices`; schema.ts merges them into OfficesTable. */
export interface OfficeDirectoryColumns {
  description: ColumnType<string | null, string | null | undefined, string | null>;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  latitude: ColumnType<number | null, number | null | undefined, number | null>;
  longitude: ColumnType<number | null, number | null | undefined, number | null>;
  languages: TextArray;
  accessibility: ColumnType<string | null, string | null | undefined, string | null>;
  online_links: ColumnType<OnlineLink[], string | undefined, string>;
  service_ages: ColumnType<ServiceAges, string | undefined, string>;
  catchment_postcodes: TextArray;
  catchment_municipalities: TextArray;
  /** Maintained by a trigger from postcodes and municipalities. */
  catchment_keys: ColumnType<string[], never, never>;
  /** Maintained by a trigger from the city. */
  city_key: ColumnType<string, never, never>;
}

export interface OfficeContactsTable {
  id: Generated<string>;
  organisation_id: string;
  office_id: string;
  position: ColumnType<number, number | undefined, number>;
  function_title: string;
  name: string | null;
  name_public: ColumnType<boolean, boolean | undefined, boolean>;
  phone: string | null;
  email: string | null;
  languages: TextArray;
}

export interface OfficeHoursTable {
  id: Generated<string>;
  organisation_id: string;
  office_id: string;
  position: ColumnType<number, number | undefined, number>;
  kind: string;
  service: string | null;
  weekday: number;
  opens_at: ClockTime;
  closes_at: ClockTime;
  valid_from: CalendarDate | null;
  valid_to: CalendarDate | null;
  partner_organisation_id: string | null;
  room: string | null;
  by_appointment: ColumnType<boolean, boolean | undefined, boolean>;
  note: string | null;
}

export interface OfficeHourExceptionsTable {
  id: Generated<string>;
  organisation_id: string;
  office_id: string;
  kind: string;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  opens_at: ClockTime | null;
  closes_at: ClockTime | null;
  partner_organisation_id: string | null;
  room: string | null;
  note: string | null;
}

export interface FlyersTable {
  id: Generated<string>;
  organisation_id: string;
  office_id: string;
  title: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FlyerFilesTable {
  id: Generated<string>;
  organisation_id: string;
  flyer_id: string;
  language: string;
  revision: number;
  media_type: string;
  byte_size: number;
  sha256: string;
  filename: string;
  content: Buffer | Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface OfferCategoriesTable {
  id: string;
  kind: string;
  label_de: string;
  label_en: string;
  position: number;
}

export interface PartnerOffersTable {
  id: Generated<string>;
  organisation_id: string;
  kind: string;
  category_id: string;
  title: string;
  summary: string | null;
  place: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  starts_on: CalendarDate | null;
  ends_on: CalendarDate | null;
  schedule: string | null;
  free_places: number | null;
  childcare: boolean | null;
  languages: TextArray;
  target_group: string | null;
  /** Counselling providers the offer is addressed to; empty = all of them. */
  audience: ColumnType<string[], string[] | undefined, string[]>;
  contact: string | null;
  url: string | null;
  reference: string | null;
  effective_from: CalendarDate | null;
  published_at: Timestamp;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfferReadsTable {
  user_id: string;
  offer_id: string;
  organisation_id: string;
  read_at: Timestamp;
}

export interface DigestSettingsTable {
  user_id: string;
  organisation_id: string;
  frequency: string;
  last_sent_at: NullableTimestamp;
  updated_at: Timestamp;
}

/** The directory's tables, merged into the DB interface in schema.ts. */
export interface DirectoryTables {
  office_contacts: OfficeContactsTable;
  office_hours: OfficeHoursTable;
  office_hour_exceptions: OfficeHourExceptionsTable;
  flyers: FlyersTable;
  flyer_files: FlyerFilesTable;
  offer_categories: OfferCategoriesTable;
  partner_offers: PartnerOffersTable;
  offer_reads: OfferReadsTable;
  digest_settings: DigestSettingsTable;
}
