import { AppError } from '../../http/errors.ts';
import {
  isPartner,
  refusal,
  rolePermits,
  type Actor,
  type ModulePermissions,
  type Scope,
} from '../../policy/policy.ts';
import type { Role } from '../../policy/roles.ts';

/**
 * The policy of case management (R-CASE-*, R-CON-5, R-CON-8, R-RED-4): clients, cases, the
 * caseloads, the case settings and the deletion records. Counsellors work their own caseload;
 * anyone else's case opens only after breaking the glass. A team lead sees the team's caseloads
 * as counts and due items, and case content only after breaking the glass. The provider's
 * administration configures case management but never reads a case. Partner roles get none of
 * it, and `authorizeCase` answers them 404. Services ask `authorizeCase` / `canCase`; nothing
 * else in the module decides access.
 */

export type CaseAction =
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
  | 'case_deletions.read';

/** Who may reach one case: the counsellor whose caseload it is in, and who broke the glass for it. */
export interface CaseReachability {
  ownerUserId: string;
  /** Who holds an unexpired break-the-glass grant on it (R-CON-8). */
  grantedUserIds: readonly string[];
}

/** A case as the policy sees it. */
export interface CaseRecord extends CaseReachability {
  type: 'case';
  organisationId: string;
  status: 'open' | 'closed';
}

/** A client as the policy sees it: who registered them and who may reach each of their cases. */
export interface ClientRecord {
  type: 'client';
  organisationId: string;
  /** Who registered the client; a client without a case belongs to that person. */
  createdBy: string | null;
  cases: readonly CaseReachability[];
}

/** What a case-management action applies to: one shape per kind of resource. */
export type CaseResource =
  | CaseRecord
  | ClientRecord
  /** The organisation's case management as a whole: registering and finding clients, looking up a case, the caseloads. */
  | { type: 'case_management'; organisationId: string }
  /** The organisation's category lists, retention period and deletion records. */
  | { type: 'case_settings'; organisationId: string };

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
} as const satisfies Partial<Record<CaseAction, Scope>>;

const teamLeadership = {
  'case.read': 'own',
  'case.read_special': 'own',
  'case.lookup': 'own',
  'case.break_glass': 'own',
  'case.legal_hold': 'own',
  'caseload.team': 'own',
  'case_settings.read': 'own',
} as const satisfies Partial<Record<CaseAction, Scope>>;

/** The provider's administration configures case management but never reads a case. */
const caseAdministration = {
  'case.lookup': 'own',
  'case.legal_hold': 'own',
  'case_settings.read': 'own',
  'case_settings.update': 'own',
  'case_deletions.read': 'own',
} as const satisfies Partial<Record<CaseAction, Scope>>;

const permissions: ModulePermissions<CaseAction> = {
  roles: {
    counsellor: casework,
    team_lead: teamLeadership,
    org_admin: caseAdministration,
    clearing_staff: {},
    partner_staff: {},
    central_contact: {},
    system_admin: {},
  },
  reads: new Set<CaseAction>([
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
  ]),
};

/** The roles that hold a caseload of their own (the team view lists each of their holders). */
export const caseloadRoles: readonly Role[] = (Object.keys(permissions.roles) as Role[]).filter(
  (role) => permissions.roles[role]['caseload.read'] !== undefined,
);

/** A case is in the actor's reach when it is in their caseload or they broke the glass for it. */
export function caseInReach(actor: Actor, c: CaseReachability): boolean {
  return c.ownerUserId === actor.userId || c.grantedUserIds.includes(actor.userId);
}

/** A client is in reach through any of their cases, or as long as they have none, for whoever registered them. */
function clientInReach(actor: Actor, client: ClientRecord): boolean {
  if (client.cases.length === 0) return client.createdBy === actor.userId;
  return client.cases.some((c) => caseInReach(actor, c));
}

/** Case management exists only at counselling providers. */
function providesCounselling(actor: Actor): boolean {
  return actor.organisationKind === 'welfare_provider';
}

/** Conditions of the resource that hold whatever the role. */
function resourceAllows(actor: Actor, action: CaseAction, resource: CaseResource): boolean {
  switch (action) {
    case 'client.create':
    case 'client.search':
    case 'case.lookup':
    case 'caseload.read':
    case 'caseload.team':
      return resource.type === 'case_management' && providesCounselling(actor);
    case 'case_settings.read':
    case 'case_settings.update':
    case 'case_deletions.read':
      return resource.type === 'case_settings' && providesCounselling(actor);
    case 'case.legal_hold':
      return resource.type === 'case' && providesCounselling(actor);
    case 'client.read':
    case 'client.update':
    case 'case.create':
      return resource.type === 'client' && clientInReach(actor, resource);
    case 'client.export':
      // Everything about the client (Art. 15 DSGVO) includes every case: each must be in reach.
      return (
        resource.type === 'client' &&
        clientInReach(actor, resource) &&
        resource.cases.every((c) => caseInReach(actor, c))
      );
    case 'case.read':
      return resource.type === 'case' && caseInReach(actor, resource);
    case 'case.read_special':
      // Health data (Art. 9 DSGVO) only in a person's own session, never through an API token.
      return resource.type === 'case' && caseInReach(actor, resource) && actor.tokenScope === undefined;
    case 'case.update':
    case 'case.close':
      return resource.type === 'case' && caseInReach(actor, resource) && resource.status === 'open';
    case 'case.reopen':
      return resource.type === 'case' && caseInReach(actor, resource) && resource.status === 'closed';
    case 'case.break_glass':
      return resource.type === 'case' && resource.ownerUserId !== actor.userId;
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canCase(actor: Actor, action: CaseAction, resource: CaseResource): boolean {
  return (
    rolePermits(permissions, actor, action, resource.organisationId) &&
    resourceAllows(actor, action, resource)
  );
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedCaseActions(
  actor: Actor,
  resource: CaseResource,
  candidates: readonly CaseAction[],
): CaseAction[] {
  return candidates.filter((action) => canCase(actor, action, resource));
}

/**
 * Throws unless the actor may act. Partner staff must not even learn what case management holds
 * (R-RED-4): every refusal is "not found" to them. Someone else's case in the own organisation
 * answers `break_glass_required` to whoever may open it with a reason (R-CON-8).
 */
export function authorizeCase(actor: Actor, action: CaseAction, resource: CaseResource): void {
  if (canCase(actor, action, resource)) return;
  if (isPartner(actor)) throw new AppError('not_found');
  const breakGlass =
    resource.type === 'case' &&
    action !== 'case.break_glass' &&
    !caseInReach(actor, resource) &&
    canCase(actor, 'case.break_glass', resource);
  throw refusal(
    permissions,
    actor,
    action,
    resource.organisationId,
    breakGlass ? 'break_glass_required' : null,
  );
}
