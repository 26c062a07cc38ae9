import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { Role } from '../../policy/roles.ts';
import type { CountRow } from './clearing.rules.ts';
import type { ClearingContactsTable, OtherTopic } from './clearing.tables.ts';

/** SQL of the clearing office. Every function takes the request's transaction first. */

// ---------------------------------------------------------------------------------------------
// Contacts

/** Inserts a contact unless its id arrived before; true when it is new. */
export async function insertContact(trx: Trx, values: Insertable<ClearingContactsTable>): Promise<boolean> {
  const result = await trx
    .insertInto('clearing_contacts')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

/** The day of a contact that arrived before, if it is the organisation's own (RLS). */
export async function findContactDate(trx: Trx, id: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('clearing_contacts')
    .select('contact_date')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.contact_date;
}

// ---------------------------------------------------------------------------------------------
// Settings

export function findSettings(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('clearing_settings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Creates or changes the settings at `version` (0: none yet); false when someone else changed them. */
export async function saveSettings(
  trx: Trx,
  organisationId: string,
  version: number,
  values: { abhOrganisationId: string | null; abhOfficeId: string | null; otherTopics: OtherTopic[] },
): Promise<boolean> {
  const row = {
    abh_organisation_id: values.abhOrganisationId,
    abh_office_id: values.abhOfficeId,
    other_topics: JSON.stringify(values.otherTopics),
  };
  if (version === 0) {
    const result = await trx
      .insertInto('clearing_settings')
      .values({ organisation_id: organisationId, ...row })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .returning('organisation_id')
      .executeTakeFirst();
    return result !== undefined;
  }
  const result = await trx
    .updateTable('clearing_settings')
    .set({ ...row, version: sql<number>`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The ABHs and their offices, for the settings' choice. */
export function listAuthorities(trx: Trx) {
  return trx
    .selectFrom('organisations as g')
    .leftJoin('offices as o', 'o.organisation_id', 'g.id')
    .select([
      'g.id as organisation_id',
      'g.name as organisation_name',
      'o.id as office_id',
      'o.name as office_name',
    ])
    .where('g.kind', '=', 'abh')
    .orderBy('g.name')
    .orderBy('o.name')
    .execute();
}

export function findOffice(trx: Trx, id: string) {
  return trx.selectFrom('offices').select(['id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
}

export function findOrganisationKind(trx: Trx, id: string) {
  return trx.selectFrom('organisations').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Rota

export function listRota(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('clearing_rota as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name', 'r.weekday', 'r.starts_at', 'r.ends_at'])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.weekday')
    .orderBy('r.starts_at')
    .orderBy('u.display_name')
    .execute();
}

export async function replaceRota(
  trx: Trx,
  organisationId: string,
  entries: { userId: string; weekday: number; startsAt: string; endsAt: string }[],
): Promise<void> {
  await trx.deleteFrom('clearing_rota').where('organisation_id', '=', organisationId).execute();
  if (entries.length === 0) return;
  await trx
    .insertInto('clearing_rota')
    .values(
      entries.map((e) => ({
        organisation_id: organisationId,
        user_id: e.userId,
        weekday: e.weekday,
        starts_at: e.startsAt,
        ends_at: e.endsAt,
      })),
    )
    .execute();
}

/** Active staff of the organisation holding one of `roles`. */
export function listStaffWithRoles(trx: Trx, organisationId: string, roles: readonly Role[]) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where(sql<boolean>`roles && ${sql.val([...roles])}::text[]`)
    .orderBy('display_name')
    .execute();
}

/** The weekly opening hours of an office (the ABH's premises), from the directory. */
export function openingHoursOf(trx: Trx, officeId: string) {
  return trx
    .selectFrom('office_hours')
    .select(['weekday', 'opens_at', 'closes_at'])
    .where('office_id', '=', officeId)
    .where('kind', '=', 'opening')
    .orderBy('weekday')
    .orderBy('opens_at')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// The half-year report

/** The clearing office's own counts (RLS: only its own contacts). */
export async function ownCounts(
  trx: Trx,
  organisationId: string,
  from: string,
  to: string,
): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    SELECT dimension, category, contacts
    FROM koop_clearing_counts(ARRAY[${organisationId}]::uuid[], ${from}::date, ${to}::date)`.execute(trx);
  return rows;
}

/** R-STAT-1: the ABH's view, through the one function that crosses to the clearing offices. */
export async function partnerCounts(trx: Trx, from: string, to: string, k: number): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    SELECT dimension, category, contacts
    FROM koop_clearing_partner_report(${from}::date, ${to}::date, ${k}::integer)`.execute(trx);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Courses near home (R-REF-2): the course providers' published offers with free places

export function coursesWithFreePlaces(trx: Trx, today: string, postcode: string | null, place: string) {
  const area = postcode ? postcode.slice(0, 3) : null;
  return trx
    .selectFrom('partner_offers as p')
    .innerJoin('organisations as g', 'g.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.title',
      'g.name as provider_name',
      'p.place',
      'p.postcode',
      'p.city',
      'p.starts_on',
      'p.free_places',
      'p.childcare',
    ])
    .where('p.kind', '=', 'course')
    .where('p.free_places', '>', 0)
    .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', today)]))
    .orderBy(
      sql`CASE WHEN p.postcode = ${postcode} THEN 0
               WHEN left(p.postcode, 3) = ${area} THEN 1
               WHEN lower(p.city) = lower(${place}) THEN 1
               ELSE 2 END`,
    )
    .orderBy(sql`p.childcare IS TRUE`, 'desc')
    .orderBy('p.starts_on')
    .limit(10)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Gaps in the offer (R-STAT-4)

/** Counts one search without a result, through the one function that may (migration 0015). */
export async function countSearchGap(
  trx: Trx,
  month: string,
  gap: { language: string; service: string; area: string },
): Promise<void> {
  await sql`SELECT koop_count_search_gap(${month}::date, ${gap.language}::text, ${gap.service}::text, ${gap.area}::text)`.execute(
    trx,
  );
}

export function searchGapsSince(trx: Trx, from: string) {
  return trx
    .selectFrom('directory_search_gaps')
    .select(['language', 'service', 'area', (eb) => eb.fn.sum<number>('searches').as('searches')])
    .where('month', '>=', from)
    .groupBy(['language', 'service', 'area'])
    .execute();
}

/** The office's own contacts in languages no counselling office offers. */
export function uncoveredClearingLanguages(trx: Trx, organisationId: string, from: string) {
  return trx
    .selectFrom('clearing_contacts as c')
    .select(['c.language', (eb) => eb.fn.countAll<number>().as('contacts')])
    .where('c.organisation_id', '=', organisationId)
    .where('c.contact_date', '>=', from)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('offices as o')
            .innerJoin('organisations as g', 'g.id', 'o.organisation_id')
            .select(sql`1`.as('one'))
            .where('g.kind', '=', 'welfare_provider')
            .where(sql<boolean>`c.language = ANY (o.languages)`),
        ),
      ),
    )
    .groupBy('c.language')
    .execute();
}
