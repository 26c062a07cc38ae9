import type { GermanState } from './organisations.values.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import { isoDate } from '../../http/schemas.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../policy/policy.ts';
import { partnerKinds, type OrganisationKind } from '../../policy/roles.ts';
import { allowedAuditActions } from '../audit/audit.policy.ts';
import { allowedOfficeActions } from '../offices/offices.policy.ts';
import { allowedUserActions, canUser } from '../users/users.policy.ts';
import { listCentralContacts } from '../users/users.repository.ts';
import { presentUser } from '../users/users.service.ts';
import {
  allowedOrganisationActions,
  authorizeOrganisation,
  type OrganisationResource,
} from './organisations.policy.ts';
import * as repo from './organisations.repository.ts';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './organisations.schemas.ts';

function resourceOf(row: repo.OrganisationRow): OrganisationResource {
  return { type: 'organisation', organisationId: row.id };
}

const register = { type: 'organisations', organisationId: null } as const;

/**
 * What the actor may do with an organisation, for the UI: change it and its sign-in rules, see
 * and invite its staff, open an office, read its audit log — each asked of its module's policy.
 */
function organisationActions(actor: Actor, row: repo.OrganisationRow): string[] {
  const kind = row.kind as OrganisationKind;
  return [
    ...allowedOrganisationActions(actor, resourceOf(row), ['organisation.update', 'organisation.security']),
    ...allowedUserActions(actor, { type: 'staff', organisationId: row.id }, ['user.list', 'user.invite']),
    ...allowedOfficeActions(actor, { type: 'office', organisationId: row.id, organisationKind: kind }, [
      'office.create',
    ]),
    ...allowedAuditActions(actor, { type: 'audit_log', organisationId: row.id }, ['audit.read']),
  ];
}

/** An organisation as the API shows it, with the actions the actor may take on it. */
export function presentOrganisation(actor: Actor, row: repo.OrganisationRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    subtype: row.subtype,
    umbrella: row.umbrella,
    services: row.services as ('MBE' | 'JMD')[],
    funding: row.funding as 'federal' | 'state' | 'federal_and_state' | null,
    hostsClearingOffice: row.hosts_clearing_office,
    dataProtectionLaw: row.data_protection_law as 'dsgvo' | 'kdg' | 'dsg_ekd' | null,
    state: row.state as GermanState | null,
    requireTotp: row.require_totp,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    website: row.website,
    deactivatedAt: isoDate(row.deactivated_at),
    version: row.version,
    allowedActions: organisationActions(actor, row),
  };
}

export async function listOrganisations(
  ctx: RequestContext,
  query: { kind?: OrganisationKind | undefined; q?: string | undefined; offset: number; limit: number },
) {
  authorizeOrganisation(ctx.actor, 'organisation.list', register);
  const page = await repo.listOrganisations(ctx.trx, query);
  return { items: page.items.map((row) => presentOrganisation(ctx.actor, row)), total: page.total };
}

/** One organisation with its central contacts, where the actor may see its staff. */
export async function getOrganisation(ctx: RequestContext, id: string) {
  const row = await repo.findOrganisation(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeOrganisation(ctx.actor, 'organisation.read', resourceOf(row));
  const seesStaff = canUser(ctx.actor, 'user.list', { type: 'staff', organisationId: id });
  const contacts = seesStaff ? await listCentralContacts(ctx.trx, id) : [];
  if (contacts.length > 0) {
    await recordAudit(ctx.trx, ctx.audit, {
      action: 'user.listed',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      details: { userIds: contacts.map((c) => c.id), purpose: 'central_contacts' },
    });
  }
  const needsContact = partnerKinds.includes(row.kind as OrganisationKind);
  return {
    ...presentOrganisation(ctx.actor, row),
    centralContacts: contacts.map((c) => presentUser(ctx.actor, c)),
    centralContactMissing: seesStaff ? needsContact && contacts.length === 0 : null,
  };
}

function columnsFrom(input: Partial<CreateOrganisationInput>) {
  const map = {
    name: input.name,
    subtype: input.subtype,
    umbrella: input.umbrella,
    services: input.services,
    funding: input.funding,
    hosts_clearing_office: input.hostsClearingOffice,
    data_protection_law: input.dataProtectionLaw,
    state: input.state,
    street: input.street,
    postcode: input.postcode,
    city: input.city,
    phone: input.phone,
    email: input.email,
    website: input.website,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

function nameTaken(err: unknown): never {
  if (isUniqueViolation(err)) {
    throw new AppError('name_taken', {
      errors: [
        { path: 'name', code: 'name_taken', message: 'Eine Organisation mit diesem Namen gibt es bereits.' },
      ],
    });
  }
  throw err;
}

export async function createOrganisation(ctx: RequestContext, input: CreateOrganisationInput) {
  authorizeOrganisation(ctx.actor, 'organisation.create', register);
  const row = await repo
    .insertOrganisation(ctx.trx, { ...columnsFrom(input), name: input.name, kind: input.kind })
    .catch(nameTaken);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: row.id,
    details: { kind: row.kind },
  });
  return presentOrganisation(ctx.actor, row);
}

export async function updateOrganisation(ctx: RequestContext, id: string, input: UpdateOrganisationInput) {
  const row = await repo.findOrganisation(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeOrganisation(ctx.actor, 'organisation.update', resourceOf(row));
  if (input.requireTotp !== undefined || input.deactivated !== undefined)
    authorizeOrganisation(ctx.actor, 'organisation.security', resourceOf(row));
  if (input.deactivated !== undefined && id === ctx.actor.organisationId) throw new AppError('forbidden');
  const updated = await repo
    .updateOrganisation(ctx.trx, id, input.version, {
      ...columnsFrom(input),
      ...(input.requireTotp !== undefined ? { require_totp: input.requireTotp } : {}),
      ...(input.deactivated !== undefined ? { deactivated_at: input.deactivated ? ctx.now : null } : {}),
    })
    .catch(nameTaken);
  if (!updated) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'organisation.updated',
    entityType: 'organisation',
    entityId: id,
    organisationId: id,
    details: { fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  return presentOrganisation(ctx.actor, updated);
}
