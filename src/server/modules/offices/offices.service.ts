import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import { allowedActions, authorize, type Action, type Actor, type Resource } from '../../policy/policy.ts';
import type { OrganisationKind } from '../../policy/roles.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import * as repo from './offices.repository.ts';
import type { CreateOfficeInput, UpdateOfficeInput } from './offices.schemas.ts';

const officeActions: readonly Action[] = ['office.update', 'office.delete'];

function resourceOf(row: repo.OfficeRow): Resource {
  return { type: 'office', organisationId: row.organisation_id, organisationKind: 'welfare_provider' };
}

function presentOffice(actor: Actor, row: repo.OfficeRow) {
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
    version: row.version,
    allowedActions: allowedActions(actor, resourceOf(row), officeActions),
  };
}

async function organisationResource(ctx: RequestContext, organisationId: string): Promise<Resource> {
  const organisation = await findOrganisation(ctx.trx, organisationId);
  if (!organisation) throw new AppError('not_found');
  return { type: 'office', organisationId, organisationKind: organisation.kind as OrganisationKind };
}

/** Counselling offices of a provider (R-ORG-2); directory data, readable by every signed-in user. */
export async function listOffices(ctx: RequestContext, organisationId: string) {
  authorize(ctx.actor, 'office.list', await organisationResource(ctx, organisationId));
  const rows = await repo.listOffices(ctx.trx, organisationId);
  return { items: rows.map((row) => presentOffice(ctx.actor, row)), total: rows.length };
}

export async function createOffice(ctx: RequestContext, organisationId: string, input: CreateOfficeInput) {
  const resource = await organisationResource(ctx, organisationId);
  authorize(ctx.actor, 'office.create', resource);
  if (resource.organisationKind !== 'welfare_provider') throw new AppError('forbidden');
  const row = await repo.insertOffice(ctx.trx, {
    organisation_id: organisationId,
    name: input.name,
    street: input.street,
    postcode: input.postcode,
    city: input.city,
    phone: input.phone ?? null,
    email: input.email ?? null,
    services: input.services,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'office.created',
    entityType: 'office',
    entityId: row.id,
    organisationId,
  });
  return presentOffice(ctx.actor, row);
}

async function loadOffice(ctx: RequestContext, id: string, action: Action) {
  const row = await repo.findOffice(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx.actor, action, resourceOf(row));
  return row;
}

export async function updateOffice(ctx: RequestContext, id: string, input: UpdateOfficeInput) {
  const row = await loadOffice(ctx, id, 'office.update');
  const { version, ...changes } = input;
  const updated = await repo.updateOffice(
    ctx.trx,
    id,
    version,
    Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  );
  if (!updated) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'office.updated',
    entityType: 'office',
    entityId: id,
    organisationId: row.organisation_id,
    details: { fields: Object.keys(changes) },
  });
  return presentOffice(ctx.actor, updated);
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
