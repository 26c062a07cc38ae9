import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';

/**
 * The policy of organisations (R-ORG-1, R-ORG-4): every signed-in person sees the register; an
 * organisation's administration keeps its own details and sign-in rules; only system
 * administration creates organisations and changes any of them. Services ask
 * `authorizeOrganisation` / `canOrganisation`; nothing else in the module decides access.
 */

export type OrganisationAction =
  | 'organisation.list'
  | 'organisation.read'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.security';

/** What an organisation action applies to: one shape per kind of resource. */
export type OrganisationResource =
  /** The register of all organisations, owned by none: listing it, adding to it. */
  | { type: 'organisations'; organisationId: null }
  /** One organisation; it owns itself. */
  | { type: 'organisation'; organisationId: string };

const everyone = {
  'organisation.list': 'any',
  'organisation.read': 'any',
} as const satisfies Partial<Record<OrganisationAction, Scope>>;

const permissions: ModulePermissions<OrganisationAction> = {
  roles: {
    counsellor: everyone,
    team_lead: everyone,
    clearing_staff: everyone,
    partner_staff: everyone,
    central_contact: everyone,
    org_admin: { ...everyone, 'organisation.update': 'own', 'organisation.security': 'own' },
    system_admin: {
      ...everyone,
      'organisation.create': 'any',
      'organisation.update': 'any',
      'organisation.security': 'any',
    },
  },
  reads: new Set<OrganisationAction>(['organisation.list', 'organisation.read']),
};

/** Which shape each action applies to; beyond that, the role decides. */
function resourceAllows(action: OrganisationAction, resource: OrganisationResource): boolean {
  switch (action) {
    case 'organisation.list':
    case 'organisation.create':
      return resource.type === 'organisations';
    case 'organisation.read':
    case 'organisation.update':
    case 'organisation.security':
      return resource.type === 'organisation';
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canOrganisation(
  actor: Actor,
  action: OrganisationAction,
  resource: OrganisationResource,
): boolean {
  return rolePermits(permissions, actor, action, resource.organisationId) && resourceAllows(action, resource);
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedOrganisationActions(
  actor: Actor,
  resource: OrganisationResource,
  candidates: readonly OrganisationAction[],
): OrganisationAction[] {
  return candidates.filter((action) => canOrganisation(actor, action, resource));
}

/**
 * Throws unless the actor may act: another organisation answers "not found"; the register, owned
 * by none, has nothing to hide, so a refusal there is plain.
 */
export function authorizeOrganisation(
  actor: Actor,
  action: OrganisationAction,
  resource: OrganisationResource,
): void {
  if (!canOrganisation(actor, action, resource))
    throw refusal(permissions, actor, action, resource.organisationId);
}
