import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

/** SQL of clients and their family members; row-level security keeps it inside the organisation. */

const clientColumns = [
  'id',
  'organisation_id',
  'given_name',
  'family_name',
  'pseudonymous',
  'birth_date',
  'age_group',
  'gender',
  'citizenship',
  'languages',
  'phone',
  'email',
  'contact_note',
  'arrival_year',
  'residence_status_group',
  'created_by',
  'version',
] as const;

export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClient>>>;
export type FamilyMemberRow = Awaited<ReturnType<typeof listFamilyMembers>>[number];

export function findClient(trx: Trx, id: string) {
  return trx.selectFrom('clients').select(clientColumns).where('id', '=', id).executeTakeFirst();
}

export interface ClientValues {
  given_name: string | null;
  family_name: string;
  pseudonymous: boolean;
  birth_date: string | null;
  age_group: string | null;
  gender: string | null;
  citizenship: string | null;
  languages: string[];
  phone: string | null;
  email: string | null;
  contact_note: string | null;
  arrival_year: number | null;
  residence_status_group: string | null;
}

export function insertClient(
  trx: Trx,
  values: ClientValues & { organisation_id: string; created_by: string },
) {
  return trx.insertInto('clients').values(values).returning(clientColumns).executeTakeFirstOrThrow();
}

/** Updates a client if the version still matches; undefined when someone else changed it first. */
export function updateClient(trx: Trx, id: string, version: number, changes: Partial<ClientValues>) {
  return trx
    .updateTable('clients')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(clientColumns)
    .executeTakeFirst();
}

/** Marks the client changed (a new version) when only the family members changed. */
export function touchClient(trx: Trx, id: string, version: number) {
  return updateClient(trx, id, version, {});
}

export function listFamilyMembers(trx: Trx, clientId: string) {
  return trx
    .selectFrom('client_family_members')
    .select(['id', 'relation', 'given_name', 'birth_year', 'counselled_alongside'])
    .where('client_id', '=', clientId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export interface FamilyMemberValues {
  id?: string | undefined;
  relation: string;
  given_name: string | null;
  birth_year: number | null;
  counselled_alongside: boolean;
}

/** Replaces the family members: kept ids are updated, missing ones removed, new ones added. */
export async function replaceFamilyMembers(
  trx: Trx,
  organisationId: string,
  clientId: string,
  members: FamilyMemberValues[],
): Promise<void> {
  const keep = members.flatMap((m) => (m.id ? [m.id] : []));
  let removal = trx.deleteFrom('client_family_members').where('client_id', '=', clientId);
  if (keep.length > 0) removal = removal.where('id', 'not in', keep);
  await removal.execute();
  for (const [position, m] of members.entries()) {
    const values = {
      relation: m.relation,
      given_name: m.given_name,
      birth_year: m.birth_year,
      counselled_alongside: m.counselled_alongside,
      position,
    };
    if (m.id) {
      const updated = await trx
        .updateTable('client_family_members')
        .set(values)
        .where('id', '=', m.id)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) continue;
    }
    await trx
      .insertInto('client_family_members')
      .values({ ...values, organisation_id: organisationId, client_id: clientId })
      .execute();
  }
}

/** The client's cases with owner, newest first. */
export function casesOfClient(trx: Trx, clientId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.owner_user_id')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.case_type',
      'cases.service',
      'cases.status',
      'cases.opened_on',
      'cases.closed_on',
      'cases.owner_user_id',
      'users.display_name as owner_name',
    ])
    .where('cases.client_id', '=', clientId)
    .orderBy('cases.opened_on', 'desc')
    .orderBy('cases.case_number', 'desc')
    .execute();
}

/** Users holding an unexpired break-the-glass grant, per case of the client. */
export async function activeGrantsOfClient(trx: Trx, clientId: string, now: Date) {
  const rows = await trx
    .selectFrom('case_access_grants')
    .innerJoin('cases', 'cases.id', 'case_access_grants.case_id')
    .select(['case_access_grants.case_id', 'case_access_grants.user_id'])
    .where('cases.client_id', '=', clientId)
    .where('case_access_grants.expires_at', '>', now)
    .execute();
  const byCase = new Map<string, string[]>();
  for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.user_id]);
  return byCase;
}

export interface SearchHitRow {
  id: string;
  given_name: string | null;
  family_name: string;
  pseudonymous: boolean;
  birth_date: string | null;
  age_group: string | null;
}

/**
 * R-CASE-8: the actor's own clients by name fragment (diacritics and typos tolerated through
 * the trigram index on the normalised name), by date of birth or by case number. "Own" means
 * a case in the actor's caseload or opened by breaking the glass. Names go through
 * koop_search_client_names (migration 0003), which is scoped to the transaction's organisation
 * and user; dates and case numbers are plain equality under row-level security.
 */
export async function searchClients(
  trx: Trx,
  params: {
    userId: string;
    now: Date;
    limit: number;
    name?: string;
    birthDate?: string;
    caseNumber?: string;
  },
): Promise<SearchHitRow[]> {
  const { userId, now, limit } = params;
  if (params.name !== undefined) {
    const { rows } = await sql<SearchHitRow>`
      SELECT c.id, c.given_name, c.family_name, c.pseudonymous, c.birth_date, c.age_group
      FROM koop_search_client_names(${params.name}, ${now}, ${limit}) WITH ORDINALITY AS s(client_id, score, pos)
      JOIN clients c ON c.id = s.client_id
      ORDER BY s.pos`.execute(trx);
    return rows;
  }
  const match =
    params.caseNumber !== undefined
      ? sql<boolean>`k.case_number = ${params.caseNumber}`
      : sql<boolean>`c.birth_date = ${params.birthDate ?? null}::date`;
  const { rows } = await sql<SearchHitRow>`
    SELECT c.id, c.given_name, c.family_name, c.pseudonymous, c.birth_date, c.age_group
    FROM clients c
    WHERE EXISTS (
      SELECT 1 FROM cases k
      WHERE k.client_id = c.id AND ${match}
        AND (k.owner_user_id = ${userId} OR EXISTS (
          SELECT 1 FROM case_access_grants g
          WHERE g.case_id = k.id AND g.user_id = ${userId} AND g.expires_at > ${now})))
    ORDER BY c.family_name, c.given_name, c.id
    LIMIT ${limit}`.execute(trx);
  return rows;
}

/** Case references of the hits that the actor can open. */
export function reachableCasesOf(trx: Trx, clientIds: string[], userId: string, now: Date) {
  if (clientIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('cases as k')
    .select(['k.id', 'k.client_id', 'k.case_number', 'k.status', 'k.service'])
    .where('k.client_id', 'in', clientIds)
    .where((eb) =>
      eb.or([
        eb('k.owner_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('case_access_grants as g')
            .select('g.id')
            .whereRef('g.case_id', '=', 'k.id')
            .where('g.user_id', '=', userId)
            .where('g.expires_at', '>', now),
        ),
      ]),
    )
    .orderBy('k.opened_on', 'desc')
    .execute();
}
