import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { berlinToday } from '../directory/schedule.ts';
import type { OrganisationKind } from '../../policy/roles.ts';
import { findUser } from '../users/users.repository.ts';
import { applyTransition, possibleTransitions, type LifecycleEvent } from './agreements.lifecycle.ts';
import { buildInvitation, meetingKindTitles, meetingSchedule } from './agreements.meetings.ts';
import { fillBlanks, renderAgreementPdf } from './agreements.pdf.ts';
import {
  allowedAgreementActions,
  authorizeAgreement,
  canAgreement,
  partnerKindsOfAgreements,
  type AgreementAction,
  type AgreementResource,
} from './agreements.policy.ts';
import * as repo from './agreements.repository.ts';
import {
  agreementActions,
  type ActionInput,
  type AddClauseInput,
  type AddPersonInput,
  type AgreementView,
  type CreateAgreementInput,
  type PlanMeetingInput,
  type TransitionInput,
  type UpdateAgreementInput,
  type UpdateClauseInput,
  type UpdateMeetingInput,
} from './agreements.schemas.ts';
import { agreementTemplates } from './agreements.templates.ts';
import type {
  AgreementModel,
  AgreementStatus,
  AgreementTransition,
  ArrangementForm,
  MeetingKind,
  MeetingStatus,
  PartyPersonRole,
  PartySide,
} from './agreements.values.ts';

/**
 * Cooperation agreements and their meetings (R-AGR-1..7, R-ORG-3): load → authorize → change →
 * audit → present. The agreement's text lives in `agreement_clauses`, one full set per version;
 * every change of a clause writes the next version, so a signed agreement keeps the words it was
 * signed with and any two versions compare side by side.
 */

const modelNames: Record<AgreementModel, string> = {
  abh_clearing: 'Kooperationsvereinbarung mit Clearingstelle',
  abh: 'Kooperationsvereinbarung',
  course_provider: 'Kooperationsvereinbarung',
  jobcenter: 'Kooperationsvereinbarung',
  free: 'Kooperationsvereinbarung',
  informal: 'Kooperationsabsprache',
};

const today = (ctx: RequestContext) => berlinToday(ctx.now);

async function actorName(ctx: RequestContext): Promise<string> {
  const user = await findUser(ctx.trx, ctx.actor.userId);
  return user?.display_name ?? '';
}

interface Loaded {
  row: repo.AgreementRow;
  parties: Awaited<ReturnType<typeof repo.partiesOf>>;
  resource: AgreementResource & { type: 'agreement' };
}

async function load(ctx: RequestContext, id: string, action: AgreementAction, lock = false): Promise<Loaded> {
  const row = await repo.findAgreement(ctx.trx, id, lock);
  if (!row) throw new AppError('not_found');
  const parties = await repo.partiesOf(ctx.trx, [id]);
  const mine = parties.find((p) => p.organisation_id === ctx.actor.organisationId);
  const resource = {
    type: 'agreement',
    memberOrganisationId: mine ? mine.organisation_id : null,
    side: mine ? (mine.side as PartySide) : null,
    status: row.status as AgreementStatus,
  } as const;
  authorizeAgreement(ctx.actor, action, resource);
  return { row, parties, resource };
}

async function audit(
  ctx: RequestContext,
  action: Parameters<typeof recordAudit>[2]['action'],
  id: string,
  details: Record<string, string | number | boolean | null> = {},
  entityType: 'agreement' | 'meeting' = 'agreement',
) {
  await recordAudit(ctx.trx, ctx.audit, { action, entityType, entityId: id, details });
}

// ---------------------------------------------------------------------------------------------
// Presenting

function presentMeetings(
  ctx: RequestContext,
  meetings: Awaited<ReturnType<typeof repo.meetingsOf>>,
  attendees: Awaited<ReturnType<typeof repo.attendeesOf>>,
  actions: Awaited<ReturnType<typeof repo.actionsOf>>,
): AgreementView['meetings'] {
  const day = today(ctx);
  return meetings.map((m) => ({
    id: m.id,
    kind: m.kind as MeetingKind,
    title: m.title,
    startsAt: m.starts_at.toISOString(),
    durationMinutes: m.duration_minutes,
    location: m.location,
    audience: m.audience,
    status: m.status as MeetingStatus,
    minutes: m.minutes,
    invitedAt: m.invited_at ? m.invited_at.toISOString() : null,
    version: m.version,
    attendees: attendees
      .filter((a) => a.meeting_id === m.id)
      .map((a) => ({ id: a.id, name: a.name, email: a.email })),
    actions: actions
      .filter((a) => a.meeting_id === m.id)
      .map((a) => ({
        id: a.id,
        title: a.title,
        ownerName: a.owner_name,
        ownerUserId: a.owner_user_id,
        dueOn: a.due_on,
        doneAt: a.done_at ? a.done_at.toISOString() : null,
        overdue: a.done_at === null && a.due_on < day,
      })),
  }));
}

async function present(ctx: RequestContext, id: string): Promise<AgreementView> {
  const row = await repo.findAgreement(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const [parties, people, clauses, comments, transitions, scan, meetings] = await Promise.all([
    repo.partiesOf(ctx.trx, [id]),
    repo.peopleOf(ctx.trx, id),
    repo.clausesOf(ctx.trx, id, row.clause_version),
    repo.commentsOf(ctx.trx, id),
    repo.transitionsOf(ctx.trx, id),
    repo.scanInfo(ctx.trx, id),
    repo.meetingsOf(ctx.trx, id),
  ]);
  const meetingIds = meetings.map((m) => m.id);
  const [attendees, actions] = await Promise.all([
    repo.attendeesOf(ctx.trx, meetingIds),
    repo.actionsOf(ctx.trx, meetingIds),
  ]);
  const mine = parties.find((p) => p.organisation_id === ctx.actor.organisationId);
  const resource: AgreementResource = {
    type: 'agreement',
    memberOrganisationId: mine ? mine.organisation_id : null,
    side: mine ? (mine.side as PartySide) : null,
    status: row.status as AgreementStatus,
  };
  const allowed = allowedAgreementActions(
    ctx.actor,
    resource,
    agreementActions,
  ) as (typeof agreementActions)[number][];
  const hours = row.clearing_hours_per_week;
  return {
    id: row.id,
    model: row.model as AgreementModel,
    title: row.title,
    place: row.place,
    status: row.status as AgreementStatus,
    arrangementForm: row.arrangement_form as ArrangementForm | null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    responsibilitiesProvider: row.responsibilities_provider,
    responsibilitiesPartner: row.responsibilities_partner,
    clearingDaysPerWeek: row.clearing_days_per_week,
    clearingHoursPerWeek: hours === null ? null : Number(hours),
    premises: row.premises,
    communication: row.communication as AgreementView['communication'],
    renewal: row.renewal,
    version: row.version,
    clauseVersion: row.clause_version,
    signedVersion: row.signed_version,
    parties: parties.map((p) => ({
      id: p.id,
      organisationId: p.organisation_id,
      name: p.name,
      kind: p.kind as OrganisationKind,
      side: p.side as PartySide,
      people: people
        .filter((person) => person.party_id === p.id)
        .map((person) => ({
          id: person.id,
          role: person.role as PartyPersonRole,
          name: person.name,
          function: person.function,
          email: person.email,
          phone: person.phone,
        })),
    })),
    clauses: clauses.map(presentClause),
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.author_name,
      organisationName: c.organisation_name,
      clauseId: c.clause_id,
      body: c.body,
      createdAt: c.created_at.toISOString(),
    })),
    transitions: transitions.map((t) => ({
      id: t.id,
      transition: t.transition as AgreementTransition,
      fromStatus: t.from_status as AgreementStatus,
      toStatus: t.to_status as AgreementStatus,
      reason: t.reason,
      actorName: t.actor_name,
      onDate: t.on_date,
      at: t.at.toISOString(),
    })),
    scan: scan
      ? {
          fileName: scan.file_name,
          mediaType: scan.media_type,
          size: scan.size,
          uploadedAt: scan.uploaded_at.toISOString(),
        }
      : null,
    meetings: presentMeetings(ctx, meetings, attendees, actions),
    possibleTransitions: allowed.includes('agreement.transition')
      ? possibleTransitions({
          model: row.model as AgreementModel,
          status: row.status as AgreementStatus,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
        })
      : [],
    allowedActions: allowed,
  };
}

function presentClause(c: repo.ClauseRow) {
  return {
    id: c.clause_id,
    position: c.position,
    title: c.title,
    text: c.text,
    selected: c.selected,
    own: c.own,
  };
}

// ---------------------------------------------------------------------------------------------
// Templates, list, start

export function templates() {
  return {
    items: Object.values(agreementTemplates).map((t) => ({
      model: t.model,
      title: t.title,
      description: t.description,
      signed: t.signed,
      clauses: t.clauses.map((c) => ({
        id: c.id,
        title: c.title,
        text: c.text,
        selected: c.selected,
        placeholders: [...c.placeholders],
      })),
      meetings: [...t.meetings],
    })),
  };
}

function ownAgreements(ctx: RequestContext): AgreementResource {
  return {
    type: 'agreements',
    organisationId: ctx.actor.organisationId,
    organisationKind: ctx.actor.organisationKind,
  };
}

export async function list(ctx: RequestContext) {
  authorizeAgreement(ctx.actor, 'agreement.list', ownAgreements(ctx));
  const rows = await repo.listAgreements(ctx.trx);
  const parties = await repo.partiesOf(
    ctx.trx,
    rows.map((r) => r.id),
  );
  const canCreate = canAgreement(ctx.actor, 'agreement.create', ownAgreements(ctx));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'agreement.listed',
    entityType: 'agreement',
    details: { count: rows.length },
  });
  return {
    items: rows
      // only the agreements the organisation is a party of
      .filter((r) =>
        parties.some((p) => p.agreement_id === r.id && p.organisation_id === ctx.actor.organisationId),
      )
      .map((r) => ({
        id: r.id,
        model: r.model as AgreementModel,
        title: r.title,
        status: r.status as AgreementStatus,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        parties: parties
          .filter((p) => p.agreement_id === r.id)
          .map((p) => ({ organisationId: p.organisation_id, name: p.name, side: p.side as PartySide })),
      })),
    canCreate,
    organisations: canCreate
      ? (await repo.partyCandidates(ctx.trx)).map((o) => ({ ...o, kind: o.kind as OrganisationKind }))
      : [],
  };
}

async function checkParty(ctx: RequestContext, organisationId: string, side: PartySide) {
  const candidates = await repo.partyCandidates(ctx.trx);
  const org = candidates.find((c) => c.id === organisationId);
  const fits =
    org !== undefined &&
    (side === 'provider'
      ? org.kind === 'welfare_provider'
      : partnerKindsOfAgreements.includes(org.kind as OrganisationKind));
  if (!fits) throw new AppError('agreement_party_invalid');
}

export async function create(ctx: RequestContext, input: CreateAgreementInput) {
  authorizeAgreement(ctx.actor, 'agreement.create', ownAgreements(ctx));
  const template = agreementTemplates[input.model];
  await checkParty(ctx, input.partnerOrganisationId, 'partner');
  const providers = [
    ctx.actor.organisationId,
    ...input.providerOrganisationIds.filter((p) => p !== ctx.actor.organisationId),
  ];
  for (const p of new Set(providers)) await checkParty(ctx, p, 'provider');
  const id = randomUUID();
  await repo.insertAgreement(ctx.trx, {
    id,
    model: input.model,
    title: input.title ?? template.title,
    place: input.place ?? null,
    arrangement_form: input.model === 'informal' ? (input.arrangementForm ?? 'written') : null,
    communication: JSON.stringify(template.meetings),
    created_by_organisation_id: ctx.actor.organisationId,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  for (const organisationId of new Set(providers)) {
    await repo.insertParty(ctx.trx, {
      id: randomUUID(),
      agreement_id: id,
      organisation_id: organisationId,
      side: 'provider',
    });
  }
  await repo.insertParty(ctx.trx, {
    id: randomUUID(),
    agreement_id: id,
    organisation_id: input.partnerOrganisationId,
    side: 'partner',
  });
  // the template's texts are copied: a later change of the template never reaches this agreement
  await repo.insertClauses(
    ctx.trx,
    template.clauses.map((c, position) => ({
      agreement_id: id,
      clause_version: 1,
      clause_id: c.id,
      position,
      title: c.title,
      text: c.text,
      selected: c.selected,
      own: false,
    })),
  );
  await audit(ctx, 'agreement.created', id, { model: input.model, parties: providers.length + 1 });
  return present(ctx, id);
}

export async function get(ctx: RequestContext, id: string) {
  await load(ctx, id, 'agreement.read');
  await audit(ctx, 'agreement.read', id);
  return present(ctx, id);
}

async function bump(
  ctx: RequestContext,
  loaded: Loaded,
  version: number,
  values: Parameters<typeof repo.updateAgreement>[3],
) {
  const ok = await repo.updateAgreement(ctx.trx, loaded.row.id, version, { ...values, updated_at: ctx.now });
  if (!ok) throw new AppError('version_conflict');
}

export async function update(ctx: RequestContext, id: string, input: UpdateAgreementInput) {
  const loaded = await load(ctx, id, 'agreement.edit', true);
  if (
    input.arrangementForm !== undefined &&
    input.arrangementForm !== null &&
    loaded.row.model !== 'informal'
  ) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'arrangementForm',
          code: 'informal_only',
          message: 'Nur eine Kooperationsabsprache ist schriftlich oder mündlich.',
        },
      ],
    });
  }
  const { version, communication, ...rest } = input;
  const values = {
    ...(rest.title !== undefined ? { title: rest.title } : {}),
    ...(rest.place !== undefined ? { place: rest.place } : {}),
    ...(rest.responsibilitiesProvider !== undefined
      ? { responsibilities_provider: rest.responsibilitiesProvider }
      : {}),
    ...(rest.responsibilitiesPartner !== undefined
      ? { responsibilities_partner: rest.responsibilitiesPartner }
      : {}),
    ...(rest.clearingDaysPerWeek !== undefined ? { clearing_days_per_week: rest.clearingDaysPerWeek } : {}),
    ...(rest.clearingHoursPerWeek !== undefined
      ? { clearing_hours_per_week: rest.clearingHoursPerWeek }
      : {}),
    ...(rest.premises !== undefined ? { premises: rest.premises } : {}),
    ...(rest.renewal !== undefined ? { renewal: rest.renewal } : {}),
    ...(rest.arrangementForm !== undefined ? { arrangement_form: rest.arrangementForm } : {}),
    ...(communication !== undefined ? { communication: JSON.stringify(communication) } : {}),
  };
  await bump(ctx, loaded, version, values);
  await audit(ctx, 'agreement.updated', id, { fields: Object.keys(values).join(',') });
  return present(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Clauses: tick, edit, extend, add own; every change is a new version

async function newClauseVersion(
  ctx: RequestContext,
  loaded: Loaded,
  version: number,
  change: (clauses: repo.ClauseRow[]) => repo.ClauseRow[],
) {
  const current = await repo.clausesOf(ctx.trx, loaded.row.id, loaded.row.clause_version);
  const next = loaded.row.clause_version + 1;
  await bump(ctx, loaded, version, { clause_version: next });
  await repo.insertClauses(
    ctx.trx,
    change(current).map((c, position) => ({
      agreement_id: loaded.row.id,
      clause_version: next,
      clause_id: c.clause_id,
      position,
      title: c.title,
      text: c.text,
      selected: c.selected,
      own: c.own,
    })),
  );
  return next;
}

export async function updateClause(
  ctx: RequestContext,
  id: string,
  clauseId: string,
  input: UpdateClauseInput,
) {
  const loaded = await load(ctx, id, 'agreement.edit', true);
  const current = await repo.clausesOf(ctx.trx, id, loaded.row.clause_version);
  if (!current.some((c) => c.clause_id === clauseId)) throw new AppError('not_found');
  const next = await newClauseVersion(ctx, loaded, input.version, (clauses) =>
    clauses.map((c) =>
      c.clause_id === clauseId
        ? {
            ...c,
            selected: input.selected ?? c.selected,
            title: input.title ?? c.title,
            text: input.text ?? c.text,
          }
        : c,
    ),
  );
  await audit(ctx, 'agreement.clause_changed', id, { clause: clauseId, clauseVersion: next });
  return present(ctx, id);
}

export async function addClause(ctx: RequestContext, id: string, input: AddClauseInput) {
  const loaded = await load(ctx, id, 'agreement.edit', true);
  const clauseId = `own.${randomUUID().slice(0, 8)}`;
  const next = await newClauseVersion(ctx, loaded, input.version, (clauses) => [
    ...clauses,
    {
      clause_id: clauseId,
      position: clauses.length,
      title: input.title,
      text: input.text,
      selected: true,
      own: true,
    },
  ]);
  await audit(ctx, 'agreement.clause_changed', id, { clause: clauseId, clauseVersion: next, added: true });
  return present(ctx, id);
}

export async function compare(ctx: RequestContext, id: string, from: number, to: number) {
  const loaded = await load(ctx, id, 'agreement.read');
  if (from > loaded.row.clause_version || to > loaded.row.clause_version) throw new AppError('not_found');
  const [a, b] = await Promise.all([repo.clausesOf(ctx.trx, id, from), repo.clausesOf(ctx.trx, id, to)]);
  const ids = [...new Set([...a.map((c) => c.clause_id), ...b.map((c) => c.clause_id)])];
  await audit(ctx, 'agreement.versions_compared', id, { from, to });
  return {
    from,
    to,
    rows: ids.map((clauseId) => {
      const left = a.find((c) => c.clause_id === clauseId);
      const right = b.find((c) => c.clause_id === clauseId);
      return {
        clauseId,
        from: left ? presentClause(left) : null,
        to: right ? presentClause(right) : null,
        changed:
          !left ||
          !right ||
          left.text !== right.text ||
          left.title !== right.title ||
          left.selected !== right.selected,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Parties and people (R-AGR-1, R-ORG-3)

export async function addParty(ctx: RequestContext, id: string, organisationId: string) {
  const loaded = await load(ctx, id, 'agreement.edit', true);
  await checkParty(ctx, organisationId, 'provider');
  if (loaded.parties.some((p) => p.organisation_id === organisationId))
    throw new AppError('agreement_party_invalid');
  await repo.insertParty(ctx.trx, {
    id: randomUUID(),
    agreement_id: id,
    organisation_id: organisationId,
    side: 'provider',
  });
  await audit(ctx, 'agreement.party_changed', id, { added: organisationId });
  return present(ctx, id);
}

export async function removeParty(ctx: RequestContext, id: string, partyId: string) {
  const loaded = await load(ctx, id, 'agreement.edit', true);
  const party = loaded.parties.find((p) => p.id === partyId);
  if (!party) throw new AppError('not_found');
  // the partner stays, and so does the organisation removing (it would lose the agreement)
  if (party.side === 'partner' || party.organisation_id === ctx.actor.organisationId) {
    throw new AppError('agreement_party_invalid');
  }
  await repo.deleteParty(ctx.trx, id, partyId);
  await audit(ctx, 'agreement.party_changed', id, { removed: party.organisation_id });
  return present(ctx, id);
}

export async function addPerson(ctx: RequestContext, id: string, input: AddPersonInput) {
  const loaded = await load(ctx, id, 'agreement.contacts');
  const party = loaded.parties.find((p) => p.id === input.partyId);
  if (!party) throw new AppError('not_found');
  await repo.insertPerson(ctx.trx, {
    id: randomUUID(),
    agreement_id: id,
    party_id: party.id,
    role: input.role,
    name: input.name,
    function: input.function ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
  await audit(ctx, 'agreement.contact_changed', id, { role: input.role, party: party.organisation_id });
  return present(ctx, id);
}

export async function removePerson(ctx: RequestContext, id: string, personId: string) {
  await load(ctx, id, 'agreement.contacts');
  if (!(await repo.deletePerson(ctx.trx, id, personId))) throw new AppError('not_found');
  await audit(ctx, 'agreement.contact_changed', id, { removed: personId });
  return present(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Comments and transitions

export async function comment(
  ctx: RequestContext,
  id: string,
  input: { body: string; clauseId?: string | undefined },
) {
  const loaded = await load(ctx, id, 'agreement.comment');
  if (input.clauseId !== undefined) {
    const clauses = await repo.clausesOf(ctx.trx, id, loaded.row.clause_version);
    if (!clauses.some((c) => c.clause_id === input.clauseId)) throw new AppError('not_found');
  }
  await repo.insertComment(ctx.trx, {
    id: randomUUID(),
    agreement_id: id,
    organisation_id: ctx.actor.organisationId,
    author_user_id: ctx.actor.userId,
    author_name: await actorName(ctx),
    clause_id: input.clauseId ?? null,
    body: input.body,
    created_at: ctx.now,
  });
  await audit(ctx, 'agreement.commented', id, { clause: input.clauseId ?? null });
  return present(ctx, id);
}

function eventOf(input: TransitionInput): LifecycleEvent {
  switch (input.transition) {
    case 'activate':
      return {
        type: 'activate',
        ...(input.startsOn ? { startsOn: input.startsOn } : {}),
        ...(input.endsOn ? { endsOn: input.endsOn } : {}),
      };
    case 'terminate':
      return { type: 'terminate', reason: input.reason ?? '' };
    case 'start_negotiation':
    case 'sign':
    case 'mark_renewal_due':
    case 'renew':
    case 'expire':
      return { type: input.transition };
  }
}

export async function transition(ctx: RequestContext, id: string, input: TransitionInput) {
  const loaded = await load(ctx, id, 'agreement.transition', true);
  const { row } = loaded;
  const result = applyTransition(
    {
      model: row.model as AgreementModel,
      status: row.status as AgreementStatus,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    },
    eventOf(input),
    ctx.actor.userId,
    today(ctx),
  );
  if (!result.ok) throw new AppError(result.refusal);
  await bump(ctx, loaded, input.version, {
    status: result.state.status,
    starts_on: result.state.startsOn,
    ends_on: result.state.endsOn,
    ...(input.transition === 'sign' ? { signed_version: row.clause_version } : {}),
  });
  await repo.insertTransition(ctx.trx, {
    id: randomUUID(),
    agreement_id: id,
    organisation_id: ctx.actor.organisationId,
    transition: result.record.transition,
    from_status: result.record.fromStatus,
    to_status: result.record.toStatus,
    reason: result.record.reason,
    actor_user_id: ctx.actor.userId,
    actor_name: await actorName(ctx),
    on_date: result.record.on,
    at: ctx.now,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'agreement.transitioned',
    entityType: 'agreement',
    entityId: id,
    reason: result.record.reason,
    details: { transition: input.transition, from: row.status, to: result.state.status },
  });
  return present(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// The signable PDF and the signed scan (R-AGR-5)

export async function pdf(ctx: RequestContext, id: string) {
  const loaded = await load(ctx, id, 'agreement.print');
  const view = await present(ctx, id);
  const providers = view.parties.filter((p) => p.side === 'provider');
  const partner = view.parties.find((p) => p.side === 'partner');
  const signatories = view.parties.flatMap((p) =>
    p.people
      .filter((person) => person.role === 'signatory')
      .map((person) => ({ name: person.name, function: person.function ?? '', organisation: p.name })),
  );
  const fields: { label: string; value: string }[] = [];
  if (view.responsibilitiesProvider)
    fields.push({ label: 'Aufgaben der Träger', value: view.responsibilitiesProvider });
  if (view.responsibilitiesPartner)
    fields.push({ label: 'Aufgaben des Partners', value: view.responsibilitiesPartner });
  if (view.clearingDaysPerWeek !== null || view.clearingHoursPerWeek !== null) {
    fields.push({
      label: 'Besetzung der Clearingstelle',
      value: `${view.clearingDaysPerWeek ?? '…'} Tage, ${view.clearingHoursPerWeek ?? '…'} Stunden in der Woche`,
    });
  }
  if (view.premises) fields.push({ label: 'Räumlichkeiten', value: view.premises });
  if (view.communication.length > 0) {
    fields.push({
      label: 'Kommunikationsstruktur',
      value: view.communication.map((c) => `${meetingKindTitles[c.kind]}: ${c.perYear}× im Jahr`).join('; '),
    });
  }
  if (view.startsOn)
    fields.push({ label: 'Laufzeit', value: `${view.startsOn} bis ${view.endsOn ?? 'offen'}` });
  if (view.renewal) fields.push({ label: 'Verlängerung', value: view.renewal });
  const bytes = await renderAgreementPdf({
    title: view.title,
    kindLine: modelNames[view.model],
    providers: providers.map((p) => p.name),
    partner: partner?.name ?? '',
    clauses: view.clauses
      .filter((c) => c.selected)
      .map((c) => ({ title: c.title, text: fillBlanks(c.text) })),
    fields,
    signatories:
      signatories.length > 0 || loaded.row.model === 'informal'
        ? signatories
        : view.parties.map((p) => ({ name: '', function: '', organisation: p.name })),
    footer: `${view.title} · Fassung ${view.clauseVersion}`,
  });
  await audit(ctx, 'agreement.printed', id, { clauseVersion: view.clauseVersion });
  return { pdf: bytes, fileName: `kooperationsvereinbarung-${id.slice(0, 8)}.pdf` };
}

const scanTypes = new Set(['application/pdf', 'image/png', 'image/jpeg']);
export const scanMaxBytes = 8 * 1024 * 1024;

export async function uploadScan(
  ctx: RequestContext,
  id: string,
  upload: { filename: string; bytes: Buffer },
) {
  await load(ctx, id, 'agreement.upload_scan');
  if (upload.bytes.length > scanMaxBytes) throw new AppError('file_too_large');
  const detected = await fileTypeFromBuffer(upload.bytes);
  if (!detected || !scanTypes.has(detected.mime)) throw new AppError('file_type_not_allowed');
  const fileName = upload.filename.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 200) || 'scan';
  await repo.saveScan(ctx.trx, {
    agreement_id: id,
    file_name: fileName,
    media_type: detected.mime,
    content: upload.bytes,
    uploaded_by: ctx.actor.userId,
  });
  await audit(ctx, 'agreement.scan_uploaded', id, { mediaType: detected.mime, size: upload.bytes.length });
  return present(ctx, id);
}

export async function readScan(ctx: RequestContext, id: string) {
  await load(ctx, id, 'agreement.read');
  const scan = await repo.scanContent(ctx.trx, id);
  if (!scan) throw new AppError('not_found');
  await audit(ctx, 'agreement.scan_read', id);
  return { fileName: scan.file_name, mediaType: scan.media_type, content: Buffer.from(scan.content) };
}

// ---------------------------------------------------------------------------------------------
// Meetings (R-AGR-6, R-AGR-7)

export async function schedule(ctx: RequestContext, id: string, year: number) {
  const loaded = await load(ctx, id, 'meeting.plan');
  const existing = await repo.meetingsOf(ctx.trx, id);
  const communication = loaded.row.communication as { kind: MeetingKind; perYear: number }[];
  const planned = meetingSchedule(communication, year);
  // a second run for the same year adds only what is still missing
  const taken = new Map<string, number>();
  for (const m of existing) {
    if (m.starts_at.getUTCFullYear() !== year) continue;
    taken.set(m.kind, (taken.get(m.kind) ?? 0) + 1);
  }
  const fresh = planned.filter((m) => {
    const left = taken.get(m.kind) ?? 0;
    if (left > 0) {
      taken.set(m.kind, left - 1);
      return false;
    }
    return true;
  });
  await repo.insertMeetings(
    ctx.trx,
    fresh.map((m) => ({
      id: randomUUID(),
      agreement_id: id,
      kind: m.kind,
      title: m.title,
      starts_at: m.startsAt,
      created_by_organisation_id: ctx.actor.organisationId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })),
  );
  await audit(ctx, 'meeting.planned', id, { year, meetings: fresh.length });
  return present(ctx, id);
}

export async function planMeeting(ctx: RequestContext, id: string, input: PlanMeetingInput) {
  await load(ctx, id, 'meeting.plan');
  const meetingId = randomUUID();
  await repo.insertMeetings(ctx.trx, [
    {
      id: meetingId,
      agreement_id: id,
      kind: input.kind,
      title: input.title,
      starts_at: new Date(input.startsAt),
      duration_minutes: input.durationMinutes,
      location: input.location ?? null,
      audience: input.audience ?? null,
      created_by_organisation_id: ctx.actor.organisationId,
      created_at: ctx.now,
      updated_at: ctx.now,
    },
  ]);
  await audit(ctx, 'meeting.planned', meetingId, { kind: input.kind }, 'meeting');
  return present(ctx, id);
}

async function loadMeeting(ctx: RequestContext, meetingId: string, action: AgreementAction) {
  const meeting = await repo.findMeeting(ctx.trx, meetingId);
  if (!meeting) throw new AppError('not_found');
  const loaded = await load(ctx, meeting.agreement_id, action);
  return { meeting, loaded };
}

export async function updateMeeting(ctx: RequestContext, meetingId: string, input: UpdateMeetingInput) {
  const { meeting } = await loadMeeting(ctx, meetingId, 'meeting.record');
  const ok = await repo.updateMeeting(ctx.trx, meetingId, input.version, {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
    ...(input.location !== undefined ? { location: input.location } : {}),
    ...(input.startsAt !== undefined ? { starts_at: new Date(input.startsAt) } : {}),
  });
  if (!ok) throw new AppError('version_conflict');
  if (input.attendees !== undefined) {
    await repo.replaceAttendees(
      ctx.trx,
      meeting.agreement_id,
      meetingId,
      input.attendees.map((a) => ({ id: randomUUID(), name: a.name, email: a.email ?? null })),
    );
  }
  await audit(ctx, 'meeting.updated', meetingId, { status: input.status ?? null }, 'meeting');
  return present(ctx, meeting.agreement_id);
}

async function invitationOf(ctx: RequestContext, meeting: repo.MeetingRow, agreementTitle: string) {
  const attendees = (await repo.attendeesOf(ctx.trx, [meeting.id])).filter(
    (a): a is typeof a & { email: string } => a.email !== null,
  );
  const ics = buildInvitation({
    id: meeting.id,
    title: meeting.title,
    agreementTitle,
    startsAt: meeting.starts_at,
    durationMinutes: meeting.duration_minutes,
    location: meeting.location,
    organiser: {
      name: 'Koop',
      email: /<([^>]+)>/.exec(ctx.deps.config.mailFrom)?.[1] ?? ctx.deps.config.mailFrom,
    },
    attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
    url: `${ctx.deps.config.publicUrl}/kooperationen/${meeting.agreement_id}`,
    now: ctx.now,
    sequence: meeting.version,
  });
  return { ics, attendees };
}

export async function invitationIcs(ctx: RequestContext, meetingId: string) {
  const { meeting, loaded } = await loadMeeting(ctx, meetingId, 'agreement.read');
  const { ics } = await invitationOf(ctx, meeting, loaded.row.title);
  await audit(ctx, 'meeting.invited', meetingId, { downloaded: true }, 'meeting');
  return ics;
}

/** Sends the invitation with the .ics to every attendee with an e-mail address. */
export async function invite(ctx: RequestContext, meetingId: string) {
  const { meeting, loaded } = await loadMeeting(ctx, meetingId, 'meeting.plan');
  const { ics, attendees } = await invitationOf(ctx, meeting, loaded.row.title);
  let sent = 0;
  for (const a of attendees) {
    const ok = await ctx.deps.mailer.send({
      to: a.email,
      subject: `Einladung: ${meeting.title}`,
      text: `Guten Tag ${a.name},\n\nSie sind eingeladen: ${meeting.title}\nKooperation: ${loaded.row.title}\n\nDie Einladung liegt als Kalendereintrag bei.\n${ctx.deps.config.publicUrl}/kooperationen/${meeting.agreement_id}`,
      language: 'de',
      attachments: [
        {
          filename: 'einladung.ics',
          content: ics,
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        },
      ],
    });
    if (ok) sent++;
  }
  await repo.markInvited(ctx.trx, meetingId, ctx.now);
  await audit(ctx, 'meeting.invited', meetingId, { recipients: sent }, 'meeting');
  return { sent };
}

export async function addAction(ctx: RequestContext, meetingId: string, input: ActionInput) {
  const { meeting } = await loadMeeting(ctx, meetingId, 'meeting.record');
  let ownerOrganisation: string | null = null;
  if (input.ownerUserId !== undefined) {
    // an owner with an account must be of the actor's own organisation (users are read under RLS)
    const owner = await findUser(ctx.trx, input.ownerUserId);
    if (!owner) throw new AppError('not_found');
    ownerOrganisation = owner.organisation_id;
  }
  const id = randomUUID();
  await repo.insertAction(ctx.trx, {
    id,
    agreement_id: meeting.agreement_id,
    meeting_id: meetingId,
    title: input.title,
    owner_user_id: input.ownerUserId ?? null,
    owner_name: input.ownerName,
    owner_organisation_id: ownerOrganisation,
    due_on: input.dueOn,
  });
  await audit(ctx, 'meeting.action_added', meetingId, { action: id }, 'meeting');
  return present(ctx, meeting.agreement_id);
}

export async function completeAction(ctx: RequestContext, actionId: string) {
  const action = await repo.findAction(ctx.trx, actionId);
  if (!action) throw new AppError('not_found');
  const loaded = await load(ctx, action.agreement_id, 'agreement.read');
  // the owner closes their own action; the parties' managers any
  if (action.owner_user_id !== ctx.actor.userId)
    authorizeAgreement(ctx.actor, 'action.complete', loaded.resource);
  if (action.done_at === null) await repo.completeAction(ctx.trx, actionId, ctx.now);
  await audit(ctx, 'meeting.action_done', action.meeting_id, { action: actionId }, 'meeting');
  return present(ctx, action.agreement_id);
}

/** The signed-in user's overdue actions, for the Übersicht. */
export async function overdueActions(ctx: RequestContext) {
  const rows = await repo.overdueActionsOf(ctx.trx, ctx.actor.userId, today(ctx));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'meeting.actions_overdue_read',
    entityType: 'meeting',
    details: { count: rows.length },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      dueOn: r.due_on,
      agreementId: r.agreement_id,
      agreementTitle: r.agreement_title,
      meetingTitle: r.meeting_title,
    })),
  };
}
