import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import type { OrganisationKind, Role } from '../../policy/roles.ts';
import type { ReferralStatus } from './referrals.values.ts';

/**
 * The policy of referrals (R-REF-1, R-REF-3, R-REF-4, R-RED-1, R-RED-2): who prints a slip and
 * sends a named referral (Jobcenter and ABH staff), who works the receiving office's inbox
 * (counselling staff), and what a referrer may learn of the outcome (only where the person
 * allowed it). Services ask `authorizeReferral`; nothing else in the module decides access.
 */

export type ReferralAction =
  | 'slip.print'
  | 'referral.send'
  | 'referral.list_sent'
  | 'referral.read_outcome'
  | 'referral_inbox.read'
  | 'referral.read'
  | 'referral.accept'
  | 'referral.hand_on'
  | 'referral.close';

const reads: ReadonlySet<ReferralAction> = new Set<ReferralAction>([
  'referral.list_sent',
  'referral.read_outcome',
  'referral_inbox.read',
  'referral.read',
]);

/** The referring side: partner staff and central contacts of a Jobcenter or ABH. */
const referring = {
  'slip.print': 'own',
  'referral.send': 'own',
  'referral.list_sent': 'own',
  'referral.read_outcome': 'own',
} as const satisfies Partial<Record<ReferralAction, Scope>>;

/** The receiving side: counselling staff of the office's provider. */
const receiving = {
  'referral_inbox.read': 'own',
  'referral.read': 'own',
  'referral.accept': 'own',
  'referral.hand_on': 'own',
  'referral.close': 'own',
} as const satisfies Partial<Record<ReferralAction, Scope>>;

const permissions: ModulePermissions<ReferralAction> = {
  roles: {
    counsellor: receiving,
    team_lead: receiving,
    org_admin: {},
    clearing_staff: {},
    partner_staff: referring,
    central_contact: referring,
    system_admin: {},
  } satisfies Record<Role, Partial<Record<ReferralAction, Scope>>>,
  reads,
};

/** The partners that refer people to counselling (R-REF-1). */
export const referringKinds: readonly OrganisationKind[] = ['jobcenter', 'abh'];

/** What a referral action applies to: one shape per kind of resource. */
export type ReferralResource =
  /** Printing slips and sending named referrals in the name of a referring organisation. */
  | { type: 'referring'; organisationId: string; organisationKind: OrganisationKind }
  /** The referral inbox of a counselling provider. */
  | { type: 'referral_inbox'; organisationId: string; organisationKind: OrganisationKind }
  /** A named referral as its receiving organisation holds it. */
  | { type: 'referral'; receivingOrganisationId: string; status: ReferralStatus }
  /** A named referral as its referrer sees it (through `koop_sent_referrals`). */
  | { type: 'sent_referral'; referrerOrganisationId: string; feedbackAllowed: boolean };

function organisationOf(resource: ReferralResource): string {
  switch (resource.type) {
    case 'referring':
    case 'referral_inbox':
      return resource.organisationId;
    case 'referral':
      return resource.receivingOrganisationId;
    case 'sent_referral':
      return resource.referrerOrganisationId;
  }
}

const open = (status: ReferralStatus) => status === 'sent' || status === 'received';

function resourceAllows(action: ReferralAction, resource: ReferralResource): boolean {
  switch (resource.type) {
    case 'referring':
      return referringKinds.includes(resource.organisationKind);
    case 'referral_inbox':
      return resource.organisationKind === 'welfare_provider';
    case 'referral':
      return action === 'referral.read' || open(resource.status);
    case 'sent_referral':
      // R-REF-4: the outcome only where the person allowed feedback.
      return action !== 'referral.read_outcome' || resource.feedbackAllowed;
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canReferral(actor: Actor, action: ReferralAction, resource: ReferralResource): boolean {
  return (
    rolePermits(permissions, actor, action, organisationOf(resource)) && resourceAllows(action, resource)
  );
}

/** The actions of `candidates` the actor may perform; sent to the UI. */
export function allowedReferralActions(
  actor: Actor,
  resource: ReferralResource,
  candidates: readonly ReferralAction[],
): ReferralAction[] {
  return candidates.filter((action) => canReferral(actor, action, resource));
}

/**
 * Throws unless the actor may act. Another organisation's referral is "not found"; a decided
 * referral cannot be decided again (409); an outcome the person did not allow is refused (403).
 */
export function authorizeReferral(actor: Actor, action: ReferralAction, resource: ReferralResource): void {
  if (canReferral(actor, action, resource)) return;
  const permitted = rolePermits(permissions, actor, action, organisationOf(resource));
  const own =
    permitted && resource.type === 'referral'
      ? 'referral_decided'
      : permitted && resource.type === 'sent_referral'
        ? 'referral_feedback_not_allowed'
        : null;
  throw refusal(permissions, actor, action, organisationOf(resource), own);
}

/** The referrals' entries of the navigation: "refer to counselling" and the office's inbox. */
export function referralNavigation(actor: Actor): ('refer' | 'referrals')[] {
  const own = { organisationId: actor.organisationId, organisationKind: actor.organisationKind };
  const nav: ('refer' | 'referrals')[] = [];
  if (canReferral(actor, 'slip.print', { type: 'referring', ...own })) nav.push('refer');
  if (canReferral(actor, 'referral_inbox.read', { type: 'referral_inbox', ...own })) nav.push('referrals');
  return nav;
}
