import type { Trx } from '../../db/database.ts';
import type { OrganisationsTable } from '../../db/schema.ts';
import type { Updateable, Insertable } from 'kysely';

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

export function findOrganisation(trx: Trx, id: string) {
  return trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of organisations, filtered by kind and a name fragment. */
export async function listOrganisations(
  trx: Trx,
  filter: { kind?: string | undefined; q?: string | undefined; offset: number; limit: number },
) {
  let query = trx.selectFrom('organisations');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('name').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function insertOrganisation(trx: Trx, values: Insertable<OrganisationsTable>) {
  return trx.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates if the version still matches; undefined when someone else changed it first. */
export function updateOrganisation(
  trx: Trx,
  id: string,
  version: number,
  changes: Updateable<OrganisationsTable>,
) {
  return trx
    .updateTable('organisations')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
