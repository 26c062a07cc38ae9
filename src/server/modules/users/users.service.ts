import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit, selectAudited } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import { isoDate } from '../../http/schemas.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../policy/policy.ts';
import {
  roleAllowedIn,
  rolesByOrganisationKind,
  type OrganisationKind,
  type Role,
} from '../../policy/roles.ts';
import { randomToken, sha256 } from '../auth/auth.crypto.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import {
  administrationGivenUp,
  allowedUserActions,
  assignableBy,
  authorizeUser,
  canUser,
  grantsSystemAdministration,
  type UserAction,
  type UserResource,
} from './users.policy.ts';
import * as repo from './users.repository.ts';
import type { InviteUserInput, ListUsersQuery, UpdateUserInput } from './users.schemas.ts';
import type { UserStatus } from './users.values.ts';

const invitationDays = 7;
const userActions: readonly UserAction[] = [
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.reinvite',
];

function userResource(row: repo.UserRow): UserResource {
  return { type: 'user', organisationId: row.organisation_id, id: row.id, status: row.status as UserStatus };
}

/** The people of an organisation, as a whole. */
function staffOf(organisationId: string): UserResource {
  return { type: 'staff', organisationId };
}

/** A user as the API shows it, with the actions the actor may take on it. */
export function presentUser(actor: Actor, row: repo.UserRow) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    displayName: row.display_name,
    functionTitle: row.function_title,
    phone: row.phone,
    roles: row.roles as Role[],
    status: row.status as 'invited' | 'active' | 'deactivated',
    // Colleagues see names and contact details; how someone signs in only the administration.
    ...(canUser(actor, 'user.read_security', userResource(row))
      ? { totpEnabled: row.totp_secret !== null, lastLoginAt: isoDate(row.last_login_at) }
      : {}),
    version: row.version,
    allowedActions: allowedUserActions(actor, userResource(row), userActions),
  };
}

async function loadOrganisation(ctx: RequestContext, organisationId: string, action: UserAction) {
  const organisation = await findOrganisation(ctx.trx, organisationId);
  if (!organisation) throw new AppError('not_found');
  authorizeUser(ctx.actor, action, staffOf(organisationId));
  return organisation;
}

async function loadUser(ctx: RequestContext, id: string, action: UserAction) {
  const row = await repo.findUser(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeUser(ctx.actor, action, userResource(row));
  return row;
}

function checkRoles(roles: readonly Role[], kind: OrganisationKind): void {
  const wrong = roles.filter((r) => !roleAllowedIn(r, kind));
  if (wrong.length > 0) {
    throw new AppError('role_not_allowed', {
      errors: [
        {
          path: 'roles',
          code: 'role_not_allowed',
          message: 'Diese Rolle kann in dieser Organisation nicht vergeben werden.',
        },
      ],
    });
  }
}

/**
 * The roles the actor can assign in an organisation, with its name: none for whoever may neither
 * invite nor change its staff, so the Users page learns from this answer (no personal data, no
 * audit row) whether to offer an invitation and which organisation it shows, and does not need the
 * organisation's detail with its central contacts, whose reading is audited as a second
 * `user.listed` (R-SEC-1) — also for the system administration working on another organisation.
 */
export async function assignableRoles(ctx: RequestContext, organisationId: string) {
  const organisation = await loadOrganisation(ctx, organisationId, 'user.list');
  const kind = organisation.kind as OrganisationKind;
  const staff = staffOf(organisationId);
  const named = { id: organisation.id, name: organisation.name };
  if (!canUser(ctx.actor, 'user.invite', staff) && !canUser(ctx.actor, 'user.update', staff))
    return { organisation: named, roles: [] };
  return {
    organisation: named,
    roles: assignableBy(ctx.actor, staff, rolesByOrganisationKind[kind]),
  };
}

export async function listUsers(ctx: RequestContext, organisationId: string, query: ListUsersQuery) {
  await loadOrganisation(ctx, organisationId, 'user.list');
  const page = await repo.listUsers(ctx.trx, organisationId, query);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'user.listed',
    entityType: 'organisation',
    entityId: organisationId,
    organisationId,
    details: { userIds: page.items.map((u) => u.id) },
  });
  return { items: page.items.map((row) => presentUser(ctx.actor, row)), total: page.total };
}

export async function getUser(ctx: RequestContext, id: string) {
  const row = await selectAudited(ctx.trx, ctx.audit, repo.findUserQuery(ctx.trx, id), {
    action: 'user.read',
    entityType: 'user',
    entityId: id,
    organisationColumn: 'organisation_id',
  });
  if (!row) throw new AppError('not_found');
  authorizeUser(ctx.actor, 'user.read', userResource(row));
  return presentUser(ctx.actor, row);
}

function invitationUrl(ctx: RequestContext, token: string): string {
  return `${ctx.deps.config.publicUrl}/einladung/${token}`;
}

async function sendInvitation(
  ctx: RequestContext,
  email: string,
  displayName: string,
  organisationName: string,
  url: string,
) {
  return ctx.deps.mailer.send({
    to: email,
    subject: `Einladung zu Koop – ${organisationName}`,
    text:
      `Guten Tag ${displayName},\n\n` +
      `Sie wurden eingeladen, Koop für ${organisationName} zu nutzen. ` +
      `Bitte legen Sie innerhalb von ${invitationDays} Tagen Ihr Passwort fest:\n\n${url}\n\n` +
      `Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren.\n`,
  });
}

/** Invites a person: an account in state "invited" and a one-time link to set a password. */
export async function inviteUser(ctx: RequestContext, organisationId: string, input: InviteUserInput) {
  const organisation = await loadOrganisation(ctx, organisationId, 'user.invite');
  checkRoles(input.roles, organisation.kind as OrganisationKind);
  if (
    grantsSystemAdministration(input.roles) &&
    !canUser(ctx.actor, 'user.assign_system_admin', staffOf(organisationId))
  )
    throw new AppError('role_not_allowed');
  const token = randomToken();
  let row: repo.UserRow;
  try {
    row = await repo.insertUser(ctx.trx, {
      organisationId,
      email: input.email,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      functionTitle: input.functionTitle ?? null,
      phone: input.phone ?? null,
      invitationHash: sha256(token),
      invitationExpiresAt: new Date(ctx.now.getTime() + invitationDays * 86_400_000),
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('email_taken', {
        errors: [
          { path: 'email', code: 'email_taken', message: 'Diese E-Mail-Adresse ist bereits vergeben.' },
        ],
      });
    }
    throw err;
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'user.invited',
    entityType: 'user',
    entityId: row.id,
    organisationId,
    details: { roles: row.roles },
  });
  const url = invitationUrl(ctx, token);
  const mailed = await sendInvitation(ctx, row.email, row.display_name, organisation.name, url);
  return { user: presentUser(ctx.actor, row), invitationUrl: url, mailed };
}

/** Refuses to leave an organisation without an active administrator. */
async function keepOneAdministrator(
  ctx: RequestContext,
  row: repo.UserRow,
  nextRoles: readonly string[],
  nextStatus: string,
) {
  for (const role of administrationGivenUp(row, { roles: nextRoles, status: nextStatus })) {
    if ((await repo.countActiveWithRole(ctx.trx, row.organisation_id, role, row.id)) === 0) {
      throw new AppError('last_admin');
    }
  }
}

function changed<T>(row: T | undefined): T {
  if (!row) throw new AppError('version_conflict');
  return row;
}

export async function updateUser(ctx: RequestContext, id: string, input: UpdateUserInput) {
  const row = await loadUser(ctx, id, 'user.update');
  if (input.roles) {
    const organisation = await findOrganisation(ctx.trx, row.organisation_id);
    checkRoles(input.roles, organisation!.kind as OrganisationKind);
    if (
      grantsSystemAdministration(input.roles, row.roles) &&
      !canUser(ctx.actor, 'user.assign_system_admin', staffOf(row.organisation_id))
    )
      throw new AppError('role_not_allowed');
    await keepOneAdministrator(ctx, row, input.roles, row.status);
  }
  const updated = changed(
    await repo.updateUser(ctx.trx, id, input.version, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
      ...(input.functionTitle !== undefined ? { function_title: input.functionTitle } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
    }),
  );
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'user.updated',
    entityType: 'user',
    entityId: id,
    organisationId: row.organisation_id,
    details: { fields: Object.keys(input).filter((k) => k !== 'version'), roles: updated.roles },
  });
  return presentUser(ctx.actor, updated);
}

/** Deactivation ends the person's sessions at once; API tokens stop working with it. */
export async function deactivateUser(ctx: RequestContext, id: string, version: number) {
  const row = await loadUser(ctx, id, 'user.deactivate');
  await keepOneAdministrator(ctx, row, row.roles, 'deactivated');
  const updated = changed(
    await repo.updateUser(ctx.trx, id, version, {
      status: 'deactivated',
      invitation_hash: null,
      invitation_expires_at: null,
    }),
  );
  await repo.deleteSessionsOf(ctx.trx, id);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'user.deactivated',
    entityType: 'user',
    entityId: id,
    organisationId: row.organisation_id,
  });
  return presentUser(ctx.actor, updated);
}

export async function reactivateUser(ctx: RequestContext, id: string, version: number) {
  const row = await loadUser(ctx, id, 'user.reactivate');
  const status = (await repo.hasPassword(ctx.trx, id)) ? 'active' : 'invited';
  const updated = changed(await repo.updateUser(ctx.trx, id, version, { status }));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'user.reactivated',
    entityType: 'user',
    entityId: id,
    organisationId: row.organisation_id,
  });
  return presentUser(ctx.actor, updated);
}

/** A new invitation link for someone who has not accepted yet; the old link stops working. */
export async function reinviteUser(ctx: RequestContext, id: string) {
  const row = await loadUser(ctx, id, 'user.reinvite');
  const token = randomToken();
  const updated = changed(
    await repo.updateUser(ctx.trx, id, row.version, {
      invitation_hash: sha256(token),
      invitation_expires_at: new Date(ctx.now.getTime() + invitationDays * 86_400_000),
    }),
  );
  const organisation = await findOrganisation(ctx.trx, row.organisation_id);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'user.reinvited',
    entityType: 'user',
    entityId: id,
    organisationId: row.organisation_id,
  });
  const url = invitationUrl(ctx, token);
  const mailed = await sendInvitation(
    ctx,
    updated.email,
    updated.display_name,
    organisation?.name ?? '',
    url,
  );
  return { invitationUrl: url, mailed };
}
