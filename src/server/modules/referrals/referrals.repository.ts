import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { ReferralCountsTable, ReferralsTable } from './referrals.tables.ts';

/** SQL of referrals. Every function takes the request's transaction first. */

// ---------------------------------------------------------------------------------------------
// Anonymous counts (R-REF-1): one counter per month, organisation, programme, language, topic.

export async function countReferral(
  trx: Trx,
  values: Omit<Insertable<ReferralCountsTable>, 'referrals'>,
): Promise<void> {
  await trx
    .insertInto('referral_counts')
    .values({ ...values, referrals: 1 })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'month', 'kind', 'service', 'language', 'topic'])
        .doUpdateSet({ referrals: sql`referral_counts.referrals + 1` }),
    )
    .execute();
}

export function countsOf(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('referral_counts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('month')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Named referrals: inserted by the referrer (never read back by it), read by the receiving side.

export async function insertReferral(trx: Trx, values: Insertable<ReferralsTable>): Promise<void> {
  await trx.insertInto('referrals').values(values).execute();
}

export interface SentReferralRow {
  id: string;
  created_at: Date;
  referrer_user_id: string;
  referrer_name: string;
  given_name: string | null;
  family_name: string;
  office_name: string;
  provider_name: string;
  service: string;
  call_first: boolean;
  feedback_allowed: boolean;
  outcome: string | null;
}

/** R-REF-4: the referrer's own referrals, through the one function that crosses to the receiving side. */
export async function sentReferrals(
  trx: Trx,
  page: { id?: string; limit: number; offset: number },
): Promise<SentReferralRow[]> {
  const { rows } = await sql<SentReferralRow>`
    SELECT * FROM koop_sent_referrals(${page.id ?? null}::uuid, ${page.limit}::integer, ${page.offset}::integer)`.execute(
    trx,
  );
  return rows;
}

function receivedQuery(trx: Trx) {
  return trx
    .selectFrom('referrals as r')
    .innerJoin('offices as o', 'o.id', 'r.receiving_office_id')
    .innerJoin('organisations as p', 'p.id', 'r.referrer_organisation_id')
    .selectAll('r')
    .select([
      'o.name as office_name',
      'p.name as referrer_organisation_name',
      'p.kind as referrer_organisation_kind',
    ]);
}

export type ReferralRow = Awaited<ReturnType<typeof findReferral>> & {};

/** A referral of the current organisation's inbox (RLS: the receiving organisation only). */
export function findReferral(trx: Trx, id: string, lock = false) {
  let query = receivedQuery(trx).where('r.id', '=', id);
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

export function inbox(trx: Trx, state: 'open' | 'all', page: { limit: number; offset: number }) {
  let query = receivedQuery(trx);
  if (state === 'open') query = query.where('r.status', 'in', ['sent', 'received']);
  return query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function openCount(trx: Trx): Promise<number> {
  const row = await trx
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', 'in', ['sent', 'received'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a referral on, checking the version it was read in; false when someone else was faster. */
export async function updateReferral(
  trx: Trx,
  id: string,
  version: number,
  values: { status: string },
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('referrals')
    .set({ ...values, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Hands a referral on to another office (of this provider or another one) through
 * `koop_hand_on_referral`: after it, the row belongs to the receiving organisation alone.
 */
export async function handOn(
  trx: Trx,
  p: { id: string; version: number; officeId: string; service: string; at: Date },
): Promise<boolean> {
  const { rows } = await sql<{ moved: boolean }>`
    SELECT koop_hand_on_referral(${p.id}::uuid, ${p.version}::integer, ${p.officeId}::uuid, ${p.service}::text,
                                 ${p.at}::timestamptz) AS moved`.execute(trx);
  return rows[0]?.moved === true;
}

export async function insertEvent(
  trx: Trx,
  values: {
    organisation_id: string;
    referral_id: string;
    event: string;
    reason?: string | null;
    to_office_id?: string | null;
    actor_user_id: string;
    at: Date;
  },
): Promise<void> {
  await trx.insertInto('referral_events').values(values).execute();
}

export function eventsOf(trx: Trx, referralId: string) {
  return trx
    .selectFrom('referral_events as e')
    .leftJoin('offices as o', 'o.id', 'e.to_office_id')
    .select(['e.event', 'e.at', 'e.reason', 'o.name as to_office_name'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function linkCase(
  trx: Trx,
  values: { referral_id: string; organisation_id: string; client_id: string; case_id: string },
): Promise<void> {
  await trx.insertInto('referral_cases').values(values).execute();
}

export async function caseOf(trx: Trx, referralId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('referral_cases')
    .select('case_id')
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Offices (readable by every transaction, like the directory)

export function findOffice(trx: Trx, id: string) {
  return trx
    .selectFrom('offices as o')
    .innerJoin('organisations as p', 'p.id', 'o.organisation_id')
    .select([
      'o.id',
      'o.name',
      'o.organisation_id',
      'o.services',
      'p.kind as organisation_kind',
      'p.name as provider_name',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
}
