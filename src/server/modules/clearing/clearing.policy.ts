import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import type { OrganisationKind, Role } from '../../policy/roles.ts';

/**
 * The policy of the clearing office (R-CLR-1..4, R-REF-2, R-STAT-1, R-STAT-4): its staff on
 * duty record anonymous contacts and look up offers near the person's home; its manager (team
 * lead or the provider's administration) keeps the settings and the rota; the half-year report
 * is the office's own. The ABH it works with reads only the suppressed aggregates. Services ask
 * `authorizeClearing`; nothing else in the module decides access.
 */

export type ClearingAction =
  | 'contact.record'
  | 'offers.find'
  | 'settings.read'
  | 'settings.update'
  | 'rota.read'
  | 'rota.update'
  | 'report.read'
  | 'partner_report.read'
  | 'gaps.read';

const reads: ReadonlySet<ClearingAction> = new Set<ClearingAction>([
  'offers.find',
  'settings.read',
  'rota.read',
  'report.read',
  'partner_report.read',
  'gaps.read',
]);

const onDuty = {
  'contact.record': 'own',
  'offers.find': 'own',
  'settings.read': 'own',
  'rota.read': 'own',
  'report.read': 'own',
  'gaps.read': 'own',
} as const satisfies Partial<Record<ClearingAction, Scope>>;

const manager = {
  'settings.read': 'own',
  'settings.update': 'own',
  'rota.read': 'own',
  'rota.update': 'own',
  'report.read': 'own',
  'gaps.read': 'own',
} as const satisfies Partial<Record<ClearingAction, Scope>>;

/** The ABH's staff: the clearing office's figures, suppressed, and nothing else. */
const authority = { 'partner_report.read': 'own' } as const satisfies Partial<Record<ClearingAction, Scope>>;

const permissions: ModulePermissions<ClearingAction> = {
  roles: {
    counsellor: { 'gaps.read': 'own' },
    team_lead: manager,
    org_admin: { ...manager, ...authority },
    clearing_staff: onDuty,
    partner_staff: authority,
    central_contact: { ...authority, 'gaps.read': 'own' },
    system_admin: {},
  } satisfies Record<Role, Partial<Record<ClearingAction, Scope>>>,
  reads,
};

/** The roles whose holders are the clearing office's trained staff, who can be put on duty (R-CLR-3). */
export const dutyRoles: readonly Role[] = ['clearing_staff'];

/** What a clearing action applies to. */
export type ClearingResource =
  /** The clearing office of a counselling provider: contacts, settings, rota, report, gaps. */
  | { type: 'clearing_office'; organisationId: string; organisationKind: OrganisationKind }
  /** The half-year figures as the ABH reads them. */
  | { type: 'partner_report'; organisationId: string; organisationKind: OrganisationKind };

function resourceAllows(action: ClearingAction, resource: ClearingResource): boolean {
  switch (resource.type) {
    case 'clearing_office':
      return action !== 'partner_report.read' && resource.organisationKind === 'welfare_provider';
    case 'partner_report':
      return action === 'partner_report.read' && resource.organisationKind === 'abh';
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canClearing(actor: Actor, action: ClearingAction, resource: ClearingResource): boolean {
  return rolePermits(permissions, actor, action, resource.organisationId) && resourceAllows(action, resource);
}

/** The actions of `candidates` the actor may perform; sent to the UI. */
export function allowedClearingActions(
  actor: Actor,
  resource: ClearingResource,
  candidates: readonly ClearingAction[],
): ClearingAction[] {
  return candidates.filter((action) => canClearing(actor, action, resource));
}

/** Throws unless the actor may act: another organisation's office is "not found". */
export function authorizeClearing(actor: Actor, action: ClearingAction, resource: ClearingResource): void {
  if (canClearing(actor, action, resource)) return;
  throw refusal(permissions, actor, action, resource.organisationId);
}

/** The actor's own organisation as the resource of an action. */
export function ownClearing(actor: Actor, type: ClearingResource['type']): ClearingResource {
  return { type, organisationId: actor.organisationId, organisationKind: actor.organisationKind };
}

export type ClearingNavigation = 'clearing' | 'clearingRota' | 'clearingReport' | 'gaps';

/** The clearing office's entries of the navigation. */
export function clearingNavigation(actor: Actor): ClearingNavigation[] {
  const office = ownClearing(actor, 'clearing_office');
  const nav: ClearingNavigation[] = [];
  if (canClearing(actor, 'contact.record', office)) nav.push('clearing');
  if (canClearing(actor, 'rota.read', office)) nav.push('clearingRota');
  if (
    canClearing(actor, 'report.read', office) ||
    canClearing(actor, 'partner_report.read', ownClearing(actor, 'partner_report'))
  ) {
    nav.push('clearingReport');
  }
  if (canClearing(actor, 'gaps.read', office)) nav.push('gaps');
  return nav;
}
