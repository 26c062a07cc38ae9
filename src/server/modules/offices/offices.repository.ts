import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { OfficesTable } from '../../db/schema.ts';
import type { OfficeContactsTable } from '../directory/directory.tables.ts';

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

export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

/** Contacts of these offices, in their order. */
export function listContacts(trx: Trx, officeIds: readonly string[]) {
  if (officeIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('office_contacts')
    .selectAll()
    .where('office_id', 'in', officeIds)
    .orderBy('office_id')
    .orderBy('position')
    .execute();
}

/** Replaces an office's contacts with `contacts` (in this order). */
export async function replaceContacts(
  trx: Trx,
  office: { id: string; organisation_id: string },
  contacts: readonly Omit<Insertable<OfficeContactsTable>, 'office_id' | 'organisation_id' | 'position'>[],
): Promise<void> {
  await trx.deleteFrom('office_contacts').where('office_id', '=', office.id).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('office_contacts')
    .values(
      contacts.map((c, position) => ({
        ...c,
        office_id: office.id,
        organisation_id: office.organisation_id,
        position,
      })),
    )
    .execute();
}
