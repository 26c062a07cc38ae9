import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import type { OrganisationKind, Role } from '../../policy/roles.ts';
import type { AgreementStatus } from './agreements.values.ts';

/**
 * The policy of cooperation agreements and their meetings (R-AGR-1..7, R-ORG-3): the parties'
 * managers (administration and team leads of a provider, the administration of the partner) and
 * central contacts draw up, transition, print and keep the meetings; partner staff of a party
 * read and comment; nobody else — another organisation hears 404 (row-level security hides the
 * agreement as well). Services ask `authorizeAgreement`; nothing else in the module decides access.
 */

export type AgreementAction =
  | 'agreement.list'
  | 'agreement.create'
  | 'agreement.read'
  | 'agreement.edit'
  | 'agreement.contacts'
  | 'agreement.comment'
  | 'agreement.transition'
  | 'agreement.print'
  | 'agreement.upload_scan'
  | 'meeting.plan'
  | 'meeting.record'
  | 'action.complete';

const reads: ReadonlySet<AgreementAction> = new Set<AgreementAction>([
  'agreement.list',
  'agreement.read',
  'agreement.print',
]);

const managing = {
  'agreement.list': 'own',
  'agreement.create': 'own',
  'agreement.read': 'own',
  'agreement.edit': 'own',
  'agreement.contacts': 'own',
  'agreement.comment': 'own',
  'agreement.transition': 'own',
  'agreement.print': 'own',
  'agreement.upload_scan': 'own',
  'meeting.plan': 'own',
  'meeting.record': 'own',
  'action.complete': 'own',
} as const satisfies Partial<Record<AgreementAction, Scope>>;

const commenting = {
  'agreement.list': 'own',
  'agreement.read': 'own',
  'agreement.comment': 'own',
  'agreement.print': 'own',
} as const satisfies Partial<Record<AgreementAction, Scope>>;

const permissions: ModulePermissions<AgreementAction> = {
  roles: {
    counsellor: {},
    team_lead: managing,
    org_admin: managing,
    clearing_staff: {},
    partner_staff: commenting,
    central_contact: managing,
    system_admin: {},
  } satisfies Record<Role, Partial<Record<AgreementAction, Scope>>>,
  reads,
};

/** The partners an agreement is made with (R-AGR-1). */
export const partnerKindsOfAgreements: readonly OrganisationKind[] = [
  'abh',
  'jobcenter',
  'course_provider',
  'other',
];

/** The statuses in which clauses, parties and fields are still being drawn up. */
const drafting: readonly AgreementStatus[] = ['draft', 'negotiation'];
/** The statuses that follow a signature, when a signed scan can be stored. */
const signed: readonly AgreementStatus[] = ['signed', 'active', 'renewal_due', 'renewed'];
/** The statuses that are over. */
const ended: readonly AgreementStatus[] = ['expired', 'terminated'];

/** What an agreement action applies to: one shape per kind of resource. */
export type AgreementResource =
  /** The agreements of an organisation: listing them, starting one. */
  | { type: 'agreements'; organisationId: string; organisationKind: OrganisationKind }
  /** One agreement, as the actor's organisation takes part in it (null: not a party). */
  | {
      type: 'agreement';
      memberOrganisationId: string | null;
      side: 'provider' | 'partner' | null;
      status: AgreementStatus;
    };

function organisationOf(actor: Actor, resource: AgreementResource): string {
  switch (resource.type) {
    case 'agreements':
      return resource.organisationId;
    case 'agreement':
      // not a party: the agreement belongs to somebody else, which answers 404
      return resource.memberOrganisationId ?? `not-${actor.organisationId}`;
  }
}

function resourceAllows(action: AgreementAction, resource: AgreementResource): boolean {
  switch (resource.type) {
    case 'agreements':
      // agreements are started by counselling providers (R-AGR-1)
      return action !== 'agreement.create' || resource.organisationKind === 'welfare_provider';
    case 'agreement':
      if (resource.side === null) return false;
      switch (action) {
        case 'agreement.edit':
          return drafting.includes(resource.status);
        case 'agreement.contacts':
        case 'agreement.comment':
        case 'meeting.plan':
          return !ended.includes(resource.status);
        case 'agreement.upload_scan':
          return signed.includes(resource.status);
        case 'agreement.list':
        case 'agreement.create':
        case 'agreement.read':
        case 'agreement.transition':
        case 'agreement.print':
        case 'meeting.record':
        case 'action.complete':
          return true;
      }
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canAgreement(actor: Actor, action: AgreementAction, resource: AgreementResource): boolean {
  return (
    rolePermits(permissions, actor, action, organisationOf(actor, resource)) &&
    resourceAllows(action, resource)
  );
}

/** The actions of `candidates` the actor may perform; sent to the UI. */
export function allowedAgreementActions(
  actor: Actor,
  resource: AgreementResource,
  candidates: readonly AgreementAction[],
): AgreementAction[] {
  return candidates.filter((action) => canAgreement(actor, action, resource));
}

/**
 * Throws unless the actor may act. An agreement the actor's organisation is no party of is "not
 * found"; a signed agreement's text cannot be changed (409 `agreement_locked`).
 */
export function authorizeAgreement(actor: Actor, action: AgreementAction, resource: AgreementResource): void {
  if (canAgreement(actor, action, resource)) return;
  const organisationId = organisationOf(actor, resource);
  const permitted = rolePermits(permissions, actor, action, organisationId);
  const own =
    permitted && resource.type === 'agreement' && resource.side !== null ? 'agreement_locked' : null;
  throw refusal(permissions, actor, action, organisationId, own);
}

/** The agreements' entry of the navigation ("Kooperationen"). */
export function agreementNavigation(actor: Actor): 'agreements'[] {
  const own = {
    type: 'agreements',
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
  } as const;
  return canAgreement(actor, 'agreement.list', own) ? ['agreements'] : [];
}
