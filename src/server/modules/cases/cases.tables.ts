import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** Kysely types of the case-management tables (migration 0003_create_cases). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
/** A calendar date as 'YYYY-MM-DD' (the database layer keeps dates as strings). */
type DateString = string;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Flag = ColumnType<boolean, boolean | undefined, boolean>;

export interface ClientsTable {
  id: Generated<string>;
  organisation_id: string;
  given_name: string | null;
  family_name: string;
  pseudonymous: Flag;
  birth_date: DateString | null;
  age_group: string | null;
  gender: string | null;
  citizenship: string | null;
  languages: TextArray;
  phone: string | null;
  email: string | null;
  contact_note: string | null;
  arrival_year: number | null;
  residence_status_group: string | null;
  search_text: GeneratedAlways<string>;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClientFamilyMembersTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  position: ColumnType<number, number | undefined, number>;
  relation: string;
  given_name: string | null;
  birth_year: number | null;
  counselled_alongside: Flag;
}

export interface CasesTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  case_number: string;
  case_type: string;
  service: string;
  suggested_service: string | null;
  service_override_reason: string | null;
  owner_user_id: string;
  office_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  phase: string | null;
  way_in: string | null;
  opened_on: DateString;
  next_review_on: DateString | null;
  closed_on: DateString | null;
  closure_reason: string | null;
  closure_note: string | null;
  start_livelihood: string | null;
  start_language_level: string | null;
  start_work: string | null;
  end_livelihood: string | null;
  end_language_level: string | null;
  end_work: string | null;
  legal_hold: Flag;
  legal_hold_reason: string | null;
  legal_hold_set_at: NullableTimestamp;
  legal_hold_set_by: string | null;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseIntakesTable {
  case_id: string;
  organisation_id: string;
  held_on: DateString;
  reason: string;
  concerns: string | null;
  agreed_next_steps: string | null;
  topics: TextArray;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One vocational qualification in the analysis. */
export interface QualificationEntry {
  type: string;
  title: string;
  country: string | null;
  recognition: string;
}

export interface CaseAnalysesTable {
  case_id: string;
  organisation_id: string;
  german_level: string | null;
  other_languages: TextArray;
  schooling: string | null;
  schooling_years: number | null;
  schooling_note: string | null;
  qualifications: ColumnType<QualificationEntry[], string | undefined, string>;
  work_experience: string | null;
  family_situation: string | null;
  housing: string | null;
  housing_note: string | null;
  /** GDPR Art. 9 special category: read only for the owner and after breaking the glass. */
  health_note: string | null;
  residence_status_group: string | null;
  residence_note: string | null;
  livelihood: TextArray;
  livelihood_note: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupportPlansTable {
  case_id: string;
  organisation_id: string;
  reason: string | null;
  goal: string | null;
  course: string | null;
  agreed: Flag;
  agreed_on: DateString | null;
  agreement_method: string | null;
  agreement_note: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanGoalsTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  position: number;
  title: string;
  status: string;
}

export interface PlanStepsTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  goal_id: string;
  position: number;
  title: string;
  responsible: string;
  partner_name: string | null;
  due_on: DateString | null;
  status: string;
  done_on: DateString | null;
}

export interface CaseContactsTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  starts_at: Timestamp;
  form: string;
  status: string;
  duration_minutes: number | null;
  topics: TextArray;
  family_member_ids: TextArray;
  note: string | null;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseActivitiesTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  kind: string;
  status: string;
  course_provider_name: string | null;
  course_name: string | null;
  starts_on: DateString | null;
  ends_on: DateString | null;
  children_count: number | null;
  childcare_place: string | null;
  note: string | null;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseResponsibilitiesTable {
  case_id: string;
  area: string;
  organisation_id: string;
  responsible: string;
  note: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseAccessGrantsTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  user_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
}

export interface CaseNumberCountersTable {
  organisation_id: string;
  year: number;
  last_value: number;
}

export interface CaseSettingsTable {
  organisation_id: string;
  categories: ColumnType<Record<string, unknown>, string | undefined, string>;
  retention_years: ColumnType<number, number | undefined, number>;
  consent_max_months: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseStatisticsTable {
  id: Generated<string>;
  organisation_id: string;
  recorded_at: Timestamp;
  service: string;
  case_type: string;
  opened_month: string;
  closed_month: string | null;
  age_group: string | null;
  gender: string | null;
  residence_status_group: string | null;
  years_since_arrival: string | null;
  way_in: string | null;
  closure_reason: string | null;
  contacts: number;
  family_members: number;
  topics: TextArray;
  start_livelihood: string | null;
  end_livelihood: string | null;
  start_language_level: string | null;
  end_language_level: string | null;
  start_work: string | null;
  end_work: string | null;
  citizenship: string | null;
  office_id: string | null;
}

export interface CaseDeletionRecordsTable {
  id: Generated<string>;
  organisation_id: string;
  erased_at: Timestamp;
  rule: string;
  retention_years: number;
  closed_month: string;
  service: string;
  case_type: string;
  records_removed: number;
  client_erased: boolean;
}

/** The case-management part of the database; `DB` in db/schema.ts extends it. */
export interface CasesTables {
  clients: ClientsTable;
  client_family_members: ClientFamilyMembersTable;
  cases: CasesTable;
  case_intakes: CaseIntakesTable;
  case_analyses: CaseAnalysesTable;
  support_plans: SupportPlansTable;
  plan_goals: PlanGoalsTable;
  plan_steps: PlanStepsTable;
  case_contacts: CaseContactsTable;
  case_activities: CaseActivitiesTable;
  case_responsibilities: CaseResponsibilitiesTable;
  case_access_grants: CaseAccessGrantsTable;
  case_number_counters: CaseNumberCountersTable;
  case_settings: CaseSettingsTable;
  case_statistics: CaseStatisticsTable;
  case_deletion_records: CaseDeletionRecordsTable;
}
