import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { documentLanguageFor, type DocumentLanguage } from '../../documents/languages.ts';
import { AppError } from '../../http/errors.ts';
import { programmesForAge } from '../../terms.ts';
import { canCase } from '../cases/cases.policy.ts';
import { ageGroupFor, suggestService } from '../cases/cases.rules.ts';
import * as clients from '../cases/clients.service.ts';
import { berlinToday } from '../directory/schedule.ts';
import { searchPublic } from '../directory/search.service.ts';
import { contactsOf } from '../exchange/exchange.repository.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { findUser } from '../users/users.repository.ts';
import { renderReferralConsent, renderSlip } from './referrals.pdf.ts';
import {
  allowedReferralActions,
  authorizeReferral,
  canReferral,
  type ReferralAction,
  type ReferralResource,
} from './referrals.policy.ts';
import * as repo from './referrals.repository.ts';
import type {
  AcceptInput,
  CloseInput,
  ConsentFormInput,
  HandOnInput,
  SendReferralInput,
  SlipInput,
} from './referrals.schemas.ts';
import {
  slipOfficeCount,
  type ReferralEvent,
  type ReferralStatus,
  type ReferrerOutcome,
} from './referrals.values.ts';

/**
 * Referrals (R-REF-1, R-REF-3, R-REF-4, R-RED-1, R-RED-2). A Jobcenter or ABH prints an
 * anonymous slip from the directory's own search (only a count is kept), or — with the
 * person's consent — sends a named referral to one office. The receiving office accepts it into
 * a client and case through the case module's own functions, hands it on, or closes it. The
 * referrer reads its referrals only through `koop_sent_referrals`: one of two outcomes, and only
 * where the person allowed feedback.
 */

function referring(ctx: RequestContext): ReferralResource {
  return {
    type: 'referring',
    organisationId: ctx.actor.organisationId,
    organisationKind: ctx.actor.organisationKind,
  };
}

/** The first day of the month in Berlin, for the anonymous counts. */
const monthOf = (ctx: RequestContext) => `${berlinToday(ctx.now).slice(0, 7)}-01`;

const programmeOfAge = (age: number) => {
  const programmes = programmesForAge(age);
  return programmes.length === 1 ? programmes[0]! : ('both' as const);
};

// ---------------------------------------------------------------------------------------------
// The slip (R-REF-1, R-REF-3, R-UX-3)

/** The directory's search for what the person said, keeping only offices suited to the age. */
async function suitable(ctx: RequestContext, input: Pick<SlipInput, 'place' | 'language' | 'age'>) {
  const result = await searchPublic(ctx.trx, ctx.now, {
    q: input.place,
    language: input.language,
    age: input.age,
    limit: 20,
  });
  return { ...result, items: result.items.filter((office) => office.suitableServices.length > 0) };
}

/** R-REF-1: the nearest suitable offices for what the person says; nothing is stored. */
export async function suitableOffices(ctx: RequestContext, input: SlipInput) {
  authorizeReferral(ctx.actor, 'slip.print', referring(ctx));
  const result = await suitable(ctx, input);
  return { ...result, items: result.items.slice(0, 10) };
}

/** R-REF-1, R-REF-3: the slip in the person's language and German; only an anonymous count is kept. */
export async function printSlip(ctx: RequestContext, input: SlipInput) {
  authorizeReferral(ctx.actor, 'slip.print', referring(ctx));
  const { items } = await suitable(ctx, input);
  let offices = items.slice(0, slipOfficeCount);
  if (input.officeIds) {
    const chosen = input.officeIds;
    offices = items.filter((office) => chosen.includes(office.id));
    if (offices.length !== new Set(chosen).size) {
      throw new AppError('validation_failed', {
        errors: [
          {
            path: 'officeIds',
            code: 'not_suitable',
            message: 'Eine gewählte Beratungsstelle passt nicht zu Ort, Sprache oder Alter.',
          },
        ],
      });
    }
  }
  if (offices.length === 0) throw new AppError('no_suitable_office');
  const language = documentLanguageOf(input.language);
  await repo.countReferral(ctx.trx, {
    organisation_id: ctx.actor.organisationId,
    month: monthOf(ctx),
    kind: 'slip',
    service: programmeOfAge(input.age),
    language: input.language,
    topic: input.topic,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.slip_printed',
    entityType: 'referral',
    details: { offices: offices.length, language },
  });
  return { pdf: await renderSlip({ language, offices }) };
}

// ---------------------------------------------------------------------------------------------
// Named referrals (R-REF-1, R-RED-1)

/** The document language for a spoken language: its own where Koop has texts, German otherwise. */
function documentLanguageOf(language: string): DocumentLanguage {
  return documentLanguageFor([language]);
}

/** The receiving office: a counselling provider's office that offers the chosen programme. */
async function receivingOffice(ctx: RequestContext, officeId: string, service: string, path = 'officeId') {
  const office = await repo.findOffice(ctx.trx, officeId);
  if (!office || office.organisation_kind !== 'welfare_provider') {
    throw new AppError('validation_failed', {
      errors: [{ path, code: 'unknown_office', message: 'Diese Beratungsstelle gibt es nicht.' }],
    });
  }
  if (!office.services.includes(service)) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'service',
          code: 'service_not_offered',
          message: 'Diese Beratungsstelle bietet das nicht an.',
        },
      ],
    });
  }
  return office;
}

async function officeAddress(ctx: RequestContext, officeId: string) {
  const row = await ctx.trx
    .selectFrom('offices')
    .select(['street', 'postcode', 'city', 'email'])
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  return row;
}

/** The short consent form in the person's language, printed before the person signs. */
export async function consentForm(ctx: RequestContext, input: ConsentFormInput) {
  authorizeReferral(ctx.actor, 'referral.send', referring(ctx));
  const office = await receivingOffice(ctx, input.officeId, input.service);
  const address = await officeAddress(ctx, office.id);
  const organisation = await findOrganisation(ctx.trx, ctx.actor.organisationId);
  const staff = await findUser(ctx.trx, ctx.actor.userId);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.consent_form_printed',
    entityType: 'referral',
    details: { officeId: office.id, language: input.consentLanguage },
  });
  const pdf = await renderReferralConsent({
    language: input.consentLanguage,
    person: {
      name: [input.givenName, input.familyName].filter(Boolean).join(' '),
      contact: [input.phone, input.email].filter(Boolean).join(' · '),
    },
    office: {
      name: office.name,
      providerName: office.provider_name,
      address: `${address.street}, ${address.postcode} ${address.city}`,
    },
    referrer: { organisationName: organisation?.name ?? '', staffName: staff?.display_name ?? '' },
    callFirst: input.callFirst,
    feedbackAllowed: input.feedbackAllowed,
  });
  return { pdf };
}

function presentSent(row: repo.SentReferralRow) {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    referrer: { id: row.referrer_user_id, name: row.referrer_name },
    person: { givenName: row.given_name, familyName: row.family_name },
    office: { name: row.office_name, providerName: row.provider_name },
    service: row.service as 'MBE' | 'JMD',
    callFirst: row.call_first,
    feedbackAllowed: row.feedback_allowed,
    outcome: row.outcome as ReferrerOutcome | null,
  };
}

/** R-REF-1: a named referral with the consent the referrer recorded; the office is told by mail. */
export async function sendReferral(ctx: RequestContext, input: SendReferralInput) {
  authorizeReferral(ctx.actor, 'referral.send', referring(ctx));
  const office = await receivingOffice(ctx, input.officeId, input.service);
  const id = randomUUID();
  await repo.insertReferral(ctx.trx, {
    id,
    referrer_organisation_id: ctx.actor.organisationId,
    referrer_user_id: ctx.actor.userId,
    receiving_organisation_id: office.organisation_id,
    receiving_office_id: office.id,
    service: input.service,
    given_name: input.givenName ?? null,
    family_name: input.familyName,
    phone: input.phone ?? null,
    email: input.email ?? null,
    language: input.language,
    age: input.age,
    topic: input.topic,
    note: input.note ?? null,
    call_first: input.callFirst,
    feedback_allowed: input.consent.feedbackAllowed,
    consent_language: input.consent.language,
    consent_given_at: ctx.now,
  });
  await repo.insertEvent(ctx.trx, {
    organisation_id: ctx.actor.organisationId,
    referral_id: id,
    event: 'sent',
    to_office_id: office.id,
    actor_user_id: ctx.actor.userId,
    at: ctx.now,
  });
  await repo.countReferral(ctx.trx, {
    organisation_id: ctx.actor.organisationId,
    month: monthOf(ctx),
    kind: 'named',
    service: input.service,
    language: input.language,
    topic: input.topic,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.sent',
    entityType: 'referral',
    entityId: id,
    details: {
      officeId: office.id,
      receivingOrganisationId: office.organisation_id,
      callFirst: input.callFirst,
      feedbackAllowed: input.consent.feedbackAllowed,
    },
  });
  await notifyOffice(ctx, office.id);
  const [row] = await repo.sentReferrals(ctx.trx, { id, limit: 1, offset: 0 });
  return presentSent(row!);
}

/** Tells the receiving office that a referral waits — without any personal data in the mail. */
async function notifyOffice(ctx: RequestContext, officeId: string) {
  if (!ctx.deps.mailer.configured) return;
  const { email } = await officeAddress(ctx, officeId);
  if (!email) return;
  try {
    await ctx.deps.mailer.send({
      to: email,
      language: 'de',
      subject: 'Koop: Eine neue Verweisung wartet auf Sie',
      text:
        'In Koop wartet eine neue Verweisung an Ihre Beratungsstelle.\n\n' +
        `Bitte melden Sie sich an, um sie zu lesen: ${ctx.deps.config.publicUrl}/verweisungen\n\n` +
        'Diese E-Mail enthält aus Gründen des Datenschutzes keine Angaben zur Person.',
    });
  } catch {
    // The referral is in the inbox whether or not the notice could be mailed.
  }
}

/** R-REF-4: the referrer's own referrals, each with at most one of two outcomes. */
export async function listSent(ctx: RequestContext, page: { limit: number; offset: number }) {
  authorizeReferral(ctx.actor, 'referral.list_sent', referring(ctx));
  const rows = await repo.sentReferrals(ctx.trx, page);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.sent_listed',
    entityType: 'referral',
    details: { referralIds: rows.map((r) => r.id) },
  });
  return { items: rows.map(presentSent) };
}

/** R-REF-4: the outcome of one referral, refused where the person did not allow feedback. */
export async function outcomeOf(ctx: RequestContext, id: string) {
  const [row] = await repo.sentReferrals(ctx.trx, { id, limit: 1, offset: 0 });
  if (!row) throw new AppError('not_found');
  authorizeReferral(ctx.actor, 'referral.read_outcome', {
    type: 'sent_referral',
    referrerOrganisationId: ctx.actor.organisationId,
    feedbackAllowed: row.feedback_allowed,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.outcome_read',
    entityType: 'referral',
    entityId: id,
  });
  return { outcome: row.outcome as ReferrerOutcome };
}

// ---------------------------------------------------------------------------------------------
// The receiving office (R-REF-4)

const referralActions: readonly ReferralAction[] = ['referral.accept', 'referral.hand_on', 'referral.close'];

function resourceOf(row: repo.ReferralRow): ReferralResource {
  return {
    type: 'referral',
    receivingOrganisationId: row.receiving_organisation_id,
    status: row.status as ReferralStatus,
  };
}

function presentInboxItem(row: repo.ReferralRow) {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    status: row.status as ReferralStatus,
    person: { givenName: row.given_name, familyName: row.family_name, language: row.language, age: row.age },
    topic: row.topic,
    service: row.service as 'MBE' | 'JMD',
    office: { id: row.receiving_office_id, name: row.office_name },
    referrer: {
      organisationName: row.referrer_organisation_name,
      organisationKind: row.referrer_organisation_kind,
    },
    callFirst: row.call_first,
    handedOn: row.handed_on_by_organisation_id !== null,
  };
}

/** How many referrals wait for the provider's offices, for the Übersicht: a number, no person. */
export async function openReferrals(ctx: RequestContext) {
  authorizeReferral(ctx.actor, 'referral_inbox.read', {
    type: 'referral_inbox',
    organisationId: ctx.actor.organisationId,
    organisationKind: ctx.actor.organisationKind,
  });
  return { open: await repo.openCount(ctx.trx) };
}

export async function inbox(
  ctx: RequestContext,
  query: { state: 'open' | 'all'; limit: number; offset: number },
) {
  authorizeReferral(ctx.actor, 'referral_inbox.read', {
    type: 'referral_inbox',
    organisationId: ctx.actor.organisationId,
    organisationKind: ctx.actor.organisationKind,
  });
  const rows = await repo.inbox(ctx.trx, query.state, query);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.inbox_read',
    entityType: 'referral',
    details: { referralIds: rows.map((r) => r.id) },
  });
  return { items: rows.map(presentInboxItem), open: await repo.openCount(ctx.trx) };
}

async function loadReferral(ctx: RequestContext, id: string, action: ReferralAction, lock = false) {
  const row = await repo.findReferral(ctx.trx, id, lock);
  if (!row) throw new AppError('not_found');
  authorizeReferral(ctx.actor, action, resourceOf(row));
  return row;
}

async function recordEvent(
  ctx: RequestContext,
  id: string,
  event: ReferralEvent,
  extra: { reason?: string | null; toOfficeId?: string | null } = {},
) {
  await repo.insertEvent(ctx.trx, {
    organisation_id: ctx.actor.organisationId,
    referral_id: id,
    event,
    reason: extra.reason ?? null,
    to_office_id: extra.toOfficeId ?? null,
    actor_user_id: ctx.actor.userId,
    at: ctx.now,
  });
}

/** One referral for the receiving office; opening it marks it received. */
export async function getReferral(ctx: RequestContext, id: string) {
  let row = await loadReferral(ctx, id, 'referral.read');
  if (row.status === 'sent' && canReferral(ctx.actor, 'referral.accept', resourceOf(row))) {
    await repo.updateReferral(ctx.trx, id, row.version, { status: 'received' }, ctx.now);
    await recordEvent(ctx, id, 'received');
    row = (await repo.findReferral(ctx.trx, id))!;
  }
  await recordAudit(ctx.trx, ctx.audit, { action: 'referral.read', entityType: 'referral', entityId: id });
  const [contacts, events, caseId] = await Promise.all([
    contactsOf(ctx.trx, [row.referrer_organisation_id]),
    repo.eventsOf(ctx.trx, id),
    repo.caseOf(ctx.trx, id),
  ]);
  const referrer = contacts.find((c) => c.id === row.referrer_user_id);
  const caseManagement = { type: 'case_management', organisationId: ctx.actor.organisationId } as const;
  const duplicates =
    row.status !== 'accepted' &&
    row.family_name.length >= 3 &&
    canCase(ctx.actor, 'client.search', caseManagement)
      ? (await clients.searchClients(ctx, { q: row.family_name, limit: 5 })).items
      : [];
  return {
    ...presentInboxItem(row),
    version: row.version,
    person: { ...presentInboxItem(row).person, phone: row.phone, email: row.email },
    note: row.note,
    feedbackAllowed: row.feedback_allowed,
    consentGivenAt: row.consent_given_at.toISOString(),
    consentLanguage: row.consent_language,
    referrer: {
      organisationId: row.referrer_organisation_id,
      organisationName: row.referrer_organisation_name,
      organisationKind: row.referrer_organisation_kind,
      name: referrer?.display_name ?? null,
      phone: referrer?.phone ?? null,
      email: referrer?.email ?? null,
    },
    events: events.map((e) => ({
      event: e.event as ReferralEvent,
      at: e.at.toISOString(),
      reason: e.reason,
      toOffice: e.to_office_name,
    })),
    caseId,
    possibleDuplicates: duplicates.map((d) => ({
      clientId: d.clientId,
      givenName: d.givenName,
      familyName: d.familyName,
      birthDate: d.birthDate,
    })),
    allowedActions: allowedReferralActions(ctx.actor, resourceOf(row), referralActions),
  };
}

async function moveOn(
  ctx: RequestContext,
  row: repo.ReferralRow,
  version: number,
  values: { status: ReferralStatus },
) {
  if (row.version !== version || !(await repo.updateReferral(ctx.trx, row.id, version, values, ctx.now))) {
    throw new AppError('version_conflict');
  }
}

const overrideReason = 'Angebot von der verweisenden Stelle und der Beratungsstelle gewählt (Verweisung).';

/**
 * R-REF-4: accepts a referral into a client and a case in one step, through the case module's
 * own functions (nothing typed twice); the way in is the referring partner. With `clientId` the
 * case opens for a client the office already knows.
 */
export async function accept(ctx: RequestContext, id: string, input: AcceptInput) {
  const row = await loadReferral(ctx, id, 'referral.accept', true);
  const wayIn = row.referrer_organisation_kind === 'abh' ? 'abh' : 'jobcenter';
  const ageGroup = row.age === null ? null : ageGroupFor(row.age);
  const suggested = suggestService({ ageGroup }, berlinToday(ctx.now)).service;
  const opening = {
    caseType: input.caseType,
    service: row.service as 'MBE' | 'JMD',
    // The referrer and the office chose the programme; the case says so where age suggests another.
    serviceOverrideReason: suggested === row.service ? null : overrideReason,
    officeId: row.receiving_office_id,
    wayIn,
  };
  const opened = input.clientId
    ? await clients.openCase(ctx, input.clientId, opening)
    : await clients.createClient(ctx, {
        givenName: row.given_name,
        familyName: row.family_name,
        pseudonymous: false,
        ageGroup,
        languages: [row.language],
        phone: row.phone,
        email: row.email,
        familyMembers: [],
        case: opening,
      });
  await moveOn(ctx, row, input.version, { status: 'accepted' });
  await recordEvent(ctx, id, 'accepted');
  await repo.linkCase(ctx.trx, {
    referral_id: id,
    organisation_id: ctx.actor.organisationId,
    client_id: opened.client.id,
    case_id: opened.caseId,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.accepted',
    entityType: 'referral',
    entityId: id,
    details: { clientId: opened.client.id, caseId: opened.caseId, existingClient: Boolean(input.clientId) },
  });
  return { clientId: opened.client.id, caseId: opened.caseId, caseNumber: opened.caseNumber };
}

/** R-REF-4: hands a referral on to another office or programme, with the reason kept by this office. */
export async function handOn(ctx: RequestContext, id: string, input: HandOnInput) {
  const row = await loadReferral(ctx, id, 'referral.hand_on', true);
  const office = await receivingOffice(ctx, input.officeId, input.service);
  if (office.id === row.receiving_office_id && input.service === row.service) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'officeId',
          code: 'same_office',
          message: 'Bitte eine andere Beratungsstelle oder ein anderes Angebot wählen.',
        },
      ],
    });
  }
  const elsewhere = office.organisation_id !== ctx.actor.organisationId;
  await recordEvent(ctx, id, 'handed_on', { reason: input.reason, toOfficeId: office.id });
  if (
    row.version !== input.version ||
    !(await repo.handOn(ctx.trx, {
      id,
      version: input.version,
      officeId: office.id,
      service: input.service,
      at: ctx.now,
    }))
  ) {
    throw new AppError('version_conflict');
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.handed_on',
    entityType: 'referral',
    entityId: id,
    reason: input.reason,
    details: { officeId: office.id, service: input.service, otherOrganisation: elsewhere },
  });
  if (elsewhere) await notifyOffice(ctx, office.id);
  return { id, handedOn: true as const };
}

/**
 * R-REF-4, R-RED-2: closes a referral without a case. The reason stays with this office; the
 * referrer reads at most "not taken up", and only where the person allowed feedback.
 */
export async function close(ctx: RequestContext, id: string, input: CloseInput) {
  const row = await loadReferral(ctx, id, 'referral.close', true);
  await moveOn(ctx, row, input.version, { status: 'closed' });
  await recordEvent(ctx, id, 'closed', { reason: input.reason });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'referral.closed',
    entityType: 'referral',
    entityId: id,
    details: { reason: input.reason },
  });
  return { id, closed: true as const };
}
