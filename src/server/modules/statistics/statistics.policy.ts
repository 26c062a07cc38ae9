import {
  hasOperatorScope,
  refusal,
  rolePermits,
  type Actor,
  type ModulePermissions,
  type Scope,
} from '../../policy/policy.ts';
import type { OrganisationKind, Role } from '../../policy/roles.ts';
import { evaluatedPartnerKinds } from './statistics.values.ts';

/**
 * The policy of statistics (R-STAT-2, R-STAT-3, R-STAT-5): who reads counselling statistics
 * and evaluations. Everything published is an anonymous, suppressed count; still only the
 * management of a provider reads its figures (team leads and the administration), not every
 * counsellor.
 *
 * - A provider's figures (`statistics.read`): its team leads and administration.
 * - The umbrella association's figures (`statistics.read_umbrella`): the same people, when their
 *   organisation names an umbrella; the other providers under it appear only as suppressed
 *   aggregates.
 * - The region-wide figures for the funder (`statistics.read_region`): system administration of
 *   the operator, in its own browser session — suppressed aggregates of every provider. The
 *   funder has no account in Koop; the operator hands the report on.
 * - The evaluation of a cooperation with a partner (`evaluation.read`): a provider's team leads
 *   and administration, for a partner organisation (Jobcenter, ABH, course provider, other).
 */

export type StatisticsAction =
  'statistics.read' | 'statistics.read_umbrella' | 'statistics.read_region' | 'evaluation.read';

const reads: ReadonlySet<StatisticsAction> = new Set<StatisticsAction>([
  'statistics.read',
  'statistics.read_umbrella',
  'statistics.read_region',
  'evaluation.read',
]);

const management = {
  'statistics.read': 'own',
  'statistics.read_umbrella': 'own',
  'evaluation.read': 'own',
} as const satisfies Partial<Record<StatisticsAction, Scope>>;

const permissions: ModulePermissions<StatisticsAction> = {
  roles: {
    counsellor: {},
    team_lead: management,
    org_admin: management,
    clearing_staff: {},
    partner_staff: {},
    central_contact: {},
    system_admin: { 'statistics.read_region': 'own' },
  } satisfies Record<Role, Partial<Record<StatisticsAction, Scope>>>,
  reads,
};

export type StatisticsResource =
  /** The counselling statistics of a provider (and, for the umbrella, its association). */
  | {
      type: 'provider_statistics';
      organisationId: string;
      organisationKind: OrganisationKind;
      umbrella: string | null;
    }
  /** The region-wide statistics, read from the operator organisation. */
  | { type: 'region_statistics'; organisationId: string; organisationKind: OrganisationKind }
  /** The evaluation of a provider's cooperation with one partner organisation. */
  | {
      type: 'evaluation';
      organisationId: string;
      organisationKind: OrganisationKind;
      partnerKind: OrganisationKind;
    };

function resourceAllows(actor: Actor, action: StatisticsAction, resource: StatisticsResource): boolean {
  switch (resource.type) {
    case 'provider_statistics':
      if (resource.organisationKind !== 'welfare_provider') return false;
      if (action === 'statistics.read_umbrella') return resource.umbrella !== null;
      return action === 'statistics.read';
    case 'region_statistics':
      // The database counts every provider only under the operator scope of a browser session.
      return (
        action === 'statistics.read_region' &&
        resource.organisationKind === 'operator' &&
        hasOperatorScope(actor)
      );
    case 'evaluation':
      return (
        action === 'evaluation.read' &&
        resource.organisationKind === 'welfare_provider' &&
        (evaluatedPartnerKinds as readonly string[]).includes(resource.partnerKind)
      );
  }
}

export function canStatistics(actor: Actor, action: StatisticsAction, resource: StatisticsResource): boolean {
  return (
    rolePermits(permissions, actor, action, resource.organisationId) &&
    resourceAllows(actor, action, resource)
  );
}

/** Throws unless the actor may read: another organisation's figures are "not found", else forbidden. */
export function authorizeStatistics(
  actor: Actor,
  action: StatisticsAction,
  resource: StatisticsResource,
): void {
  if (canStatistics(actor, action, resource)) return;
  throw refusal(permissions, actor, action, resource.organisationId);
}

/** The scopes of counselling statistics the actor may read, for the UI's choice. */
export function statisticsScopesFor(actor: Actor, umbrella: string | null): ('own' | 'umbrella' | 'all')[] {
  const own = { organisationId: actor.organisationId, organisationKind: actor.organisationKind };
  const scopes: ('own' | 'umbrella' | 'all')[] = [];
  if (canStatistics(actor, 'statistics.read', { type: 'provider_statistics', ...own, umbrella }))
    scopes.push('own');
  if (canStatistics(actor, 'statistics.read_umbrella', { type: 'provider_statistics', ...own, umbrella }))
    scopes.push('umbrella');
  if (canStatistics(actor, 'statistics.read_region', { type: 'region_statistics', ...own }))
    scopes.push('all');
  return scopes;
}

/** The navigation entry "Statistik", for whoever may read any counselling statistics. */
export function statisticsNavigation(actor: Actor): 'statistics'[] {
  const own = { organisationId: actor.organisationId, organisationKind: actor.organisationKind };
  const provider = canStatistics(actor, 'statistics.read', {
    type: 'provider_statistics',
    ...own,
    umbrella: null,
  });
  const region = canStatistics(actor, 'statistics.read_region', { type: 'region_statistics', ...own });
  return provider || region ? ['statistics'] : [];
}
