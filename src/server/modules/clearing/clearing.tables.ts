import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the clearing office's tables (migration 0013_create_clearing). */

export interface OtherTopic {
  code: string;
  de: string;
  en: string;
}

type Version = ColumnType<number, number | undefined, number>;

export interface ClearingSettingsTable {
  organisation_id: string;
  abh_organisation_id: string | null;
  abh_office_id: string | null;
  /** [{ code, de, en }] as JSON. */
  other_topics: ColumnType<OtherTopic[], string, string>;
  version: Version;
}

export interface ClearingContactsTable {
  id: string;
  organisation_id: string;
  /** 'YYYY-MM-DD': the day, nothing finer. */
  contact_date: ColumnType<string, string, string>;
  age_group: string;
  gender: string;
  region: string;
  language: string;
  residence: string;
  topics: string[];
  other_topic: string | null;
  way_in: string;
  referrals: string[];
  welcome_package: boolean;
}

export interface ClearingRotaTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  weekday: number;
  /** 'HH:MM:SS'. */
  starts_at: string;
  ends_at: string;
}

/** Public directory searches that found nothing (migration 0015_count_offer_gaps). */
export interface DirectorySearchGapsTable {
  month: string;
  language: string;
  service: 'MBE' | 'JMD' | 'both' | 'any';
  area: string;
  searches: ColumnType<number, number | undefined, number>;
}

export interface ClearingTables {
  directory_search_gaps: DirectorySearchGapsTable;
  clearing_settings: ClearingSettingsTable;
  clearing_contacts: ClearingContactsTable;
  clearing_rota: ClearingRotaTable;
}
