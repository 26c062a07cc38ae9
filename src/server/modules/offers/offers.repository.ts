import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { PartnerOffersTable } from '../directory/directory.tables.ts';

/** SQL of partner offers and of what counsellors have read. RLS decides which offers a transaction sees. */

export type OfferRow = NonNullable<Awaited<ReturnType<typeof findOffer>>>;

const baseQuery = (trx: Trx) =>
  trx
    .selectFrom('partner_offers as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('offer_categories as c', 'c.id', 'f.category_id')
    .selectAll('f')
    .select([
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'c.label_de as category_label',
      'c.label_en as category_label_en',
    ]);

export function findOffer(trx: Trx, id: string) {
  return baseQuery(trx).where('f.id', '=', id).executeTakeFirst();
}

/** Offers the transaction may see, newest first. */
export function listOffers(
  trx: Trx,
  filter: { kind?: string; organisationId?: string; publishedAfter?: Date; publishedUntil?: Date },
  page: { offset: number; limit: number } = { offset: 0, limit: 1000 },
) {
  let query = baseQuery(trx);
  if (filter.kind) query = query.where('f.kind', '=', filter.kind);
  if (filter.organisationId) query = query.where('f.organisation_id', '=', filter.organisationId);
  if (filter.publishedAfter) query = query.where('f.published_at', '>', filter.publishedAfter);
  if (filter.publishedUntil) query = query.where('f.published_at', '<=', filter.publishedUntil);
  return query
    .orderBy('f.published_at', 'desc')
    .orderBy('f.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export function findCategory(trx: Trx, id: string) {
  return trx.selectFrom('offer_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listCategories(trx: Trx) {
  return trx.selectFrom('offer_categories').selectAll().orderBy('position').execute();
}

export function insertOffer(trx: Trx, values: Insertable<PartnerOffersTable>) {
  return trx.insertInto('partner_offers').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateOffer(trx: Trx, id: string, version: number, changes: Updateable<PartnerOffersTable>) {
  return trx
    .updateTable('partner_offers')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteOffer(trx: Trx, id: string, version: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('partner_offers')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Which of these offers the user has read. */
export async function readOfferIds(
  trx: Trx,
  userId: string,
  offerIds: readonly string[],
): Promise<Set<string>> {
  if (offerIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('offer_reads')
    .select('offer_id')
    .where('user_id', '=', userId)
    .where('offer_id', 'in', offerIds)
    .execute();
  return new Set(rows.map((r) => r.offer_id));
}

/** Offers the user may see and has not read yet, newest first. */
export function listUnreadOffers(trx: Trx, userId: string, page: { offset: number; limit: number }) {
  return baseQuery(trx)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('offer_reads as r')
            .select('r.offer_id')
            .whereRef('r.offer_id', '=', 'f.id')
            .where('r.user_id', '=', userId),
        ),
      ),
    )
    .orderBy('f.published_at', 'desc')
    .orderBy('f.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export async function countUnread(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('partner_offers as f')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('offer_reads as r')
            .select('r.offer_id')
            .whereRef('r.offer_id', '=', 'f.id')
            .where('r.user_id', '=', userId),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countOffers(
  trx: Trx,
  filter: { kind?: string; organisationId?: string } = {},
): Promise<number> {
  let query = trx.selectFrom('partner_offers').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks offers read; ids the transaction cannot see are ignored. */
export async function markRead(
  trx: Trx,
  user: { id: string; organisationId: string },
  offerIds: readonly string[] | 'all',
  now: Date,
): Promise<number> {
  let visible = trx.selectFrom('partner_offers').select('id');
  if (offerIds !== 'all') {
    if (offerIds.length === 0) return 0;
    visible = visible.where('id', 'in', offerIds);
  }
  const ids = (await visible.execute()).map((r) => r.id);
  if (ids.length === 0) return 0;
  const inserted = await trx
    .insertInto('offer_reads')
    .values(
      ids.map((id) => ({
        user_id: user.id,
        offer_id: id,
        organisation_id: user.organisationId,
        read_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'offer_id']).doNothing())
    .returning('offer_id')
    .execute();
  return inserted.length;
}

export function findDigestSettings(trx: Trx, userId: string) {
  return trx.selectFrom('digest_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function saveDigestSettings(
  trx: Trx,
  user: { id: string; organisationId: string },
  frequency: string,
  now: Date,
) {
  return trx
    .insertInto('digest_settings')
    .values({ user_id: user.id, organisation_id: user.organisationId, frequency, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ frequency, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
