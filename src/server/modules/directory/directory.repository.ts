import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { OfficeHourExceptionsTable, OfficeHoursTable } from './directory.tables.ts';

/** SQL of the directory: hours, exceptions and the data behind the overview and the exports. */

export type HoursRow = Awaited<ReturnType<typeof listHours>>[number];
export type ExceptionRow = Awaited<ReturnType<typeof listExceptions>>[number];
export type DirectoryOfficeRow = Awaited<ReturnType<typeof listDirectoryOffices>>[number];
export type PartnerPlaceRow = Awaited<ReturnType<typeof findPartnerPlaces>>[number];

export function listHours(trx: Trx, officeIds: readonly string[]) {
  if (officeIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('office_hours')
    .selectAll()
    .where('office_id', 'in', officeIds)
    .orderBy('office_id')
    .orderBy('weekday')
    .orderBy('opens_at')
    .orderBy('position')
    .execute();
}

/** Exceptions of these offices, optionally only those that end on or after `from`. */
export function listExceptions(trx: Trx, officeIds: readonly string[], from?: string, to?: string) {
  if (officeIds.length === 0) return Promise.resolve([]);
  let query = trx.selectFrom('office_hour_exceptions').selectAll().where('office_id', 'in', officeIds);
  if (from) query = query.where('ends_on', '>=', from);
  if (to) query = query.where('starts_on', '<=', to);
  return query.orderBy('office_id').orderBy('starts_on').execute();
}

/** Replaces the weekly hours and exceptions of an office. */
export async function replaceSchedule(
  trx: Trx,
  office: { id: string; organisation_id: string },
  hours: readonly Omit<Insertable<OfficeHoursTable>, 'office_id' | 'organisation_id'>[],
  exceptions: readonly Omit<Insertable<OfficeHourExceptionsTable>, 'office_id' | 'organisation_id'>[],
): Promise<void> {
  await trx.deleteFrom('office_hours').where('office_id', '=', office.id).execute();
  await trx.deleteFrom('office_hour_exceptions').where('office_id', '=', office.id).execute();
  const owner = { office_id: office.id, organisation_id: office.organisation_id };
  if (hours.length > 0) {
    await trx
      .insertInto('office_hours')
      .values(hours.map((h) => ({ ...h, ...owner })))
      .execute();
  }
  if (exceptions.length > 0) {
    await trx
      .insertInto('office_hour_exceptions')
      .values(exceptions.map((e) => ({ ...e, ...owner })))
      .execute();
  }
}

/** Counts an office's change of schedule as a change of the office (optimistic concurrency). */
export function bumpOfficeVersion(trx: Trx, id: string, version: number) {
  return trx
    .updateTable('offices')
    .set((eb) => ({ updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

/** Organisations whose premises host hours, with their kind and address. */
export function findPartnerPlaces(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'street', 'postcode', 'city', 'deactivated_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Every office of active providers with its provider, optionally of one provider or one town. */
export function listDirectoryOffices(
  trx: Trx,
  filter: { organisationId?: string; city?: string; officeIds?: readonly string[] } = {},
) {
  let query = trx
    .selectFrom('offices as o')
    .innerJoin('organisations as p', 'p.id', 'o.organisation_id')
    .selectAll('o')
    .select([
      'p.name as provider_name',
      'p.umbrella as provider_umbrella',
      'p.email as provider_email',
      'p.phone as provider_phone',
      'p.website as provider_website',
      'p.street as provider_street',
      'p.postcode as provider_postcode',
      'p.city as provider_city',
    ])
    .where('p.deactivated_at', 'is', null)
    .where('p.kind', '=', 'welfare_provider');
  if (filter.organisationId) query = query.where('o.organisation_id', '=', filter.organisationId);
  if (filter.officeIds) {
    if (filter.officeIds.length === 0) return Promise.resolve([]);
    query = query.where('o.id', 'in', filter.officeIds);
  }
  if (filter.city) query = query.where('o.city_key', '=', sql<string>`koop_place_key(${filter.city})`);
  return query.orderBy('o.city').orderBy('p.name').orderBy('o.name').execute();
}

/** Offices with hours in the premises of this organisation (R-DIR-3). */
export async function countHoursInPremises(trx: Trx, organisationId: string): Promise<number> {
  const row = await trx
    .selectFrom('office_hours')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partner_organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Offices with weekly hours or extra dates in the premises of this organisation (R-DIR-3). */
export async function officesHostedBy(trx: Trx, organisationId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('office_hours')
    .select('office_id')
    .where('partner_organisation_id', '=', organisationId)
    .union(
      trx
        .selectFrom('office_hour_exceptions')
        .select('office_id')
        .where('partner_organisation_id', '=', organisationId)
        .where('kind', '=', 'extra'),
    )
    .execute();
  return rows.map((r) => r.office_id);
}
