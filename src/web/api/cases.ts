import { api } from './client.ts';
import type { Page } from './types.ts';

/** Case management (R-CASE-*): clients, cases and their parts, caseloads, category lists. */

export type CaseType = 'short_counselling' | 'case_management';
export type CaseService = 'MBE' | 'JMD';
export type Phase = 'intake' | 'analysis' | 'plan' | 'implementation';

export interface CategoryEntry {
  code: string;
  de: string;
  en: string;
  active: boolean;
}
export type CategoryKey =
  'topics' | 'residenceStatusGroups' | 'closureReasons' | 'qualificationTypes' | 'livelihood' | 'wayIn';

export interface CaseSettings {
  retentionYears: number;
  categories: Record<CategoryKey, CategoryEntry[]>;
  /** The lists the organisation replaced; the others are Koop's defaults. */
  customisedLists: CategoryKey[];
  isDefault: boolean;
  version: number;
  allowedActions: string[];
}

/** A change of the settings: only the lists sent are replaced. */
export interface CaseSettingsInput {
  version: number;
  retentionYears?: number;
  categories?: Partial<Record<CategoryKey, CategoryEntry[]>>;
}

/** What the retention job erased (R-CON-5); no personal data. */
export interface DeletionRecord {
  id: string;
  erasedAt: string;
  rule: string;
  retentionYears: number;
  /** 'YYYY-MM' */
  closedMonth: string;
  service: string;
  caseType: string;
  recordsRemoved: number;
  clientErased: boolean;
}

export interface Suggestion {
  service: CaseService | null;
  age: number | null;
  turns27On: string | null;
  explanation: string;
}

export interface FamilyMember {
  id: string;
  relation: 'partner' | 'child' | 'parent' | 'sibling' | 'other';
  givenName: string | null;
  birthYear: number | null;
  counselledAlongside: boolean;
}

export interface ClientCore {
  id: string;
  givenName: string | null;
  familyName: string;
  pseudonymous: boolean;
  birthDate: string | null;
  ageGroup: string | null;
  gender: string | null;
  citizenship: string | null;
  languages: string[];
  phone: string | null;
  email: string | null;
  contactNote: string | null;
  arrivalYear: number | null;
  residenceStatusGroup: string | null;
  familyMembers: FamilyMember[];
  version: number;
  /** What the reader may do with the client record (`client.update` …). */
  allowedActions: string[];
}

export interface Situation {
  livelihood: string | null;
  languageLevel: string | null;
  work: string | null;
}

export interface Intake {
  heldOn: string;
  reason: string;
  concerns: string | null;
  agreedNextSteps: string | null;
  topics: string[];
  version: number;
}

export interface Qualification {
  type: string;
  title: string;
  country: string | null;
  recognition: string;
}

export interface Analysis {
  germanLevel: string | null;
  otherLanguages: string[];
  schooling: string | null;
  schoolingYears: number | null;
  schoolingNote: string | null;
  qualifications: Qualification[];
  workExperience: string | null;
  familySituation: string | null;
  housing: string | null;
  housingNote: string | null;
  health: { note: string | null; specialCategory: true } | null;
  healthWithheld: boolean;
  residenceStatusGroup: string | null;
  residenceNote: string | null;
  livelihood: string[];
  livelihoodNote: string | null;
  version: number;
}

export type StepResponsible = 'client' | 'counsellor' | 'partner';
export interface PlanStep {
  id?: string;
  title: string;
  responsible: StepResponsible;
  partnerName: string | null;
  dueOn: string | null;
  status: 'open' | 'in_progress' | 'done' | 'dropped';
  doneOn: string | null;
}
export interface PlanGoal {
  id?: string;
  title: string;
  status: 'open' | 'in_progress' | 'reached' | 'dropped';
  steps: PlanStep[];
}
export interface Agreement {
  agreed: boolean;
  agreedOn: string | null;
  method: 'spoken' | 'signed_paper' | 'signed_on_screen' | 'in_writing' | null;
  note: string | null;
}
export interface Plan {
  reason: string | null;
  goal: string | null;
  course: string | null;
  agreement: Agreement;
  goals: PlanGoal[];
  version: number;
  updatedAt: string;
}

export interface Contact {
  id: string;
  startsAt: string;
  form: 'in_person' | 'phone' | 'video' | 'message' | 'home_visit';
  status: 'planned' | 'held' | 'missed' | 'cancelled';
  durationMinutes: number | null;
  topics: string[];
  familyMemberIds: string[];
  note: string | null;
  version: number;
}

export interface Activity {
  id: string;
  kind: 'course_support' | 'childcare';
  status: 'planned' | 'active' | 'done' | 'cancelled';
  courseProviderName: string | null;
  courseName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  childrenCount: number | null;
  childcarePlace: string | null;
  note: string | null;
  version: number;
}

export type Party = 'counselling' | 'jobcenter' | 'course_provider_or_clearing' | 'abh' | 'jobcenter_or_abh';
export interface Responsibility {
  area: string;
  label: string;
  responsible: Party;
  responsibleLabel: string;
  isDefault: boolean;
  source: string;
  note: string | null;
  version: number;
}

export interface AccessGrant {
  id: string;
  userId: string;
  userName: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  caseType: CaseType;
  service: CaseService;
  suggestedService: CaseService | null;
  serviceOverrideReason: string | null;
  owner: { id: string; name: string };
  officeId: string | null;
  status: 'open' | 'closed';
  phase: Phase | null;
  wayIn: string | null;
  openedOn: string;
  nextReviewOn: string | null;
  closedOn: string | null;
  closureReason: string | null;
  closureNote: string | null;
  situationStart: Situation;
  situationEnd: Situation;
  legalHold: { active: boolean; reason: string | null; setAt: string | null };
  retentionEndsOn: string | null;
  client: ClientCore;
  intake: Intake | null;
  analysis: Analysis | null;
  plan: Plan | null;
  contacts: Contact[];
  activities: Activity[];
  responsibilities: Responsibility[];
  accessGrants: AccessGrant[];
  viaGrant: { reason: string; expiresAt: string } | null;
  version: number;
  allowedActions: string[];
}

export interface CaseRef {
  id: string;
  caseNumber: string;
  status: 'open' | 'closed';
  service: string;
}

export interface SearchHit {
  clientId: string;
  givenName: string | null;
  familyName: string;
  pseudonymous: boolean;
  birthDate: string | null;
  ageGroup: string | null;
  cases: CaseRef[];
}

export interface Caseload {
  today: string;
  openCases: {
    id: string;
    caseNumber: string;
    clientName: string;
    caseType: CaseType;
    service: CaseService;
    phase: Phase | null;
    openedOn: string;
    nextReviewOn: string | null;
    reviewOverdue: boolean;
    nextStepDueOn: string | null;
    lastContactAt: string | null;
  }[];
  dueSteps: {
    caseId: string;
    caseNumber: string;
    clientName: string;
    stepId: string;
    title: string;
    responsible: StepResponsible;
    dueOn: string;
    overdue: boolean;
  }[];
  overdueReviews: { caseId: string; caseNumber: string; clientName: string; nextReviewOn: string }[];
  accessByOthers: {
    caseId: string;
    caseNumber: string;
    userName: string;
    reason: string;
    grantedAt: string;
  }[];
  counts: { open: number; caseManagement: number; shortCounselling: number };
}

export interface TeamOverview {
  today: string;
  counsellors: {
    userId: string;
    name: string;
    open: number;
    caseManagement: number;
    shortCounselling: number;
    overdueReviews: number;
    stepsDueThisWeek: number;
    overdueSteps: number;
  }[];
  dueItems: {
    caseId: string;
    caseNumber: string;
    ownerName: string;
    kind: 'review' | 'step';
    dueOn: string;
    overdue: boolean;
  }[];
}

export interface Lookup {
  id: string;
  caseNumber: string;
  status: 'open' | 'closed';
  owner: { id: string; name: string };
  accessible: boolean;
  allowedActions: string[];
}

export interface NewClient {
  givenName: string | null;
  familyName: string;
  pseudonymous: boolean;
  birthDate: string | null;
  ageGroup: string | null;
  gender: string | null;
  citizenship: string | null;
  languages: string[];
  phone: string | null;
  email: string | null;
  contactNote: string | null;
  arrivalYear: number | null;
  residenceStatusGroup: string | null;
  familyMembers: FamilyMemberInput[];
  case: {
    caseType: CaseType;
    service: CaseService;
    serviceOverrideReason: string | null;
    wayIn: string | null;
  };
}

/** A family member as sent: with `id` when already stored, so they keep it. */
export type FamilyMemberInput = Omit<FamilyMember, 'id'> & { id?: string };
/** The client's own data, as registering and changing a client send it. */
export type ClientInput = Omit<NewClient, 'case'>;

export interface LegalHold {
  id: string;
  caseNumber: string;
  legalHold: CaseDetail['legalHold'];
  version: number;
}

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
  createClient: (body: NewClient) => api.post<{ caseId: string; caseNumber: string }>('/api/clients', body),
  updateClient: (id: string, body: Partial<ClientInput> & { version: number }) =>
    api.patch<ClientCore>(`/api/clients/${encodeURIComponent(id)}`, body),
  caseload: (signal?: AbortSignal) => api.get<Caseload>('/api/caseload', { signal }),
  team: (signal?: AbortSignal) => api.get<TeamOverview>('/api/caseload/team', { signal }),
  lookup: (caseNumber: string) => api.get<Lookup>('/api/cases/lookup', { query: { caseNumber } }),
  get: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(caseUrl(id), { signal }),
  update: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<CaseDetail>(caseUrl(id), body),
  breakGlass: (id: string, reason: string) => api.post<unknown>(caseUrl(id, '/break-glass'), { reason }),
  setLegalHold: (id: string, body: { version: number; hold: boolean; reason: string | null }) =>
    api.post<LegalHold>(caseUrl(id, '/legal-hold'), body),
  close: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.post<CaseDetail>(caseUrl(id, '/close'), body),
  reopen: (id: string, version: number) => api.post<CaseDetail>(caseUrl(id, '/reopen'), { version }),
  saveIntake: (id: string, body: Record<string, unknown>) => api.put<Intake>(caseUrl(id, '/intake'), body),
  saveAnalysis: (id: string, body: Record<string, unknown>) =>
    api.put<Analysis>(caseUrl(id, '/analysis'), body),
  savePlan: (id: string, body: Record<string, unknown>) => api.put<Plan>(caseUrl(id, '/plan'), body),
  addContact: (id: string, body: Record<string, unknown>) =>
    api.post<Contact>(caseUrl(id, '/contacts'), body),
  updateContact: (id: string, contactId: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<Contact>(caseUrl(id, `/contacts/${encodeURIComponent(contactId)}`), body),
  addActivity: (id: string, body: Record<string, unknown>) =>
    api.post<Activity>(caseUrl(id, '/activities'), body),
  updateActivity: (id: string, activityId: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<Activity>(caseUrl(id, `/activities/${encodeURIComponent(activityId)}`), body),
  updateResponsibility: (
    id: string,
    area: string,
    body: { version: number; responsible: Party; note: string | null },
  ) => api.patch<Responsibility[]>(caseUrl(id, `/responsibilities/${encodeURIComponent(area)}`), body),
  summaryUrl: (id: string) => caseUrl(id, '/summary.pdf'),
  exportPdfUrl: (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/export.pdf`,
  exportJsonUrl: (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/export`,
};
