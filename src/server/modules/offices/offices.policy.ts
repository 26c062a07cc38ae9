import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import type { OrganisationKind } from '../../policy/roles.ts';

/**
 * The policy of a provider's directory entry (R-ORG-2, R-DIR-5): its offices with hours and
 * contacts, and the flyers of each office. Every signed-in person reads them; a provider's team
 * leads and administration keep them up to date, its administration opens and closes offices;
 * system administration works on every provider. Offices and flyers exist only at counselling
 * providers. The offices, directory (hours) and flyers services ask `authorizeOffice` /
 * `canOffice`; nothing else decides access to them.
 */

export type OfficeAction =
  | 'office.list'
  | 'office.create'
  | 'office.update'
  | 'office.delete'
  | 'flyer.read'
  | 'flyer.upload'
  | 'flyer.delete';

/** What an office or flyer action applies to: one shape per kind of resource. */
export type OfficeResource =
  /**
   * An office, or the offices of an organisation (listing, opening one): the kind of the owning
   * organisation decides whether it can have offices at all.
   */
  | { type: 'office'; organisationId: string; organisationKind: OrganisationKind }
  /** A flyer of an office; offices exist only at counselling providers, so its owner is one. */
  | { type: 'flyer'; organisationId: string }
  /** Every office's flyers (or one office's), owned by none: what partners read and lay out. */
  | { type: 'flyers'; organisationId: null };

/** Directory data (R-DIR-1, R-DIR-5): every signed-in person sees the offices and the flyers. */
const everyone = {
  'office.list': 'any',
  'flyer.read': 'any',
} as const satisfies Partial<Record<OfficeAction, Scope>>;

/** A provider's directory entry: hours, contacts and flyers of its offices. */
const directoryMaintenance = {
  ...everyone,
  'office.update': 'own',
  'flyer.upload': 'own',
  'flyer.delete': 'own',
} as const satisfies Partial<Record<OfficeAction, Scope>>;

const permissions: ModulePermissions<OfficeAction> = {
  roles: {
    counsellor: everyone,
    team_lead: directoryMaintenance,
    clearing_staff: everyone,
    partner_staff: everyone,
    central_contact: everyone,
    org_admin: { ...directoryMaintenance, 'office.create': 'own', 'office.delete': 'own' },
    system_admin: {
      ...everyone,
      'office.create': 'any',
      'office.update': 'any',
      'office.delete': 'any',
      'flyer.upload': 'any',
      'flyer.delete': 'any',
    },
  },
  reads: new Set<OfficeAction>(['office.list', 'flyer.read']),
};

/** Conditions of the resource that hold whatever the role. */
function resourceAllows(action: OfficeAction, resource: OfficeResource): boolean {
  switch (action) {
    case 'office.list':
      return resource.type === 'office';
    case 'office.create':
    case 'office.update':
    case 'office.delete':
      return resource.type === 'office' && resource.organisationKind === 'welfare_provider';
    case 'flyer.read':
      return resource.type === 'flyers' || resource.type === 'flyer';
    case 'flyer.upload':
    case 'flyer.delete':
      return resource.type === 'flyer';
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canOffice(actor: Actor, action: OfficeAction, resource: OfficeResource): boolean {
  return rolePermits(permissions, actor, action, resource.organisationId) && resourceAllows(action, resource);
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedOfficeActions(
  actor: Actor,
  resource: OfficeResource,
  candidates: readonly OfficeAction[],
): OfficeAction[] {
  return candidates.filter((action) => canOffice(actor, action, resource));
}

/** Throws unless the actor may act; another organisation's resource is "not found". */
export function authorizeOffice(actor: Actor, action: OfficeAction, resource: OfficeResource): void {
  if (!canOffice(actor, action, resource)) throw refusal(permissions, actor, action, resource.organisationId);
}
