import { AppError } from '../../http/errors.ts';
import { roleScope, type Actor, type Scope } from '../../policy/policy.ts';
import { partnerKinds, type Role } from '../../policy/roles.ts';
import { canCase, type CaseRecord } from '../cases/cases.policy.ts';
import {
  dataCategories,
  type ConsentDirection,
  type ConsentPurpose,
  type ConsentRepetition,
  type DataCategory,
  type RefusalReason,
} from './exchange.values.ts';

/**
 * The policy of consent-gated exchange (R-RED-1, R-RED-4, R-CON-3, R-EXC-1..4): who may take,
 * withdraw and use a consent, who reads a thread, and — in `disclosureRefusal` — whether a
 * disclosure may go. Services ask `authorizeExchange` and `disclosureRefusal`; nothing else in
 * the module decides access.
 */

export type ExchangeAction =
  | 'exchange.read'
  | 'consent.give'
  | 'consent.withdraw'
  | 'consent.read_document'
  | 'legal_basis.record'
  | 'disclosure.send'
  | 'client_copy.print'
  | 'client_copy.handover'
  | 'thread.read'
  | 'message.send'
  | 'inbox.read'
  | 'conflict.raise'
  | 'conflict.note'
  | 'conflict.resolve'
  | 'conflict.list'
  | 'partner_team.list'
  | 'partner_team.manage';

const readActions: ReadonlySet<ExchangeAction> = new Set<ExchangeAction>([
  'exchange.read',
  'consent.read_document',
  'client_copy.print',
  'thread.read',
  'inbox.read',
  'conflict.list',
  'partner_team.list',
]);

/** The counselling side: the case's counsellor takes consents and discloses. */
const counselling = {
  'exchange.read': 'own',
  'consent.give': 'own',
  'consent.withdraw': 'own',
  'consent.read_document': 'own',
  'disclosure.send': 'own',
  'client_copy.print': 'own',
  'client_copy.handover': 'own',
  'thread.read': 'own',
  'conflict.raise': 'own',
  'conflict.note': 'own',
  'partner_team.list': 'any',
} as const satisfies Partial<Record<ExchangeAction, Scope>>;

/** Partner staff read what was sent to their team and answer in the same thread. */
const partnerCasework = {
  'inbox.read': 'own',
  'thread.read': 'own',
  'message.send': 'own',
  'conflict.raise': 'own',
  'conflict.note': 'own',
  'partner_team.list': 'any',
} as const satisfies Partial<Record<ExchangeAction, Scope>>;

/** Central contacts of either side see the conflicts and the threads they belong to (R-EXC-3). */
const centralContact = {
  'conflict.list': 'own',
  'conflict.note': 'own',
  'conflict.resolve': 'own',
  'thread.read': 'own',
  'partner_team.list': 'any',
} as const satisfies Partial<Record<ExchangeAction, Scope>>;

const permissions = {
  counsellor: counselling,
  // A team lead who broke the glass decides a legal basis other than consent (R-RED-1).
  team_lead: {
    'exchange.read': 'own',
    'thread.read': 'own',
    'legal_basis.record': 'own',
    'partner_team.list': 'any',
  },
  org_admin: { 'partner_team.list': 'any', 'partner_team.manage': 'own' },
  clearing_staff: {},
  partner_staff: partnerCasework,
  central_contact: centralContact,
  system_admin: { 'partner_team.list': 'any' },
} as const satisfies Record<Role, Partial<Record<ExchangeAction, Scope>>>;

/** Whether a case is in the actor's reach: the case policy decides (owner, break the glass). */
export interface CaseReach {
  resource: CaseRecord;
}

/** The partner side of a thread: its organisation, team and (optionally) named person. */
export interface ThreadParties {
  providerOrganisationId: string;
  partnerOrganisationId: string;
  partnerTeamId: string;
  partnerUserId: string | null;
}

/** What an exchange action applies to: one shape per kind of resource. */
export type ExchangeResource =
  | { type: 'case_exchange'; organisationId: string; case: CaseReach }
  | { type: 'consent'; organisationId: string; case: CaseReach; withdrawn: boolean }
  | { type: 'client_copy'; organisationId: string; case: CaseReach }
  | { type: 'legal_basis'; organisationId: string; case: CaseReach }
  | {
      type: 'thread';
      parties: ThreadParties;
      /** The case, when the counselling side reads; null on the partner's side. */
      case: CaseReach | null;
      /** Whether the thread carries a conflict (central contacts reach it then). */
      hasConflict: boolean;
    }
  | { type: 'conflict'; parties: ThreadParties; case: CaseReach | null; status: 'open' | 'resolved' }
  | { type: 'inbox'; organisationId: string }
  | { type: 'partner_team'; organisationId: string; partnerOrganisation: boolean };

/** The actor, with the partner teams they belong to (empty at a counselling provider). */
export interface ExchangeActor extends Actor {
  teamIds: readonly string[];
}

function caseInReach(actor: Actor, reach: CaseReach | null): boolean {
  return reach !== null && canCase(actor, 'case.read', reach.resource);
}

function isCentralContact(actor: Actor): boolean {
  return roleScope<ExchangeAction>(permissions, actor, 'conflict.resolve') !== undefined;
}

/** The actor is the partner's addressee: a member of the team, and the named person if one is named. */
function partnerAddressee(actor: ExchangeActor, parties: ThreadParties): boolean {
  return (
    actor.organisationId === parties.partnerOrganisationId &&
    actor.teamIds.includes(parties.partnerTeamId) &&
    (parties.partnerUserId === null || parties.partnerUserId === actor.userId)
  );
}

/** The organisation a resource belongs to, for the actor's side of it. */
function owningOrganisation(actor: Actor, resource: ExchangeResource): string {
  if (resource.type === 'thread' || resource.type === 'conflict') {
    return actor.organisationId === resource.parties.partnerOrganisationId
      ? resource.parties.partnerOrganisationId
      : resource.parties.providerOrganisationId;
  }
  return resource.organisationId;
}

function resourceAllows(actor: ExchangeActor, action: ExchangeAction, resource: ExchangeResource): boolean {
  switch (resource.type) {
    case 'case_exchange':
      return caseInReach(actor, resource.case);
    case 'consent':
      // A withdrawal works on a closed case too; giving a consent needs the case open.
      if (action === 'consent.give') return canCase(actor, 'case.update', resource.case.resource);
      if (action === 'consent.withdraw') return caseInReach(actor, resource.case) && !resource.withdrawn;
      return caseInReach(actor, resource.case);
    case 'client_copy':
      return caseInReach(actor, resource.case);
    case 'legal_basis':
      return canCase(actor, 'case.read', resource.case.resource) && resource.case.resource.status === 'open';
    case 'thread': {
      const { parties } = resource;
      if (actor.organisationId === parties.providerOrganisationId) {
        if (action === 'disclosure.send')
          return resource.case !== null && canCase(actor, 'case.update', resource.case.resource);
        if (caseInReach(actor, resource.case)) return true;
        return action === 'thread.read' && resource.hasConflict && isCentralContact(actor);
      }
      if (actor.organisationId === parties.partnerOrganisationId) {
        if (action === 'disclosure.send') return false;
        if (partnerAddressee(actor, parties)) return true;
        return action === 'thread.read' && resource.hasConflict && isCentralContact(actor);
      }
      return false;
    }
    case 'conflict': {
      const { parties } = resource;
      const provider = actor.organisationId === parties.providerOrganisationId;
      const caseWorker = provider ? caseInReach(actor, resource.case) : partnerAddressee(actor, parties);
      if (action === 'conflict.raise') return caseWorker;
      if (action === 'conflict.resolve') return isCentralContact(actor) && resource.status === 'open';
      if (action === 'conflict.note')
        return (caseWorker || isCentralContact(actor)) && resource.status === 'open';
      return caseWorker || isCentralContact(actor);
    }
    case 'inbox':
      return true;
    case 'partner_team':
      return action === 'partner_team.list' || resource.partnerOrganisation;
  }
}

/** Whether `actor` may perform `action` on `resource`. */
export function canExchange(
  actor: ExchangeActor,
  action: ExchangeAction,
  resource: ExchangeResource,
): boolean {
  if (actor.tokenScope === 'read' && !readActions.has(action)) return false;
  const scope = roleScope<ExchangeAction>(permissions, actor, action);
  if (scope === undefined) return false;
  if (scope === 'own' && owningOrganisation(actor, resource) !== actor.organisationId) return false;
  return resourceAllows(actor, action, resource);
}

/** The actions of `candidates` the actor may perform; sent to the UI. */
export function allowedExchangeActions(
  actor: ExchangeActor,
  resource: ExchangeResource,
  candidates: readonly ExchangeAction[],
): ExchangeAction[] {
  return candidates.filter((action) => canExchange(actor, action, resource));
}

/**
 * Throws unless the actor may act. Whatever the actor cannot reach is "not found" — a partner
 * never learns that a thread, a conflict or a case exists beyond what was sent to them.
 */
export function authorizeExchange(
  actor: ExchangeActor,
  action: ExchangeAction,
  resource: ExchangeResource,
): void {
  if (canExchange(actor, action, resource)) return;
  if (actor.tokenScope === 'read' && !readActions.has(action)) throw new AppError('token_read_only');
  throw new AppError(seesResource(actor, resource) ? 'forbidden' : 'not_found');
}

/** Whether the actor may know the resource exists: its thread is theirs, or it is their organisation's. */
function seesResource(actor: ExchangeActor, resource: ExchangeResource): boolean {
  const own = owningOrganisation(actor, resource) === actor.organisationId;
  if (resource.type === 'thread') return canExchange(actor, 'thread.read', resource);
  if (resource.type === 'conflict') {
    return (
      canExchange(actor, 'thread.read', {
        type: 'thread',
        parties: resource.parties,
        case: resource.case,
        hasConflict: true,
      }) && own
    );
  }
  return own;
}

/**
 * The exchange's entries of the navigation: the partners' inbox, the conflicts for central
 * contacts, and the partner teams for a partner's administration.
 */
export function exchangeNavigation(actor: Actor): ('inbox' | 'conflicts' | 'partnerTeams')[] {
  const member: ExchangeActor = { ...actor, teamIds: [] };
  const own = actor.organisationId;
  const nav: ('inbox' | 'conflicts' | 'partnerTeams')[] = [];
  if (canExchange(member, 'inbox.read', { type: 'inbox', organisationId: own })) nav.push('inbox');
  if (roleScope<ExchangeAction>(permissions, actor, 'conflict.list') !== undefined) nav.push('conflicts');
  if (
    canExchange(member, 'partner_team.manage', {
      type: 'partner_team',
      organisationId: own,
      partnerOrganisation: partnerKinds.includes(actor.organisationKind),
    })
  ) {
    nav.push('partnerTeams');
  }
  return nav;
}

/** A consent as the disclosure check reads it (locked in the sending transaction). */
export interface ConsentScope {
  id: string;
  clientId: string | null;
  organisationId: string;
  recipientOrganisationId: string;
  recipientTeamId: string;
  recipientUserId: string | null;
  purpose: ConsentPurpose;
  categories: readonly DataCategory[];
  direction: ConsentDirection;
  repetition: ConsentRepetition;
  validFrom: string;
  validUntil: string;
  usedAt: Date | null;
  withdrawnAt: Date | null;
}

/** What is about to be passed on, by whom, to whom, on which day (Berlin). */
export interface Disclosure {
  /** The client the message is about; null on the partner's side, which does not know the id. */
  clientId: string | null;
  providerOrganisationId: string;
  partnerOrganisationId: string;
  partnerTeamId: string;
  direction: 'to_partner' | 'from_partner';
  purpose: ConsentPurpose;
  categories: readonly DataCategory[];
  today: string;
}

export interface Refusal {
  reason: RefusalReason;
  /** The data categories the consent does not cover. */
  missing: DataCategory[];
}

/**
 * Whether a disclosure may go under `consent` (R-RED-1, R-CON-3): the same client and
 * organisations, the recipient team, the purpose, every data category, the direction, the
 * validity on `today`, not withdrawn, and a once-only consent not used yet. Returns the first
 * reason it may not, or null. The caller holds the consent row locked while it sends.
 */
export function disclosureRefusal(consent: ConsentScope | undefined, d: Disclosure): Refusal | null {
  const refuse = (reason: RefusalReason, missing: DataCategory[] = []): Refusal => ({ reason, missing });
  if (!consent || consent.organisationId !== d.providerOrganisationId) return refuse('no_consent');
  if (d.clientId !== null && consent.clientId !== d.clientId) return refuse('consent_other_client');
  if (
    consent.recipientOrganisationId !== d.partnerOrganisationId ||
    consent.recipientTeamId !== d.partnerTeamId
  ) {
    return refuse('consent_other_recipient');
  }
  if (consent.withdrawnAt !== null) return refuse('consent_withdrawn');
  if (d.today < consent.validFrom) return refuse('consent_not_yet_valid');
  if (d.today > consent.validUntil) return refuse('consent_expired');
  if (consent.purpose !== d.purpose) return refuse('consent_other_purpose');
  if (consent.direction !== 'both' && consent.direction !== d.direction)
    return refuse('direction_not_covered');
  const missing = dataCategories.filter((c) => d.categories.includes(c) && !consent.categories.includes(c));
  if (missing.length > 0) return refuse('category_not_covered', missing);
  if (d.direction === 'to_partner' && consent.repetition === 'once' && consent.usedAt !== null) {
    return refuse('consent_used');
  }
  return null;
}

/** A legal basis other than consent, as the disclosure check reads it (locked while sending). */
export interface LegalBasisScope {
  clientId: string;
  organisationId: string;
  recipientOrganisationId: string;
  recipientTeamId: string;
  categories: readonly DataCategory[];
  usedAt: Date | null;
}

/**
 * Whether a disclosure may go under a legal basis other than consent (R-RED-1): the same client
 * and recipient team, only the data categories the team lead named, once.
 */
export function legalBasisRefusal(basis: LegalBasisScope | undefined, d: Disclosure): Refusal | null {
  const refuse = (reason: RefusalReason, missing: DataCategory[] = []): Refusal => ({ reason, missing });
  if (!basis || basis.organisationId !== d.providerOrganisationId) return refuse('no_consent');
  if (basis.clientId !== d.clientId) return refuse('legal_basis_other_client');
  if (
    basis.recipientOrganisationId !== d.partnerOrganisationId ||
    basis.recipientTeamId !== d.partnerTeamId
  ) {
    return refuse('legal_basis_other_recipient');
  }
  const missing = dataCategories.filter((c) => d.categories.includes(c) && !basis.categories.includes(c));
  if (missing.length > 0) return refuse('legal_basis_category', missing);
  if (basis.usedAt !== null) return refuse('legal_basis_used');
  return null;
}

/**
 * Whether a partner may still read what was sent under a consent, checked again at every read:
 * a withdrawn consent (or one erased with its client) leaves only the notice that it was
 * withdrawn. What was sent while it was valid stays readable after it expires.
 */
export function consentStillHolds(consent: Pick<ConsentScope, 'withdrawnAt'> | undefined): boolean {
  return consent !== undefined && consent.withdrawnAt === null;
}
