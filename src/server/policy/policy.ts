import { AppError } from '../http/errors.ts';
import { partnerKinds, type OrganisationKind, type Role } from './roles.ts';

/**
 * The one place that decides who may do what. Pure functions of the actor and the resource;
 * handlers and services ask `can` / `authorize` and never compare roles themselves.
 */

/** Who is acting: a signed-in user, possibly through a personal API token. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: readonly Role[];
  /** Set when the request is authenticated by an API token; 'read' tokens never write. */
  tokenScope?: 'read' | 'write';
}

export type Action =
  | 'organisation.list'
  | 'organisation.read'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.security'
  | 'office.list'
  | 'office.create'
  | 'office.update'
  | 'office.delete'
  | 'user.list'
  | 'user.read'
  | 'user.invite'
  | 'user.update'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.reinvite'
  | 'audit.read';

/** Actions that only read; everything else is a write that a read-only token may not do. */
const readActions: ReadonlySet<Action> = new Set<Action>([
  'organisation.list',
  'organisation.read',
  'office.list',
  'user.list',
  'user.read',
  'audit.read',
]);

/** Where a permission applies: inside the actor's own organisation, or in any organisation. */
type Scope = 'own' | 'any';

const everyone = {
  'organisation.list': 'any',
  'organisation.read': 'any',
  'office.list': 'any',
} as const satisfies Partial<Record<Action, Scope>>;

const administration = {
  ...everyone,
  'organisation.update': 'own',
  'organisation.security': 'own',
  'office.create': 'own',
  'office.update': 'own',
  'office.delete': 'own',
  'user.list': 'own',
  'user.read': 'own',
  'user.invite': 'own',
  'user.update': 'own',
  'user.deactivate': 'own',
  'user.reactivate': 'own',
  'user.reinvite': 'own',
  'audit.read': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/** The permission table, checked by the compiler for every role. */
const permissions = {
  counsellor: { ...everyone, 'user.list': 'own', 'user.read': 'own' },
  team_lead: { ...everyone, 'user.list': 'own', 'user.read': 'own' },
  clearing_staff: { ...everyone },
  partner_staff: { ...everyone },
  central_contact: { ...everyone, 'user.list': 'own', 'user.read': 'own' },
  org_admin: administration,
  system_admin: {
    ...administration,
    'organisation.create': 'any',
    'organisation.update': 'any',
    'organisation.security': 'any',
    'office.create': 'any',
    'office.update': 'any',
    'office.delete': 'any',
    'user.list': 'any',
    'user.read': 'any',
    'user.invite': 'any',
    'user.update': 'any',
    'user.deactivate': 'any',
    'user.reactivate': 'any',
    'user.reinvite': 'any',
    'audit.read': 'any',
  },
} as const satisfies Record<Role, Partial<Record<Action, Scope>>>;

/** What an action is applied to; `organisationId` is the owning organisation, if any. */
export interface Resource {
  type: 'organisation' | 'office' | 'user' | 'audit';
  organisationId: string | null;
  /** The kind of the owning organisation, where it matters (offices exist only at providers). */
  organisationKind?: OrganisationKind;
  /** For users: the user's own id, so nobody deactivates themselves. */
  id?: string;
  status?: string;
}

function scopeFor(actor: Actor, action: Action): Scope | undefined {
  let best: Scope | undefined;
  for (const role of actor.roles) {
    const scope = (permissions[role] as Partial<Record<Action, Scope>>)[action];
    if (scope === 'any') return 'any';
    if (scope === 'own') best = 'own';
  }
  return best;
}

/** Resource-specific conditions that hold whatever the role. */
function resourceAllows(actor: Actor, action: Action, resource: Resource): boolean {
  switch (action) {
    case 'office.create':
    case 'office.update':
    case 'office.delete':
      return resource.organisationKind === undefined || resource.organisationKind === 'welfare_provider';
    case 'user.deactivate':
      return resource.id !== actor.userId && resource.status !== 'deactivated';
    case 'user.reactivate':
      return resource.status === 'deactivated';
    case 'user.reinvite':
      return resource.status === 'invited';
    case 'organisation.list':
    case 'organisation.read':
    case 'organisation.create':
    case 'organisation.update':
    case 'organisation.security':
    case 'office.list':
    case 'user.list':
    case 'user.read':
    case 'user.invite':
    case 'user.update':
    case 'audit.read':
      return true;
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.tokenScope === 'read' && !readActions.has(action)) return false;
  const scope = scopeFor(actor, action);
  if (scope === undefined) return false;
  if (scope === 'own' && resource.organisationId !== actor.organisationId) return false;
  return resourceAllows(actor, action, resource);
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedActions(actor: Actor, resource: Resource, candidates: readonly Action[]): Action[] {
  return candidates.filter((action) => can(actor, action, resource));
}

/**
 * Whether the actor's transactions may see rows of every organisation (RLS `koop.all_orgs`).
 * Only system administration has it, and only for the tables whose policies honour it
 * (organisations, offices, users, sessions, tokens, audit) — never for case data.
 */
export function hasOperatorScope(actor: Actor): boolean {
  return actor.roles.includes('system_admin') && actor.tokenScope === undefined;
}

/** Whether the actor belongs to a partner organisation (Jobcenter, ABH, course provider, other). */
export function isPartner(actor: Actor): boolean {
  return partnerKinds.includes(actor.organisationKind);
}

export type NavigationKey =
  'dashboard' | 'organisations' | 'myOrganisation' | 'offices' | 'users' | 'audit' | 'account';

/** The navigation a signed-in user sees, derived from the same permissions. */
export function navigationFor(actor: Actor): NavigationKey[] {
  const own: Resource = {
    type: 'organisation',
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
  };
  const nav: NavigationKey[] = ['dashboard'];
  if (can(actor, 'organisation.create', { type: 'organisation', organisationId: null }))
    nav.push('organisations');
  nav.push('myOrganisation');
  if (actor.organisationKind === 'welfare_provider') nav.push('offices');
  if (can(actor, 'user.list', own)) nav.push('users');
  if (can(actor, 'audit.read', own)) nav.push('audit');
  nav.push('account');
  return nav;
}

/**
 * Throws unless the actor may act. A resource of another organisation answers "not found",
 * so a denial never reveals that it exists; otherwise it is "forbidden".
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  // Only a resource owned by another organisation is hidden; one owned by none (e.g. creating
  // an organisation) has nothing to hide, so the refusal is plain.
  const foreign = resource.organisationId !== null && resource.organisationId !== actor.organisationId;
  if (actor.tokenScope === 'read' && !readActions.has(action) && !foreign) {
    throw new AppError('token_read_only');
  }
  throw new AppError(foreign ? 'not_found' : 'forbidden');
}
