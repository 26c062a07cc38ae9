import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { documentLanguageFor, isDocumentLanguage, type DocumentLanguage } from '../../documents/languages.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { isPartner } from '../../policy/policy.ts';
import { partnerKinds } from '../../policy/roles.ts';
import { loadCase, loadConsentRules, type LoadedCase } from '../cases/cases.access.ts';
import * as clientsRepo from '../cases/clients.repository.ts';
import { addDays, germanDate, type IsoDate } from '../cases/cases.rules.ts';
import { berlinToday } from '../directory/schedule.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import {
  allowedExchangeActions,
  authorizeExchange,
  canExchange,
  consentStillHolds,
  disclosureRefusal,
  legalBasisRefusal,
  type ConsentScope,
  type Disclosure,
  type ExchangeAction,
  type ExchangeActor,
  type ExchangeResource,
  type ThreadParties,
} from './exchange.policy.ts';
import {
  renderClientCopyOffThread,
  renderConsentForm,
  type ConsentFormData,
  type PurposeOnForm,
} from './exchange.pdf.ts';
import * as repo from './exchange.repository.ts';
import type {
  ConsentDraftInput,
  GiveConsentInput,
  PostMessageInput,
  RecordLegalBasisInput,
  SendDisclosureInput,
  TeamInput,
} from './exchange.schemas.ts';
import {
  dataCategoryNames,
  independenceNotice,
  partnerMessageKinds,
  providerMessageKinds,
  refusalMessages,
  type ConsentDirection,
  type ConsentRepetition,
  type DataCategory,
  type LegalBasis,
  type MessageKind,
} from './exchange.values.ts';
import { legalBasesOtherThanConsent } from '../../terms.ts';

/**
 * Consent-gated exchange (R-CON-1..4, R-RED-1, R-RED-4, R-RED-5, R-EXC-1..4). The counselling
 * side takes consents on a case and discloses under them; each disclosure is checked by
 * `disclosureRefusal` with the consent row locked, written with the client's copy in the same
 * transaction, and read by the partner from the exchange's own tables — never from the case.
 */

async function exchangeActor(ctx: RequestContext): Promise<ExchangeActor> {
  const teamIds = isPartner(ctx.actor) ? await repo.teamIdsOf(ctx.trx, ctx.actor.userId) : [];
  return { ...ctx.actor, teamIds };
}

const today = (ctx: RequestContext): IsoDate => berlinToday(ctx.now);

// ---------------------------------------------------------------------------------------------
// Presenting

function consentState(row: repo.ConsentRow, day: IsoDate) {
  if (row.withdrawn_at) return 'withdrawn' as const;
  if (day < row.valid_from) return 'not_yet_valid' as const;
  if (day > row.valid_until) return 'expired' as const;
  if (row.repetition === 'once' && row.used_at) return 'used' as const;
  return 'valid' as const;
}

function consentScope(row: repo.ConsentRow | repo.PartnerConsentRow, clientId: string | null): ConsentScope {
  return {
    id: row.id,
    clientId,
    organisationId: row.organisation_id,
    recipientOrganisationId: row.recipient_organisation_id,
    recipientTeamId: row.recipient_team_id,
    recipientUserId: row.recipient_user_id,
    purpose: row.purpose,
    categories: row.categories as DataCategory[],
    direction: row.direction as ConsentDirection,
    repetition: row.repetition as ConsentRepetition,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    usedAt: row.used_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** A consent's purpose as the client signed it: code, label and own words. */
function purposeOf(row: repo.ConsentRow | repo.PartnerConsentRow): PurposeOnForm {
  return {
    code: row.purpose,
    label: { de: row.purpose_label, en: row.purpose_label_en },
    text: row.purpose_text,
  };
}

const consentActions: readonly ExchangeAction[] = ['consent.withdraw', 'consent.read_document'];

function presentConsent(
  actor: ExchangeActor,
  row: repo.ConsentRow,
  loaded: LoadedCase,
  events: Awaited<ReturnType<typeof repo.consentEvents>>,
  day: IsoDate,
) {
  const resource: ExchangeResource = {
    type: 'consent',
    organisationId: row.organisation_id,
    case: loaded,
    withdrawn: row.withdrawn_at !== null,
  };
  return {
    id: row.id,
    caseId: row.case_id,
    recipient: {
      organisationId: row.recipient_organisation_id,
      organisationName: row.recipient_organisation_name,
      organisationKind: row.recipient_organisation_kind,
      teamId: row.recipient_team_id,
      teamName: row.recipient_team_name,
      userId: row.recipient_user_id,
    },
    purpose: row.purpose,
    purposeLabel: { de: row.purpose_label, en: row.purpose_label_en },
    purposeText: row.purpose_text,
    categories: row.categories as DataCategory[],
    direction: row.direction as ConsentDirection,
    repetition: row.repetition as ConsentRepetition,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    form: row.form as 'paper' | 'on_screen',
    formLanguage: row.form_language,
    hasDocument: row.document_type !== null,
    takenBy: { id: row.taken_by, name: row.taken_by_name },
    givenAt: row.given_at.toISOString(),
    usedAt: row.used_at?.toISOString() ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawalNote: row.withdrawal_note,
    state: consentState(row, day),
    events: events
      .filter((e) => e.consent_id === row.id)
      .map((e) => ({ event: e.event, at: e.at.toISOString(), messageId: e.message_id })),
    allowedActions: allowedExchangeActions(actor, resource, consentActions),
  };
}

function parties(row: repo.ThreadRow): ThreadParties {
  return {
    providerOrganisationId: row.provider_organisation_id,
    partnerOrganisationId: row.partner_organisation_id,
    partnerTeamId: row.partner_team_id,
    partnerUserId: row.partner_user_id,
  };
}

function threadResource(row: repo.ThreadRow, loaded: LoadedCase | null): ExchangeResource {
  return { type: 'thread', parties: parties(row), case: loaded, hasConflict: row.has_conflict };
}

const threadActions: readonly ExchangeAction[] = ['disclosure.send', 'message.send', 'conflict.raise'];
const conflictActions: readonly ExchangeAction[] = ['conflict.note', 'conflict.resolve'];

function presentContact(c: repo.ContactRow) {
  return {
    id: c.id,
    name: c.display_name,
    functionTitle: c.function_title,
    phone: c.phone,
    email: c.email,
    centralContact: c.central_contact,
  };
}

function presentConflict(
  actor: ExchangeActor,
  row: repo.ConflictRow,
  thread: repo.ThreadRow,
  loaded: LoadedCase | null,
  notes: Awaited<ReturnType<typeof repo.conflictNotes>>,
) {
  const side = (org: string): 'provider' | 'partner' =>
    org === row.provider_organisation_id ? 'provider' : 'partner';
  const resource: ExchangeResource = {
    type: 'conflict',
    parties: parties(thread),
    case: loaded,
    status: row.status as 'open' | 'resolved',
  };
  return {
    id: row.id,
    threadId: row.thread_id,
    raisedBy: { name: row.raised_by_name, side: side(row.raised_by_organisation_id) },
    description: row.description,
    status: row.status as 'open' | 'resolved',
    outcome: row.outcome,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    notes: notes
      .filter((n) => n.conflict_id === row.id)
      .map((n) => ({
        side: side(n.author_organisation_id),
        author: n.author_name,
        text: n.text,
        at: n.created_at.toISOString(),
      })),
    allowedActions: allowedExchangeActions(actor, resource, conflictActions),
  };
}

type ConsentView = { scope: ConsentScope; purpose: PurposeOnForm } | undefined;

/** The consents behind threads, read on the actor's side (own table or the partner function). */
async function consentsForThreads(ctx: RequestContext, rows: readonly repo.ThreadRow[]) {
  const ids = rows.flatMap((r) => (r.consent_id ? [r.consent_id] : []));
  const result = new Map<string, NonNullable<ConsentView>>();
  if (ids.length === 0) return result;
  if (isPartner(ctx.actor)) {
    for (const [id, row] of await repo.partnerConsents(ctx.trx, ids)) {
      result.set(id, { scope: consentScope(row, null), purpose: purposeOf(row) });
    }
  } else {
    for (const id of new Set(ids)) {
      const row = await repo.findConsent(ctx.trx, id);
      if (row) result.set(id, { scope: consentScope(row, row.client_id), purpose: purposeOf(row) });
    }
  }
  return result;
}

function presentScope(view: ConsentView) {
  if (!view) return null;
  const { scope } = view;
  return {
    id: scope.id,
    purpose: scope.purpose,
    purposeLabel: view.purpose.label,
    purposeText: view.purpose.text,
    categories: [...scope.categories],
    direction: scope.direction,
    repetition: scope.repetition,
    validFrom: scope.validFrom,
    validUntil: scope.validUntil,
    withdrawn: scope.withdrawnAt !== null,
  };
}

interface ThreadParts {
  /** Berlin's today, for what the consents allow now. */
  today: string;
  consents: Map<string, NonNullable<ConsentView>>;
  messages: repo.MessageRow[];
  attachments: Awaited<ReturnType<typeof repo.attachmentsOf>>;
  conflicts: repo.ConflictRow[];
  notes: Awaited<ReturnType<typeof repo.conflictNotes>>;
  contacts: repo.ContactRow[];
}

async function loadThreadParts(ctx: RequestContext, rows: readonly repo.ThreadRow[]): Promise<ThreadParts> {
  const ids = rows.map((r) => r.id);
  const [consents, messages, conflicts, contacts] = await Promise.all([
    consentsForThreads(ctx, rows),
    repo.messagesOf(ctx.trx, ids),
    repo.conflictsOfThreads(ctx.trx, ids),
    repo.contactsOf(ctx.trx, [
      ...new Set(rows.flatMap((r) => [r.provider_organisation_id, r.partner_organisation_id])),
    ]),
  ]);
  const [notes, attachments] = await Promise.all([
    repo.conflictNotes(
      ctx.trx,
      conflicts.map((c) => c.id),
    ),
    repo.attachmentsOf(
      ctx.trx,
      messages.map((m) => m.id),
    ),
  ]);
  return { today: today(ctx), consents, messages, attachments, conflicts, notes, contacts };
}

function presentThread(
  actor: ExchangeActor,
  row: repo.ThreadRow,
  loaded: LoadedCase | null,
  parts: ThreadParts,
) {
  const view = row.consent_id ? parts.consents.get(row.consent_id) : undefined;
  const partnerSide = actor.organisationId === row.partner_organisation_id;
  // A withdrawn consent leaves the partner only the notice that it was withdrawn (R-CON-3); what
  // went under a legal basis other than consent stays.
  const withdrawn = partnerSide && row.legal_basis === null && !consentStillHolds(view?.scope);
  const basis = row.legal_basis ? legalBasesOtherThanConsent[row.legal_basis as LegalBasis] : null;
  const messages = withdrawn ? [] : parts.messages.filter((m) => m.thread_id === row.id);
  const other = partnerSide ? row.provider_organisation_id : row.partner_organisation_id;
  const central = (org: string) =>
    parts.contacts.filter((c) => c.organisation_id === org && c.central_contact).map(presentContact);
  return {
    id: row.id,
    // After a withdrawal the partner learns neither whom nor what the thread was about.
    subject: withdrawn ? '' : row.subject,
    clientLabel: withdrawn ? '' : row.client_label,
    provider: { id: row.provider_organisation_id, name: row.provider_name },
    partner: {
      id: row.partner_organisation_id,
      name: row.partner_name,
      kind: row.partner_kind,
      teamId: row.partner_team_id,
      teamName: row.team_name,
      teamEmail: row.team_email,
      teamPhone: row.team_phone,
    },
    consent: presentScope(view),
    legalBasis: basis ? { basis: row.legal_basis as LegalBasis, label: basis.de, norm: basis.basis } : null,
    withdrawn,
    createdAt: row.created_at.toISOString(),
    lastMessageAt: row.last_message_at.toISOString(),
    unread: messages.filter((m) => m.author_organisation_id === other && m.read_at === null).length,
    messages: messages.map((m) => ({
      id: m.id,
      fromPartner: m.author_organisation_id === row.partner_organisation_id,
      author: { name: m.author_name, phone: m.author_phone, email: m.author_email, office: m.author_office },
      kind: m.kind as MessageKind,
      sections: m.sections as { category: DataCategory; text: string }[],
      attachments: parts.attachments
        .filter((a) => a.message_id === m.id)
        .map((a) => ({
          id: a.id,
          category: a.category as DataCategory,
          filename: a.filename,
          contentType: a.content_type,
          size: a.size,
        })),
      sentAt: m.sent_at.toISOString(),
      readAt: m.read_at?.toISOString() ?? null,
      copy:
        !partnerSide && m.copy_id
          ? {
              id: m.copy_id,
              language: m.copy_language ?? 'de',
              handover: (m.copy_handover ?? null) as 'in_person' | 'post' | 'email' | null,
              handedOverAt: m.copy_handed_over_at?.toISOString() ?? null,
            }
          : null,
    })),
    conflicts: withdrawn
      ? []
      : parts.conflicts
          .filter((c) => c.thread_id === row.id)
          .map((c) => presentConflict(actor, c, row, loaded, parts.notes)),
    centralContacts: {
      provider: central(row.provider_organisation_id),
      partner: central(row.partner_organisation_id),
    },
    independenceNotice,
    allowedActions: withdrawn
      ? []
      : allowedExchangeActions(actor, threadResource(row, loaded), threadActions).filter(
          (action) => action !== 'message.send' || partnerMayWrite(row, view, parts.today),
        ),
  };
}

/** Whether the consent of a thread lets the partner write back today (direction, validity, withdrawal). */
function partnerMayWrite(row: repo.ThreadRow, view: ConsentView, today: string): boolean {
  return (
    disclosureRefusal(view?.scope, {
      clientId: null,
      providerOrganisationId: row.provider_organisation_id,
      partnerOrganisationId: row.partner_organisation_id,
      partnerTeamId: row.partner_team_id,
      direction: 'from_partner',
      purpose: view?.scope.purpose ?? 'other',
      categories: [],
      today,
    }) === null
  );
}

// ---------------------------------------------------------------------------------------------
// Partners and their teams

export async function listPartners(ctx: RequestContext) {
  const actor = await exchangeActor(ctx);
  authorizeExchange(actor, 'partner_team.list', {
    type: 'partner_team',
    organisationId: ctx.actor.organisationId,
    partnerOrganisation: false,
  });
  const teams = (await repo.listTeams(ctx.trx)).filter((t) =>
    partnerKinds.includes(t.organisation_kind as never),
  );
  const organisationIds = [...new Set(teams.map((t) => t.organisation_id))];
  const contacts = await repo.contactsOf(ctx.trx, organisationIds);
  return {
    items: organisationIds.map((id) => {
      const own = teams.filter((t) => t.organisation_id === id);
      const first = own[0]!;
      return {
        id,
        name: first.organisation_name,
        kind: first.organisation_kind,
        teams: own.map((t) => presentTeam(t, contacts)),
        centralContacts: contacts
          .filter((c) => c.organisation_id === id && c.central_contact)
          .map(presentContact),
      };
    }),
  };
}

function presentTeam(t: repo.TeamRow, contacts: readonly repo.ContactRow[]) {
  return {
    id: t.id,
    organisationId: t.organisation_id,
    organisationName: t.organisation_name,
    organisationKind: t.organisation_kind,
    name: t.name,
    email: t.email,
    phone: t.phone,
    version: t.version,
    members: contacts.filter((c) => c.team_ids.includes(t.id)).map(presentContact),
  };
}

async function authorizeTeams(ctx: RequestContext, organisationId: string) {
  const organisation = await findOrganisation(ctx.trx, organisationId);
  if (!organisation) throw new AppError('not_found');
  authorizeExchange(await exchangeActor(ctx), 'partner_team.manage', {
    type: 'partner_team',
    organisationId,
    partnerOrganisation: partnerKinds.includes(organisation.kind as never),
  });
}

async function checkMembers(ctx: RequestContext, organisationId: string, memberIds: readonly string[]) {
  const known = new Set((await repo.contactsOf(ctx.trx, [organisationId])).map((c) => c.id));
  const unknown = memberIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'memberIds',
          code: 'unknown_member',
          message:
            'Mitglieder müssen aktive Mitarbeitende oder zentrale Ansprechpersonen Ihrer Organisation sein.',
        },
      ],
    });
  }
}

/** A team's name is unique within its organisation: a second one is a problem at the field. */
async function uniqueTeamName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error, 'partner_teams_organisation_id_name_key')) throw error;
    throw new AppError('validation_failed', {
      errors: [{ path: 'name', code: 'name_taken', message: 'Ein Team mit diesem Namen gibt es bereits.' }],
    });
  }
}

export async function listTeams(ctx: RequestContext, organisationId: string) {
  await authorizeTeams(ctx, organisationId);
  const [teams, contacts] = await Promise.all([
    repo.listTeams(ctx.trx, organisationId),
    repo.contactsOf(ctx.trx, [organisationId]),
  ]);
  return { items: teams.map((t) => presentTeam(t, contacts)) };
}

export async function createTeam(ctx: RequestContext, organisationId: string, input: TeamInput) {
  await authorizeTeams(ctx, organisationId);
  await checkMembers(ctx, organisationId, input.memberIds);
  const { id } = await uniqueTeamName(() =>
    repo.insertTeam(ctx.trx, {
      organisation_id: organisationId,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
    }),
  );
  await repo.setTeamMembers(ctx.trx, id, organisationId, input.memberIds);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'partner_team.created',
    entityType: 'partner_team',
    entityId: id,
  });
  return team(ctx, id);
}

export async function updateTeam(ctx: RequestContext, id: string, input: TeamInput & { version: number }) {
  const row = await repo.findTeam(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  await authorizeTeams(ctx, row.organisation_id);
  await checkMembers(ctx, row.organisation_id, input.memberIds);
  const updated = await uniqueTeamName(() =>
    repo.updateTeam(ctx.trx, id, input.version, {
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
    }),
  );
  if (!updated) throw new AppError('version_conflict');
  await repo.setTeamMembers(ctx.trx, id, row.organisation_id, input.memberIds);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'partner_team.updated',
    entityType: 'partner_team',
    entityId: id,
  });
  return team(ctx, id);
}

async function team(ctx: RequestContext, id: string) {
  const row = await repo.findTeam(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  return presentTeam(row, await repo.contactsOf(ctx.trx, [row.organisation_id]));
}

// ---------------------------------------------------------------------------------------------
// The case's consents and threads

export async function caseExchange(ctx: RequestContext, caseId: string) {
  const loaded = await loadCase(ctx, caseId, 'case.read');
  const actor = await exchangeActor(ctx);
  const resource: ExchangeResource = {
    type: 'case_exchange',
    organisationId: loaded.row.organisation_id,
    case: loaded,
  };
  authorizeExchange(actor, 'exchange.read', resource);
  const [consents, threads, legalBases, rules] = await Promise.all([
    repo.consentsOfCase(ctx.trx, caseId),
    repo.threadsOfCase(ctx.trx, caseId),
    repo.legalBasesOfCase(ctx.trx, caseId),
    loadConsentRules(ctx),
  ]);
  const [events, parts] = await Promise.all([
    repo.consentEvents(
      ctx.trx,
      consents.map((c) => c.id),
    ),
    loadThreadParts(ctx, threads),
  ]);
  await recordAudit(ctx.trx, ctx.audit, { action: 'exchange.read', entityType: 'case', entityId: caseId });
  const day = today(ctx);
  // The case's counsellor has now seen the partners' answers: read receipts for them, after the
  // view above still marks them as new for this visit.
  const presented = threads.map((t) => presentThread(actor, t, loaded, parts));
  for (const thread of threads) {
    if (presented.find((p) => p.id === thread.id)!.unread > 0) {
      await repo.markRead(ctx.trx, thread.id, thread.partner_organisation_id, ctx.actor.userId, ctx.now);
    }
  }
  return {
    consents: consents.map((c) => presentConsent(actor, c, loaded, events, day)),
    // What a new consent may say here: the provider's purposes and longest validity.
    consentRules: {
      purposes: rules.purposes
        .filter((e) => e.active)
        .map((e) => ({ code: e.code, label: { de: e.de, en: e.en } })),
      maxMonths: rules.maxMonths,
    },
    legalBases: legalBases.map(presentLegalBasis),
    threads: presented,
    allowedActions: [
      ...allowedExchangeActions(
        actor,
        { type: 'consent', organisationId: loaded.row.organisation_id, case: loaded, withdrawn: false },
        ['consent.give'],
      ),
      ...allowedExchangeActions(
        actor,
        { type: 'legal_basis', organisationId: loaded.row.organisation_id, case: loaded },
        ['legal_basis.record'],
      ),
      // Whether the actor may send from this case at all; each send is checked against its grounds.
      ...allowedExchangeActions(
        actor,
        {
          type: 'thread',
          parties: {
            providerOrganisationId: loaded.row.organisation_id,
            partnerOrganisationId: '',
            partnerTeamId: '',
            partnerUserId: null,
          },
          case: loaded,
          hasConflict: false,
        },
        ['disclosure.send'],
      ),
    ],
  };
}

/** Checks of a consent's content that need the database or the clock; all problems at once. */
async function checkConsentDraft(ctx: RequestContext, input: ConsentDraftInput) {
  const errors: FieldError[] = [];
  const team = await repo.findTeam(ctx.trx, input.recipientTeamId);
  if (!team || !partnerKinds.includes(team.organisation_kind as never)) {
    errors.push({
      path: 'recipientTeamId',
      code: 'unknown_team',
      message: 'Bitte ein Team einer Partnerorganisation wählen.',
    });
  }
  let person: repo.ContactRow | undefined;
  if (team && input.recipientUserId) {
    person = (await repo.contactsOf(ctx.trx, [team.organisation_id])).find(
      (c) => c.id === input.recipientUserId && c.team_ids.includes(team.id),
    );
    if (!person) {
      errors.push({
        path: 'recipientUserId',
        code: 'unknown_person',
        message: 'Die Person gehört nicht zu diesem Team.',
      });
    }
  }
  const rules = await loadConsentRules(ctx);
  const purpose = rules.purposes.find((e) => e.code === input.purpose && e.active);
  if (!purpose) {
    errors.push({
      path: 'purpose',
      code: 'unknown_purpose',
      message: 'Diesen Zweck führt Ihre Organisation nicht. Bitte einen Zweck der Liste wählen.',
    });
  }
  if (input.purpose === 'other' && !input.purposeText) {
    errors.push({
      path: 'purposeText',
      code: 'required',
      message: 'Bitte den Zweck in eigenen Worten beschreiben.',
    });
  }
  const latest = addMonths(input.validFrom, rules.maxMonths);
  if (input.validUntil < input.validFrom) {
    errors.push({ path: 'validUntil', code: 'before_start', message: 'Das Ende liegt vor dem Beginn.' });
  } else if (input.validUntil > latest) {
    errors.push({
      path: 'validUntil',
      code: 'too_long',
      message: `Eine Einwilligung gilt bei Ihrer Organisation höchstens ${rules.maxMonths} Monate (bis ${germanDate(latest)}).`,
    });
  }
  if (input.validFrom < addDays(today(ctx), -30)) {
    errors.push({
      path: 'validFrom',
      code: 'too_early',
      message: 'Der Beginn liegt mehr als 30 Tage zurück.',
    });
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  const signed: PurposeOnForm = {
    code: input.purpose,
    label: { de: purpose!.de, en: purpose!.en },
    text: input.purposeText ?? null,
  };
  return { team: team!, person: person ?? null, purpose: signed };
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, d));
  // 31 January + 1 month ends on the last day of February, not in March.
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return addDays(target.toISOString().slice(0, 10), -1);
}

/** Magic bytes of the document types a signed consent may be stored as. */
const signatures: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The bytes of an uploaded file, checked: at most 5 MB, and its content of the type it claims. */
function decodeFile(file: { contentType: string; base64: string }, path: string): Buffer {
  const bytes = Buffer.from(file.base64, 'base64');
  const magic = signatures[file.contentType] ?? [];
  const problem =
    bytes.length > 5 * 1024 * 1024
      ? 'Die Datei ist zu groß (höchstens 5 MB).'
      : bytes.length === 0 || !magic.every((b, i) => bytes[i] === b)
        ? 'Der Inhalt der Datei passt nicht zum angegebenen Typ.'
        : null;
  if (problem) {
    throw new AppError('validation_failed', { errors: [{ path, code: 'invalid_file', message: problem }] });
  }
  return bytes;
}

function signedDocument(input: GiveConsentInput): { bytes: Buffer; type: string } | null {
  if (!input.document) {
    if (input.form === 'paper') {
      throw new AppError('validation_failed', {
        errors: [
          {
            path: 'document',
            code: 'required',
            message: 'Bitte die unterschriebene Einwilligung als Scan anhängen.',
          },
        ],
      });
    }
    return null;
  }
  return { bytes: decodeFile(input.document, 'document'), type: input.document.contentType };
}

type AttachmentInput = PostMessageInput['attachments'][number];

/** The attachments of a message, decoded and checked, before anything is written. */
function decodeAttachments(attachments: readonly AttachmentInput[]) {
  return attachments.map((a, i) => ({ ...a, bytes: decodeFile(a, `attachments.${i}.base64`) }));
}

/** Writes a message's attachments beside it, in the author's name. */
async function storeAttachments(
  ctx: Pick<RequestContext, 'trx'> & { actor: { organisationId: string } },
  messageId: string,
  thread: repo.ThreadRow,
  attachments: ReturnType<typeof decodeAttachments>,
) {
  await repo.insertAttachments(
    ctx.trx,
    attachments.map((a) => ({
      message_id: messageId,
      provider_organisation_id: thread.provider_organisation_id,
      partner_organisation_id: thread.partner_organisation_id,
      author_organisation_id: ctx.actor.organisationId,
      category: a.category,
      filename: a.filename,
      content_type: a.contentType,
      size: a.bytes.length,
      content: a.bytes,
    })),
  );
}

export async function giveConsent(ctx: RequestContext, caseId: string, input: GiveConsentInput) {
  const loaded = await loadCase(ctx, caseId, 'case.read');
  const actor = await exchangeActor(ctx);
  authorizeExchange(actor, 'consent.give', {
    type: 'consent',
    organisationId: loaded.row.organisation_id,
    case: loaded,
    withdrawn: false,
  });
  const { team, person, purpose } = await checkConsentDraft(ctx, input);
  const document = signedDocument(input);
  const client = await clientsRepo.findClient(ctx.trx, loaded.row.client_id);
  if (!client) throw new AppError('not_found');
  const { id } = await repo.insertConsent(ctx.trx, {
    organisation_id: loaded.row.organisation_id,
    client_id: loaded.row.client_id,
    case_id: caseId,
    office_id: loaded.row.office_id,
    recipient_organisation_id: team.organisation_id,
    recipient_team_id: team.id,
    recipient_user_id: person?.id ?? null,
    purpose: purpose.code,
    purpose_label: purpose.label.de,
    purpose_label_en: purpose.label.en,
    purpose_text: purpose.text,
    categories: input.categories,
    direction: input.direction,
    repetition: input.repetition,
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    form: input.form,
    form_language: input.language ?? documentLanguageFor(client.languages),
    document: document?.bytes ?? null,
    document_type: document?.type ?? null,
    taken_by: ctx.actor.userId,
    given_at: ctx.now,
  });
  await repo.insertConsentEvent(ctx.trx, {
    organisation_id: loaded.row.organisation_id,
    consent_id: id,
    event: 'given',
    actor_user_id: ctx.actor.userId,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'consent.given',
    entityType: 'consent',
    entityId: id,
    details: { caseId, recipientOrganisationId: team.organisation_id, categories: input.categories },
  });
  const row = (await repo.findConsent(ctx.trx, id))!;
  return presentConsent(actor, row, loaded, await repo.consentEvents(ctx.trx, [id]), today(ctx));
}

/** Loads a consent of the actor's organisation with its case, for the policy. */
async function loadConsent(ctx: RequestContext, id: string) {
  const row = await repo.findConsent(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const loaded = await loadCase(ctx, row.case_id, 'case.read');
  return { row, loaded };
}

export async function withdrawConsent(ctx: RequestContext, id: string, note: string | null | undefined) {
  const { row, loaded } = await loadConsent(ctx, id);
  const actor = await exchangeActor(ctx);
  authorizeExchange(actor, 'consent.withdraw', {
    type: 'consent',
    organisationId: row.organisation_id,
    case: loaded,
    withdrawn: row.withdrawn_at !== null,
  });
  // The update waits for a send that holds the row and wins over every later one (R-CON-3).
  const updated = await repo.withdrawConsent(ctx.trx, id, ctx.actor.userId, note ?? null, ctx.now);
  if (!updated)
    throw new AppError('version_conflict', { detail: 'Die Einwilligung ist bereits widerrufen.' });
  await repo.insertConsentEvent(ctx.trx, {
    organisation_id: row.organisation_id,
    consent_id: id,
    event: 'withdrawn',
    actor_user_id: ctx.actor.userId,
  });
  await recordAudit(ctx.trx, ctx.audit, { action: 'consent.withdrawn', entityType: 'consent', entityId: id });
  const fresh = (await repo.findConsent(ctx.trx, id))!;
  return presentConsent(actor, fresh, loaded, await repo.consentEvents(ctx.trx, [id]), today(ctx));
}

export async function consentDocument(ctx: RequestContext, id: string) {
  const { row, loaded } = await loadConsent(ctx, id);
  authorizeExchange(await exchangeActor(ctx), 'consent.read_document', {
    type: 'consent',
    organisationId: row.organisation_id,
    case: loaded,
    withdrawn: row.withdrawn_at !== null,
  });
  const document = await repo.consentDocument(ctx.trx, id);
  if (!document?.document || !document.document_type) throw new AppError('not_found');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'consent.document_read',
    entityType: 'consent',
    entityId: id,
  });
  return { bytes: document.document, contentType: document.document_type };
}

async function providerParts(ctx: RequestContext, loaded: LoadedCase) {
  const [provider, office, client] = await Promise.all([
    findOrganisation(ctx.trx, loaded.row.organisation_id),
    loaded.row.office_id
      ? ctx.trx.selectFrom('offices').selectAll().where('id', '=', loaded.row.office_id).executeTakeFirst()
      : Promise.resolve(undefined),
    clientsRepo.findClient(ctx.trx, loaded.row.client_id),
  ]);
  if (!provider || !client) throw new AppError('not_found');
  const address = (p: { street: string | null; postcode: string | null; city: string | null }) =>
    [p.street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  return {
    provider: {
      name: provider.name,
      address: address(provider),
      dataProtectionLaw: provider.data_protection_law as 'dsgvo' | 'kdg' | 'dsg_ekd' | null,
      state: provider.state,
    },
    office: office ? { name: office.name, address: address(office) } : null,
    client,
    clientName: [client.given_name, client.family_name].filter(Boolean).join(' '),
  };
}

/** The consent form to print and sign: from a draft (before it is given) or a recorded consent. */
export async function consentForm(
  ctx: RequestContext,
  caseId: string,
  input: ConsentDraftInput,
  language: DocumentLanguage | undefined,
) {
  const loaded = await loadCase(ctx, caseId, 'case.read');
  authorizeExchange(await exchangeActor(ctx), 'consent.give', {
    type: 'consent',
    organisationId: loaded.row.organisation_id,
    case: loaded,
    withdrawn: false,
  });
  const { team, person, purpose } = await checkConsentDraft(ctx, input);
  const parts = await providerParts(ctx, loaded);
  const taker = await repo.author(ctx.trx, ctx.actor.userId);
  const data: ConsentFormData = {
    language: language ?? input.language ?? documentLanguageFor(parts.client.languages),
    client: { name: parts.clientName, birthDate: parts.client.birth_date },
    provider: parts.provider,
    office: parts.office,
    recipient: {
      organisationName: team.organisation_name,
      organisationKind: team.organisation_kind as ConsentFormData['recipient']['organisationKind'],
      teamName: team.name,
      personName: person?.display_name ?? null,
    },
    purpose,
    categories: input.categories,
    direction: input.direction,
    repetition: input.repetition,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    takenBy: taker?.display_name ?? '',
    date: today(ctx),
  };
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'consent.form_printed',
    entityType: 'case',
    entityId: caseId,
    details: { language: data.language },
  });
  return { pdf: renderConsentForm(data), language: data.language };
}

// ---------------------------------------------------------------------------------------------
// Sending

function refuse(reason: ReturnType<typeof disclosureRefusal>): never {
  if (!reason) throw new Error('refuse without a reason');
  const names = reason.missing.map((c) => dataCategoryNames[c]);
  const detail = reason.missing.length
    ? `${refusalMessages[reason.reason]} ${names.join(', ')}.`
    : refusalMessages[reason.reason];
  throw new AppError('disclosure_refused', {
    detail,
    errors: [
      {
        path: reason.reason === 'category_not_covered' ? 'sections' : 'consentId',
        code: reason.reason,
        message: detail,
      },
    ],
  });
}

/** Every disclosure names the person it is about, so their identity is always part of it. */
function categoriesOf(sections: readonly { category: DataCategory }[], identity: boolean): DataCategory[] {
  const list = sections.map((s) => s.category);
  return identity && !list.includes('identity_contact') ? ['identity_contact', ...list] : list;
}

/** What a disclosure goes under: a locked consent, or a locked legal basis other than consent. */
type Grounds = { consent: repo.ConsentRow; basis?: never } | { basis: repo.LegalBasisRow; consent?: never };

/**
 * Writes a message from the counselling side under its grounds, its client copy and the use of
 * the consent or legal basis — one transaction, so a disclosure never exists without its copy
 * (the database checks it at commit) and never under a consent withdrawn before it committed.
 */
async function disclose(
  ctx: RequestContext,
  loaded: LoadedCase,
  grounds: Grounds,
  thread: repo.ThreadRow,
  kind: MessageKind,
  sections: { category: DataCategory; text: string }[],
  attachments: ReturnType<typeof decodeAttachments>,
  known?: { parts: Awaited<ReturnType<typeof providerParts>>; newThread: boolean },
) {
  const [parts, author] = await Promise.all([
    known ? Promise.resolve(known.parts) : providerParts(ctx, loaded),
    repo.author(ctx.trx, ctx.actor.userId),
  ]);
  const sender = {
    name: author?.display_name ?? '',
    phone: author?.phone ?? null,
    email: author?.email ?? null,
    office: author?.office_name ?? parts.office?.name ?? null,
  };
  const categories = categoriesOf([...sections, ...attachments], true);
  const { consent, basis } = grounds;
  const message = await repo.insertMessage(ctx.trx, {
    thread_id: thread.id,
    provider_organisation_id: thread.provider_organisation_id,
    partner_organisation_id: thread.partner_organisation_id,
    author_organisation_id: ctx.actor.organisationId,
    author_user_id: ctx.actor.userId,
    author_name: sender.name,
    author_phone: sender.phone,
    author_email: sender.email,
    author_office: sender.office,
    kind,
    sections,
    categories,
    consent_id: consent?.id ?? null,
    legal_basis_id: basis?.id ?? null,
    sent_at: ctx.now,
  });
  const language =
    consent && isDocumentLanguage(consent.form_language)
      ? consent.form_language
      : documentLanguageFor(parts.client.languages);
  const pdf = await renderClientCopyOffThread({
    language,
    client: { name: parts.clientName, birthDate: parts.client.birth_date },
    provider: parts.provider,
    sender,
    recipient: { organisationName: thread.partner_name, teamName: thread.team_name },
    sentAt: ctx.now.toISOString(),
    kind,
    subject: thread.subject,
    sections,
    attachments: attachments.map((a) => ({ category: a.category, filename: a.filename })),
    consent: consent ? { purpose: purposeOf(consent), validUntil: consent.valid_until } : null,
    legalBasis: basis ? { basis: basis.basis as LegalBasis, justification: basis.justification } : null,
  });
  await storeAttachments(ctx, message.id, thread, attachments);
  const copy = await repo.insertCopy(ctx.trx, {
    organisation_id: loaded.row.organisation_id,
    message_id: message.id,
    client_id: loaded.row.client_id,
    language,
    pdf,
  });
  if (consent) {
    if (consent.repetition === 'once') await repo.markConsentUsed(ctx.trx, consent.id, ctx.now);
    await repo.insertConsentEvent(ctx.trx, {
      organisation_id: loaded.row.organisation_id,
      consent_id: consent.id,
      event: 'used',
      message_id: message.id,
      actor_user_id: ctx.actor.userId,
    });
  } else {
    await repo.markLegalBasisUsed(ctx.trx, basis.id, message.id, ctx.now);
  }
  // A new thread was opened at this very moment; an existing one moves to the top.
  if (!known?.newThread) await repo.touchThread(ctx.trx, thread.id, ctx.now);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'disclosure.sent',
    entityType: 'thread',
    entityId: thread.id,
    details: {
      caseId: loaded.row.id,
      consentId: consent?.id ?? null,
      legalBasisId: basis?.id ?? null,
      messageId: message.id,
      recipientOrganisationId: thread.partner_organisation_id,
      categories,
    },
  });
  await notifyPartner(ctx, thread);
  return { messageId: message.id, copyId: copy.id };
}

/** Tells the partner team that a message waits — without any personal data in the mail. */
async function notifyPartner(ctx: RequestContext, thread: repo.ThreadRow) {
  if (!ctx.deps.mailer.configured) return;
  const contacts = await repo.contactsOf(ctx.trx, [thread.partner_organisation_id]);
  const recipients = thread.team_email
    ? [thread.team_email]
    : contacts
        .filter((c) => c.team_ids.includes(thread.partner_team_id))
        .filter((c) => thread.partner_user_id === null || c.id === thread.partner_user_id)
        .map((c) => c.email);
  await sendQuietly(ctx, recipients, {
    subject: 'Koop: Eine neue Nachricht wartet auf Sie',
    text:
      `In Koop wartet eine neue Nachricht für das Team „${thread.team_name}“.\n\n` +
      `Bitte melden Sie sich an, um sie zu lesen: ${ctx.deps.config.publicUrl}/posteingang\n\n` +
      'Diese E-Mail enthält aus Gründen des Datenschutzes keine Angaben zur Person.',
  });
}

async function sendQuietly(
  ctx: RequestContext,
  to: readonly string[],
  mail: { subject: string; text: string },
) {
  for (const address of new Set(to)) {
    try {
      await ctx.deps.mailer.send({ to: address, ...mail, language: 'de' });
    } catch {
      // A notice that could not be mailed is still in the inbox; the exchange itself stands.
    }
  }
}

/** The recipient team a send names, if any; an unknown team is a field problem. */
async function namedRecipient(ctx: RequestContext, teamId: string | undefined) {
  if (!teamId) return undefined;
  const team = await repo.findTeam(ctx.trx, teamId);
  if (!team) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'recipientTeamId',
          code: 'unknown_team',
          message: 'Bitte ein Team einer Partnerorganisation wählen.',
        },
      ],
    });
  }
  return team;
}

/** Locks the grounds a send names and decides whether the disclosure may go (R-RED-1, R-CON-3). */
async function checkGrounds(
  ctx: RequestContext,
  loaded: LoadedCase,
  input: SendDisclosureInput,
): Promise<{ grounds: Grounds; parties: ThreadParties }> {
  const recipient = await namedRecipient(ctx, input.recipientTeamId);
  const disclosureTo = (parties: ThreadParties): Disclosure => ({
    clientId: loaded.row.client_id,
    providerOrganisationId: loaded.row.organisation_id,
    partnerOrganisationId: parties.partnerOrganisationId,
    partnerTeamId: parties.partnerTeamId,
    direction: 'to_partner',
    purpose: input.purpose ?? 'other',
    categories: categoriesOf([...input.sections, ...input.attachments], true),
    today: today(ctx),
  });
  const partiesFor = (
    target: { recipient_organisation_id: string; recipient_team_id: string },
    person: string | null,
  ) => ({
    providerOrganisationId: loaded.row.organisation_id,
    partnerOrganisationId: recipient?.organisation_id ?? target.recipient_organisation_id,
    partnerTeamId: recipient?.id ?? target.recipient_team_id,
    partnerUserId: recipient ? null : person,
  });
  if (input.legalBasisId) {
    // The legal basis stays locked until this transaction ends: it serves one disclosure.
    const basis = await repo.lockLegalBasis(ctx.trx, input.legalBasisId);
    if (!basis) refuse({ reason: 'no_consent', missing: [] });
    const parties = partiesFor(basis, null);
    const refusal = legalBasisRefusal(
      {
        clientId: basis.client_id,
        organisationId: basis.organisation_id,
        recipientOrganisationId: basis.recipient_organisation_id,
        recipientTeamId: basis.recipient_team_id,
        categories: basis.categories as DataCategory[],
        usedAt: basis.used_at,
      },
      disclosureTo(parties),
    );
    if (refusal) refuse(refusal);
    return { grounds: { basis }, parties };
  }
  // The consent row stays locked until this transaction ends (R-CON-3).
  const consent = input.consentId ? await repo.lockConsent(ctx.trx, input.consentId) : undefined;
  if (!consent) refuse({ reason: 'no_consent', missing: [] });
  const parties = partiesFor(consent, consent.recipient_user_id);
  const refusal = disclosureRefusal(consentScope(consent, consent.client_id), disclosureTo(parties));
  if (refusal) refuse(refusal);
  return { grounds: { consent }, parties };
}

export async function sendDisclosure(ctx: RequestContext, caseId: string, input: SendDisclosureInput) {
  const loaded = await loadCase(ctx, caseId, 'case.read');
  const actor = await exchangeActor(ctx);
  const attachments = decodeAttachments(input.attachments);
  const { grounds, parties: threadParties } = await checkGrounds(ctx, loaded, input);
  authorizeExchange(actor, 'disclosure.send', {
    type: 'thread',
    parties: threadParties,
    case: loaded,
    hasConflict: false,
  });
  const parts = await providerParts(ctx, loaded);
  const birth = parts.client.birth_date
    ? `, geb. ${parts.client.birth_date.split('-').reverse().join('.')}`
    : '';
  const { id: threadId } = await repo.insertThread(ctx.trx, {
    provider_organisation_id: loaded.row.organisation_id,
    partner_organisation_id: threadParties.partnerOrganisationId,
    partner_team_id: threadParties.partnerTeamId,
    partner_user_id: threadParties.partnerUserId,
    consent_id: grounds.consent?.id ?? null,
    legal_basis: grounds.basis?.basis ?? null,
    subject: input.subject,
    client_label: `${parts.clientName}${birth}`,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    last_message_at: ctx.now,
  });
  await repo.insertThreadCase(ctx.trx, {
    thread_id: threadId,
    organisation_id: loaded.row.organisation_id,
    client_id: loaded.row.client_id,
    case_id: caseId,
  });
  const thread = (await repo.findThread(ctx.trx, threadId))!;
  const sent = await disclose(ctx, loaded, grounds, thread, input.kind, input.sections, attachments, {
    parts,
    newThread: true,
  });
  return { thread: presentThread(actor, thread, loaded, await loadThreadParts(ctx, [thread])), ...sent };
}

/** A legal basis other than consent, decided by a team lead for one transfer (R-RED-1). */
export async function recordLegalBasis(ctx: RequestContext, caseId: string, input: RecordLegalBasisInput) {
  const loaded = await loadCase(ctx, caseId, 'case.read');
  const actor = await exchangeActor(ctx);
  authorizeExchange(actor, 'legal_basis.record', {
    type: 'legal_basis',
    organisationId: loaded.row.organisation_id,
    case: loaded,
  });
  const team = await repo.findTeam(ctx.trx, input.recipientTeamId);
  if (!team || !partnerKinds.includes(team.organisation_kind as never)) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'recipientTeamId',
          code: 'unknown_team',
          message: 'Bitte ein Team einer Partnerorganisation wählen.',
        },
      ],
    });
  }
  const { id } = await repo.insertLegalBasis(ctx.trx, {
    organisation_id: loaded.row.organisation_id,
    client_id: loaded.row.client_id,
    case_id: caseId,
    recipient_organisation_id: team.organisation_id,
    recipient_team_id: team.id,
    basis: input.basis,
    justification: input.justification,
    categories: input.categories,
    decided_by: ctx.actor.userId,
    decided_at: ctx.now,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'legal_basis.recorded',
    entityType: 'case',
    entityId: caseId,
    reason: input.justification,
    details: { legalBasisId: id, basis: input.basis, recipientOrganisationId: team.organisation_id },
  });
  return presentLegalBasis((await repo.findLegalBasis(ctx.trx, id))!);
}

function presentLegalBasis(row: repo.LegalBasisRow) {
  const term = legalBasesOtherThanConsent[row.basis as LegalBasis];
  return {
    id: row.id,
    caseId: row.case_id,
    recipient: {
      organisationId: row.recipient_organisation_id,
      organisationName: row.recipient_organisation_name,
      teamId: row.recipient_team_id,
      teamName: row.recipient_team_name,
    },
    basis: row.basis as LegalBasis,
    label: term.de,
    norm: term.basis,
    justification: row.justification,
    categories: row.categories as DataCategory[],
    decidedBy: { id: row.decided_by, name: row.decided_by_name },
    decidedAt: row.decided_at.toISOString(),
    usedAt: row.used_at?.toISOString() ?? null,
  };
}

/** A thread as the actor's side reaches it: the counselling side through its case. */
async function loadThread(ctx: RequestContext, id: string) {
  const row = await repo.findThread(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const actor = await exchangeActor(ctx);
  let loaded: LoadedCase | null = null;
  let caseRefusal: AppError | null = null;
  if (ctx.actor.organisationId === row.provider_organisation_id) {
    const link = await repo.threadCase(ctx.trx, id);
    if (link) {
      try {
        loaded = await loadCase(ctx, link.case_id, 'case.read');
      } catch (error) {
        // A central contact reaches a conflict's thread without reaching the case.
        if (!(error instanceof AppError)) throw error;
        caseRefusal = error;
      }
    }
  }
  /** Asks the policy; a colleague outside the caseload hears what the case would answer them. */
  const authorize = (action: ExchangeAction, resource: ExchangeResource = threadResource(row, loaded)) => {
    try {
      authorizeExchange(actor, action, resource);
    } catch (error) {
      throw caseRefusal && !canExchange(actor, 'thread.read', threadResource(row, loaded))
        ? caseRefusal
        : error;
    }
  };
  return { row, actor, loaded, authorize };
}

/**
 * A thread the counselling side may send on, with the person it is about: for delivering its
 * disclosures to a partner off the platform (modules/links). The exchange's policy decides.
 */
export async function threadForDelivery(ctx: RequestContext, id: string) {
  const { row, loaded, authorize } = await loadThread(ctx, id);
  if (ctx.actor.organisationId !== row.provider_organisation_id || !loaded) throw new AppError('not_found');
  authorize('disclosure.send');
  const parts = await providerParts(ctx, loaded);
  return {
    row,
    clientName: parts.clientName,
    birthDate: parts.client.birth_date,
    sender: parts.office ?? parts.provider,
  };
}

export async function getThread(ctx: RequestContext, id: string) {
  const { row, actor, loaded, authorize } = await loadThread(ctx, id);
  authorize('thread.read');
  const parts = await loadThreadParts(ctx, [row]);
  const view = presentThread(actor, row, loaded, parts);
  const partnerSide = ctx.actor.organisationId === row.partner_organisation_id;
  const caseWorker =
    (partnerSide && actor.teamIds.includes(row.partner_team_id)) || (!partnerSide && loaded !== null);
  if (!view.withdrawn && caseWorker) {
    const other = partnerSide ? row.provider_organisation_id : row.partner_organisation_id;
    await repo.markRead(ctx.trx, id, other, ctx.actor.userId, ctx.now);
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'thread.read',
    entityType: 'thread',
    entityId: id,
    details: { withdrawn: view.withdrawn },
  });
  return view;
}

/** An answer or a notice in a thread, from either side, checked against the consent. */
/** Who writes a partner's answer: an account of the partner, or the holder of a one-time link. */
export interface PartnerAuthor {
  userId: string | null;
  linkId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}

/**
 * Writes a message from the partner's side of a thread, in the current (partner) organisation's
 * context — only under a consent that covers this direction and every category (R-EXC-2).
 */
export async function answerFromPartner(
  ctx: Pick<RequestContext, 'trx' | 'audit' | 'now'> & { actor: { organisationId: string } },
  row: repo.ThreadRow,
  input: { kind: MessageKind; sections: PostMessageInput['sections'] },
  attachments: ReturnType<typeof decodeAttachments>,
  author: PartnerAuthor,
) {
  if (!row.consent_id) refuse({ reason: 'no_consent', missing: [] });
  const covered = [...input.sections, ...attachments];
  const consent = (await repo.partnerConsents(ctx.trx, [row.consent_id], true)).get(row.consent_id);
  const refusal = disclosureRefusal(consent && consentScope(consent, null), {
    clientId: null,
    providerOrganisationId: row.provider_organisation_id,
    partnerOrganisationId: row.partner_organisation_id,
    partnerTeamId: row.partner_team_id,
    direction: 'from_partner',
    purpose: consent?.purpose ?? 'other',
    categories: categoriesOf(covered, false),
    today: berlinToday(ctx.now),
  });
  if (refusal) refuse(refusal);
  const message = await repo.insertMessage(ctx.trx, {
    thread_id: row.id,
    provider_organisation_id: row.provider_organisation_id,
    partner_organisation_id: row.partner_organisation_id,
    author_organisation_id: ctx.actor.organisationId,
    author_user_id: author.userId,
    via_link_id: author.linkId,
    author_name: author.name,
    author_phone: author.phone,
    author_email: author.email,
    author_office: row.team_name,
    kind: input.kind,
    sections: input.sections,
    categories: categoriesOf(covered, false),
    consent_id: row.consent_id,
    sent_at: ctx.now,
  });
  await storeAttachments(ctx, message.id, row, attachments);
  await repo.touchThread(ctx.trx, row.id, ctx.now);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'message.sent',
    entityType: 'thread',
    entityId: row.id,
    details: { messageId: message.id, kind: input.kind },
  });
  return message;
}

export async function postMessage(ctx: RequestContext, id: string, input: PostMessageInput) {
  const { row, actor, loaded, authorize } = await loadThread(ctx, id);
  const partnerSide = ctx.actor.organisationId === row.partner_organisation_id;
  authorize(partnerSide ? 'message.send' : 'disclosure.send');
  const allowedKinds: readonly MessageKind[] = partnerSide ? partnerMessageKinds : providerMessageKinds;
  if (!allowedKinds.includes(input.kind)) {
    throw new AppError('validation_failed', {
      errors: [
        { path: 'kind', code: 'invalid_kind', message: 'Diese Art der Nachricht ist hier nicht möglich.' },
      ],
    });
  }
  const attachments = decodeAttachments(input.attachments);
  const covered = [...input.sections, ...input.attachments];
  if (!row.consent_id) refuse({ reason: 'no_consent', missing: [] });
  if (!partnerSide) {
    const consent = await repo.lockConsent(ctx.trx, row.consent_id);
    if (!consent || !loaded) refuse({ reason: 'no_consent', missing: [] });
    const refusal = disclosureRefusal(consentScope(consent, consent.client_id), {
      clientId: loaded.row.client_id,
      providerOrganisationId: row.provider_organisation_id,
      partnerOrganisationId: row.partner_organisation_id,
      partnerTeamId: row.partner_team_id,
      direction: 'to_partner',
      purpose: consent.purpose,
      categories: categoriesOf(covered, true),
      today: today(ctx),
    });
    if (refusal) refuse(refusal);
    const sent = await disclose(ctx, loaded, { consent }, row, input.kind, input.sections, attachments);
    const fresh = (await repo.findThread(ctx.trx, id))!;
    return { thread: presentThread(actor, fresh, loaded, await loadThreadParts(ctx, [fresh])), ...sent };
  }
  const author = await repo.author(ctx.trx, ctx.actor.userId);
  const message = await answerFromPartner(ctx, row, input, attachments, {
    userId: ctx.actor.userId,
    linkId: null,
    name: author?.display_name ?? '',
    phone: author?.phone ?? null,
    email: author?.email ?? null,
  });
  const fresh = (await repo.findThread(ctx.trx, id))!;
  return {
    thread: presentThread(actor, fresh, null, await loadThreadParts(ctx, [fresh])),
    messageId: message.id,
  };
}

/** An attachment, for whoever reads its thread — a partner not after a withdrawal. */
export async function attachment(ctx: RequestContext, id: string) {
  const row = await repo.findAttachment(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const { row: thread, actor, loaded, authorize } = await loadThread(ctx, row.thread_id);
  authorize('thread.read');
  const view = presentThread(actor, thread, loaded, await loadThreadParts(ctx, [thread]));
  if (view.withdrawn) throw new AppError('not_found');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'thread.read',
    entityType: 'thread',
    entityId: thread.id,
    details: { attachmentId: id },
  });
  return { bytes: row.content, contentType: row.content_type, filename: row.filename };
}

// ---------------------------------------------------------------------------------------------
// The partner's inbox

export async function inbox(ctx: RequestContext, page: { offset: number; limit: number }) {
  const actor = await exchangeActor(ctx);
  authorizeExchange(actor, 'inbox.read', { type: 'inbox', organisationId: ctx.actor.organisationId });
  const rows = await repo.inboxThreads(
    ctx.trx,
    ctx.actor.organisationId,
    actor.teamIds,
    ctx.actor.userId,
    page,
  );
  const consents = await consentsForThreads(ctx, rows);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'inbox.read',
    entityType: 'thread',
    details: { threads: rows.length },
  });
  const empty: ThreadParts = {
    today: today(ctx),
    consents,
    messages: [],
    attachments: [],
    conflicts: [],
    notes: [],
    contacts: [],
  };
  return {
    items: rows.map((row) => {
      const {
        messages: _m,
        conflicts: _c,
        centralContacts: _cc,
        ...summary
      } = presentThread(actor, row, null, empty);
      return { ...summary, unread: summary.withdrawn ? 0 : (row.unread ?? 0) };
    }),
    independenceNotice,
  };
}

// ---------------------------------------------------------------------------------------------
// Client copies

async function loadCopy(ctx: RequestContext, id: string, action: ExchangeAction) {
  const row = await repo.findCopy(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const loaded = await loadCase(ctx, row.case_id, 'case.read');
  authorizeExchange(await exchangeActor(ctx), action, {
    type: 'client_copy',
    organisationId: row.organisation_id,
    case: loaded,
  });
  return row;
}

export async function clientCopyPdf(ctx: RequestContext, id: string) {
  const row = await loadCopy(ctx, id, 'client_copy.print');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client_copy.printed',
    entityType: 'client_copy',
    entityId: id,
  });
  return row.pdf;
}

export async function recordHandover(ctx: RequestContext, id: string, method: string) {
  await loadCopy(ctx, id, 'client_copy.handover');
  const row = await repo.setHandover(ctx.trx, id, method, ctx.actor.userId, ctx.now);
  if (!row) throw new AppError('not_found');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client_copy.handed_over',
    entityType: 'client_copy',
    entityId: id,
    details: { method },
  });
  return {
    id: row.id,
    handover: method as 'in_person' | 'post' | 'email',
    handedOverAt: row.handed_over_at!.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Conflicts (R-EXC-3)

async function notifyCentralContacts(ctx: RequestContext, thread: repo.ThreadRow, subject: string) {
  if (!ctx.deps.mailer.configured) return;
  const contacts = await repo.contactsOf(ctx.trx, [
    thread.provider_organisation_id,
    thread.partner_organisation_id,
  ]);
  await sendQuietly(
    ctx,
    contacts.filter((c) => c.central_contact).map((c) => c.email),
    {
      subject,
      text:
        `In Koop gibt es einen Konflikt in der Zusammenarbeit zwischen ${thread.provider_name} und ` +
        `${thread.partner_name}, für den Sie als zentrale Ansprechperson benannt sind.\n\n` +
        `Bitte melden Sie sich an: ${ctx.deps.config.publicUrl}/konflikte\n\n` +
        'Diese E-Mail enthält aus Gründen des Datenschutzes keine Angaben zur Person.',
    },
  );
}

export async function raiseConflict(ctx: RequestContext, threadId: string, description: string) {
  const { row, actor, loaded } = await loadThread(ctx, threadId);
  authorizeExchange(actor, 'thread.read', threadResource(row, loaded));
  authorizeExchange(actor, 'conflict.raise', {
    type: 'conflict',
    parties: parties(row),
    case: loaded,
    status: 'open',
  });
  const author = await repo.author(ctx.trx, ctx.actor.userId);
  const { id } = await repo.insertConflict(ctx.trx, {
    thread_id: threadId,
    provider_organisation_id: row.provider_organisation_id,
    partner_organisation_id: row.partner_organisation_id,
    raised_by: ctx.actor.userId,
    raised_by_name: author?.display_name ?? '',
    raised_by_organisation_id: ctx.actor.organisationId,
    description,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'conflict.raised',
    entityType: 'conflict',
    entityId: id,
    details: { threadId },
  });
  await notifyCentralContacts(ctx, row, 'Koop: Ein Konflikt wurde gemeldet');
  return conflictView(ctx, id);
}

async function loadConflict(ctx: RequestContext, id: string) {
  const conflict = await repo.findConflict(ctx.trx, id);
  if (!conflict) throw new AppError('not_found');
  const { row, actor, loaded } = await loadThread(ctx, conflict.thread_id);
  const resource: ExchangeResource = {
    type: 'conflict',
    parties: parties(row),
    case: loaded,
    status: conflict.status as 'open' | 'resolved',
  };
  return { conflict, thread: row, actor, loaded, resource };
}

async function conflictView(ctx: RequestContext, id: string) {
  const { conflict, thread, actor, loaded } = await loadConflict(ctx, id);
  return presentConflict(actor, conflict, thread, loaded, await repo.conflictNotes(ctx.trx, [id]));
}

export async function noteConflict(ctx: RequestContext, id: string, text: string) {
  const { conflict, actor, resource } = await loadConflict(ctx, id);
  authorizeExchange(actor, 'conflict.note', resource);
  const author = await repo.author(ctx.trx, ctx.actor.userId);
  await repo.insertConflictNote(ctx.trx, {
    conflict_id: id,
    provider_organisation_id: conflict.provider_organisation_id,
    partner_organisation_id: conflict.partner_organisation_id,
    author_organisation_id: ctx.actor.organisationId,
    author_user_id: ctx.actor.userId,
    author_name: author?.display_name ?? '',
    text,
  });
  await recordAudit(ctx.trx, ctx.audit, { action: 'conflict.noted', entityType: 'conflict', entityId: id });
  return conflictView(ctx, id);
}

export async function resolveConflict(ctx: RequestContext, id: string, outcome: string, version: number) {
  const { actor, resource, thread } = await loadConflict(ctx, id);
  authorizeExchange(actor, 'conflict.resolve', resource);
  const updated = await repo.resolveConflict(ctx.trx, id, version, outcome, ctx.actor.userId, ctx.now);
  if (!updated) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'conflict.resolved',
    entityType: 'conflict',
    entityId: id,
  });
  await notifyCentralContacts(ctx, thread, 'Koop: Ein Konflikt wurde gelöst');
  return conflictView(ctx, id);
}

/** The conflicts the actor may see: central contacts all of their organisation's, case workers their own. */
export async function listConflicts(ctx: RequestContext, status: 'open' | 'resolved' | undefined) {
  const actor = await exchangeActor(ctx);
  const conflicts = await repo.conflictsOfOrganisation(ctx.trx, status);
  const threadIds = [...new Set(conflicts.map((c) => c.thread_id))];
  const views = [];
  for (const threadId of threadIds) {
    const { row, loaded } = await loadThread(ctx, threadId);
    const own = conflicts.filter((c) => c.thread_id === threadId);
    const visible = own.filter((c) =>
      canExchange(actor, 'conflict.list', {
        type: 'conflict',
        parties: parties(row),
        case: loaded,
        status: c.status as 'open' | 'resolved',
      }),
    );
    if (visible.length === 0) continue;
    const parts = await loadThreadParts(ctx, [row]);
    const {
      messages: _m,
      conflicts: presented,
      centralContacts: _cc,
      ...thread
    } = presentThread(actor, row, loaded, parts);
    for (const c of presented.filter((p) => visible.some((v) => v.id === p.id))) views.push({ ...c, thread });
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'conflict.read',
    entityType: 'conflict',
    details: { count: views.length },
  });
  return { items: views };
}

/** Everything the client's Art. 15 document lists about consents and disclosures (R-CON-5). */
export async function exchangeOfClient(ctx: RequestContext, clientId: string) {
  const [consents, threads] = await Promise.all([
    repo.consentsOfClient(ctx.trx, clientId),
    repo.threadsOfClient(ctx.trx, clientId),
  ]);
  const messages = await repo.messagesOf(
    ctx.trx,
    threads.map((t) => t.id),
  );
  return {
    consents: consents.map((c) => ({
      recipient: `${c.recipient_organisation_name}, ${c.recipient_team_name}`,
      purpose: purposeOf(c),
      categories: c.categories as DataCategory[],
      direction: c.direction as ConsentDirection,
      validFrom: c.valid_from,
      validUntil: c.valid_until,
      givenAt: c.given_at.toISOString(),
      withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
    })),
    disclosures: messages
      .filter(
        (m) =>
          m.author_organisation_id !== threads.find((t) => t.id === m.thread_id)?.partner_organisation_id,
      )
      .map((m) => {
        const thread = threads.find((t) => t.id === m.thread_id)!;
        return {
          recipient: `${thread.partner_name}, ${thread.team_name}`,
          kind: m.kind as MessageKind,
          categories: m.categories as DataCategory[],
          sentAt: m.sent_at.toISOString(),
          sender: m.author_name,
        };
      }),
  };
}
