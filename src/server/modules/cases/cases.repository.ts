import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { defaultResponsibilities } from './cases.rules.ts';

/** SQL of cases, break-the-glass grants, responsibilities, caseloads and settings. */

const caseColumns = [
  'cases.id',
  'cases.organisation_id',
  'cases.client_id',
  'cases.case_number',
  'cases.case_type',
  'cases.service',
  'cases.suggested_service',
  'cases.service_override_reason',
  'cases.owner_user_id',
  'cases.office_id',
  'cases.status',
  'cases.phase',
  'cases.way_in',
  'cases.opened_on',
  'cases.next_review_on',
  'cases.closed_on',
  'cases.closure_reason',
  'cases.closure_note',
  'cases.start_livelihood',
  'cases.start_language_level',
  'cases.start_work',
  'cases.end_livelihood',
  'cases.end_language_level',
  'cases.end_work',
  'cases.legal_hold',
  'cases.legal_hold_reason',
  'cases.legal_hold_set_at',
  'cases.version',
] as const;

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(trx: Trx, id: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.owner_user_id')
    .select([...caseColumns, 'users.display_name as owner_name'])
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/** The next case number of the organisation in a year: 'YYYY-NNNNN'. */
export async function nextCaseNumber(trx: Trx, organisationId: string, year: number): Promise<string> {
  const row = await trx
    .insertInto('case_number_counters')
    .values({ organisation_id: organisationId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('case_number_counters.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last_value).padStart(5, '0')}`;
}

export interface CaseValues {
  case_type: string;
  service: string;
  suggested_service: string | null;
  service_override_reason: string | null;
  office_id: string | null;
  phase: string | null;
  way_in: string | null;
  next_review_on: string | null;
  start_livelihood: string | null;
  start_language_level: string | null;
  start_work: string | null;
}

export async function insertCase(
  trx: Trx,
  values: CaseValues & {
    organisation_id: string;
    client_id: string;
    case_number: string;
    owner_user_id: string;
    opened_on: string;
    created_by: string;
  },
): Promise<string> {
  const row = await trx.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('case_responsibilities')
    .values(
      defaultResponsibilities.map((r) => ({
        case_id: row.id,
        area: r.area,
        organisation_id: values.organisation_id,
        responsible: r.responsible,
      })),
    )
    .execute();
  return row.id;
}

/** Updates a case if the version still matches; false when someone else changed it first. */
export async function updateCase(
  trx: Trx,
  id: string,
  version: number,
  changes: Partial<
    CaseValues & {
      status: string;
      closed_on: string | null;
      closure_reason: string | null;
      closure_note: string | null;
      end_livelihood: string | null;
      end_language_level: string | null;
      end_work: string | null;
      legal_hold: boolean;
      legal_hold_reason: string | null;
      legal_hold_set_at: Date | null;
      legal_hold_set_by: string | null;
    }
  >,
): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who holds an unexpired break-the-glass grant on the case. */
export async function activeGrantUserIds(trx: Trx, caseId: string, now: Date): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_access_grants')
    .select('user_id')
    .distinct()
    .where('case_id', '=', caseId)
    .where('expires_at', '>', now)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The actor's unexpired grant on the case, if any (latest first). */
export function activeGrantOf(trx: Trx, caseId: string, userId: string, now: Date) {
  return trx
    .selectFrom('case_access_grants')
    .select(['reason', 'granted_at', 'expires_at'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('granted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every break-the-glass grant on the case, newest first, with the person's name. */
export function grantsOfCase(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_access_grants')
    .innerJoin('users', 'users.id', 'case_access_grants.user_id')
    .select([
      'case_access_grants.id',
      'case_access_grants.user_id',
      'users.display_name as user_name',
      'case_access_grants.reason',
      'case_access_grants.granted_at',
      'case_access_grants.expires_at',
    ])
    .where('case_access_grants.case_id', '=', caseId)
    .orderBy('case_access_grants.granted_at', 'desc')
    .execute();
}

export function insertGrant(
  trx: Trx,
  values: {
    organisation_id: string;
    case_id: string;
    user_id: string;
    reason: string;
    granted_at: Date;
    expires_at: Date;
  },
) {
  return trx
    .insertInto('case_access_grants')
    .values(values)
    .returning(['case_id', 'reason', 'granted_at', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export function listResponsibilities(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_responsibilities')
    .select(['area', 'responsible', 'note', 'version'])
    .where('case_id', '=', caseId)
    .execute();
}

export async function updateResponsibility(
  trx: Trx,
  caseId: string,
  area: string,
  version: number,
  changes: { responsible: string; note: string | null; updated_by: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('case_responsibilities')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('area', '=', area)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findCaseByNumber(trx: Trx, caseNumber: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.owner_user_id')
    .select([
      'cases.id',
      'cases.organisation_id',
      'cases.case_number',
      'cases.status',
      'cases.owner_user_id',
      'users.display_name as owner_name',
    ])
    .where('cases.case_number', '=', caseNumber)
    .executeTakeFirst();
}

/** Client name as lists show it: given and family name, or the pseudonym. */
const clientName = sql<string>`btrim(coalesce(cl.given_name, '') || ' ' || cl.family_name)`;

export interface CaseloadCaseRow {
  id: string;
  case_number: string;
  client_name: string;
  case_type: string;
  service: string;
  phase: string | null;
  opened_on: string;
  next_review_on: string | null;
  next_step_due_on: string | null;
  last_contact_at: Date | null;
}

/** R-CASE-5: the open cases of one counsellor with next due step and last contact. */
export async function openCasesOf(trx: Trx, userId: string): Promise<CaseloadCaseRow[]> {
  const { rows } = await sql<CaseloadCaseRow>`
    SELECT k.id, k.case_number, ${clientName} AS client_name, k.case_type, k.service, k.phase,
           k.opened_on, k.next_review_on,
           (SELECT min(s.due_on) FROM plan_steps s
             WHERE s.case_id = k.id AND s.status IN ('open','in_progress')) AS next_step_due_on,
           (SELECT max(ct.starts_at) FROM case_contacts ct
             WHERE ct.case_id = k.id AND ct.status = 'held') AS last_contact_at
    FROM cases k JOIN clients cl ON cl.id = k.client_id
    WHERE k.owner_user_id = ${userId} AND k.status = 'open'
    ORDER BY k.next_review_on NULLS LAST, k.opened_on, k.case_number`.execute(trx);
  return rows;
}

export interface DueStepRow {
  case_id: string;
  case_number: string;
  client_name: string;
  step_id: string;
  title: string;
  responsible: string;
  due_on: string;
}

/** Open steps of the counsellor's open cases due by `until`, earliest first. */
export async function dueStepsOf(
  trx: Trx,
  userId: string,
  until: string,
  limit: number,
): Promise<DueStepRow[]> {
  const { rows } = await sql<DueStepRow>`
    SELECT k.id AS case_id, k.case_number, ${clientName} AS client_name, s.id AS step_id, s.title,
           s.responsible, s.due_on
    FROM plan_steps s JOIN cases k ON k.id = s.case_id JOIN clients cl ON cl.id = k.client_id
    WHERE k.owner_user_id = ${userId} AND k.status = 'open'
      AND s.status IN ('open','in_progress') AND s.due_on <= ${until}::date
    ORDER BY s.due_on, k.case_number, s.position
    LIMIT ${limit}`.execute(trx);
  return rows;
}

export interface AppointmentRow {
  contact_id: string;
  case_id: string;
  case_number: string;
  client_name: string;
  starts_at: Date;
  form: string;
  duration_minutes: number | null;
}

/** Planned contacts of the counsellor's open cases from `from` until before `until`. */
export async function appointmentsOf(
  trx: Trx,
  userId: string,
  from: Date,
  until: Date,
): Promise<AppointmentRow[]> {
  const { rows } = await sql<AppointmentRow>`
    SELECT ct.id AS contact_id, k.id AS case_id, k.case_number, ${clientName} AS client_name,
           ct.starts_at, ct.form, ct.duration_minutes
    FROM case_contacts ct JOIN cases k ON k.id = ct.case_id JOIN clients cl ON cl.id = k.client_id
    WHERE k.owner_user_id = ${userId} AND k.status = 'open' AND ct.status = 'planned'
      AND ct.starts_at >= ${from} AND ct.starts_at < ${until}
    ORDER BY ct.starts_at, k.case_number`.execute(trx);
  return rows;
}

/** Break-the-glass accesses by others to the owner's cases since a moment. */
export function accessByOthers(trx: Trx, ownerUserId: string, since: Date) {
  return trx
    .selectFrom('case_access_grants as g')
    .innerJoin('cases as k', 'k.id', 'g.case_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.case_id', 'k.case_number', 'u.display_name as user_name', 'g.reason', 'g.granted_at'])
    .where('k.owner_user_id', '=', ownerUserId)
    .where('g.user_id', '!=', ownerUserId)
    .where('g.granted_at', '>=', since)
    .orderBy('g.granted_at', 'desc')
    .limit(100)
    .execute();
}

export interface TeamRow {
  user_id: string;
  name: string;
  open: number;
  case_management: number;
  short_counselling: number;
  overdue_reviews: number;
  steps_due_this_week: number;
  overdue_steps: number;
}

/**
 * R-CON-8: the team's caseloads as counts only; overdue before `today`, this week up to `weekEnd`
 * (`due.ts`). The team is every active holder of `caseloadRoles` and whoever else owns an open case.
 */
export async function teamCounts(
  trx: Trx,
  today: string,
  weekEnd: string,
  caseloadRoles: readonly string[],
): Promise<TeamRow[]> {
  const { rows } = await sql<TeamRow>`
    SELECT u.id AS user_id, u.display_name AS name,
      count(k.id)::int AS open,
      count(k.id) FILTER (WHERE k.case_type = 'case_management')::int AS case_management,
      count(k.id) FILTER (WHERE k.case_type = 'short_counselling')::int AS short_counselling,
      count(k.id) FILTER (WHERE k.next_review_on < ${today}::date)::int AS overdue_reviews,
      coalesce(sum(st.due_this_week), 0)::int AS steps_due_this_week,
      coalesce(sum(st.overdue), 0)::int AS overdue_steps
    FROM users u
    LEFT JOIN cases k ON k.owner_user_id = u.id AND k.status = 'open'
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE s.due_on BETWEEN ${today}::date AND ${weekEnd}::date) AS due_this_week,
             count(*) FILTER (WHERE s.due_on < ${today}::date) AS overdue
      FROM plan_steps s WHERE s.case_id = k.id AND s.status IN ('open','in_progress')
    ) st ON true
    WHERE u.status = 'active' AND (u.roles && ${[...caseloadRoles]}::text[] OR k.id IS NOT NULL)
    GROUP BY u.id, u.display_name
    ORDER BY u.display_name`.execute(trx);
  return rows;
}

export interface TeamDueRow {
  /** The step's id, or the case's for a review. */
  item_id: string;
  case_id: string;
  case_number: string;
  owner_name: string;
  kind: 'review' | 'step';
  due_on: string;
}

/**
 * Due reviews and steps of the whole team by `until`, one row per review and per step (as the
 * counts count them) — which case and when, never what.
 */
export async function teamDueItems(trx: Trx, until: string, limit: number): Promise<TeamDueRow[]> {
  const { rows } = await sql<TeamDueRow>`
    SELECT * FROM (
      SELECT k.id AS item_id, k.id AS case_id, k.case_number, u.display_name AS owner_name,
             'review' AS kind, k.next_review_on AS due_on
      FROM cases k JOIN users u ON u.id = k.owner_user_id
      WHERE k.status = 'open' AND k.next_review_on <= ${until}::date
      UNION ALL
      SELECT s.id, k.id, k.case_number, u.display_name, 'step', s.due_on
      FROM plan_steps s JOIN cases k ON k.id = s.case_id JOIN users u ON u.id = k.owner_user_id
      WHERE k.status = 'open' AND s.status IN ('open','in_progress') AND s.due_on <= ${until}::date
    ) d
    ORDER BY due_on, case_number, kind
    LIMIT ${limit}`.execute(trx);
  return rows;
}

export function findSettings(trx: Trx) {
  return trx
    .selectFrom('case_settings')
    .select(['organisation_id', 'categories', 'retention_years', 'consent_max_months', 'version'])
    .executeTakeFirst();
}

/** Writes the settings if the version still matches (0: no row yet); false on a conflict. */
export async function saveSettings(
  trx: Trx,
  organisationId: string,
  version: number,
  values: { categories: string; retention_years: number; consent_max_months: number; updated_by: string },
): Promise<boolean> {
  if (version === 0) {
    const inserted = await trx
      .insertInto('case_settings')
      .values({ organisation_id: organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await trx
    .updateTable('case_settings')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listDeletionRecords(trx: Trx, offset: number, limit: number) {
  return trx
    .selectFrom('case_deletion_records')
    .selectAll()
    .orderBy('erased_at', 'desc')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countDeletionRecords(trx: Trx): Promise<number> {
  const row = await trx
    .selectFrom('case_deletion_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
