import type { Trx } from '../../db/database.ts';
import { isoDate } from '../../http/schemas.ts';
import {
  defaultResponsibilities,
  responsiblePartyLabels,
  retentionEndsOn,
  type ResponsibleParty,
} from './cases.rules.ts';
import type { CaseRow } from './cases.repository.ts';
import * as casesRepo from './cases.repository.ts';
import * as sections from './sections.repository.ts';
import type {
  activityKinds,
  activityStatuses,
  agreementMethods,
  contactForms,
  contactStatuses,
  goalStatuses,
  phases,
  stepResponsibles,
  stepStatuses,
} from './cases.schemas.ts';

/** How case data is shown: one shape for the case view, the export (Art. 15) and the PDFs. */

type Of<T extends readonly string[]> = T[number];

export function presentIntake(row: sections.IntakeRow | undefined) {
  if (!row) return null;
  return {
    heldOn: row.held_on,
    reason: row.reason,
    concerns: row.concerns,
    agreedNextSteps: row.agreed_next_steps,
    topics: row.topics,
    version: row.version,
  };
}

/**
 * The analysis; the health note (Art. 9 DSGVO) only when the caller was allowed to read it —
 * otherwise `health` is null and `healthWithheld` says so.
 */
export function presentAnalysis(
  row: sections.AnalysisRow | undefined,
  health: { allowed: boolean; note: string | null },
) {
  if (!row) return null;
  return {
    germanLevel: row.german_level,
    otherLanguages: row.other_languages,
    schooling: row.schooling,
    schoolingYears: row.schooling_years,
    schoolingNote: row.schooling_note,
    qualifications: row.qualifications.map((q) => ({
      type: q.type,
      title: q.title,
      country: q.country ?? null,
      recognition: q.recognition,
    })),
    workExperience: row.work_experience,
    familySituation: row.family_situation,
    housing: row.housing,
    housingNote: row.housing_note,
    health: health.allowed ? { note: health.note, specialCategory: true as const } : null,
    healthWithheld: !health.allowed,
    residenceStatusGroup: row.residence_status_group,
    residenceNote: row.residence_note,
    livelihood: row.livelihood,
    livelihoodNote: row.livelihood_note,
    version: row.version,
  };
}

export function presentPlan(
  row: sections.PlanRow | undefined,
  goals: Awaited<ReturnType<typeof sections.listGoals>>,
  steps: Awaited<ReturnType<typeof sections.listSteps>>,
) {
  if (!row) return null;
  return {
    reason: row.reason,
    goal: row.goal,
    course: row.course,
    agreement: {
      agreed: row.agreed,
      agreedOn: row.agreed_on,
      method: row.agreement_method as Of<typeof agreementMethods> | null,
      note: row.agreement_note,
    },
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      status: g.status as Of<typeof goalStatuses>,
      steps: steps
        .filter((s) => s.goal_id === g.id)
        .map((s) => ({
          id: s.id,
          title: s.title,
          responsible: s.responsible as Of<typeof stepResponsibles>,
          partnerName: s.partner_name,
          dueOn: s.due_on,
          status: s.status as Of<typeof stepStatuses>,
          doneOn: s.done_on,
        })),
    })),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentContact(row: sections.ContactRow) {
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    form: row.form as Of<typeof contactForms>,
    status: row.status as Of<typeof contactStatuses>,
    durationMinutes: row.duration_minutes,
    topics: row.topics,
    familyMemberIds: row.family_member_ids,
    note: row.note,
    version: row.version,
  };
}

export function presentActivity(row: sections.ActivityRow) {
  return {
    id: row.id,
    kind: row.kind as Of<typeof activityKinds>,
    status: row.status as Of<typeof activityStatuses>,
    courseProviderName: row.course_provider_name,
    courseName: row.course_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    childrenCount: row.children_count,
    childcarePlace: row.childcare_place,
    note: row.note,
    version: row.version,
  };
}

/** R-CASE-7: every area of the source text's division, with this case's choice beside the default. */
export function presentResponsibilities(rows: Awaited<ReturnType<typeof casesRepo.listResponsibilities>>) {
  return defaultResponsibilities.map((d) => {
    const row = rows.find((r) => r.area === d.area);
    const responsible = (row?.responsible ?? d.responsible) as ResponsibleParty;
    return {
      area: d.area,
      label: d.label,
      responsible,
      responsibleLabel: responsiblePartyLabels[responsible],
      isDefault: responsible === d.responsible,
      source: d.source,
      note: row?.note ?? null,
      version: row?.version ?? 1,
    };
  });
}

/** The case's own fields. */
export function presentCaseCore(row: CaseRow, retentionYears: number) {
  return {
    id: row.id,
    caseNumber: row.case_number,
    caseType: row.case_type as 'short_counselling' | 'case_management',
    service: row.service as 'MBE' | 'JMD',
    suggestedService: row.suggested_service as 'MBE' | 'JMD' | null,
    serviceOverrideReason: row.service_override_reason,
    owner: { id: row.owner_user_id, name: row.owner_name },
    officeId: row.office_id,
    status: row.status as 'open' | 'closed',
    phase: row.phase as Of<typeof phases> | null,
    wayIn: row.way_in,
    openedOn: row.opened_on,
    nextReviewOn: row.next_review_on,
    closedOn: row.closed_on,
    closureReason: row.closure_reason,
    closureNote: row.closure_note,
    situationStart: {
      livelihood: row.start_livelihood,
      languageLevel: row.start_language_level,
      work: row.start_work,
    },
    situationEnd: {
      livelihood: row.end_livelihood,
      languageLevel: row.end_language_level,
      work: row.end_work,
    },
    legalHold: {
      active: row.legal_hold,
      reason: row.legal_hold_reason,
      setAt: isoDate(row.legal_hold_set_at),
    },
    retentionEndsOn: row.closed_on && !row.legal_hold ? retentionEndsOn(row.closed_on, retentionYears) : null,
    version: row.version,
  };
}

/** Everything recorded in a case, read in one go (case view, export, summary). */
export async function readCaseContent(trx: Trx, row: CaseRow, health: { allowed: boolean }) {
  const [intake, analysis, plan, goals, steps, contacts, activities, responsibilities, grants] =
    await Promise.all([
      sections.findIntake(trx, row.id),
      sections.findAnalysis(trx, row.id),
      sections.findPlan(trx, row.id),
      sections.listGoals(trx, row.id),
      sections.listSteps(trx, row.id),
      sections.listContacts(trx, row.id),
      sections.listActivities(trx, row.id),
      casesRepo.listResponsibilities(trx, row.id),
      casesRepo.grantsOfCase(trx, row.id),
    ]);
  const healthNote = health.allowed && analysis ? await sections.findHealthNote(trx, row.id) : null;
  return {
    intake: presentIntake(intake),
    analysis: presentAnalysis(analysis, { allowed: health.allowed, note: healthNote }),
    plan: presentPlan(plan, goals, steps),
    contacts: contacts.map(presentContact),
    activities: activities.map(presentActivity),
    responsibilities: presentResponsibilities(responsibilities),
    accessGrants: grants.map((g) => ({
      id: g.id,
      userId: g.user_id,
      userName: g.user_name,
      reason: g.reason,
      grantedAt: g.granted_at.toISOString(),
      expiresAt: g.expires_at.toISOString(),
    })),
  };
}
