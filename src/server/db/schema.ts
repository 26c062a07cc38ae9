import type { ColumnType, Generated } from 'kysely';
import type { DirectoryTables, OfficeDirectoryColumns } from '../modules/directory/directory.tables.ts';
import type { CasesTables } from '../modules/cases/cases.tables.ts';
import type { ExchangeTables } from '../modules/exchange/exchange.tables.ts';
import type { ReferralTables } from '../modules/referrals/referrals.tables.ts';
import type { ClearingTables } from '../modules/clearing/clearing.tables.ts';
import type { AgreementTables } from '../modules/agreements/agreements.tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  subtype: string | null;
  umbrella: string | null;
  services: ColumnType<string[], string[] | undefined, string[]>;
  funding: string | null;
  hosts_clearing_office: Generated<boolean>;
  data_protection_law: string | null;
  state: string | null;
  require_totp: Generated<boolean>;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  deactivated_at: NullableTimestamp;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfficesTable extends OfficeDirectoryColumns {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  services: ColumnType<string[], string[] | undefined, string[]>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  function_title: string | null;
  phone: string | null;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  office_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  locale: ColumnType<string, string | undefined, string>;
  password_hash: string | null;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: NullableTimestamp;
  /** The last accepted TOTP time step; a code is never accepted twice. */
  totp_last_step: number | null;
  invitation_hash: string | null;
  invitation_expires_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  csrf_token: string;
  state: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scope: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  organisation_id: string | null;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  reason: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** The whole database as Kysely sees it. */
export interface DB
  extends DirectoryTables, CasesTables, ExchangeTables, ReferralTables, ClearingTables, AgreementTables {
  organisations: OrganisationsTable;
  offices: OfficesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
}
