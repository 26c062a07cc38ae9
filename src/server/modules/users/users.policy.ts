import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import type { Role } from '../../policy/roles.ts';
import type { UserStatus } from './users.values.ts';

/**
 * The policy of an organisation's people (R-ORG-4): colleagues see each other's names and
 * contacts; the administration invites, changes, deactivates and reactivates them and sees how
 * they sign in; system administration does so in every organisation and alone hands out system
 * administration. An organisation never loses its last active administrator. Services ask
 * `authorizeUser` / `canUser` and the role rules below; nothing else in the module decides access
 * or compares roles.
 */

export type UserAction =
  | 'user.list'
  | 'user.read'
  | 'user.read_security'
  | 'user.invite'
  | 'user.update'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.reinvite'
  | 'user.assign_system_admin';

/** What a user action applies to: one shape per kind of resource. */
export type UserResource =
  /** The people of an organisation as a whole: listing and inviting them, which roles may be given. */
  | { type: 'staff'; organisationId: string }
  /** One person's account: its id, so nobody deactivates themselves, and its status. */
  | { type: 'user'; organisationId: string; id: string; status: UserStatus };

/** Colleagues see each other's names and contact details. */
const colleagues = {
  'user.list': 'own',
  'user.read': 'own',
} as const satisfies Partial<Record<UserAction, Scope>>;

const administration = {
  ...colleagues,
  // How a colleague signs in (last sign-in, second factor) is for the administration only.
  'user.read_security': 'own',
  'user.invite': 'own',
  'user.update': 'own',
  'user.deactivate': 'own',
  'user.reactivate': 'own',
  'user.reinvite': 'own',
} as const satisfies Partial<Record<UserAction, Scope>>;

const permissions: ModulePermissions<UserAction> = {
  roles: {
    counsellor: colleagues,
    team_lead: colleagues,
    clearing_staff: {},
    partner_staff: {},
    central_contact: colleagues,
    org_admin: administration,
    system_admin: {
      'user.list': 'any',
      'user.read': 'any',
      'user.read_security': 'any',
      'user.invite': 'any',
      'user.update': 'any',
      'user.deactivate': 'any',
      'user.reactivate': 'any',
      'user.reinvite': 'any',
      // Only the operator's own administration hands out system administration.
      'user.assign_system_admin': 'any',
    },
  },
  reads: new Set<UserAction>(['user.list', 'user.read', 'user.read_security']),
};

/** Conditions of the resource that hold whatever the role. */
function resourceAllows(actor: Actor, action: UserAction, resource: UserResource): boolean {
  switch (action) {
    case 'user.list':
    case 'user.invite':
    case 'user.assign_system_admin':
      return resource.type === 'staff';
    case 'user.read':
    case 'user.read_security':
      return resource.type === 'user';
    case 'user.update':
      // Changing the staff (which roles may be given) or one person.
      return true;
    case 'user.deactivate':
      return resource.type === 'user' && resource.id !== actor.userId && resource.status !== 'deactivated';
    case 'user.reactivate':
      return resource.type === 'user' && resource.status === 'deactivated';
    case 'user.reinvite':
      return resource.type === 'user' && resource.status === 'invited';
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canUser(actor: Actor, action: UserAction, resource: UserResource): boolean {
  return (
    rolePermits(permissions, actor, action, resource.organisationId) &&
    resourceAllows(actor, action, resource)
  );
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedUserActions(
  actor: Actor,
  resource: UserResource,
  candidates: readonly UserAction[],
): UserAction[] {
  return candidates.filter((action) => canUser(actor, action, resource));
}

/** Throws unless the actor may act; another organisation's resource is "not found". */
export function authorizeUser(actor: Actor, action: UserAction, resource: UserResource): void {
  if (!canUser(actor, action, resource)) throw refusal(permissions, actor, action, resource.organisationId);
}

/** Whether giving a person `next` roles, who holds `current`, hands out system administration. */
export function grantsSystemAdministration(
  next: readonly string[],
  current: readonly string[] = [],
): boolean {
  return next.includes('system_admin') && !current.includes('system_admin');
}

/** The roles of `offered` the actor may give to the staff: system administration only by system administration. */
export function assignableBy(actor: Actor, staff: UserResource, offered: readonly Role[]): Role[] {
  if (canUser(actor, 'user.assign_system_admin', staff)) return [...offered];
  return offered.filter((role) => !grantsSystemAdministration([role]));
}

/** The roles that administer an organisation; it never loses the last active holder of either. */
const administratorRoles = ['org_admin', 'system_admin'] as const satisfies readonly Role[];

/** A person's roles and status, before or after a change. */
interface Standing {
  roles: readonly string[];
  status: string;
}

/**
 * The administrator roles a person gives up by a change of roles or status: held while active
 * before, no longer held (or no longer active) after. The change is refused when nobody else
 * active in the organisation holds one of them.
 */
export function administrationGivenUp(
  before: Standing,
  after: Standing,
): (typeof administratorRoles)[number][] {
  return administratorRoles.filter(
    (role) =>
      before.roles.includes(role) &&
      before.status === 'active' &&
      (!after.roles.includes(role) || after.status !== 'active'),
  );
}
