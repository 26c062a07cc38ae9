import type { Trx } from '../../db/database.ts';
import { listContacts, type ContactRow } from '../offices/offices.repository.ts';
import * as repo from './directory.repository.ts';
import { clock, type HoursException, type WeeklyHours } from './schedule.ts';

/**
 * The directory as one read model: offices with provider, contacts, weekly hours, exceptions
 * and the partner premises those hours are held in. The overview, the PDF and every export are
 * built from it, so they cannot disagree.
 */

export interface Place {
  organisationId: string;
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

export interface HoursEntry extends WeeklyHours {
  id: string;
  place: Place | null;
}

export interface ExceptionEntry extends HoursException {
  id: string;
  place: Place | null;
}

export interface DirectoryEntry {
  office: repo.DirectoryOfficeRow;
  contacts: ContactRow[];
  hours: HoursEntry[];
  exceptions: ExceptionEntry[];
}

export function toWeeklyHours(row: repo.HoursRow): WeeklyHours & { id: string } {
  return {
    id: row.id,
    kind: row.kind as WeeklyHours['kind'],
    service: row.service as WeeklyHours['service'],
    weekday: row.weekday,
    opensAt: clock(row.opens_at),
    closesAt: clock(row.closes_at),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    partnerOrganisationId: row.partner_organisation_id,
    room: row.room,
    byAppointment: row.by_appointment,
    note: row.note,
  };
}

export function toException(row: repo.ExceptionRow): HoursException & { id: string } {
  return {
    id: row.id,
    kind: row.kind as HoursException['kind'],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    opensAt: row.opens_at ? clock(row.opens_at) : null,
    closesAt: row.closes_at ? clock(row.closes_at) : null,
    partnerOrganisationId: row.partner_organisation_id,
    room: row.room,
    note: row.note,
  };
}

/** Looks up the partner premises named by hours and exceptions. */
export async function placesFor(trx: Trx, ids: readonly (string | null)[]): Promise<Map<string, Place>> {
  const rows = await repo.findPartnerPlaces(
    trx,
    ids.filter((id): id is string => id !== null),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { organisationId: r.id, name: r.name, street: r.street, postcode: r.postcode, city: r.city },
    ]),
  );
}

/** Loads the directory (all active providers' offices, or a filtered part of it). */
export async function loadDirectory(
  trx: Trx,
  filter: { organisationId?: string; city?: string; officeIds?: readonly string[] } = {},
  exceptionsFrom?: string,
): Promise<DirectoryEntry[]> {
  const offices = await repo.listDirectoryOffices(trx, filter);
  const ids = offices.map((o) => o.id);
  // One transaction is one connection: the queries run one after another.
  const contacts = await listContacts(trx, ids);
  const hours = await repo.listHours(trx, ids);
  const exceptions = await repo.listExceptions(trx, ids, exceptionsFrom);
  const places = await placesFor(trx, [
    ...hours.map((h) => h.partner_organisation_id),
    ...exceptions.map((e) => e.partner_organisation_id),
  ]);
  const place = (id: string | null) => (id ? (places.get(id) ?? null) : null);
  return offices.map((office) => ({
    office,
    contacts: contacts.filter((c) => c.office_id === office.id),
    hours: hours
      .filter((h) => h.office_id === office.id)
      .map((h) => ({ ...toWeeklyHours(h), place: place(h.partner_organisation_id) })),
    exceptions: exceptions
      .filter((e) => e.office_id === office.id)
      .map((e) => ({ ...toException(e), place: place(e.partner_organisation_id) })),
  }));
}
