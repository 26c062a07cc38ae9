import type { Insertable, Updateable } from 'kysely';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import type { OfficesTable } from '../../db/schema.ts';
import type { Actor } from '../../policy/policy.ts';
import type { OrganisationKind } from '../../policy/roles.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import type { OnlineLink, ServiceAges } from '../directory/directory.tables.ts';
import {
  allowedOfficeActions,
  authorizeOffice,
  type OfficeAction,
  type OfficeResource,
} from './offices.policy.ts';
import * as repo from './offices.repository.ts';
import type { ContactInput, CreateOfficeInput, UpdateOfficeInput } from './offices.schemas.ts';

const officeActions: readonly OfficeAction[] = ['office.update', 'office.delete'];

/** The policy resource of an office (offices exist only at counselling providers). */
export function officeResource(row: { organisation_id: string }): OfficeResource {
  return { type: 'office', organisationId: row.organisation_id, organisationKind: 'welfare_provider' };
}

function presentContact(row: repo.ContactRow) {
  return {
    id: row.id,
    functionTitle: row.function_title,
    name: row.name,
    namePublic: row.name_public,
    phone: row.phone,
    email: row.email,
    languages: row.languages,
  };
}

/** An office as staff see it, with its contacts and the actions the actor may take. */
export function presentOffice(actor: Actor, row: repo.OfficeRow, contacts: readonly repo.ContactRow[]) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    services: row.services as ('MBE' | 'JMD')[],
    description: row.description,
    website: row.website,
    latitude: row.latitude,
    longitude: row.longitude,
    languages: row.languages,
    accessibility: row.accessibility,
    onlineLinks: row.online_links,
    serviceAges: row.service_ages,
    catchmentPostcodes: row.catchment_postcodes,
    catchmentMunicipalities: row.catchment_municipalities,
    contacts: contacts.filter((c) => c.office_id === row.id).map(presentContact),
    version: row.version,
    allowedActions: allowedOfficeActions(actor, officeResource(row), officeActions),
  };
}

/** The offices of an organisation, as the policy sees them: the organisation's kind decides. */
async function organisationResource(ctx: RequestContext, organisationId: string) {
  const organisation = await findOrganisation(ctx.trx, organisationId);
  if (!organisation) throw new AppError('not_found');
  return {
    type: 'office',
    organisationId,
    organisationKind: organisation.kind as OrganisationKind,
  } satisfies OfficeResource;
}

/** Counselling offices of a provider (R-ORG-2); directory data, readable by every signed-in user. */
export async function listOffices(ctx: RequestContext, organisationId: string) {
  authorizeOffice(ctx.actor, 'office.list', await organisationResource(ctx, organisationId));
  const rows = await repo.listOffices(ctx.trx, organisationId);
  const contacts = await repo.listContacts(
    ctx.trx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => presentOffice(ctx.actor, row, contacts)), total: rows.length };
}

/** One office with its details and contacts. */
export async function getOffice(ctx: RequestContext, id: string) {
  const row = await repo.findOffice(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeOffice(ctx.actor, 'office.list', officeResource(row));
  return presentOffice(ctx.actor, row, await repo.listContacts(ctx.trx, [id]));
}

function contactRows(contacts: readonly ContactInput[]) {
  return contacts.map((c) => ({
    function_title: c.functionTitle,
    name: c.name ?? null,
    // A name that is not given cannot be public.
    name_public: c.namePublic && Boolean(c.name),
    phone: c.phone ?? null,
    email: c.email ?? null,
    languages: c.languages,
  }));
}

/** The directory columns of an input, leaving out what the input does not mention. */
function detailColumns(input: Partial<CreateOfficeInput>): Updateable<OfficesTable> {
  const columns: Updateable<OfficesTable> = {};
  if (input.description !== undefined) columns.description = input.description;
  if (input.website !== undefined) columns.website = input.website;
  if (input.latitude !== undefined) columns.latitude = input.latitude;
  if (input.longitude !== undefined) columns.longitude = input.longitude;
  if (input.languages !== undefined) columns.languages = input.languages;
  if (input.accessibility !== undefined) columns.accessibility = input.accessibility;
  if (input.onlineLinks !== undefined) {
    const links: OnlineLink[] = input.onlineLinks.map((l) => ({
      platform: l.platform,
      url: l.url,
      label: l.label ?? null,
    }));
    columns.online_links = JSON.stringify(links);
  }
  if (input.serviceAges !== undefined) {
    const ages: ServiceAges = {};
    for (const service of ['MBE', 'JMD'] as const) {
      const range = input.serviceAges[service];
      if (range) ages[service] = { minAge: range.minAge, maxAge: range.maxAge };
    }
    columns.service_ages = JSON.stringify(ages);
  }
  if (input.catchmentPostcodes !== undefined) columns.catchment_postcodes = input.catchmentPostcodes;
  if (input.catchmentMunicipalities !== undefined)
    columns.catchment_municipalities = input.catchmentMunicipalities;
  return columns;
}

export async function createOffice(ctx: RequestContext, organisationId: string, input: CreateOfficeInput) {
  const resource = await organisationResource(ctx, organisationId);
  authorizeOffice(ctx.actor, 'office.create', resource);
  if (resource.organisationKind !== 'welfare_provider') throw new AppError('forbidden');
  const values: Insertable<OfficesTable> = {
    organisation_id: organisationId,
    name: input.name,
    street: input.street,
    postcode: input.postcode,
    city: input.city,
    phone: input.phone ?? null,
    email: input.email ?? null,
    services: input.services,
    ...(detailColumns(input) as Partial<Insertable<OfficesTable>>),
  };
  const row = await repo.insertOffice(ctx.trx, values);
  if (input.contacts) await repo.replaceContacts(ctx.trx, row, contactRows(input.contacts));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'office.created',
    entityType: 'office',
    entityId: row.id,
    organisationId,
  });
  return presentOffice(ctx.actor, row, await repo.listContacts(ctx.trx, [row.id]));
}

/** Loads an office and checks that the actor may perform `action` on it. */
export async function loadOffice(ctx: RequestContext, id: string, action: OfficeAction) {
  const row = await repo.findOffice(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeOffice(ctx.actor, action, officeResource(row));
  return row;
}

export async function updateOffice(ctx: RequestContext, id: string, input: UpdateOfficeInput) {
  const row = await loadOffice(ctx, id, 'office.update');
  const { version, contacts, ...changes } = input;
  const columns: Updateable<OfficesTable> = {
    ...Object.fromEntries(
      (['name', 'street', 'postcode', 'city', 'phone', 'email', 'services'] as const)
        .filter((key) => changes[key] !== undefined)
        .map((key) => [key, changes[key]]),
    ),
    ...detailColumns(changes),
  };
  const updated = await repo.updateOffice(ctx.trx, id, version, columns);
  if (!updated) throw new AppError('version_conflict');
  if (contacts) await repo.replaceContacts(ctx.trx, updated, contactRows(contacts));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'office.updated',
    entityType: 'office',
    entityId: id,
    organisationId: row.organisation_id,
    details: { fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  return presentOffice(ctx.actor, updated, await repo.listContacts(ctx.trx, [id]));
}

export async function deleteOffice(ctx: RequestContext, id: string, version: number) {
  const row = await loadOffice(ctx, id, 'office.delete');
  if (!(await repo.deleteOffice(ctx.trx, id, version))) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'office.deleted',
    entityType: 'office',
    entityId: id,
    organisationId: row.organisation_id,
  });
}
