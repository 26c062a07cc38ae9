import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import { partnerKinds, type OrganisationKind } from '../../policy/roles.ts';

/**
 * The policy of the directory's views (R-DIR-1, R-DIR-3): every signed-in person sees the
 * overview of all offices; partner staff, central contacts and the administration of a partner
 * see the counselling hours held in their own premises, system administration those of any
 * partner. What an office's entry holds, and who keeps it, is the offices' policy
 * (`modules/offices/offices.policy.ts`).
 */

export type DirectoryAction = 'directory.overview' | 'directory.hosted_hours';

/** What a directory action applies to: one shape per kind of resource. */
export type DirectoryResource =
  /** The overview of every office, owned by none. */
  | { type: 'directory'; organisationId: null }
  /** An organisation's premises, where providers may hold hours: only partners host them. */
  | { type: 'premises'; organisationId: string; organisationKind: OrganisationKind };

const everyone = { 'directory.overview': 'any' } as const satisfies Partial<Record<DirectoryAction, Scope>>;

/** Partner staff see the counselling hours held in their organisation's premises (R-DIR-3). */
const hostingPremises = {
  ...everyone,
  'directory.hosted_hours': 'own',
} as const satisfies Partial<Record<DirectoryAction, Scope>>;

const permissions: ModulePermissions<DirectoryAction> = {
  roles: {
    counsellor: everyone,
    team_lead: everyone,
    clearing_staff: everyone,
    partner_staff: hostingPremises,
    central_contact: hostingPremises,
    org_admin: hostingPremises,
    system_admin: { ...everyone, 'directory.hosted_hours': 'any' },
  },
  reads: new Set<DirectoryAction>(['directory.overview', 'directory.hosted_hours']),
};

/** Conditions of the resource that hold whatever the role. */
function resourceAllows(action: DirectoryAction, resource: DirectoryResource): boolean {
  switch (action) {
    case 'directory.overview':
      return resource.type === 'directory';
    case 'directory.hosted_hours':
      // Only partner organisations host counselling hours in their premises.
      return resource.type === 'premises' && partnerKinds.includes(resource.organisationKind);
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canDirectory(actor: Actor, action: DirectoryAction, resource: DirectoryResource): boolean {
  return rolePermits(permissions, actor, action, resource.organisationId) && resourceAllows(action, resource);
}

/** Throws unless the actor may act; another organisation's premises are "not found". */
export function authorizeDirectory(actor: Actor, action: DirectoryAction, resource: DirectoryResource): void {
  if (!canDirectory(actor, action, resource))
    throw refusal(permissions, actor, action, resource.organisationId);
}
