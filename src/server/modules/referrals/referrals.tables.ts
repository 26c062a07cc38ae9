import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the referral tables (migration 0011_create_referrals). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;

export interface ReferralCountsTable {
  organisation_id: string;
  /** The first day of the month, 'YYYY-MM-01'. */
  month: string;
  kind: 'slip' | 'named';
  service: 'MBE' | 'JMD' | 'both';
  language: string;
  topic: string;
  referrals: ColumnType<number, number | undefined, number>;
}

export interface ReferralsTable {
  id: string;
  referrer_organisation_id: string;
  referrer_user_id: string;
  receiving_organisation_id: string;
  receiving_office_id: string;
  service: string;
  given_name: string | null;
  family_name: string;
  phone: string | null;
  email: string | null;
  language: string;
  age: number | null;
  topic: string;
  note: string | null;
  call_first: boolean;
  feedback_allowed: boolean;
  consent_language: string;
  consent_given_at: Timestamp;
  status: ColumnType<string, string | undefined, string>;
  handed_on_by_organisation_id: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralEventsTable {
  id: Generated<string>;
  organisation_id: string;
  referral_id: string;
  event: string;
  reason: string | null;
  to_office_id: string | null;
  actor_user_id: string | null;
  at: Timestamp;
}

export interface ReferralCasesTable {
  referral_id: string;
  organisation_id: string;
  client_id: string;
  case_id: string;
}

/** Outcomes of erased referrals, counted for the evaluation (migration 0016_referral_retention). */
export interface ReferralOutcomesTable {
  organisation_id: string;
  office_id: string;
  referrer_organisation_id: string;
  /** The first day of the month the referral was sent, 'YYYY-MM-01'. */
  month: string;
  service: 'MBE' | 'JMD';
  outcome: ReferralOutcomeCount;
  referrals: ColumnType<number, number | undefined, number>;
}

export type ReferralOutcomeCount = 'taken_up' | 'not_taken_up' | 'undecided';

export interface ReferralTables {
  referral_counts: ReferralCountsTable;
  referral_outcomes: ReferralOutcomesTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_cases: ReferralCasesTable;
}
