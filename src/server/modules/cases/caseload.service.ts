import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import { categoryKeys, categoryNames, effectiveCategories } from './cases.categories.ts';
import { allowedCaseActions, authorizeCase, caseloadRoles, type CaseResource } from './cases.policy.ts';
import { addDays, defaultRetentionYears } from './cases.rules.ts';
import { dueWindow, isDueThisWeek, isOverdue } from './due.ts';
import * as repo from './cases.repository.ts';
import type { SettingsInput } from './cases.schemas.ts';
import { defaultConsentMonths } from '../exchange/exchange.values.ts';

/** How far ahead the caseload lists due steps, and how far back it shows others' accesses. */
const dueHorizonDays = 14;
const accessLookbackDays = 30;

/** The organisation's case management (the caseloads), or its case settings and deletion records. */
const own = (
  ctx: RequestContext,
  type: 'case_management' | 'case_settings' = 'case_management',
): CaseResource => ({ type, organisationId: ctx.actor.organisationId });

/**
 * R-CASE-5: my open cases, today's appointments, the next due steps, overdue reviews, and who
 * broke the glass on my cases. Every flag and count comes from the rule in `due.ts`, and each
 * count counts the list it summarises.
 */
export async function caseload(ctx: RequestContext) {
  authorizeCase(ctx.actor, 'caseload.read', own(ctx));
  const window = dueWindow(ctx.now);
  const { today } = window;
  const [open, steps, appointments, accesses] = await Promise.all([
    repo.openCasesOf(ctx.trx, ctx.actor.userId),
    repo.dueStepsOf(ctx.trx, ctx.actor.userId, addDays(today, dueHorizonDays), 200),
    repo.appointmentsOf(ctx.trx, ctx.actor.userId, window.dayStartsAt, window.dayEndsAt),
    repo.accessByOthers(
      ctx.trx,
      ctx.actor.userId,
      new Date(ctx.now.getTime() - accessLookbackDays * 86_400_000),
    ),
  ]);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'caseload.read',
    entityType: 'caseload',
    entityId: ctx.actor.userId,
    details: { caseIds: open.map((c) => c.id) },
  });
  const dueSteps = steps.map((s) => ({
    caseId: s.case_id,
    caseNumber: s.case_number,
    clientName: s.client_name,
    stepId: s.step_id,
    title: s.title,
    responsible: s.responsible as 'client' | 'counsellor' | 'partner',
    dueOn: s.due_on,
    overdue: isOverdue(s.due_on, window),
    dueThisWeek: isDueThisWeek(s.due_on, window),
  }));
  const overdueReviews = open
    .filter((c) => isOverdue(c.next_review_on, window))
    .map((c) => ({
      caseId: c.id,
      caseNumber: c.case_number,
      clientName: c.client_name,
      nextReviewOn: c.next_review_on!,
    }));
  const appointmentsToday = appointments.map((a) => ({
    contactId: a.contact_id,
    caseId: a.case_id,
    caseNumber: a.case_number,
    clientName: a.client_name,
    startsAt: new Date(a.starts_at).toISOString(),
    form: a.form as 'in_person' | 'phone' | 'video' | 'message' | 'home_visit',
    durationMinutes: a.duration_minutes,
  }));
  return {
    today,
    weekStart: window.weekStart,
    weekEnd: window.weekEnd,
    openCases: open.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      clientName: c.client_name,
      caseType: c.case_type as 'short_counselling' | 'case_management',
      service: c.service as 'MBE' | 'JMD',
      phase: c.phase as 'intake' | 'analysis' | 'plan' | 'implementation' | null,
      openedOn: c.opened_on,
      nextReviewOn: c.next_review_on,
      reviewOverdue: isOverdue(c.next_review_on, window),
      nextStepDueOn: c.next_step_due_on,
      nextStepOverdue: isOverdue(c.next_step_due_on, window),
      lastContactAt: c.last_contact_at ? new Date(c.last_contact_at).toISOString() : null,
    })),
    dueSteps,
    appointmentsToday,
    overdueReviews,
    accessByOthers: accesses.map((a) => ({
      caseId: a.case_id,
      caseNumber: a.case_number,
      userName: a.user_name,
      reason: a.reason,
      grantedAt: a.granted_at.toISOString(),
    })),
    counts: {
      open: open.length,
      caseManagement: open.filter((c) => c.case_type === 'case_management').length,
      shortCounselling: open.filter((c) => c.case_type === 'short_counselling').length,
      overdueSteps: dueSteps.filter((s) => s.overdue).length,
      stepsDueThisWeek: dueSteps.filter((s) => s.dueThisWeek).length,
      overdueReviews: overdueReviews.length,
      appointmentsToday: appointmentsToday.length,
    },
  };
}

/**
 * R-CON-8: the team lead's view — caseloads as counts and due items, never case content. The
 * counts use the boundaries of `due.ts` (overdue: before today; this week: today to Sunday), and
 * the due list has one row per review and per step, as counted.
 */
export async function teamOverview(ctx: RequestContext) {
  authorizeCase(ctx.actor, 'caseload.team', own(ctx));
  const window = dueWindow(ctx.now);
  const { today } = window;
  const [counts, due] = await Promise.all([
    repo.teamCounts(ctx.trx, today, window.weekEnd, caseloadRoles),
    repo.teamDueItems(ctx.trx, addDays(today, dueHorizonDays), 500),
  ]);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'caseload.team_read',
    entityType: 'caseload',
    entityId: ctx.actor.organisationId,
  });
  return {
    today,
    weekStart: window.weekStart,
    weekEnd: window.weekEnd,
    counsellors: counts.map((c) => ({
      userId: c.user_id,
      name: c.name,
      open: c.open,
      caseManagement: c.case_management,
      shortCounselling: c.short_counselling,
      overdueReviews: c.overdue_reviews,
      stepsDueThisWeek: c.steps_due_this_week,
      overdueSteps: c.overdue_steps,
    })),
    dueItems: due.map((d) => ({
      itemId: d.item_id,
      caseId: d.case_id,
      caseNumber: d.case_number,
      ownerName: d.owner_name,
      kind: d.kind,
      dueOn: d.due_on,
      overdue: isOverdue(d.due_on, window),
    })),
  };
}

function presentSettings(ctx: RequestContext, row: Awaited<ReturnType<typeof repo.findSettings>>) {
  return {
    retentionYears: row?.retention_years ?? defaultRetentionYears,
    consentMaxMonths: row?.consent_max_months ?? defaultConsentMonths,
    categories: effectiveCategories(row?.categories),
    categoryNames,
    customisedLists: categoryKeys.filter((key) => Array.isArray(row?.categories[key])),
    isDefault: row === undefined,
    version: row?.version ?? 0,
    allowedActions: allowedCaseActions(ctx.actor, own(ctx, 'case_settings'), ['case_settings.update']),
  };
}

/** Category lists, retention period and consent validity of the organisation (its own or the defaults). */
export async function getSettings(ctx: RequestContext) {
  authorizeCase(ctx.actor, 'case_settings.read', own(ctx, 'case_settings'));
  return presentSettings(ctx, await repo.findSettings(ctx.trx));
}

/** The provider's administration replaces category lists and sets the retention period. */
export async function updateSettings(ctx: RequestContext, input: SettingsInput) {
  authorizeCase(ctx.actor, 'case_settings.update', own(ctx, 'case_settings'));
  const current = await repo.findSettings(ctx.trx);
  const stored = current?.categories ?? {};
  const categories = { ...stored, ...input.categories };
  const ok = await repo.saveSettings(ctx.trx, ctx.actor.organisationId, input.version, {
    categories: JSON.stringify(categories),
    retention_years: input.retentionYears ?? current?.retention_years ?? defaultRetentionYears,
    consent_max_months: input.consentMaxMonths ?? current?.consent_max_months ?? defaultConsentMonths,
    updated_by: ctx.actor.userId,
  });
  if (!ok) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'case_settings.updated',
    entityType: 'case_settings',
    entityId: ctx.actor.organisationId,
    details: {
      lists: Object.keys(input.categories),
      retentionYears: input.retentionYears ?? null,
      consentMaxMonths: input.consentMaxMonths ?? null,
    },
  });
  return presentSettings(ctx, await repo.findSettings(ctx.trx));
}

/** R-CON-5: what the retention job erased — records without any personal data. */
export async function listDeletions(ctx: RequestContext, query: { offset: number; limit: number }) {
  authorizeCase(ctx.actor, 'case_deletions.read', own(ctx, 'case_settings'));
  const [rows, total] = await Promise.all([
    repo.listDeletionRecords(ctx.trx, query.offset, query.limit),
    repo.countDeletionRecords(ctx.trx),
  ]);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'case_deletions.read',
    entityType: 'case_settings',
    entityId: ctx.actor.organisationId,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      erasedAt: r.erased_at.toISOString(),
      rule: r.rule,
      retentionYears: r.retention_years,
      closedMonth: r.closed_month,
      service: r.service,
      caseType: r.case_type,
      recordsRemoved: r.records_removed,
      clientErased: r.client_erased,
    })),
    total,
  };
}
