import type { z } from 'zod';
import type { CategoryKey as ServerCategoryKey } from '../../server/modules/cases/cases.categories.ts';
import type { ResponsibleParty } from '../../server/modules/cases/cases.rules.ts';
import type {
  activityBody,
  activitySchema,
  analysisBody,
  analysisSavedSchema,
  analysisSchema,
  caseCreatedSchema,
  caseSchema,
  caseTypes,
  caseloadSchema,
  clientSchema,
  closeCaseBody,
  contactBody,
  contactSchema,
  createClientBody,
  deletionRecordSchema,
  familyMemberSchema,
  grantSchema,
  intakeBody,
  intakeSavedSchema,
  intakeSchema,
  legalHoldBody,
  legalHoldResponse,
  lookupSchema,
  phases,
  planBody,
  planSavedSchema,
  planSchema,
  responsibilityBody,
  responsibilitySchema,
  searchHitSchema,
  services,
  settingsBody,
  settingsSchema,
  stepResponsibles,
  suggestionSchema,
  teamSchema,
  updateActivityBody,
  updateCaseBody,
  updateClientBody,
  updateContactBody,
} from '../../server/modules/cases/cases.schemas.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

/**
 * Case management (R-CASE-*): clients, cases and their parts, caseloads, category lists. Every
 * shape is the server's schema (`modules/cases/cases.schemas.ts`): `z.infer` for answers,
 * `z.input` for request bodies.
 */

/**
 * A request body as the case forms build it: the server's fields and nesting, with the values of
 * closed lists as the plain strings of the form's selects; the server checks them and answers
 * next to the field.
 */
type FormBody<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? FormBody<U>[]
    : T extends object
      ? { [K in keyof T]: FormBody<T[K]> }
      : T;

export type CaseType = (typeof caseTypes)[number];
export type CaseService = (typeof services)[number];
export type Phase = (typeof phases)[number];

export type CategoryKey = ServerCategoryKey;
export type CaseSettings = z.infer<typeof settingsSchema>;
export type CategoryEntry = CaseSettings['categories'][CategoryKey][number];
/** A change of the settings: only the lists sent are replaced. */
export type CaseSettingsInput = z.input<typeof settingsBody>;

/** What the retention job erased (R-CON-5); no personal data. */
export type DeletionRecord = z.infer<typeof deletionRecordSchema>;

export type Suggestion = z.infer<typeof suggestionSchema>;
export type FamilyMember = z.infer<typeof familyMemberSchema>;
/** A client with their cases and the service suggestion, as reading or changing the client answers. */
export type Client = z.infer<typeof clientSchema>;

export type CaseDetail = z.infer<typeof caseSchema>;
/** The client's own data inside a case, with what the reader may do with the client record. */
export type ClientCore = CaseDetail['client'];
export type Situation = CaseDetail['situationStart'];
export type Intake = z.infer<typeof intakeSchema>;
export type Analysis = z.infer<typeof analysisSchema>;
export type Qualification = Analysis['qualifications'][number];
/** What saving a section answers: the section as saved and the case's phase after it. */
export type IntakeSaved = z.infer<typeof intakeSavedSchema>;
export type AnalysisSaved = z.infer<typeof analysisSavedSchema>;
export type PlanSaved = z.infer<typeof planSavedSchema>;

export type StepResponsible = (typeof stepResponsibles)[number];
export type Plan = z.infer<typeof planSchema>;
export type Agreement = Plan['agreement'];
type StoredGoal = Plan['goals'][number];
/** A step as the plan holds it; one added in the editor has no id until the plan is saved. */
export type PlanStep = Omit<StoredGoal['steps'][number], 'id'> & { id?: string };
/** A goal as the plan holds it; one added in the editor has no id until the plan is saved. */
export type PlanGoal = Omit<StoredGoal, 'id' | 'steps'> & { id?: string; steps: PlanStep[] };

export type Contact = z.infer<typeof contactSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Party = ResponsibleParty;
export type Responsibility = z.infer<typeof responsibilitySchema>;
export type AccessGrant = CaseDetail['accessGrants'][number];
/** Break the glass: the grant just opened. */
export type Grant = z.infer<typeof grantSchema>;

export type SearchHit = z.infer<typeof searchHitSchema>;
export type CaseRef = SearchHit['cases'][number];
export type Caseload = z.infer<typeof caseloadSchema>;
export type TeamOverview = z.infer<typeof teamSchema>;
export type Lookup = z.infer<typeof lookupSchema>;
export type LegalHold = z.infer<typeof legalHoldResponse>;

/** Registering a client with their first case. */
export type NewClient = FormBody<z.input<typeof createClientBody>>;
export type CaseCreated = z.infer<typeof caseCreatedSchema>;
/** A family member as sent: with `id` when already stored, so they keep it. */
export type FamilyMemberInput = NonNullable<NewClient['familyMembers']>[number];
/** The client's own data, as registering and changing a client send it. */
export type ClientInput = Omit<NewClient, 'case'>;
export type ClientUpdate = FormBody<z.input<typeof updateClientBody>>;

export type CaseUpdate = FormBody<z.input<typeof updateCaseBody>>;
export type CloseCaseInput = FormBody<z.input<typeof closeCaseBody>>;
export type IntakeInput = z.input<typeof intakeBody>;
export type AnalysisInput = FormBody<z.input<typeof analysisBody>>;
export type PlanInput = z.input<typeof planBody>;
export type ContactInput = z.input<typeof contactBody>;
export type ContactUpdate = z.input<typeof updateContactBody>;
export type ActivityInput = z.input<typeof activityBody>;
export type ActivityUpdate = z.input<typeof updateActivityBody>;
export type ResponsibilityInput = z.input<typeof responsibilityBody>;
export type LegalHoldInput = z.input<typeof legalHoldBody>;

const caseUrl = (id: string, suffix = '') => `/api/cases/${encodeURIComponent(id)}${suffix}`;

export const casesApi = {
  settings: (signal?: AbortSignal) => api.get<CaseSettings>('/api/case-settings', { signal }),
  saveSettings: (body: CaseSettingsInput) => api.put<CaseSettings>('/api/case-settings', body),
  deletions: (query: { offset?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<Page<DeletionRecord>>('/api/case-deletions', { query, signal }),
  suggestion: (query: { birthDate?: string; ageGroup?: string }, signal?: AbortSignal) =>
    api.get<Suggestion>('/api/clients/service-suggestion', { query, signal }),
  search: (q: string, signal?: AbortSignal) =>
    api.get<Page<SearchHit>>('/api/clients/search', { query: { q }, signal }),
  createClient: (body: NewClient) => api.post<CaseCreated>('/api/clients', body),
  updateClient: (id: string, body: ClientUpdate) =>
    api.patch<Client>(`/api/clients/${encodeURIComponent(id)}`, body),
  caseload: (signal?: AbortSignal) => api.get<Caseload>('/api/caseload', { signal }),
  team: (signal?: AbortSignal) => api.get<TeamOverview>('/api/caseload/team', { signal }),
  lookup: (caseNumber: string) => api.get<Lookup>('/api/cases/lookup', { query: { caseNumber } }),
  get: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(caseUrl(id), { signal }),
  update: (id: string, body: CaseUpdate) => api.patch<CaseDetail>(caseUrl(id), body),
  breakGlass: (id: string, reason: string) => api.post<Grant>(caseUrl(id, '/break-glass'), { reason }),
  setLegalHold: (id: string, body: LegalHoldInput) => api.post<LegalHold>(caseUrl(id, '/legal-hold'), body),
  close: (id: string, body: CloseCaseInput) => api.post<CaseDetail>(caseUrl(id, '/close'), body),
  reopen: (id: string, version: number) => api.post<CaseDetail>(caseUrl(id, '/reopen'), { version }),
  saveIntake: (id: string, body: IntakeInput) => api.put<IntakeSaved>(caseUrl(id, '/intake'), body),
  saveAnalysis: (id: string, body: AnalysisInput) => api.put<AnalysisSaved>(caseUrl(id, '/analysis'), body),
  savePlan: (id: string, body: PlanInput) => api.put<PlanSaved>(caseUrl(id, '/plan'), body),
  addContact: (id: string, body: ContactInput) => api.post<Contact>(caseUrl(id, '/contacts'), body),
  updateContact: (id: string, contactId: string, body: ContactUpdate) =>
    api.patch<Contact>(caseUrl(id, `/contacts/${encodeURIComponent(contactId)}`), body),
  addActivity: (id: string, body: ActivityInput) => api.post<Activity>(caseUrl(id, '/activities'), body),
  updateActivity: (id: string, activityId: string, body: ActivityUpdate) =>
    api.patch<Activity>(caseUrl(id, `/activities/${encodeURIComponent(activityId)}`), body),
  updateResponsibility: (id: string, area: string, body: ResponsibilityInput) =>
    api.patch<Responsibility[]>(caseUrl(id, `/responsibilities/${encodeURIComponent(area)}`), body),
  summaryUrl: (id: string) => caseUrl(id, '/summary.pdf'),
  exportPdfUrl: (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/export.pdf`,
  exportJsonUrl: (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/export`,
};
