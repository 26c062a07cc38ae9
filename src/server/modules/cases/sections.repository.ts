import type { Trx } from '../../db/database.ts';
import type { QualificationEntry } from './cases.tables.ts';

/** SQL of the parts of a case: intake, analysis, support plan, contacts and activities. */

// --- Sondierungsgespräch ------------------------------------------------------------------------

const intakeColumns = ['held_on', 'reason', 'concerns', 'agreed_next_steps', 'topics', 'version'] as const;
export type IntakeRow = NonNullable<Awaited<ReturnType<typeof findIntake>>>;

export function findIntake(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_intakes')
    .select(intakeColumns)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export interface IntakeValues {
  held_on: string;
  reason: string;
  concerns: string | null;
  agreed_next_steps: string | null;
  topics: string[];
  updated_by: string;
}

/** Creates the intake; undefined when the case has one already (someone else was faster). */
export function insertIntake(trx: Trx, organisationId: string, caseId: string, values: IntakeValues) {
  return trx
    .insertInto('case_intakes')
    .values({ ...values, case_id: caseId, organisation_id: organisationId })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returning(intakeColumns)
    .executeTakeFirst();
}

export function updateIntake(trx: Trx, caseId: string, version: number, values: IntakeValues) {
  return trx
    .updateTable('case_intakes')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .returning(intakeColumns)
    .executeTakeFirst();
}

// --- Sozial- und Kompetenzanalyse ----------------------------------------------------------------

/** Every column except the health note, which is read only where the policy allows (Art. 9 DSGVO). */
const analysisColumns = [
  'german_level',
  'other_languages',
  'schooling',
  'schooling_years',
  'schooling_note',
  'qualifications',
  'work_experience',
  'family_situation',
  'housing',
  'housing_note',
  'residence_status_group',
  'residence_note',
  'livelihood',
  'livelihood_note',
  'version',
] as const;
export type AnalysisRow = NonNullable<Awaited<ReturnType<typeof findAnalysis>>>;

export function findAnalysis(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_analyses')
    .select(analysisColumns)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** The special-category part of the analysis; callers have asked the policy first. */
export async function findHealthNote(trx: Trx, caseId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('case_analyses')
    .select('health_note')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.health_note ?? null;
}

export interface AnalysisValues {
  german_level: string | null;
  other_languages: string[];
  schooling: string | null;
  schooling_years: number | null;
  schooling_note: string | null;
  qualifications: QualificationEntry[];
  work_experience: string | null;
  family_situation: string | null;
  housing: string | null;
  housing_note: string | null;
  health_note?: string | null;
  residence_status_group: string | null;
  residence_note: string | null;
  livelihood: string[];
  livelihood_note: string | null;
  updated_by: string;
}

const analysisRow = (values: AnalysisValues) => ({
  ...values,
  qualifications: JSON.stringify(values.qualifications),
});

export function insertAnalysis(trx: Trx, organisationId: string, caseId: string, values: AnalysisValues) {
  return trx
    .insertInto('case_analyses')
    .values({ ...analysisRow(values), case_id: caseId, organisation_id: organisationId })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returning(analysisColumns)
    .executeTakeFirst();
}

export function updateAnalysis(trx: Trx, caseId: string, version: number, values: AnalysisValues) {
  return trx
    .updateTable('case_analyses')
    .set((eb) => ({ ...analysisRow(values), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .returning(analysisColumns)
    .executeTakeFirst();
}

// --- Förderplan ----------------------------------------------------------------------------------

const planColumns = [
  'reason',
  'goal',
  'course',
  'agreed',
  'agreed_on',
  'agreement_method',
  'agreement_note',
  'version',
  'updated_at',
] as const;
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export function findPlan(trx: Trx, caseId: string) {
  return trx.selectFrom('support_plans').select(planColumns).where('case_id', '=', caseId).executeTakeFirst();
}

export function listGoals(trx: Trx, caseId: string) {
  return trx
    .selectFrom('plan_goals')
    .select(['id', 'title', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
}

export function listSteps(trx: Trx, caseId: string) {
  return trx
    .selectFrom('plan_steps')
    .select(['id', 'goal_id', 'title', 'responsible', 'partner_name', 'due_on', 'status', 'done_on'])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
}

export interface PlanValues {
  reason: string | null;
  goal: string | null;
  course: string | null;
  agreed: boolean;
  agreed_on: string | null;
  agreement_method: string | null;
  agreement_note: string | null;
  updated_by: string;
}

export function insertPlan(trx: Trx, organisationId: string, caseId: string, values: PlanValues) {
  return trx
    .insertInto('support_plans')
    .values({ ...values, case_id: caseId, organisation_id: organisationId })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returning(planColumns)
    .executeTakeFirst();
}

export function updatePlan(trx: Trx, caseId: string, version: number, values: PlanValues) {
  return trx
    .updateTable('support_plans')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .returning(planColumns)
    .executeTakeFirst();
}

export interface GoalValues {
  id: string;
  title: string;
  status: string;
  steps: {
    id: string;
    title: string;
    responsible: string;
    partner_name: string | null;
    due_on: string | null;
    status: string;
    done_on: string | null;
  }[];
}

/** Writes goals and steps as given (ids kept), after the plan row itself won its version check. */
export async function replaceGoals(
  trx: Trx,
  organisationId: string,
  caseId: string,
  goals: GoalValues[],
): Promise<void> {
  await trx.deleteFrom('plan_goals').where('case_id', '=', caseId).execute();
  if (goals.length === 0) return;
  await trx
    .insertInto('plan_goals')
    .values(
      goals.map((g, position) => ({
        id: g.id,
        organisation_id: organisationId,
        case_id: caseId,
        position,
        title: g.title,
        status: g.status,
      })),
    )
    .execute();
  const steps = goals.flatMap((g) =>
    g.steps.map((s, position) => ({
      ...s,
      organisation_id: organisationId,
      case_id: caseId,
      goal_id: g.id,
      position,
    })),
  );
  if (steps.length > 0) await trx.insertInto('plan_steps').values(steps).execute();
}

// --- Kontakte ------------------------------------------------------------------------------------

const contactColumns = [
  'id',
  'case_id',
  'starts_at',
  'form',
  'status',
  'duration_minutes',
  'topics',
  'family_member_ids',
  'note',
  'version',
] as const;
export type ContactRow = NonNullable<Awaited<ReturnType<typeof findContact>>>;

export function findContact(trx: Trx, id: string) {
  return trx.selectFrom('case_contacts').select(contactColumns).where('id', '=', id).executeTakeFirst();
}

export function listContacts(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_contacts')
    .select(contactColumns)
    .where('case_id', '=', caseId)
    .orderBy('starts_at', 'desc')
    .execute();
}

export interface ContactValues {
  starts_at: string;
  form: string;
  status: string;
  duration_minutes: number | null;
  topics: string[];
  family_member_ids: string[];
  note: string | null;
}

export function insertContact(
  trx: Trx,
  values: ContactValues & { organisation_id: string; case_id: string; created_by: string },
) {
  return trx.insertInto('case_contacts').values(values).returning(contactColumns).executeTakeFirstOrThrow();
}

export function updateContact(trx: Trx, id: string, version: number, changes: Partial<ContactValues>) {
  return trx
    .updateTable('case_contacts')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(contactColumns)
    .executeTakeFirst();
}

// --- Aktivitäten (R-CASE-6) ---------------------------------------------------------------------

const activityColumns = [
  'id',
  'case_id',
  'kind',
  'status',
  'course_provider_name',
  'course_name',
  'starts_on',
  'ends_on',
  'children_count',
  'childcare_place',
  'note',
  'version',
] as const;
export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

export function findActivity(trx: Trx, id: string) {
  return trx.selectFrom('case_activities').select(activityColumns).where('id', '=', id).executeTakeFirst();
}

export function listActivities(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_activities')
    .select(activityColumns)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .execute();
}

export interface ActivityValues {
  kind: string;
  status: string;
  course_provider_name: string | null;
  course_name: string | null;
  starts_on: string | null;
  ends_on: string | null;
  children_count: number | null;
  childcare_place: string | null;
  note: string | null;
}

export function insertActivity(
  trx: Trx,
  values: ActivityValues & { organisation_id: string; case_id: string; created_by: string },
) {
  return trx
    .insertInto('case_activities')
    .values(values)
    .returning(activityColumns)
    .executeTakeFirstOrThrow();
}

export function updateActivity(trx: Trx, id: string, version: number, changes: Partial<ActivityValues>) {
  return trx
    .updateTable('case_activities')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(activityColumns)
    .executeTakeFirst();
}
