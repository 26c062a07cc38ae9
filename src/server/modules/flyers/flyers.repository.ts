import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

/** SQL of flyers (R-DIR-5): file bytes live in the database (bytea), the same on PGlite and PostgreSQL. */

export type FlyerRow = NonNullable<Awaited<ReturnType<typeof findFlyer>>>;
export type FileInfoRow = Awaited<ReturnType<typeof listCurrentFiles>>[number];

export function findFlyer(trx: Trx, id: string) {
  return trx
    .selectFrom('flyers as f')
    .innerJoin('offices as o', 'o.id', 'f.office_id')
    .innerJoin('organisations as p', 'p.id', 'f.organisation_id')
    .selectAll('f')
    .select(['o.name as office_name', 'p.name as provider_name'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

/** Flyers of one office, or of every office of active providers. */
export function listFlyers(trx: Trx, officeId?: string) {
  let query = trx
    .selectFrom('flyers as f')
    .innerJoin('offices as o', 'o.id', 'f.office_id')
    .innerJoin('organisations as p', 'p.id', 'f.organisation_id')
    .selectAll('f')
    .select(['o.name as office_name', 'p.name as provider_name'])
    .where('p.deactivated_at', 'is', null);
  if (officeId) query = query.where('f.office_id', '=', officeId);
  return query.orderBy('p.name').orderBy('o.name').orderBy('f.title').execute();
}

export function insertFlyer(trx: Trx, values: { organisation_id: string; office_id: string; title: string }) {
  return trx.insertInto('flyers').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Marks a flyer changed (a new file) and checks the version it was based on. */
export function touchFlyer(trx: Trx, id: string) {
  return trx
    .updateTable('flyers')
    .set((eb) => ({ updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteFlyer(trx: Trx, id: string, version: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('flyers')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The current (highest) revision per flyer and language, without the bytes. */
export function listCurrentFiles(trx: Trx, flyerIds: readonly string[]) {
  if (flyerIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('flyer_files as ff')
    .select([
      'ff.id',
      'ff.flyer_id',
      'ff.language',
      'ff.revision',
      'ff.media_type',
      'ff.byte_size',
      'ff.filename',
      'ff.sha256',
      'ff.uploaded_at',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM flyer_files c WHERE c.flyer_id = ff.flyer_id AND c.language = ff.language)`.as(
        'revisions',
      ),
    )
    .where('ff.flyer_id', 'in', flyerIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('flyer_files as newer')
            .select('newer.id')
            .whereRef('newer.flyer_id', '=', 'ff.flyer_id')
            .whereRef('newer.language', '=', 'ff.language')
            .whereRef('newer.revision', '>', 'ff.revision'),
        ),
      ),
    )
    .orderBy('ff.flyer_id')
    .orderBy('ff.language')
    .execute();
}

export async function nextRevision(trx: Trx, flyerId: string, language: string): Promise<number> {
  const row = await trx
    .selectFrom('flyer_files')
    .select((eb) => eb.fn.max<number | null>('revision').as('max'))
    .where('flyer_id', '=', flyerId)
    .where('language', '=', language)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export function insertFile(
  trx: Trx,
  values: {
    organisation_id: string;
    flyer_id: string;
    language: string;
    revision: number;
    media_type: string;
    byte_size: number;
    sha256: string;
    filename: string;
    content: Buffer;
    uploaded_by: string;
  },
) {
  return trx.insertInto('flyer_files').values(values).returning('id').executeTakeFirstOrThrow();
}

/** One file with its bytes: the current revision of a language, or a given one. */
export function findFile(trx: Trx, flyerId: string, language: string, revision?: number) {
  let query = trx
    .selectFrom('flyer_files')
    .selectAll()
    .where('flyer_id', '=', flyerId)
    .where('language', '=', language);
  query = revision !== undefined ? query.where('revision', '=', revision) : query.orderBy('revision', 'desc');
  return query.limit(1).executeTakeFirst();
}
