import crypto from 'node:crypto';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit, type AuditAction } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import {
  caseResource,
  checkCategory,
  checkNotFuture,
  checkOffice,
  checkPlannable,
  InputCheck,
  loadCase,
  loadCategories,
  type LoadedCase,
} from './cases.access.ts';
import { allowedCaseActions, authorizeCase, canCase, type CaseAction } from './cases.policy.ts';
import { defaultRetentionYears, berlinToday, germanDate } from './cases.rules.ts';
import {
  presentActivity,
  presentAnalysis,
  presentCaseCore,
  presentContact,
  presentIntake,
  presentPlan,
  presentResponsibilities,
  readCaseContent,
} from './cases.presenters.ts';
import * as casesRepo from './cases.repository.ts';
import * as clientsRepo from './clients.repository.ts';
import { clientActionsFor, presentClientCore } from './clients.service.ts';
import * as sections from './sections.repository.ts';
import type {
  ActivityInput,
  AnalysisInput,
  CloseCaseInput,
  ContactInput,
  IntakeInput,
  LegalHoldInput,
  PlanInput,
  ResponsibilityInput,
  UpdateActivityInput,
  UpdateCaseInput,
  UpdateContactInput,
} from './cases.schemas.ts';

/** How long a break-the-glass grant lasts: one working day. */
export const grantHours = 12;

const caseActions: readonly CaseAction[] = [
  'case.update',
  'case.close',
  'case.reopen',
  'case.break_glass',
  'case.legal_hold',
];

export async function retentionYearsOf(ctx: RequestContext): Promise<number> {
  return (await casesRepo.findSettings(ctx.trx))?.retention_years ?? defaultRetentionYears;
}

/** Audits a change of a case; a change made after breaking the glass carries its reason. */
async function auditCase(
  ctx: RequestContext,
  loaded: LoadedCase,
  action: AuditAction,
  details: Record<string, string | number | boolean | null | string[]> = {},
) {
  await recordAudit(ctx.trx, ctx.audit, {
    action,
    entityType: 'case',
    entityId: loaded.row.id,
    reason: loaded.grant?.reason ?? null,
    details: { ...details, ...(loaded.grant ? { viaGrant: true } : {}) },
  });
}

/** R-CASE-3: the whole case as its owner (or someone who broke the glass) sees it; every read is audited. */
export async function getCase(ctx: RequestContext, id: string) {
  const loaded = await loadCase(ctx, id, 'case.read');
  const { view, specialCategoryShown } = await caseView(ctx, loaded);
  await auditCase(ctx, loaded, 'case.read', {
    clientId: loaded.row.client_id,
    // Whether special-category data (health, Art. 9 DSGVO) was shown in this read.
    specialCategory: specialCategoryShown,
  });
  return view;
}

/** The case as its reader may see it, with what the reader may do with the case and the client. */
async function caseView(ctx: RequestContext, loaded: LoadedCase) {
  const { row } = loaded;
  const healthAllowed = canCase(ctx.actor, 'case.read_special', loaded.resource);
  const [client, family, content, retentionYears] = await Promise.all([
    clientsRepo.findClient(ctx.trx, row.client_id),
    clientsRepo.listFamilyMembers(ctx.trx, row.client_id),
    readCaseContent(ctx.trx, row, { allowed: healthAllowed }),
    retentionYearsOf(ctx),
  ]);
  const view = {
    ...presentCaseCore(row, retentionYears),
    client: { ...presentClientCore(client!, family), allowedActions: await clientActionsFor(ctx, client!) },
    ...content,
    viaGrant: loaded.grant
      ? { reason: loaded.grant.reason, expiresAt: loaded.grant.expires_at.toISOString() }
      : null,
    allowedActions: allowedCaseActions(ctx.actor, loaded.resource, caseActions),
  };
  return { view, specialCategoryShown: healthAllowed && content.analysis !== null };
}

/** R-CON-8: opens someone else's case with a stated reason; audited and shown to the owner. */
export async function breakGlass(ctx: RequestContext, id: string, reason: string) {
  const row = await casesRepo.findCase(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const grants = await casesRepo.activeGrantUserIds(ctx.trx, id, ctx.now);
  authorizeCase(ctx.actor, 'case.break_glass', caseResource(row, grants));
  const grant = await casesRepo.insertGrant(ctx.trx, {
    organisation_id: row.organisation_id,
    case_id: id,
    user_id: ctx.actor.userId,
    reason,
    granted_at: ctx.now,
    expires_at: new Date(ctx.now.getTime() + grantHours * 3_600_000),
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'case.glass_broken',
    entityType: 'case',
    entityId: id,
    reason,
    details: { ownerUserId: row.owner_user_id, hours: grantHours },
  });
  return {
    caseId: grant.case_id,
    reason: grant.reason,
    grantedAt: grant.granted_at.toISOString(),
    expiresAt: grant.expires_at.toISOString(),
  };
}

/** Finds a case by its number — only who owns it, never what it holds — to break the glass. */
export async function lookupCase(ctx: RequestContext, caseNumber: string) {
  authorizeCase(ctx.actor, 'case.lookup', {
    type: 'case_management',
    organisationId: ctx.actor.organisationId,
  });
  const row = await casesRepo.findCaseByNumber(ctx.trx, caseNumber);
  if (!row) throw new AppError('not_found');
  const grants = await casesRepo.activeGrantUserIds(ctx.trx, row.id, ctx.now);
  const resource = caseResource(row, grants);
  await recordAudit(ctx.trx, ctx.audit, { action: 'case.looked_up', entityType: 'case', entityId: row.id });
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status as 'open' | 'closed',
    owner: { id: row.owner_user_id, name: row.owner_name },
    accessible: canCase(ctx.actor, 'case.read', resource),
    allowedActions: allowedCaseActions(ctx.actor, resource, [
      'case.read',
      'case.break_glass',
      'case.legal_hold',
    ]),
  };
}

export async function updateCase(ctx: RequestContext, id: string, input: UpdateCaseInput) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const { row } = loaded;
  const categories = await loadCategories(ctx);
  const check = new InputCheck();
  const caseType = input.caseType ?? row.case_type;
  const service = input.service ?? row.service;
  const overrideReason =
    input.serviceOverrideReason !== undefined ? input.serviceOverrideReason : row.service_override_reason;
  if (row.suggested_service !== service && !overrideReason) {
    check.add(
      'serviceOverrideReason',
      row.suggested_service
        ? `Nach dem Alter ist ${row.suggested_service} vorgesehen. Bitte begründen Sie, warum der Fall im ${service} geführt wird.`
        : 'Bitte begründen Sie die Wahl des Dienstes.',
      'override_reason_required',
    );
  }
  if (caseType === 'short_counselling' && input.phase)
    check.add('phase', 'Eine Kurzberatung hat keine Phasen des Case Managements.');
  if (input.nextReviewOn && input.nextReviewOn < row.opened_on)
    check.add('nextReviewOn', 'Der Überprüfungstermin liegt vor der Eröffnung des Falls.');
  checkPlannable(check, 'nextReviewOn', input.nextReviewOn, berlinToday(ctx.now));
  await checkOffice(ctx, check, 'officeId', input.officeId);
  checkCategory(check, categories, 'wayIn', 'wayIn', input.wayIn, [row.way_in]);
  checkCategory(
    check,
    categories,
    'livelihood',
    'situationStart.livelihood',
    input.situationStart?.livelihood,
    [row.start_livelihood],
  );
  check.done();

  const phase =
    caseType === 'short_counselling'
      ? null
      : input.phase !== undefined
        ? input.phase
        : (row.phase ?? (input.caseType === 'case_management' ? 'intake' : null));
  const ok = await casesRepo.updateCase(ctx.trx, id, input.version, {
    case_type: caseType,
    service,
    service_override_reason: service === row.suggested_service ? null : overrideReason,
    phase,
    ...(input.officeId !== undefined ? { office_id: input.officeId } : {}),
    ...(input.wayIn !== undefined ? { way_in: input.wayIn } : {}),
    ...(input.nextReviewOn !== undefined ? { next_review_on: input.nextReviewOn } : {}),
    ...(input.situationStart
      ? {
          start_livelihood: input.situationStart.livelihood ?? null,
          start_language_level: input.situationStart.languageLevel ?? null,
          start_work: input.situationStart.work ?? null,
        }
      : {}),
  });
  if (!ok) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.updated', { fields: Object.keys(input).filter((k) => k !== 'version') });
  return getCaseAfterWrite(ctx, id);
}

/** After a change the case is shown again; that read is part of the change, not a new audit event. */
async function getCaseAfterWrite(ctx: RequestContext, id: string) {
  return (await caseView(ctx, await loadCase(ctx, id, 'case.read'))).view;
}

/** R-CASE-3 Abschluss: a closure reason and the situation at the end, never before the opening. */
export async function closeCase(ctx: RequestContext, id: string, input: CloseCaseInput) {
  const loaded = await loadCase(ctx, id, 'case.close');
  const { row } = loaded;
  const categories = await loadCategories(ctx);
  const check = new InputCheck();
  const today = berlinToday(ctx.now);
  if (input.closedOn < row.opened_on)
    check.add(
      'closedOn',
      `Der Abschluss darf nicht vor der Eröffnung des Falls (${germanDate(row.opened_on)}) liegen.`,
      'closed_before_opened',
    );
  if (input.closedOn > today) check.add('closedOn', 'Der Abschluss darf nicht in der Zukunft liegen.');
  checkCategory(check, categories, 'closureReasons', 'closureReason', input.closureReason);
  checkCategory(check, categories, 'livelihood', 'situationEnd.livelihood', input.situationEnd.livelihood);
  check.done();
  const ok = await casesRepo.updateCase(ctx.trx, id, input.version, {
    status: 'closed',
    closed_on: input.closedOn,
    closure_reason: input.closureReason,
    closure_note: input.closureNote ?? null,
    end_livelihood: input.situationEnd.livelihood ?? null,
    end_language_level: input.situationEnd.languageLevel ?? null,
    end_work: input.situationEnd.work ?? null,
  });
  if (!ok) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.closed', { closureReason: input.closureReason });
  return getCaseAfterWrite(ctx, id);
}

export async function reopenCase(ctx: RequestContext, id: string, version: number) {
  const loaded = await loadCase(ctx, id, 'case.reopen');
  const ok = await casesRepo.updateCase(ctx.trx, id, version, {
    status: 'open',
    closed_on: null,
    closure_reason: null,
    closure_note: null,
    end_livelihood: null,
    end_language_level: null,
    end_work: null,
  });
  if (!ok) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.reopened');
  return getCaseAfterWrite(ctx, id);
}

/** R-CON-5: a legal hold keeps a closed case from erasure until it is released. */
export async function setLegalHold(ctx: RequestContext, id: string, input: LegalHoldInput) {
  const row = await casesRepo.findCase(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const grants = await casesRepo.activeGrantUserIds(ctx.trx, id, ctx.now);
  authorizeCase(ctx.actor, 'case.legal_hold', caseResource(row, grants));
  const ok = await casesRepo.updateCase(ctx.trx, id, input.version, {
    legal_hold: input.hold,
    legal_hold_reason: input.hold ? (input.reason ?? null) : null,
    legal_hold_set_at: input.hold ? ctx.now : null,
    legal_hold_set_by: input.hold ? ctx.actor.userId : null,
  });
  if (!ok) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: input.hold ? 'case.legal_hold_set' : 'case.legal_hold_released',
    entityType: 'case',
    entityId: id,
    reason: input.hold ? (input.reason ?? null) : null,
  });
  const updated = (await casesRepo.findCase(ctx.trx, id))!;
  return {
    id,
    caseNumber: updated.case_number,
    legalHold: {
      active: updated.legal_hold,
      reason: updated.legal_hold_reason,
      setAt: updated.legal_hold_set_at?.toISOString() ?? null,
    },
    version: updated.version,
  };
}

const phaseOrder = ['intake', 'analysis', 'plan', 'implementation'] as const;

/** Moves a case-management case forward to the phase whose work was just recorded (never back). */
async function advancePhase(
  ctx: RequestContext,
  row: casesRepo.CaseRow,
  to: (typeof phaseOrder)[number],
): Promise<(typeof phaseOrder)[number] | null> {
  const phase = row.phase as (typeof phaseOrder)[number] | null;
  if (row.case_type !== 'case_management') return phase;
  const current = phaseOrder.indexOf(phase ?? 'intake');
  if (phaseOrder.indexOf(to) <= current) return phase;
  await ctx.trx.updateTable('cases').set({ phase: to }).where('id', '=', row.id).execute();
  return to;
}

// --- Sondierungsgespräch ------------------------------------------------------------------------

export async function saveIntake(ctx: RequestContext, id: string, input: IntakeInput) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const categories = await loadCategories(ctx);
  const existing = await sections.findIntake(ctx.trx, id);
  const check = new InputCheck();
  checkNotFuture(check, 'heldOn', input.heldOn, berlinToday(ctx.now));
  checkCategory(check, categories, 'topics', 'topics', input.topics, existing?.topics ?? []);
  check.done();
  const values = {
    held_on: input.heldOn,
    reason: input.reason,
    concerns: input.concerns ?? null,
    agreed_next_steps: input.agreedNextSteps ?? null,
    topics: [...new Set(input.topics)],
    updated_by: ctx.actor.userId,
  };
  const saved =
    input.version === undefined
      ? await sections.insertIntake(ctx.trx, loaded.row.organisation_id, id, values)
      : await sections.updateIntake(ctx.trx, id, input.version, values);
  if (!saved) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.intake_saved');
  return { ...presentIntake(saved)!, casePhase: loaded.row.phase as (typeof phaseOrder)[number] | null };
}

// --- Sozial- und Kompetenzanalyse ----------------------------------------------------------------

export async function saveAnalysis(ctx: RequestContext, id: string, input: AnalysisInput) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const categories = await loadCategories(ctx);
  const existing = await sections.findAnalysis(ctx.trx, id);
  const check = new InputCheck();
  checkCategory(
    check,
    categories,
    'residenceStatusGroups',
    'residenceStatusGroup',
    input.residenceStatusGroup,
    [existing?.residence_status_group ?? null],
  );
  checkCategory(check, categories, 'livelihood', 'livelihood', input.livelihood, existing?.livelihood ?? []);
  input.qualifications.forEach((q, i) =>
    checkCategory(
      check,
      categories,
      'qualificationTypes',
      `qualifications.${i}.type`,
      q.type,
      (existing?.qualifications ?? []).map((e) => e.type),
    ),
  );
  const healthAllowed = canCase(ctx.actor, 'case.read_special', loaded.resource);
  if (input.healthNote !== undefined && !healthAllowed)
    check.add('healthNote', 'Gesundheitsangaben dürfen nur in Ihrer eigenen Sitzung erfasst werden.');
  check.done();
  const values: sections.AnalysisValues = {
    german_level: input.germanLevel ?? null,
    other_languages: [...new Set(input.otherLanguages)],
    schooling: input.schooling ?? null,
    schooling_years: input.schoolingYears ?? null,
    schooling_note: input.schoolingNote ?? null,
    qualifications: input.qualifications.map((q) => ({
      type: q.type,
      title: q.title,
      country: q.country ?? null,
      recognition: q.recognition,
    })),
    work_experience: input.workExperience ?? null,
    family_situation: input.familySituation ?? null,
    housing: input.housing ?? null,
    housing_note: input.housingNote ?? null,
    ...(input.healthNote !== undefined ? { health_note: input.healthNote } : {}),
    residence_status_group: input.residenceStatusGroup ?? null,
    residence_note: input.residenceNote ?? null,
    livelihood: [...new Set(input.livelihood)],
    livelihood_note: input.livelihoodNote ?? null,
    updated_by: ctx.actor.userId,
  };
  const saved =
    input.version === undefined
      ? await sections.insertAnalysis(ctx.trx, loaded.row.organisation_id, id, values)
      : await sections.updateAnalysis(ctx.trx, id, input.version, values);
  if (!saved) throw new AppError('version_conflict');
  const casePhase = await advancePhase(ctx, loaded.row, 'analysis');
  await auditCase(ctx, loaded, 'case.analysis_saved', {
    specialCategory: input.healthNote !== undefined,
  });
  const note = healthAllowed ? await sections.findHealthNote(ctx.trx, id) : null;
  return { ...presentAnalysis(saved, { allowed: healthAllowed, note })!, casePhase };
}

// --- Förderplan (R-CASE-4) ----------------------------------------------------------------------

/**
 * Saves the whole plan — goals and steps included — against the plan's version. Two counsellors
 * editing it: the second gets 409 and the first one's plan stays as it was saved.
 */
export async function savePlan(ctx: RequestContext, id: string, input: PlanInput) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const today = berlinToday(ctx.now);
  const check = new InputCheck();
  checkNotFuture(check, 'agreement.agreedOn', input.agreement.agreedOn, today);
  if (input.agreement.agreedOn && input.agreement.agreedOn < loaded.row.opened_on)
    check.add('agreement.agreedOn', 'Die Zustimmung liegt vor der Eröffnung des Falls.');
  input.goals.forEach((g, gi) =>
    g.steps.forEach((s, si) => {
      checkPlannable(check, `goals.${gi}.steps.${si}.dueOn`, s.dueOn, today);
      checkNotFuture(check, `goals.${gi}.steps.${si}.doneOn`, s.doneOn, today);
    }),
  );
  check.done();

  const [goals, steps] = await Promise.all([
    sections.listGoals(ctx.trx, id),
    sections.listSteps(ctx.trx, id),
  ]);
  const knownGoals = new Set(goals.map((g) => g.id));
  const knownSteps = new Set(steps.map((s) => s.id));
  const values = {
    reason: input.reason ?? null,
    goal: input.goal ?? null,
    course: input.course ?? null,
    agreed: input.agreement.agreed,
    agreed_on: input.agreement.agreed ? (input.agreement.agreedOn ?? null) : null,
    agreement_method: input.agreement.agreed ? (input.agreement.method ?? null) : null,
    agreement_note: input.agreement.note ?? null,
    updated_by: ctx.actor.userId,
  };
  const saved =
    input.version === undefined
      ? await sections.insertPlan(ctx.trx, loaded.row.organisation_id, id, values)
      : await sections.updatePlan(ctx.trx, id, input.version, values);
  if (!saved) throw new AppError('version_conflict');
  const usedIds = new Set<string>();
  const keep = (given: string | undefined, known: Set<string>) => {
    const ok = given !== undefined && known.has(given) && !usedIds.has(given);
    const chosen = ok ? given : crypto.randomUUID();
    usedIds.add(chosen);
    return chosen;
  };
  await sections.replaceGoals(
    ctx.trx,
    loaded.row.organisation_id,
    id,
    input.goals.map((g) => ({
      id: keep(g.id, knownGoals),
      title: g.title,
      status: g.status,
      steps: g.steps.map((s) => ({
        id: keep(s.id, knownSteps),
        title: s.title,
        responsible: s.responsible,
        partner_name: s.responsible === 'partner' ? (s.partnerName ?? null) : null,
        due_on: s.dueOn ?? null,
        status: s.status,
        done_on: s.status === 'done' ? (s.doneOn ?? today) : null,
      })),
    })),
  );
  const casePhase = await advancePhase(ctx, loaded.row, input.agreement.agreed ? 'implementation' : 'plan');
  await auditCase(ctx, loaded, 'case.plan_saved', {
    agreed: input.agreement.agreed,
    goals: input.goals.length,
    steps: input.goals.reduce((n, g) => n + g.steps.length, 0),
  });
  const [newGoals, newSteps] = await Promise.all([
    sections.listGoals(ctx.trx, id),
    sections.listSteps(ctx.trx, id),
  ]);
  return { ...presentPlan(saved, newGoals, newSteps)!, casePhase };
}

// --- Kontakte (R-CASE-5) ------------------------------------------------------------------------

async function checkContact(
  ctx: RequestContext,
  loaded: LoadedCase,
  input: Partial<ContactInput>,
  stored?: sections.ContactRow,
) {
  const categories = await loadCategories(ctx);
  const check = new InputCheck();
  const status = input.status ?? stored?.status;
  const startsAt = input.startsAt ? new Date(input.startsAt) : stored?.starts_at;
  const happened = status === 'held' || status === 'missed';
  if (startsAt && happened && startsAt.getTime() > ctx.now.getTime() + 5 * 60_000)
    check.add('startsAt', 'Ein stattgefundener Kontakt kann nicht in der Zukunft liegen.', 'date_in_future');
  if (input.startsAt)
    checkPlannable(check, 'startsAt', berlinToday(new Date(input.startsAt)), berlinToday(ctx.now));
  if (startsAt && berlinToday(startsAt) < loaded.row.opened_on && input.startsAt)
    check.add('startsAt', 'Der Kontakt liegt vor der Eröffnung des Falls.');
  checkCategory(check, categories, 'topics', 'topics', input.topics, stored?.topics ?? []);
  if (input.familyMemberIds && input.familyMemberIds.length > 0) {
    const family = new Set(
      (await clientsRepo.listFamilyMembers(ctx.trx, loaded.row.client_id)).map((f) => f.id),
    );
    input.familyMemberIds.forEach((f, i) => {
      if (!family.has(f)) check.add(`familyMemberIds.${i}`, 'Unbekannte Familienangehörige.');
    });
  }
  check.done();
}

export async function addContact(ctx: RequestContext, id: string, input: ContactInput) {
  const loaded = await loadCase(ctx, id, 'case.update');
  await checkContact(ctx, loaded, input);
  const row = await sections.insertContact(ctx.trx, {
    organisation_id: loaded.row.organisation_id,
    case_id: id,
    created_by: ctx.actor.userId,
    starts_at: input.startsAt,
    form: input.form,
    status: input.status,
    duration_minutes: input.durationMinutes ?? null,
    topics: [...new Set(input.topics)],
    family_member_ids: [...new Set(input.familyMemberIds)],
    note: input.note ?? null,
  });
  await auditCase(ctx, loaded, 'case.contact_recorded', { contactId: row.id, form: row.form });
  return presentContact(row);
}

export async function updateContact(
  ctx: RequestContext,
  id: string,
  contactId: string,
  input: UpdateContactInput,
) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const stored = await sections.findContact(ctx.trx, contactId);
  if (!stored || stored.case_id !== id) throw new AppError('not_found');
  await checkContact(ctx, loaded, input, stored);
  const { version, ...fields } = input;
  const row = await sections.updateContact(ctx.trx, contactId, version, {
    ...(fields.startsAt !== undefined ? { starts_at: fields.startsAt } : {}),
    ...(fields.form !== undefined ? { form: fields.form } : {}),
    ...(fields.status !== undefined ? { status: fields.status } : {}),
    ...(fields.durationMinutes !== undefined ? { duration_minutes: fields.durationMinutes } : {}),
    ...(fields.topics !== undefined ? { topics: [...new Set(fields.topics)] } : {}),
    ...(fields.familyMemberIds !== undefined
      ? { family_member_ids: [...new Set(fields.familyMemberIds)] }
      : {}),
    ...(fields.note !== undefined ? { note: fields.note } : {}),
  });
  if (!row) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.contact_updated', { contactId, fields: Object.keys(fields) });
  return presentContact(row);
}

// --- Aktivitäten (R-CASE-6) ---------------------------------------------------------------------

/**
 * R-SEC-4: an activity lies at most five years ahead; one under way or done has begun, one done
 * has ended — neither in the future. Only the dates and status given are checked, so editing an
 * old activity does not fail on what is stored.
 */
function checkActivityDates(
  ctx: RequestContext,
  check: InputCheck,
  input: Partial<Pick<ActivityInput, 'status' | 'startsOn' | 'endsOn'>>,
  stored?: sections.ActivityRow,
) {
  const today = berlinToday(ctx.now);
  const status = input.status ?? stored?.status ?? 'planned';
  const startsOn = input.startsOn !== undefined ? input.startsOn : stored?.starts_on;
  const endsOn = input.endsOn !== undefined ? input.endsOn : stored?.ends_on;
  const statusGiven = input.status !== undefined;
  checkPlannable(check, 'startsOn', input.startsOn, today);
  checkPlannable(check, 'endsOn', input.endsOn, today);
  if ((status === 'active' || status === 'done') && (statusGiven || input.startsOn !== undefined))
    checkNotFuture(
      check,
      'startsOn',
      startsOn,
      today,
      'Eine laufende oder abgeschlossene Aktivität kann nicht erst in der Zukunft beginnen.',
    );
  if (status === 'done' && (statusGiven || input.endsOn !== undefined))
    checkNotFuture(
      check,
      'endsOn',
      endsOn,
      today,
      'Eine abgeschlossene Aktivität kann nicht erst in der Zukunft enden.',
    );
}

export async function addActivity(ctx: RequestContext, id: string, input: ActivityInput) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const check = new InputCheck();
  checkActivityDates(ctx, check, input);
  check.done();
  const row = await sections.insertActivity(ctx.trx, {
    organisation_id: loaded.row.organisation_id,
    case_id: id,
    created_by: ctx.actor.userId,
    kind: input.kind,
    status: input.status,
    course_provider_name: input.courseProviderName ?? null,
    course_name: input.courseName ?? null,
    starts_on: input.startsOn ?? null,
    ends_on: input.endsOn ?? null,
    children_count: input.kind === 'childcare' ? (input.childrenCount ?? null) : null,
    childcare_place: input.kind === 'childcare' ? (input.childcarePlace ?? null) : null,
    note: input.note ?? null,
  });
  await auditCase(ctx, loaded, 'case.activity_recorded', { activityId: row.id, kind: row.kind });
  return presentActivity(row);
}

export async function updateActivity(
  ctx: RequestContext,
  id: string,
  activityId: string,
  input: UpdateActivityInput,
) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const stored = await sections.findActivity(ctx.trx, activityId);
  if (!stored || stored.case_id !== id) throw new AppError('not_found');
  const startsOn = input.startsOn !== undefined ? input.startsOn : stored.starts_on;
  const endsOn = input.endsOn !== undefined ? input.endsOn : stored.ends_on;
  const check = new InputCheck();
  if (startsOn && endsOn && endsOn < startsOn) check.add('endsOn', 'Das Ende liegt vor dem Beginn.');
  checkActivityDates(ctx, check, input, stored);
  check.done();
  const { version, ...fields } = input;
  const row = await sections.updateActivity(ctx.trx, activityId, version, {
    ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
    ...(fields.status !== undefined ? { status: fields.status } : {}),
    ...(fields.courseProviderName !== undefined ? { course_provider_name: fields.courseProviderName } : {}),
    ...(fields.courseName !== undefined ? { course_name: fields.courseName } : {}),
    ...(fields.startsOn !== undefined ? { starts_on: fields.startsOn } : {}),
    ...(fields.endsOn !== undefined ? { ends_on: fields.endsOn } : {}),
    ...(fields.childrenCount !== undefined ? { children_count: fields.childrenCount } : {}),
    ...(fields.childcarePlace !== undefined ? { childcare_place: fields.childcarePlace } : {}),
    ...(fields.note !== undefined ? { note: fields.note } : {}),
  });
  if (!row) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.activity_updated', { activityId, fields: Object.keys(fields) });
  return presentActivity(row);
}

// --- Zuständigkeiten (R-CASE-7) -----------------------------------------------------------------

export async function updateResponsibility(
  ctx: RequestContext,
  id: string,
  area: string,
  input: ResponsibilityInput,
) {
  const loaded = await loadCase(ctx, id, 'case.update');
  const ok = await casesRepo.updateResponsibility(ctx.trx, id, area, input.version, {
    responsible: input.responsible,
    note: input.note ?? null,
    updated_by: ctx.actor.userId,
  });
  if (!ok) throw new AppError('version_conflict');
  await auditCase(ctx, loaded, 'case.responsibility_updated', { area, responsible: input.responsible });
  return presentResponsibilities(await casesRepo.listResponsibilities(ctx.trx, id));
}
