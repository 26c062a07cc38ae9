import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the agreement tables (migrations 0012_create_agreements, 0017_create_agreement_meetings). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
/** A calendar date as 'YYYY-MM-DD'. */
type DateString = string;

export interface AgreementsTable {
  id: string;
  model: string;
  title: string;
  place: string | null;
  status: ColumnType<string, string | undefined, string>;
  arrangement_form: string | null;
  starts_on: DateString | null;
  ends_on: DateString | null;
  responsibilities_provider: string | null;
  responsibilities_partner: string | null;
  clearing_days_per_week: number | null;
  clearing_hours_per_week: ColumnType<number | string | null, number | null | undefined, number | null>;
  premises: string | null;
  communication: ColumnType<unknown, string | undefined, string>;
  renewal: string | null;
  clause_version: Version;
  signed_version: number | null;
  renewal_reminded_for: DateString | null;
  created_by_organisation_id: string;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementPartiesTable {
  id: string;
  agreement_id: string;
  organisation_id: string;
  side: string;
}

export interface AgreementPeopleTable {
  id: string;
  agreement_id: string;
  party_id: string;
  role: string;
  name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  created_at: Timestamp;
}

export interface AgreementClausesTable {
  agreement_id: string;
  clause_version: number;
  clause_id: string;
  position: number;
  title: string;
  text: string;
  selected: boolean;
  own: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AgreementCommentsTable {
  id: string;
  agreement_id: string;
  seq: Generated<number>;
  organisation_id: string;
  author_user_id: string | null;
  author_name: string;
  clause_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface AgreementTransitionsTable {
  id: string;
  agreement_id: string;
  seq: Generated<number>;
  organisation_id: string | null;
  transition: string;
  from_status: string;
  to_status: string;
  reason: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  on_date: DateString;
  at: Timestamp;
}

export interface AgreementScansTable {
  agreement_id: string;
  file_name: string;
  media_type: string;
  content: Uint8Array;
  size: number;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface AgreementMeetingsTable {
  id: string;
  agreement_id: string;
  kind: string;
  title: string;
  starts_at: Timestamp;
  duration_minutes: ColumnType<number, number | undefined, number>;
  location: string | null;
  status: ColumnType<string, string | undefined, string>;
  minutes: string | null;
  audience: string | null;
  invited_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  created_by_organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementMeetingAttendeesTable {
  id: string;
  agreement_id: string;
  meeting_id: string;
  name: string;
  email: string | null;
  organisation_id: string | null;
}

export interface AgreementActionsTable {
  id: string;
  agreement_id: string;
  meeting_id: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string;
  owner_organisation_id: string | null;
  due_on: DateString;
  done_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface AgreementTables {
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_people: AgreementPeopleTable;
  agreement_clauses: AgreementClausesTable;
  agreement_comments: AgreementCommentsTable;
  agreement_transitions: AgreementTransitionsTable;
  agreement_scans: AgreementScansTable;
  agreement_meetings: AgreementMeetingsTable;
  agreement_meeting_attendees: AgreementMeetingAttendeesTable;
  agreement_actions: AgreementActionsTable;
}
