import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';
import type { OrganisationKind } from '../../policy/roles.ts';
import type { OfferKind } from './offers.values.ts';

/**
 * The policy of partner offers and their notifications (R-OFF-1..4): course providers publish
 * courses, Jobcenters measures and the ABH regulations, each only in its own name; counselling
 * staff read the offers addressed to them (or to all) and are notified of new ones. Services ask
 * `authorizeOffer` / `canOffer`; nothing else in the module decides access.
 */

export type OfferAction =
  | 'offer.list'
  | 'offer.read'
  | 'offer.publish'
  | 'offer.update'
  | 'offer.delete'
  | 'notification.list'
  | 'notification.update';

/** What an offer action applies to: one shape per kind of resource. */
export type OfferResource =
  /** The offers of an organisation, as a list. */
  | { type: 'offers'; organisationId: string }
  /** A published offer: what it is (decides who publishes it) and the providers it is addressed to (empty: all). */
  | { type: 'offer'; organisationId: string; offerKind: OfferKind; audience: readonly string[] }
  /** An offer about to be published in an organisation's name. */
  | { type: 'new_offer'; organisationId: string; offerKind: OfferKind }
  /** The actor's own notifications of new offers and their digest setting. */
  | { type: 'notifications'; organisationId: string };

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

/** Offers are read by their publisher and by counselling staff; notifications exist for counselling staff only. */
const everyone = {
  'offer.list': 'any',
  'offer.read': 'any',
  'notification.list': 'own',
  'notification.update': 'own',
} as const satisfies Partial<Record<OfferAction, Scope>>;

/** Partner staff publish their organisation's offers; the kind follows the organisation. */
const publishing = {
  ...everyone,
  'offer.publish': 'own',
  'offer.update': 'own',
  'offer.delete': 'own',
} as const satisfies Partial<Record<OfferAction, Scope>>;

const permissions: ModulePermissions<OfferAction> = {
  roles: {
    counsellor: everyone,
    team_lead: everyone,
    clearing_staff: everyone,
    partner_staff: publishing,
    central_contact: publishing,
    org_admin: publishing,
    system_admin: publishing,
  },
  reads: new Set<OfferAction>(['offer.list', 'offer.read', 'notification.list']),
};

/** Whether the actor's organisation publishes offers of this kind. */
function publishes(actor: Actor, offerKind: OfferKind): boolean {
  return publisherKindOf[offerKind] === actor.organisationKind;
}

/** Conditions of the resource that hold whatever the role. */
function resourceAllows(actor: Actor, action: OfferAction, resource: OfferResource): boolean {
  const own = resource.organisationId === actor.organisationId;
  const counselling = actor.organisationKind === 'welfare_provider';
  switch (action) {
    case 'offer.list':
      // Counselling staff read every organisation's offers; partners only their own.
      return resource.type === 'offers' && (own || counselling);
    case 'offer.read':
      // Counselling staff read the offers addressed to them (or to all); partners only their own.
      return (
        resource.type === 'offer' &&
        (own ||
          (counselling &&
            (resource.audience.length === 0 || resource.audience.includes(actor.organisationId))))
      );
    case 'offer.publish':
      return resource.type === 'new_offer' && publishes(actor, resource.offerKind);
    case 'offer.update':
    case 'offer.delete':
      return resource.type === 'offer' && publishes(actor, resource.offerKind);
    case 'notification.list':
    case 'notification.update':
      return resource.type === 'notifications' && counselling;
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canOffer(actor: Actor, action: OfferAction, resource: OfferResource): boolean {
  return (
    rolePermits(permissions, actor, action, resource.organisationId) &&
    resourceAllows(actor, action, resource)
  );
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedOfferActions(
  actor: Actor,
  resource: OfferResource,
  candidates: readonly OfferAction[],
): OfferAction[] {
  return candidates.filter((action) => canOffer(actor, action, resource));
}

/** Throws unless the actor may act; another organisation's resource is "not found". */
export function authorizeOffer(actor: Actor, action: OfferAction, resource: OfferResource): void {
  if (!canOffer(actor, action, resource)) throw refusal(permissions, actor, action, resource.organisationId);
}
