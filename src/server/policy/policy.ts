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
  | 'user.read_security'
  | 'user.invite'
  | 'user.update'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.reinvite'
  | 'audit.read'
  | 'client.create'
  | 'client.search'
  | 'client.read'
  | 'client.update'
  | 'client.export'
  | 'case.create'
  | 'case.read'
  | 'case.read_special'
  | 'case.update'
  | 'case.close'
  | 'case.reopen'
  | 'case.lookup'
  | 'case.break_glass'
  | 'case.legal_hold'
  | 'caseload.read'
  | 'caseload.team'
  | 'case_settings.read'
  | 'case_settings.update'
  | 'case_deletions.read'
  | 'directory.overview'
  | 'directory.hosted_hours'
  | 'flyer.read'
  | 'flyer.upload'
  | 'flyer.delete'
  | 'offer.list'
  | 'offer.read'
  | 'offer.publish'
  | 'offer.update'
  | 'offer.delete'
  | 'notification.list'
  | 'notification.update';

/** Actions that only read; everything else is a write that a read-only token may not do. */
const readActions: ReadonlySet<Action> = new Set<Action>([
  'client.search',
  'client.read',
  'client.export',
  'case.read',
  'case.read_special',
  'case.lookup',
  'caseload.read',
  'caseload.team',
  'case_settings.read',
  'case_deletions.read',
  'organisation.list',
  'organisation.read',
  'office.list',
  'user.list',
  'user.read',
  'user.read_security',
  'audit.read',
  'directory.overview',
  'directory.hosted_hours',
  'flyer.read',
  'offer.list',
  'offer.read',
  'notification.list',
]);

/** Where a permission applies: inside the actor's own organisation, or in any organisation. */
export type Scope = 'own' | 'any';

const everyone = {
  'organisation.list': 'any',
  'organisation.read': 'any',
  'office.list': 'any',
  // Directory data (R-DIR-1, R-DIR-5): every signed-in person sees the overview and the flyers.
  'directory.overview': 'any',
  'flyer.read': 'any',
  // Offers are read by their publisher and by counselling staff; resourceAllows narrows 'any'.
  'offer.list': 'any',
  'offer.read': 'any',
  // Notifications of new offers exist for counselling staff only (resourceAllows).
  'notification.list': 'own',
  'notification.update': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/** A provider's directory entry: hours, contacts and flyers of its offices (R-ORG-2, R-DIR-5). */
const directoryMaintenance = {
  'office.update': 'own',
  'flyer.upload': 'own',
  'flyer.delete': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/** Partner staff see the counselling hours held in their organisation's premises (R-DIR-3). */
const hostingPremises = {
  'directory.hosted_hours': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/** Partner staff publish their organisation's offers (R-OFF-1..3); the kind follows the organisation. */
const publishing = {
  'offer.publish': 'own',
  'offer.update': 'own',
  'offer.delete': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

const administration = {
  ...everyone,
  ...directoryMaintenance,
  ...publishing,
  ...hostingPremises,
  'organisation.update': 'own',
  'organisation.security': 'own',
  'office.create': 'own',
  'office.update': 'own',
  'office.delete': 'own',
  'user.list': 'own',
  'user.read': 'own',
  // How a colleague signs in (last sign-in, second factor) is for the administration only.
  'user.read_security': 'own',
  'user.invite': 'own',
  'user.update': 'own',
  'user.deactivate': 'own',
  'user.reactivate': 'own',
  'user.reinvite': 'own',
  'audit.read': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/**
 * Case management (R-CASE-*, R-CON-8). Counsellors work their own caseload; anyone else's case
 * opens only after breaking the glass (resourceAllows). A team lead sees the team's caseloads as
 * counts and due items, and case content only after breaking the glass. Partner roles get none
 * of these, and `authorize` answers them 404 (R-RED-4).
 */
const casework = {
  'client.create': 'own',
  'client.search': 'own',
  'client.read': 'own',
  'client.update': 'own',
  'client.export': 'own',
  'case.create': 'own',
  'case.read': 'own',
  'case.read_special': 'own',
  'case.update': 'own',
  'case.close': 'own',
  'case.reopen': 'own',
  'case.lookup': 'own',
  'case.break_glass': 'own',
  'caseload.read': 'own',
  'case_settings.read': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

const teamLeadership = {
  'case.read': 'own',
  'case.read_special': 'own',
  'case.lookup': 'own',
  'case.break_glass': 'own',
  'case.legal_hold': 'own',
  'caseload.team': 'own',
  'case_settings.read': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/** The provider's administration configures case management but never reads a case. */
const caseAdministration = {
  'case.lookup': 'own',
  'case.legal_hold': 'own',
  'case_settings.read': 'own',
  'case_settings.update': 'own',
  'case_deletions.read': 'own',
} as const satisfies Partial<Record<Action, Scope>>;

/** The actions of case management; partner staff are answered as if none of it existed. */
const caseModuleActions: ReadonlySet<Action> = new Set<Action>([
  ...(Object.keys(casework) as Action[]),
  ...(Object.keys(teamLeadership) as Action[]),
  ...(Object.keys(caseAdministration) as Action[]),
]);

/** The permission table, checked by the compiler for every role. */
const permissions = {
  counsellor: { ...everyone, ...casework, 'user.list': 'own', 'user.read': 'own' },
  team_lead: {
    ...everyone,
    ...teamLeadership,
    ...directoryMaintenance,
    'user.list': 'own',
    'user.read': 'own',
  },
  clearing_staff: { ...everyone },
  partner_staff: { ...everyone, ...publishing, ...hostingPremises },
  central_contact: {
    ...everyone,
    ...publishing,
    ...hostingPremises,
    'user.list': 'own',
    'user.read': 'own',
  },
  org_admin: { ...administration, ...caseAdministration },
  system_admin: {
    ...administration,
    'organisation.create': 'any',
    'organisation.update': 'any',
    'organisation.security': 'any',
    'office.create': 'any',
    'office.update': 'any',
    'office.delete': 'any',
    'flyer.upload': 'any',
    'flyer.delete': 'any',
    'directory.hosted_hours': 'any',
    'user.list': 'any',
    'user.read': 'any',
    'user.read_security': 'any',
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
  type:
    | 'client'
    | 'case'
    | 'case_settings'
    | 'organisation'
    | 'office'
    | 'user'
    | 'audit'
    | 'directory'
    | 'flyer'
    | 'offer'
    | 'notification';
  organisationId: string | null;
  /** The kind of the owning organisation, where it matters (offices exist only at providers). */
  organisationKind?: OrganisationKind;
  /** For users: the user's own id, so nobody deactivates themselves. */
  id?: string;
  status?: string;
  /** For offers: what is published (course, measure, regulation); decides who may publish it. */
  offerKind?: OfferKind;
  /** For offers: the counselling providers it is addressed to; empty or absent = all of them. */
  audience?: readonly string[];
  /** For cases: the counsellor whose caseload it is in. */
  ownerUserId?: string;
  /** For cases: who holds an unexpired break-the-glass grant on it (R-CON-8). */
  grantedUserIds?: readonly string[];
  /** For clients: owner and grants of each of the client's cases. */
  cases?: readonly { ownerUserId: string; grantedUserIds: readonly string[] }[];
  /** For clients: who registered them (a client without a case belongs to that person). */
  createdBy?: string | null;
}

/** A case is in the actor's reach when it is in their caseload or they broke the glass for it. */
function caseAccessible(
  actor: Actor,
  c: { ownerUserId?: string; grantedUserIds?: readonly string[] },
): boolean {
  return c.ownerUserId === actor.userId || (c.grantedUserIds ?? []).includes(actor.userId);
}

/** A client is in reach through any of their cases, or as long as they have none, for whoever registered them. */
function clientAccessible(actor: Actor, resource: Resource): boolean {
  const cases = resource.cases ?? [];
  if (cases.length === 0) return resource.createdBy === actor.userId;
  return cases.some((c) => caseAccessible(actor, c));
}

export type OfferKind = 'course' | 'measure' | 'regulation';

/** Which kind of organisation publishes which kind of offer (R-OFF-1..3). */
export const publisherKindOf = {
  course: 'course_provider',
  measure: 'jobcenter',
  regulation: 'abh',
} as const satisfies Record<OfferKind, OrganisationKind>;

/** The kind of offer an organisation of this kind publishes, if any. */
export function offerKindPublishedBy(kind: OrganisationKind): OfferKind | undefined {
  return (Object.keys(publisherKindOf) as OfferKind[]).find((k) => publisherKindOf[k] === kind);
}

/**
 * The widest scope any of the actor's roles holds for `action` in a permission table. Every
 * module policy (`modules/<m>/<m>.policy.ts`) keeps its own table and asks through this.
 */
export function roleScope<A extends string>(
  table: Record<Role, Partial<Record<A, Scope>>>,
  actor: Actor,
  action: A,
): Scope | undefined {
  let best: Scope | undefined;
  for (const role of actor.roles) {
    const scope = table[role][action];
    if (scope === 'any') return 'any';
    if (scope === 'own') best = 'own';
  }
  return best;
}

function scopeFor(actor: Actor, action: Action): Scope | undefined {
  return roleScope<Action>(permissions, actor, action);
}

/** Resource-specific conditions that hold whatever the role. */
function resourceAllows(actor: Actor, action: Action, resource: Resource): boolean {
  switch (action) {
    case 'office.create':
    case 'office.update':
    case 'office.delete':
    case 'flyer.upload':
    case 'flyer.delete':
      return resource.organisationKind === undefined || resource.organisationKind === 'welfare_provider';
    case 'offer.list':
    case 'offer.read':
      // Counselling staff read the offers addressed to them (or to all); partners only their own.
      return (
        resource.organisationId === actor.organisationId ||
        (actor.organisationKind === 'welfare_provider' &&
          (!resource.audience ||
            resource.audience.length === 0 ||
            resource.audience.includes(actor.organisationId)))
      );
    case 'offer.publish':
    case 'offer.update':
    case 'offer.delete':
      return (
        resource.offerKind !== undefined && publisherKindOf[resource.offerKind] === actor.organisationKind
      );
    case 'notification.list':
    case 'notification.update':
      return actor.organisationKind === 'welfare_provider';
    case 'directory.hosted_hours':
      // Only partner organisations host counselling hours in their premises.
      return resource.organisationKind !== undefined && partnerKinds.includes(resource.organisationKind);
    case 'client.create':
    case 'client.search':
    case 'case.lookup':
    case 'caseload.read':
    case 'caseload.team':
    case 'case_settings.read':
    case 'case_settings.update':
    case 'case_deletions.read':
    case 'case.legal_hold':
      return actor.organisationKind === 'welfare_provider';
    case 'client.read':
    case 'client.update':
    case 'case.create':
      return clientAccessible(actor, resource);
    case 'client.export':
      // Everything about the client (Art. 15 DSGVO) includes every case: each must be in reach.
      return (
        clientAccessible(actor, resource) && (resource.cases ?? []).every((c) => caseAccessible(actor, c))
      );
    case 'case.read':
      return caseAccessible(actor, resource);
    case 'case.read_special':
      // Health data (Art. 9 DSGVO) only in a person's own session, never through an API token.
      return caseAccessible(actor, resource) && actor.tokenScope === undefined;
    case 'case.update':
    case 'case.close':
      return caseAccessible(actor, resource) && resource.status === 'open';
    case 'case.reopen':
      return caseAccessible(actor, resource) && resource.status === 'closed';
    case 'case.break_glass':
      return resource.ownerUserId !== actor.userId;
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
    case 'user.read_security':
    case 'user.invite':
    case 'user.update':
    case 'audit.read':
    case 'directory.overview':
    case 'flyer.read':
      return true;
  }
}

/**
 * How a request is authenticated: a person's browser session, or a personal API token with its
 * scope. Decided before any resource is looked at, for every route alike (R-SEC-3).
 */
export type Credential = { kind: 'session' } | { kind: 'token'; scope: 'read' | 'write' };

/** What matters about a route for the credential: whether it only reads, whether it manages credentials. */
export interface RouteKind {
  /** GET, HEAD, OPTIONS. */
  safe: boolean;
  /** Password, second factor, recovery codes, API tokens, sessions (route config `credentials`). */
  credentials: boolean;
}

/**
 * Why a credential may not call a route at all, or null. A read-only token only reads. No token
 * manages credentials: whoever holds one must not change how the account signs in, mint tokens
 * or end the owner's sessions — that takes the person's own browser session (ASVS V3).
 */
export function credentialRefusal(
  credential: Credential,
  route: RouteKind,
): 'token_read_only' | 'session_required' | null {
  if (credential.kind === 'session') return null;
  if (route.credentials) return 'session_required';
  if (credential.scope === 'read' && !route.safe) return 'token_read_only';
  return null;
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

/** Audit entries about case data: which client, case or caseload was read or changed. */
export const caseAuditEntityTypes = ['client', 'case', 'caseload'] as const;

/**
 * Whether the actor sees which case an audit entry of `organisationId` concerns, and the reason a
 * person typed (break the glass, legal hold), which may name the client. Only the organisation's
 * own administration does; system administration reading a provider's log sees who, what and
 * when of case entries, never the case or the reason (R-RED-4, R-SEC-2).
 */
export function seesCaseAuditDetails(actor: Actor, organisationId: string): boolean {
  return organisationId === actor.organisationId;
}

/** Whether the actor belongs to a partner organisation (Jobcenter, ABH, course provider, other). */
export function isPartner(actor: Actor): boolean {
  return partnerKinds.includes(actor.organisationKind);
}

export type NavigationKey =
  | 'dashboard'
  | 'cases'
  | 'team'
  | 'organisations'
  | 'myOrganisation'
  | 'offices'
  | 'directory'
  | 'hostedHours'
  | 'offers'
  | 'notifications'
  | 'users'
  | 'audit'
  | 'caseSettings'
  | 'caseDeletions'
  | 'inbox'
  | 'conflicts'
  | 'partnerTeams'
  | 'account';

/** The navigation a signed-in user sees, derived from the same permissions. */
export function navigationFor(actor: Actor): NavigationKey[] {
  const own: Resource = {
    type: 'organisation',
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
  };
  const nav: NavigationKey[] = ['dashboard'];
  if (can(actor, 'caseload.read', { ...own, type: 'client' })) nav.push('cases');
  if (can(actor, 'caseload.team', { ...own, type: 'client' })) nav.push('team');
  if (can(actor, 'organisation.create', { type: 'organisation', organisationId: null }))
    nav.push('organisations');
  nav.push('myOrganisation');
  if (actor.organisationKind === 'welfare_provider') nav.push('offices');
  if (can(actor, 'directory.overview', { type: 'directory', organisationId: null })) nav.push('directory');
  if (can(actor, 'directory.hosted_hours', { ...own, type: 'directory' })) nav.push('hostedHours');
  const ownOffers: Resource = { ...own, type: 'offer' };
  const publishable = offerKindPublishedBy(actor.organisationKind);
  if (
    can(actor, 'offer.list', ownOffers) &&
    (actor.organisationKind === 'welfare_provider' ||
      (publishable !== undefined && can(actor, 'offer.publish', { ...ownOffers, offerKind: publishable })))
  ) {
    nav.push('offers');
  }
  if (can(actor, 'notification.list', { ...own, type: 'notification' })) nav.push('notifications');
  if (can(actor, 'user.list', own)) nav.push('users');
  if (can(actor, 'audit.read', own)) nav.push('audit');
  // Case settings for whoever may change them; reading the lists alone is part of casework.
  if (can(actor, 'case_settings.update', { ...own, type: 'case_settings' })) nav.push('caseSettings');
  if (can(actor, 'case_deletions.read', { ...own, type: 'case_settings' })) nav.push('caseDeletions');
  nav.push('account');
  return nav;
}

/**
 * Throws unless the actor may act. A resource of another organisation answers "not found",
 * so a denial never reveals that it exists; otherwise it is "forbidden".
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  // Partner staff must not even learn what case management holds (R-RED-4).
  if (isPartner(actor) && caseModuleActions.has(action)) throw new AppError('not_found');
  // Only a resource owned by another organisation is hidden; one owned by none (e.g. creating
  // an organisation) has nothing to hide, so the refusal is plain.
  const foreign = resource.organisationId !== null && resource.organisationId !== actor.organisationId;
  if (actor.tokenScope === 'read' && !readActions.has(action) && !foreign) {
    throw new AppError('token_read_only');
  }
  // Someone else's case in the own organisation: the person may open it only with a reason (R-CON-8).
  if (
    !foreign &&
    resource.type === 'case' &&
    action !== 'case.break_glass' &&
    !caseAccessible(actor, resource) &&
    can(actor, 'case.break_glass', resource)
  ) {
    throw new AppError('break_glass_required');
  }
  throw new AppError(foreign ? 'not_found' : 'forbidden');
}
