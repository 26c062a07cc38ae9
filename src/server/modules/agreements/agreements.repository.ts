import { sql, type Insertable, type Updateable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type {
  AgreementActionsTable,
  AgreementClausesTable,
  AgreementCommentsTable,
  AgreementMeetingsTable,
  AgreementPeopleTable,
  AgreementsTable,
  AgreementTransitionsTable,
} from './agreements.tables.ts';

/**
 * SQL of cooperation agreements and their meetings. Every function takes the request's
 * transaction first; row-level security (`koop_agreement_member`) hides agreements the
 * transaction's organisation is no party of.
 */

// ---------------------------------------------------------------------------------------------
// Agreements

export async function insertAgreement(trx: Trx, values: Insertable<AgreementsTable>): Promise<void> {
  await trx.insertInto('agreements').values(values).execute();
}

export function findAgreement(trx: Trx, id: string, lock = false) {
  let q = trx.selectFrom('agreements').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

export function listAgreements(trx: Trx) {
  return trx
    .selectFrom('agreements')
    .select(['id', 'model', 'title', 'status', 'starts_on', 'ends_on', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .limit(500)
    .execute();
}

/** Updates when the version matches; false when somebody else changed it first. */
export async function updateAgreement(
  trx: Trx,
  id: string,
  version: number,
  values: Updateable<AgreementsTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('agreements')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Parties and their people (R-AGR-1, R-ORG-3)

export async function insertParty(
  trx: Trx,
  values: { id: string; agreement_id: string; organisation_id: string; side: string },
): Promise<void> {
  await trx.insertInto('agreement_parties').values(values).execute();
}

export function partiesOf(trx: Trx, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('agreement_parties as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.agreement_id', 'p.organisation_id', 'p.side', 'o.name', 'o.kind'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.side', 'desc')
    .orderBy('o.name')
    .execute();
}

export async function deleteParty(trx: Trx, agreementId: string, partyId: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('agreement_parties')
    .where('agreement_id', '=', agreementId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  return r.numDeletedRows === 1n;
}

export async function insertPerson(trx: Trx, values: Insertable<AgreementPeopleTable>): Promise<void> {
  await trx.insertInto('agreement_people').values(values).execute();
}

export function peopleOf(trx: Trx, agreementId: string) {
  return trx
    .selectFrom('agreement_people')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('role', 'desc')
    .orderBy('created_at')
    .execute();
}

export async function deletePerson(trx: Trx, agreementId: string, personId: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('agreement_people')
    .where('agreement_id', '=', agreementId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return r.numDeletedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Clauses per version

export async function insertClauses(trx: Trx, rows: Insertable<AgreementClausesTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('agreement_clauses').values(rows).execute();
}

export function clausesOf(trx: Trx, agreementId: string, clauseVersion: number) {
  return trx
    .selectFrom('agreement_clauses')
    .select(['clause_id', 'position', 'title', 'text', 'selected', 'own'])
    .where('agreement_id', '=', agreementId)
    .where('clause_version', '=', clauseVersion)
    .orderBy('position')
    .execute();
}
export type ClauseRow = Awaited<ReturnType<typeof clausesOf>>[number];

// ---------------------------------------------------------------------------------------------
// Comments, transitions, the scan

export async function insertComment(trx: Trx, values: Insertable<AgreementCommentsTable>): Promise<void> {
  await trx.insertInto('agreement_comments').values(values).execute();
}

export function commentsOf(trx: Trx, agreementId: string) {
  return trx
    .selectFrom('agreement_comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.author_name', 'o.name as organisation_name', 'c.clause_id', 'c.body', 'c.created_at'])
    .where('c.agreement_id', '=', agreementId)
    .orderBy('c.seq')
    .execute();
}

export async function insertTransition(
  trx: Trx,
  values: Insertable<AgreementTransitionsTable>,
): Promise<void> {
  await trx.insertInto('agreement_transitions').values(values).execute();
}

export function transitionsOf(trx: Trx, agreementId: string) {
  return trx
    .selectFrom('agreement_transitions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('seq')
    .execute();
}

export async function saveScan(
  trx: Trx,
  values: {
    agreement_id: string;
    file_name: string;
    media_type: string;
    content: Uint8Array;
    uploaded_by: string;
  },
): Promise<void> {
  const row = { ...values, size: values.content.byteLength, uploaded_at: new Date() };
  await trx
    .insertInto('agreement_scans')
    .values(row)
    .onConflict((oc) =>
      oc.column('agreement_id').doUpdateSet({
        file_name: row.file_name,
        media_type: row.media_type,
        content: row.content,
        size: row.size,
        uploaded_by: row.uploaded_by,
        uploaded_at: row.uploaded_at,
      }),
    )
    .execute();
}

export function scanInfo(trx: Trx, agreementId: string) {
  return trx
    .selectFrom('agreement_scans')
    .select(['file_name', 'media_type', 'size', 'uploaded_at'])
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
}

export function scanContent(trx: Trx, agreementId: string) {
  return trx
    .selectFrom('agreement_scans')
    .select(['file_name', 'media_type', 'content'])
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
}

/** Counselling providers and partners that can be parties of an agreement. */
export function partyCandidates(trx: Trx) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', ['welfare_provider', 'abh', 'jobcenter', 'course_provider', 'other'])
    .orderBy('name')
    .limit(1000)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Meetings, attendees, actions (R-AGR-6, R-AGR-7)

export async function insertMeetings(trx: Trx, rows: Insertable<AgreementMeetingsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('agreement_meetings').values(rows).execute();
}

export function meetingsOf(trx: Trx, agreementId: string) {
  return trx
    .selectFrom('agreement_meetings')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('starts_at')
    .execute();
}

export function findMeeting(trx: Trx, id: string) {
  return trx.selectFrom('agreement_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function updateMeeting(
  trx: Trx,
  id: string,
  version: number,
  values: Updateable<AgreementMeetingsTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable('agreement_meetings')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function markInvited(trx: Trx, id: string, at: Date): Promise<void> {
  await trx.updateTable('agreement_meetings').set({ invited_at: at }).where('id', '=', id).execute();
}

export function attendeesOf(trx: Trx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('agreement_meeting_attendees')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('name')
    .execute();
}

export async function replaceAttendees(
  trx: Trx,
  agreementId: string,
  meetingId: string,
  rows: { id: string; name: string; email: string | null }[],
): Promise<void> {
  await trx.deleteFrom('agreement_meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) {
    await trx
      .insertInto('agreement_meeting_attendees')
      .values(rows.map((r) => ({ ...r, agreement_id: agreementId, meeting_id: meetingId })))
      .execute();
  }
}

export async function insertAction(trx: Trx, values: Insertable<AgreementActionsTable>): Promise<void> {
  await trx.insertInto('agreement_actions').values(values).execute();
}

export function actionsOf(trx: Trx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('agreement_actions')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('due_on')
    .execute();
}

export function findAction(trx: Trx, id: string) {
  return trx.selectFrom('agreement_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function completeAction(trx: Trx, id: string, at: Date): Promise<void> {
  await trx.updateTable('agreement_actions').set({ done_at: at }).where('id', '=', id).execute();
}

/** The open actions of a user that are past their due date, for the user's Übersicht. */
export function overdueActionsOf(trx: Trx, userId: string, today: string) {
  return trx
    .selectFrom('agreement_actions as a')
    .innerJoin('agreement_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('agreements as g', 'g.id', 'a.agreement_id')
    .select([
      'a.id',
      'a.title',
      'a.due_on',
      'g.id as agreement_id',
      'g.title as agreement_title',
      'm.title as meeting_title',
    ])
    .where('a.owner_user_id', '=', userId)
    .where('a.done_at', 'is', null)
    .where('a.due_on', '<', today)
    .orderBy('a.due_on')
    .limit(100)
    .execute();
}

/**
 * R-STAT-3: meetings held and actions done per agreement, partner and half-year, for the
 * evaluation of a cooperation. Counts only; the statistics module applies disclosure control.
 * Half-years are Berlin's calendar halves ('2027-H1', '2027-H2').
 */
export async function countMeetingsForEvaluation(
  trx: Trx,
  filter: { agreementId?: string; partnerOrganisationId?: string } = {},
): Promise<
  {
    agreementId: string;
    partnerOrganisationId: string;
    halfYear: string;
    meetingsHeld: number;
    actionsDone: number;
  }[]
> {
  const { rows } = await sql<{
    agreement_id: string;
    partner_organisation_id: string;
    half_year: string;
    meetings_held: number | string;
    actions_done: number | string;
  }>`
    WITH partner AS (
      SELECT agreement_id, organisation_id FROM agreement_parties WHERE side = 'partner'
    ), held AS (
      SELECT m.agreement_id, to_char(m.starts_at AT TIME ZONE 'Europe/Berlin', 'YYYY') || '-H' ||
             CASE WHEN extract(month FROM m.starts_at AT TIME ZONE 'Europe/Berlin') <= 6 THEN '1' ELSE '2' END AS half_year,
             count(*) AS meetings_held
      FROM agreement_meetings m WHERE m.status = 'held' GROUP BY 1, 2
    ), done AS (
      SELECT a.agreement_id, to_char(a.done_at AT TIME ZONE 'Europe/Berlin', 'YYYY') || '-H' ||
             CASE WHEN extract(month FROM a.done_at AT TIME ZONE 'Europe/Berlin') <= 6 THEN '1' ELSE '2' END AS half_year,
             count(*) AS actions_done
      FROM agreement_actions a WHERE a.done_at IS NOT NULL GROUP BY 1, 2
    )
    SELECT p.agreement_id, p.organisation_id AS partner_organisation_id,
           coalesce(h.half_year, d.half_year) AS half_year,
           coalesce(h.meetings_held, 0) AS meetings_held, coalesce(d.actions_done, 0) AS actions_done
    FROM held h FULL JOIN done d ON d.agreement_id = h.agreement_id AND d.half_year = h.half_year
    JOIN partner p ON p.agreement_id = coalesce(h.agreement_id, d.agreement_id)
    WHERE (${filter.agreementId ?? null}::uuid IS NULL OR p.agreement_id = ${filter.agreementId ?? null}::uuid)
      AND (${filter.partnerOrganisationId ?? null}::uuid IS NULL
           OR p.organisation_id = ${filter.partnerOrganisationId ?? null}::uuid)
    ORDER BY 1, 3`.execute(trx);
  return rows.map((r) => ({
    agreementId: r.agreement_id,
    partnerOrganisationId: r.partner_organisation_id,
    halfYear: r.half_year,
    meetingsHeld: Number(r.meetings_held),
    actionsDone: Number(r.actions_done),
  }));
}
