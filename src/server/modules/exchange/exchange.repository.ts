import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type {
  ClientCopiesTable,
  ConsentsTable,
  ExchangeMessagesTable,
  ExchangeThreadsTable,
  Sections,
} from './exchange.tables.ts';

/** SQL of consent-gated exchange. Every function takes the request's transaction first. */

// ---------------------------------------------------------------------------------------------
// Partner teams and contacts

function teamQuery(trx: Trx) {
  return trx
    .selectFrom('partner_teams as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select([
      't.id',
      't.organisation_id',
      't.name',
      't.email',
      't.phone',
      't.version',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
    ]);
}

export function listTeams(trx: Trx, organisationId?: string) {
  let query = teamQuery(trx).where('o.deactivated_at', 'is', null).orderBy('o.name').orderBy('t.name');
  if (organisationId) query = query.where('t.organisation_id', '=', organisationId);
  return query.execute();
}

export type TeamRow = Awaited<ReturnType<typeof listTeams>>[number];

export function findTeam(trx: Trx, id: string): Promise<TeamRow | undefined> {
  return teamQuery(trx).where('t.id', '=', id).executeTakeFirst();
}

export function insertTeam(
  trx: Trx,
  values: { organisation_id: string; name: string; email: string | null; phone: string | null },
) {
  return trx.insertInto('partner_teams').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateTeam(
  trx: Trx,
  id: string,
  version: number,
  values: { name: string; email: string | null; phone: string | null },
) {
  return trx
    .updateTable('partner_teams')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Replaces a team's members (own organisation's users only: RLS and the join check it). */
export async function setTeamMembers(trx: Trx, teamId: string, organisationId: string, userIds: string[]) {
  await trx.deleteFrom('partner_team_members').where('team_id', '=', teamId).execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('partner_team_members')
    .columns(['team_id', 'user_id', 'organisation_id'])
    .expression(
      trx
        .selectFrom('users')
        .select([sql<string>`${teamId}::uuid`.as('team_id'), 'id', 'organisation_id'])
        .where('id', 'in', userIds)
        .where('organisation_id', '=', organisationId),
    )
    .execute();
}

export async function teamMemberIds(trx: Trx, teamId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('partner_team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The partner teams the user belongs to (own organisation). */
export async function teamIdsOf(trx: Trx, userId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('partner_team_members')
    .select('team_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.team_id);
}

export interface ContactRow {
  id: string;
  organisation_id: string;
  display_name: string;
  function_title: string | null;
  phone: string | null;
  email: string;
  central_contact: boolean;
  team_ids: string[];
}

/** Central contacts and case workers of an organisation with their direct contacts (R-EXC-4). */
export async function contactsOf(trx: Trx, organisationIds: readonly string[]): Promise<ContactRow[]> {
  if (organisationIds.length === 0) return [];
  const { rows } = await sql<ContactRow>`
    SELECT c.* FROM unnest(${[...organisationIds]}::uuid[]) AS o(id), koop_exchange_contacts(o.id) AS c`.execute(
    trx,
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Consents

const consentColumns = [
  'c.id',
  'c.organisation_id',
  'c.client_id',
  'c.case_id',
  'c.office_id',
  'c.recipient_organisation_id',
  'c.recipient_team_id',
  'c.recipient_user_id',
  'c.purpose',
  'c.purpose_label',
  'c.purpose_label_en',
  'c.purpose_text',
  'c.categories',
  'c.direction',
  'c.repetition',
  'c.valid_from',
  'c.valid_until',
  'c.form',
  'c.form_language',
  'c.legal_basis',
  'c.document_type',
  'c.taken_by',
  'c.given_at',
  'c.used_at',
  'c.withdrawn_at',
  'c.withdrawn_by',
  'c.withdrawal_note',
] as const;

function consentQuery(trx: Trx) {
  return trx
    .selectFrom('consents as c')
    .innerJoin('organisations as o', 'o.id', 'c.recipient_organisation_id')
    .innerJoin('partner_teams as t', 't.id', 'c.recipient_team_id')
    .innerJoin('users as taker', 'taker.id', 'c.taken_by')
    .select([
      ...consentColumns,
      'o.name as recipient_organisation_name',
      'o.kind as recipient_organisation_kind',
      't.name as recipient_team_name',
      'taker.display_name as taken_by_name',
    ]);
}

export type ConsentRow = NonNullable<Awaited<ReturnType<typeof findConsent>>>;

export function findConsent(trx: Trx, id: string) {
  return consentQuery(trx).where('c.id', '=', id).executeTakeFirst();
}

/** The consent row, locked until the transaction ends: a withdrawal and a send cannot cross. */
export function lockConsent(trx: Trx, id: string) {
  return consentQuery(trx).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
}

export function consentsOfCase(trx: Trx, caseId: string) {
  return consentQuery(trx).where('c.case_id', '=', caseId).orderBy('c.given_at', 'desc').execute();
}

export function consentsOfClient(trx: Trx, clientId: string) {
  return consentQuery(trx).where('c.client_id', '=', clientId).orderBy('c.given_at').execute();
}

export function insertConsent(trx: Trx, values: Insertable<ConsentsTable>) {
  return trx.insertInto('consents').values(values).returning('id').executeTakeFirstOrThrow();
}

export function consentDocument(trx: Trx, id: string) {
  return trx
    .selectFrom('consents')
    .select(['document', 'document_type'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function markConsentUsed(trx: Trx, id: string, at: Date) {
  return trx
    .updateTable('consents')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .execute();
}

/** Withdraws a consent that is not withdrawn yet; the row lock makes a running send finish first. */
export function withdrawConsent(trx: Trx, id: string, by: string, note: string | null, at: Date) {
  return trx
    .updateTable('consents')
    .set({ withdrawn_at: at, withdrawn_by: by, withdrawal_note: note })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export function insertConsentEvent(
  trx: Trx,
  values: {
    organisation_id: string;
    consent_id: string;
    event: string;
    message_id?: string | null;
    actor_user_id: string;
  },
) {
  return trx.insertInto('consent_events').values(values).execute();
}

export function consentEvents(trx: Trx, consentIds: readonly string[]) {
  if (consentIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('consent_events')
    .select(['consent_id', 'event', 'message_id', 'at'])
    .where('consent_id', 'in', [...consentIds])
    .orderBy('id')
    .execute();
}

export interface PartnerConsentRow {
  id: string;
  organisation_id: string;
  recipient_organisation_id: string;
  recipient_team_id: string;
  recipient_user_id: string | null;
  purpose: string;
  purpose_label: string;
  purpose_label_en: string;
  purpose_text: string | null;
  categories: string[];
  direction: string;
  repetition: string;
  valid_from: string;
  valid_until: string;
  used_at: Date | null;
  withdrawn_at: Date | null;
}

/** A consent's scope as its recipient organisation sees it (the one crossing; see the migration). */
export async function partnerConsents(
  trx: Trx,
  ids: readonly string[],
  lock = false,
): Promise<Map<string, PartnerConsentRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<PartnerConsentRow>`
    SELECT c.id, c.organisation_id, c.recipient_organisation_id, c.recipient_team_id, c.recipient_user_id,
           c.purpose, c.purpose_label, c.purpose_label_en, c.purpose_text, c.categories, c.direction,
           c.repetition, to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until,
           c.used_at, c.withdrawn_at
    FROM unnest(${[...new Set(ids)]}::uuid[]) AS i(id), koop_partner_consent(i.id, ${lock}) AS c`.execute(
    trx,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------
// Threads, messages, client copies

export function insertThread(trx: Trx, values: Insertable<ExchangeThreadsTable>) {
  return trx.insertInto('exchange_threads').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertThreadCase(
  trx: Trx,
  values: { thread_id: string; organisation_id: string; client_id: string; case_id: string },
) {
  return trx.insertInto('exchange_thread_cases').values(values).execute();
}

export function touchThread(trx: Trx, id: string, at: Date) {
  return trx.updateTable('exchange_threads').set({ last_message_at: at }).where('id', '=', id).execute();
}

function threadQuery(trx: Trx) {
  return trx
    .selectFrom('exchange_threads as th')
    .innerJoin('organisations as po', 'po.id', 'th.provider_organisation_id')
    .innerJoin('organisations as pa', 'pa.id', 'th.partner_organisation_id')
    .innerJoin('partner_teams as t', 't.id', 'th.partner_team_id')
    .select([
      'th.id',
      'th.provider_organisation_id',
      'th.partner_organisation_id',
      'th.partner_team_id',
      'th.partner_user_id',
      'th.consent_id',
      'th.subject',
      'th.client_label',
      'th.legal_basis',
      'th.created_at',
      'th.last_message_at',
      'po.name as provider_name',
      'pa.name as partner_name',
      'pa.kind as partner_kind',
      't.name as team_name',
      't.email as team_email',
      't.phone as team_phone',
      sql<boolean>`EXISTS (SELECT 1 FROM exchange_conflicts x WHERE x.thread_id = th.id)`.as('has_conflict'),
      sql<boolean>`EXISTS (SELECT 1 FROM exchange_conflicts x WHERE x.thread_id = th.id AND x.status = 'open')`.as(
        'open_conflict',
      ),
    ]);
}

export type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;

export function findThread(trx: Trx, id: string) {
  return threadQuery(trx).where('th.id', '=', id).executeTakeFirst();
}

/** The counselling side's link of a thread to its client and case (own organisation only). */
export function threadCase(trx: Trx, threadId: string) {
  return trx
    .selectFrom('exchange_thread_cases')
    .select(['client_id', 'case_id'])
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
}

export function threadsOfCase(trx: Trx, caseId: string) {
  return threadQuery(trx)
    .innerJoin('exchange_thread_cases as tc', 'tc.thread_id', 'th.id')
    .where('tc.case_id', '=', caseId)
    .orderBy('th.last_message_at', 'desc')
    .execute();
}

export function threadsOfClient(trx: Trx, clientId: string) {
  return threadQuery(trx)
    .innerJoin('exchange_thread_cases as tc', 'tc.thread_id', 'th.id')
    .where('tc.client_id', '=', clientId)
    .orderBy('th.created_at')
    .execute();
}

/** A partner's inbox: threads addressed to the user's teams (and to them, where a person is named). */
export function inboxThreads(
  trx: Trx,
  partnerOrganisationId: string,
  teamIds: readonly string[],
  userId: string,
  page: { offset: number; limit: number },
) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return threadQuery(trx)
    .select((eb) =>
      eb
        .selectFrom('exchange_messages as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.thread_id', '=', 'th.id')
        .whereRef('m.author_organisation_id', '=', 'th.provider_organisation_id')
        .where('m.read_at', 'is', null)
        .as('unread'),
    )
    .where('th.partner_organisation_id', '=', partnerOrganisationId)
    .where('th.partner_team_id', 'in', [...teamIds])
    .where((eb) => eb.or([eb('th.partner_user_id', 'is', null), eb('th.partner_user_id', '=', userId)]))
    .orderBy('th.last_message_at', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export function insertMessage(
  trx: Trx,
  values: Omit<Insertable<ExchangeMessagesTable>, 'sections'> & { sections: Sections },
) {
  return trx
    .insertInto('exchange_messages')
    .values({ ...values, sections: JSON.stringify(values.sections) })
    .returning(['id', 'sent_at'])
    .executeTakeFirstOrThrow();
}

export function messagesOf(trx: Trx, threadIds: readonly string[]) {
  if (threadIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('exchange_messages as m')
    .leftJoin('client_copies as cc', 'cc.message_id', 'm.id')
    .select([
      'm.id',
      'm.thread_id',
      'm.author_organisation_id',
      'm.author_user_id',
      'm.author_name',
      'm.author_phone',
      'm.author_email',
      'm.author_office',
      'm.kind',
      'm.sections',
      'm.categories',
      'm.consent_id',
      'm.sent_at',
      'm.read_at',
      'cc.id as copy_id',
      'cc.language as copy_language',
      'cc.handover as copy_handover',
      'cc.handed_over_at as copy_handed_over_at',
    ])
    .where('m.thread_id', 'in', [...threadIds])
    .orderBy('m.sent_at')
    .execute();
}

export type MessageRow = Awaited<ReturnType<typeof messagesOf>>[number];

/** Marks the other side's messages of a thread as read by the user (a read receipt). */
export function markRead(trx: Trx, threadId: string, otherOrganisationId: string, userId: string, at: Date) {
  return trx
    .updateTable('exchange_messages')
    .set({ read_at: at, read_by: userId })
    .where('thread_id', '=', threadId)
    .where('author_organisation_id', '=', otherOrganisationId)
    .where('read_at', 'is', null)
    .execute();
}

export function insertCopy(trx: Trx, values: Insertable<ClientCopiesTable>) {
  return trx.insertInto('client_copies').values(values).returning('id').executeTakeFirstOrThrow();
}

export function findCopy(trx: Trx, id: string) {
  return trx
    .selectFrom('client_copies as cc')
    .innerJoin('exchange_messages as m', 'm.id', 'cc.message_id')
    .innerJoin('exchange_thread_cases as tc', 'tc.thread_id', 'm.thread_id')
    .select([
      'cc.id',
      'cc.organisation_id',
      'cc.message_id',
      'cc.client_id',
      'cc.language',
      'cc.pdf',
      'cc.handover',
      'tc.case_id',
    ])
    .where('cc.id', '=', id)
    .executeTakeFirst();
}

export function setHandover(trx: Trx, id: string, method: string, by: string, at: Date) {
  return trx
    .updateTable('client_copies')
    .set({ handover: method, handed_over_by: by, handed_over_at: at })
    .where('id', '=', id)
    .returning(['id', 'handover', 'handed_over_at'])
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Conflicts

function conflictQuery(trx: Trx) {
  return trx
    .selectFrom('exchange_conflicts as x')
    .select([
      'x.id',
      'x.thread_id',
      'x.provider_organisation_id',
      'x.partner_organisation_id',
      'x.raised_by',
      'x.raised_by_name',
      'x.raised_by_organisation_id',
      'x.description',
      'x.status',
      'x.outcome',
      'x.resolved_at',
      'x.created_at',
      'x.version',
    ]);
}

export type ConflictRow = NonNullable<Awaited<ReturnType<typeof findConflict>>>;

export function findConflict(trx: Trx, id: string) {
  return conflictQuery(trx).where('x.id', '=', id).executeTakeFirst();
}

export function conflictsOfThreads(trx: Trx, threadIds: readonly string[]) {
  if (threadIds.length === 0) return Promise.resolve([]);
  return conflictQuery(trx)
    .where('x.thread_id', 'in', [...threadIds])
    .orderBy('x.created_at')
    .execute();
}

/** Every conflict the organisation is a party to (RLS), newest first. */
export function conflictsOfOrganisation(trx: Trx, status: 'open' | 'resolved' | undefined) {
  let query = conflictQuery(trx).orderBy('x.created_at', 'desc').limit(200);
  if (status) query = query.where('x.status', '=', status);
  return query.execute();
}

export function insertConflict(
  trx: Trx,
  values: {
    thread_id: string;
    provider_organisation_id: string;
    partner_organisation_id: string;
    raised_by: string;
    raised_by_name: string;
    raised_by_organisation_id: string;
    description: string;
  },
) {
  return trx.insertInto('exchange_conflicts').values(values).returning('id').executeTakeFirstOrThrow();
}

export function resolveConflict(
  trx: Trx,
  id: string,
  version: number,
  outcome: string,
  by: string,
  at: Date,
) {
  return trx
    .updateTable('exchange_conflicts')
    .set({ status: 'resolved', outcome, resolved_by: by, resolved_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

export function insertConflictNote(
  trx: Trx,
  values: {
    conflict_id: string;
    provider_organisation_id: string;
    partner_organisation_id: string;
    author_organisation_id: string;
    author_user_id: string;
    author_name: string;
    text: string;
  },
) {
  return trx.insertInto('exchange_conflict_notes').values(values).execute();
}

export function conflictNotes(trx: Trx, conflictIds: readonly string[]) {
  if (conflictIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('exchange_conflict_notes')
    .select(['conflict_id', 'author_organisation_id', 'author_name', 'text', 'created_at'])
    .where('conflict_id', 'in', [...conflictIds])
    .orderBy('created_at')
    .execute();
}

/** The sender's name and direct contacts as they go with a message (R-EXC-4). */
export function author(trx: Trx, userId: string) {
  return trx
    .selectFrom('users as u')
    .leftJoin('offices as o', 'o.id', 'u.office_id')
    .select(['u.display_name', 'u.phone', sql<string>`u.email::text`.as('email'), 'o.name as office_name'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Legal bases other than consent

function legalBasisQuery(trx: Trx) {
  return trx
    .selectFrom('disclosure_legal_bases as b')
    .innerJoin('organisations as o', 'o.id', 'b.recipient_organisation_id')
    .innerJoin('partner_teams as t', 't.id', 'b.recipient_team_id')
    .innerJoin('users as u', 'u.id', 'b.decided_by')
    .select([
      'b.id',
      'b.organisation_id',
      'b.client_id',
      'b.case_id',
      'b.recipient_organisation_id',
      'b.recipient_team_id',
      'b.basis',
      'b.justification',
      'b.categories',
      'b.decided_by',
      'b.decided_at',
      'b.used_at',
      'o.name as recipient_organisation_name',
      't.name as recipient_team_name',
      'u.display_name as decided_by_name',
    ]);
}

export type LegalBasisRow = NonNullable<Awaited<ReturnType<typeof findLegalBasis>>>;

export function findLegalBasis(trx: Trx, id: string) {
  return legalBasisQuery(trx).where('b.id', '=', id).executeTakeFirst();
}

/** The legal basis, locked until the transaction ends: it serves exactly one disclosure. */
export function lockLegalBasis(trx: Trx, id: string) {
  return legalBasisQuery(trx).where('b.id', '=', id).forUpdate('b').executeTakeFirst();
}

export function legalBasesOfCase(trx: Trx, caseId: string) {
  return legalBasisQuery(trx).where('b.case_id', '=', caseId).orderBy('b.decided_at', 'desc').execute();
}

export function insertLegalBasis(
  trx: Trx,
  values: {
    organisation_id: string;
    client_id: string;
    case_id: string;
    recipient_organisation_id: string;
    recipient_team_id: string;
    basis: string;
    justification: string;
    categories: string[];
    decided_by: string;
    decided_at: Date;
  },
) {
  return trx.insertInto('disclosure_legal_bases').values(values).returning('id').executeTakeFirstOrThrow();
}

export function markLegalBasisUsed(trx: Trx, id: string, messageId: string, at: Date) {
  return trx
    .updateTable('disclosure_legal_bases')
    .set({ used_at: at, message_id: messageId })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Attachments

export function insertAttachments(
  trx: Trx,
  rows: {
    message_id: string;
    provider_organisation_id: string;
    partner_organisation_id: string;
    author_organisation_id: string;
    category: string;
    filename: string;
    content_type: string;
    size: number;
    content: Buffer;
  }[],
) {
  if (rows.length === 0) return Promise.resolve();
  return trx.insertInto('exchange_attachments').values(rows).execute();
}

/** Names and sizes of the messages' attachments, without their content. */
export function attachmentsOf(trx: Trx, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('exchange_attachments')
    .select(['id', 'message_id', 'category', 'filename', 'content_type', 'size'])
    .where('message_id', 'in', [...messageIds])
    .orderBy('created_at')
    .orderBy('filename')
    .execute();
}

export function findAttachment(trx: Trx, id: string) {
  return trx
    .selectFrom('exchange_attachments as a')
    .innerJoin('exchange_messages as m', 'm.id', 'a.message_id')
    .select(['a.id', 'a.filename', 'a.content_type', 'a.content', 'm.thread_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
