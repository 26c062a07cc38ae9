import { AppError, type ErrorCode } from '../http/errors.ts';
import { canAudit } from '../modules/audit/audit.policy.ts';
import { canCase } from '../modules/cases/cases.policy.ts';
import { canDirectory } from '../modules/directory/directory.policy.ts';
import { canOffer, offerKindPublishedBy } from '../modules/offers/offers.policy.ts';
import { canOrganisation } from '../modules/organisations/organisations.policy.ts';
import { canUser } from '../modules/users/users.policy.ts';
import { partnerKinds, type OrganisationKind, type Role } from './roles.ts';

/**
 * What every access decision shares: the actor, the scopes of a permission, how a module's
 * permission table is asked, how a refusal is answered, what a credential may call at all, and
 * the navigation. The decisions themselves are in each module's policy
 * (`modules/<m>/<m>.policy.ts`): its actions, a discriminated union of its resources and its
 * permission table per role. Handlers and services ask those and never compare roles themselves.
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

/** Where a permission applies: inside the actor's own organisation, or in any organisation. */
export type Scope = 'own' | 'any';

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

/** A module's permissions: its table per role, and which of its actions only read. */
export interface ModulePermissions<A extends string> {
  /** Per role, the actions it holds and where; checked by the compiler for every role. */
  roles: Record<Role, Partial<Record<A, Scope>>>;
  /** The actions that only read; everything else is a write that a read-only token may not do. */
  reads: ReadonlySet<A>;
}

/**
 * Whether the actor's roles and credential allow `action` on a resource owned by
 * `organisationId` (null: owned by no organisation), before the module's own conditions: a
 * read-only token only reads, and an 'own' permission reaches only the actor's own organisation.
 */
export function rolePermits<A extends string>(
  permissions: ModulePermissions<A>,
  actor: Actor,
  action: A,
  organisationId: string | null,
): boolean {
  if (actor.tokenScope === 'read' && !permissions.reads.has(action)) return false;
  const scope = roleScope(permissions.roles, actor, action);
  if (scope === undefined) return false;
  return scope === 'any' || organisationId === actor.organisationId;
}

/**
 * The answer to an action a module's policy refused. A resource of another organisation is "not
 * found", so a denial never reveals that it exists; one owned by none (creating an organisation)
 * has nothing to hide. A read-only token that may not write hears so; otherwise the answer is
 * `ownAnswer` — a module's more precise word about a resource of the actor's own organisation —
 * or "forbidden".
 */
export function refusal<A extends string>(
  permissions: ModulePermissions<A>,
  actor: Actor,
  action: A,
  organisationId: string | null,
  ownAnswer: ErrorCode | null = null,
): AppError {
  const foreign = organisationId !== null && organisationId !== actor.organisationId;
  if (foreign) return new AppError('not_found');
  if (actor.tokenScope === 'read' && !permissions.reads.has(action)) return new AppError('token_read_only');
  return new AppError(ownAnswer ?? 'forbidden');
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
  | 'refer'
  | 'referrals'
  | 'statistics'
  | 'clearing'
  | 'clearingRota'
  | 'clearingReport'
  | 'gaps'
  | 'agreements'
  | 'account';

/**
 * The navigation a signed-in user sees, derived from the modules' permissions. The exchange adds
 * its own entries (`exchangeNavigation` in `modules/exchange/exchange.policy.ts`), and so do
 * referrals (`referralNavigation` in `modules/referrals/referrals.policy.ts`).
 */
export function navigationFor(actor: Actor): NavigationKey[] {
  const own = actor.organisationId;
  const caseManagement = { type: 'case_management', organisationId: own } as const;
  const caseSettings = { type: 'case_settings', organisationId: own } as const;
  const nav: NavigationKey[] = ['dashboard'];
  if (canCase(actor, 'caseload.read', caseManagement)) nav.push('cases');
  if (canCase(actor, 'caseload.team', caseManagement)) nav.push('team');
  if (canOrganisation(actor, 'organisation.create', { type: 'organisations', organisationId: null }))
    nav.push('organisations');
  nav.push('myOrganisation');
  if (actor.organisationKind === 'welfare_provider') nav.push('offices');
  if (canDirectory(actor, 'directory.overview', { type: 'directory', organisationId: null }))
    nav.push('directory');
  if (
    canDirectory(actor, 'directory.hosted_hours', {
      type: 'premises',
      organisationId: own,
      organisationKind: actor.organisationKind,
    })
  ) {
    nav.push('hostedHours');
  }
  const publishable = offerKindPublishedBy(actor.organisationKind);
  if (
    canOffer(actor, 'offer.list', { type: 'offers', organisationId: own }) &&
    (actor.organisationKind === 'welfare_provider' ||
      (publishable !== undefined &&
        canOffer(actor, 'offer.publish', { type: 'new_offer', organisationId: own, offerKind: publishable })))
  ) {
    nav.push('offers');
  }
  if (canOffer(actor, 'notification.list', { type: 'notifications', organisationId: own }))
    nav.push('notifications');
  if (canUser(actor, 'user.list', { type: 'staff', organisationId: own })) nav.push('users');
  if (canAudit(actor, 'audit.read', { type: 'audit_log', organisationId: own })) nav.push('audit');
  // Case settings for whoever may change them; reading the lists alone is part of casework.
  if (canCase(actor, 'case_settings.update', caseSettings)) nav.push('caseSettings');
  if (canCase(actor, 'case_deletions.read', caseSettings)) nav.push('caseDeletions');
  nav.push('account');
  return nav;
}
