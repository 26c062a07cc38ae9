import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the exchange tables (migration 0007_create_exchange). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
/** A calendar date as 'YYYY-MM-DD' (the database layer keeps dates as strings). */
type DateString = string;
/** A message's sections: one text per data category, as sent. */
export type Sections = { category: string; text: string }[];
type Json = ColumnType<Sections, string, string>;

export interface PartnerTeamsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  version: Version;
  created_at: Timestamp;
}

export interface PartnerTeamMembersTable {
  team_id: string;
  user_id: string;
  organisation_id: string;
}

export interface ConsentsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  case_id: string;
  office_id: string | null;
  recipient_organisation_id: string;
  recipient_team_id: string;
  recipient_user_id: string | null;
  purpose: string;
  /** The purpose as the client signed it, German and English, kept when the list changes. */
  purpose_label: string;
  purpose_label_en: string;
  purpose_text: string | null;
  categories: string[];
  direction: string;
  repetition: string;
  valid_from: DateString;
  valid_until: DateString;
  form: string;
  form_language: string;
  legal_basis: ColumnType<string, string | undefined, string>;
  document: Buffer | null;
  document_type: string | null;
  taken_by: string;
  given_at: Timestamp;
  used_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
  created_at: Timestamp;
}

export interface ConsentEventsTable {
  id: Generated<string>;
  organisation_id: string;
  consent_id: string;
  event: string;
  message_id: string | null;
  actor_user_id: string | null;
  at: Timestamp;
}

export interface ExchangeThreadsTable {
  id: Generated<string>;
  provider_organisation_id: string;
  partner_organisation_id: string;
  partner_team_id: string;
  partner_user_id: string | null;
  consent_id: string | null;
  subject: string;
  client_label: string;
  legal_basis: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
  last_message_at: Timestamp;
}

export interface ExchangeThreadCasesTable {
  thread_id: string;
  organisation_id: string;
  client_id: string;
  case_id: string;
}

export interface ExchangeMessagesTable {
  id: Generated<string>;
  thread_id: string;
  provider_organisation_id: string;
  partner_organisation_id: string;
  author_organisation_id: string;
  /** Null for an answer through a one-time link, which names the link instead. */
  author_user_id: string | null;
  via_link_id: ColumnType<string | null, string | null | undefined, never>;
  author_name: string;
  author_phone: string | null;
  author_email: string | null;
  author_office: string | null;
  kind: string;
  sections: Json;
  categories: string[];
  consent_id: string | null;
  legal_basis_id: ColumnType<string | null, string | null | undefined, string | null>;
  sent_at: Timestamp;
  read_at: NullableTimestamp;
  read_by: string | null;
}

export interface ClientCopiesTable {
  id: Generated<string>;
  organisation_id: string;
  message_id: string;
  client_id: string;
  language: string;
  pdf: Buffer;
  handover: string | null;
  handed_over_at: NullableTimestamp;
  handed_over_by: string | null;
  created_at: Timestamp;
}

export interface ExchangeConflictsTable {
  id: Generated<string>;
  thread_id: string;
  provider_organisation_id: string;
  partner_organisation_id: string;
  raised_by: string;
  raised_by_name: string;
  raised_by_organisation_id: string;
  description: string;
  status: ColumnType<string, string | undefined, string>;
  outcome: string | null;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  created_at: Timestamp;
  version: Version;
}

export interface ExchangeConflictNotesTable {
  id: Generated<string>;
  conflict_id: string;
  provider_organisation_id: string;
  partner_organisation_id: string;
  author_organisation_id: string;
  author_user_id: string;
  author_name: string;
  text: string;
  created_at: Timestamp;
}

export interface DisclosureLegalBasesTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  case_id: string;
  recipient_organisation_id: string;
  recipient_team_id: string;
  basis: string;
  justification: string;
  categories: string[];
  decided_by: string;
  decided_at: Timestamp;
  used_at: NullableTimestamp;
  message_id: string | null;
}

export interface ExchangeAttachmentsTable {
  id: Generated<string>;
  message_id: string;
  provider_organisation_id: string;
  partner_organisation_id: string;
  author_organisation_id: string;
  category: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
}

export interface ExchangeTables {
  exchange_attachments: ExchangeAttachmentsTable;
  disclosure_legal_bases: DisclosureLegalBasesTable;
  partner_teams: PartnerTeamsTable;
  partner_team_members: PartnerTeamMembersTable;
  consents: ConsentsTable;
  consent_events: ConsentEventsTable;
  exchange_threads: ExchangeThreadsTable;
  exchange_thread_cases: ExchangeThreadCasesTable;
  exchange_messages: ExchangeMessagesTable;
  client_copies: ClientCopiesTable;
  exchange_conflicts: ExchangeConflictsTable;
  exchange_conflict_notes: ExchangeConflictNotesTable;
  exchange_links: ExchangeLinksTable;
}

/** A one-time link or letter code of a thread, for a recipient off the platform (R-REF-5). */
export interface ExchangeLinksTable {
  id: Generated<string>;
  number: ColumnType<number, never, never>;
  thread_id: string;
  provider_organisation_id: string;
  partner_organisation_id: string;
  channel: string;
  token_hash: string | null;
  code_hash: string | null;
  birth_year: number | null;
  email: string | null;
  expires_at: Timestamp;
  opened_at: NullableTimestamp;
  reader_hash: string | null;
  answered_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
}
