import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { OfficesTable } from '../../db/schema.ts';

export type OfficeRow = NonNullable<Awaited<ReturnType<typeof findOffice>>>;

export function findOffice(trx: Trx, id: string) {
  return trx.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listOffices(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('offices')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

export function insertOffice(trx: Trx, values: Insertable<OfficesTable>) {
  return trx.insertInto('offices').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateOffice(trx: Trx, id: string, version: number, changes: Updateable<OfficesTable>) {
  return trx
    .updateTable('offices')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteOffice(trx: Trx, id: string, version: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('offices')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
