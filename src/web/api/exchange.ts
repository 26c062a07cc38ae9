import type { z } from 'zod';
import type {
  caseExchangeSchema,
  conflictNoteBody,
  conflictSchema,
  conflictsQuery,
  conflictsResponse,
  consentDraftBody,
  consentSchema,
  contactSchema,
  giveConsentBody,
  handoverBody,
  inboxQuery,
  inboxResponse,
  legalBasisSchema,
  messageSchema,
  partnerSchema,
  partnersResponse,
  postMessageBody,
  raiseConflictBody,
  recordLegalBasisBody,
  resolveConflictBody,
  sendDisclosureBody,
  sentSchema,
  teamBody,
  teamSchema,
  threadSchema,
  threadSummarySchema,
  updateTeamBody,
  withdrawConsentBody,
} from '../../server/modules/exchange/exchange.schemas.ts';
import type { DocumentLanguage } from '../../server/documents/languages.ts';
import { api } from './client.ts';

export {
  consentDirections,
  consentForms,
  consentRepetitions,
  dataCategories,
  handoverMethods,
  legalBases,
  messageKinds,
  partnerMessageKinds,
  providerMessageKinds,
  refusalReasons,
  specialCategories,
} from '../../server/modules/exchange/exchange.values.ts';
export type {
  ConsentDirection,
  ConsentForm,
  ConsentRepetition,
  DataCategory,
  HandoverMethod,
  LegalBasis,
  MessageKind,
  RefusalReason,
} from '../../server/modules/exchange/exchange.values.ts';

/**
 * Consent-gated exchange (R-CON-1..4, R-RED-4, R-RED-5, R-EXC-1..4): consents on a case, the
 * threads with partners, the partners' inbox, conflicts and the partners' teams. Every shape is
 * the server's schema (`modules/exchange/exchange.schemas.ts`): `z.infer` for answers, `z.input`
 * for request bodies.
 */

export type PartnerContact = z.infer<typeof contactSchema>;
export type PartnerTeam = z.infer<typeof teamSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Partners = z.infer<typeof partnersResponse>;
export type TeamInput = z.input<typeof teamBody>;
export type TeamUpdate = z.input<typeof updateTeamBody>;

export type CaseExchange = z.infer<typeof caseExchangeSchema>;
export type Consent = z.infer<typeof consentSchema>;
export type ConsentState = Consent['state'];
/** A purpose in the words of the provider's list, German and English. */
export type PurposeLabel = Consent['purposeLabel'];
/** What a new consent may say at this provider: its purposes and longest validity. */
export type ConsentRules = CaseExchange['consentRules'];
/** A legal basis other than consent a team lead recorded for one transfer (R-RED-1). */
export type LegalBasisRecord = z.infer<typeof legalBasisSchema>;
export type RecordLegalBasisInput = z.input<typeof recordLegalBasisBody>;
export type ConsentDraft = z.input<typeof consentDraftBody>;
export type GiveConsentInput = z.input<typeof giveConsentBody>;
export type WithdrawConsentInput = z.input<typeof withdrawConsentBody>;

export type Thread = z.infer<typeof threadSchema>;
export type ThreadSummary = z.infer<typeof threadSummarySchema>;
export type ThreadConsent = NonNullable<Thread['consent']>;
export type Message = z.infer<typeof messageSchema>;
export type Attachment = Message['attachments'][number];
export type ClientCopy = NonNullable<Message['copy']>;
export type Sent = z.infer<typeof sentSchema>;
/** What answering in a thread returns: the thread after it (and the copy, from the counselling side). */
export type Posted = Omit<Sent, 'copyId'> & Partial<Pick<Sent, 'copyId'>>;
export type SendDisclosureInput = z.input<typeof sendDisclosureBody>;
export type PostMessageInput = z.input<typeof postMessageBody>;
export type AttachmentInput = NonNullable<PostMessageInput['attachments']>[number];
export type HandoverInput = z.input<typeof handoverBody>;
export type Handover = Pick<ClientCopy, 'id'> & {
  [K in 'handover' | 'handedOverAt']: NonNullable<ClientCopy[K]>;
};

export type InboxQuery = Partial<z.output<typeof inboxQuery>>;
export type Inbox = z.infer<typeof inboxResponse>;

export type Conflict = z.infer<typeof conflictSchema>;
export type ConflictStatus = Conflict['status'];
export type ConflictsQuery = z.input<typeof conflictsQuery>;
export type ConflictListItem = z.infer<typeof conflictsResponse>['items'][number];
export type RaiseConflictInput = z.input<typeof raiseConflictBody>;
export type ConflictNoteInput = z.input<typeof conflictNoteBody>;
export type ResolveConflictInput = z.input<typeof resolveConflictBody>;

const enc = encodeURIComponent;

export const exchangeApi = {
  partners: (signal?: AbortSignal) => api.get<Partners>('/api/exchange/partners', { signal }),
  teams: (organisationId: string, signal?: AbortSignal) =>
    api.get<{ items: PartnerTeam[] }>(`/api/organisations/${enc(organisationId)}/teams`, { signal }),
  createTeam: (organisationId: string, body: TeamInput) =>
    api.post<PartnerTeam>(`/api/organisations/${enc(organisationId)}/teams`, body),
  updateTeam: (id: string, body: TeamUpdate) => api.put<PartnerTeam>(`/api/partner-teams/${enc(id)}`, body),

  ofCase: (caseId: string, signal?: AbortSignal) =>
    api.get<CaseExchange>(`/api/cases/${enc(caseId)}/exchange`, { signal }),
  /** The consent form of a draft, to print and sign: German beside the language chosen. */
  consentForm: (caseId: string, body: ConsentDraft, language: DocumentLanguage) =>
    api.postDocument(`/api/cases/${enc(caseId)}/consent-form.pdf`, body, { query: { language } }),
  giveConsent: (caseId: string, body: GiveConsentInput) =>
    api.post<Consent>(`/api/cases/${enc(caseId)}/consents`, body),
  withdrawConsent: (id: string, body: WithdrawConsentInput) =>
    api.post<Consent>(`/api/consents/${enc(id)}/withdraw`, body),
  consentDocumentUrl: (id: string) => `/api/consents/${enc(id)}/document`,
  /** R-RED-1: a team lead who broke the glass records a legal basis other than consent. */
  recordLegalBasis: (caseId: string, body: RecordLegalBasisInput) =>
    api.post<LegalBasisRecord>(`/api/cases/${enc(caseId)}/legal-bases`, body),
  sendDisclosure: (caseId: string, body: SendDisclosureInput) =>
    api.post<Sent>(`/api/cases/${enc(caseId)}/disclosures`, body),

  thread: (id: string, signal?: AbortSignal) => api.get<Thread>(`/api/threads/${enc(id)}`, { signal }),
  postMessage: (threadId: string, body: PostMessageInput) =>
    api.post<Posted>(`/api/threads/${enc(threadId)}/messages`, body),
  attachmentUrl: (id: string) => `/api/attachments/${enc(id)}`,
  inbox: (query: InboxQuery, signal?: AbortSignal) =>
    api.get<Inbox>('/api/inbox', { query: { ...query }, signal }),

  copyPdfUrl: (copyId: string) => `/api/client-copies/${enc(copyId)}/pdf`,
  recordHandover: (copyId: string, body: HandoverInput) =>
    api.post<Handover>(`/api/client-copies/${enc(copyId)}/handover`, body),

  conflicts: (query: ConflictsQuery, signal?: AbortSignal) =>
    api.get<{ items: ConflictListItem[] }>('/api/conflicts', { query: { ...query }, signal }),
  raiseConflict: (threadId: string, body: RaiseConflictInput) =>
    api.post<Conflict>(`/api/threads/${enc(threadId)}/conflicts`, body),
  noteConflict: (id: string, body: ConflictNoteInput) =>
    api.post<Conflict>(`/api/conflicts/${enc(id)}/notes`, body),
  resolveConflict: (id: string, body: ResolveConflictInput) =>
    api.post<Conflict>(`/api/conflicts/${enc(id)}/resolve`, body),
};
