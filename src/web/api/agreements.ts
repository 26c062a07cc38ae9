import type { z } from 'zod';
import type {
  actionBody,
  addClauseBody,
  addPersonBody,
  agreementListResponse,
  agreementSchema,
  commentBody,
  compareResponse,
  createAgreementBody,
  inviteResponse,
  overdueActionsResponse,
  planMeetingBody,
  templatesResponse,
  transitionBody,
  updateAgreementBody,
  updateClauseBody,
  updateMeetingBody,
} from '../../server/modules/agreements/agreements.schemas.ts';
import { api, requestDocument } from './client.ts';

export {
  agreementModels,
  agreementStatuses,
  agreementTransitions,
  arrangementForms,
  meetingKinds,
  meetingStatuses,
  partyPersonRoles,
} from '../../server/modules/agreements/agreements.values.ts';
export type {
  AgreementModel,
  AgreementStatus,
  AgreementTransition,
  MeetingKind,
  MeetingStatus,
} from '../../server/modules/agreements/agreements.values.ts';

/**
 * Cooperation agreements and their meetings (R-AGR-1..7). Every shape is the server's schema
 * (`modules/agreements/agreements.schemas.ts`): `z.infer` for answers, `z.input` for bodies.
 */

export type Templates = z.infer<typeof templatesResponse>;
export type AgreementList = z.infer<typeof agreementListResponse>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Meeting = Agreement['meetings'][number];
export type Compare = z.infer<typeof compareResponse>;
export type OverdueActions = z.infer<typeof overdueActionsResponse>;
export type CreateAgreementInput = z.input<typeof createAgreementBody>;
export type UpdateAgreementInput = z.input<typeof updateAgreementBody>;
export type UpdateClauseInput = z.input<typeof updateClauseBody>;
export type AddClauseInput = z.input<typeof addClauseBody>;
export type AddPersonInput = z.input<typeof addPersonBody>;
export type CommentInput = z.input<typeof commentBody>;
export type TransitionInput = z.input<typeof transitionBody>;
export type PlanMeetingInput = z.input<typeof planMeetingBody>;
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
export type ActionInput = z.input<typeof actionBody>;

const enc = encodeURIComponent;
const a = (id: string) => `/api/agreements/${enc(id)}`;

export const agreementsApi = {
  templates: (signal?: AbortSignal) => api.get<Templates>('/api/agreement-templates', { signal }),
  list: (signal?: AbortSignal) => api.get<AgreementList>('/api/agreements', { signal }),
  create: (body: CreateAgreementInput) => api.post<Agreement>('/api/agreements', body),
  get: (id: string, signal?: AbortSignal) => api.get<Agreement>(a(id), { signal }),
  update: (id: string, body: UpdateAgreementInput) => api.patch<Agreement>(a(id), body),
  updateClause: (id: string, clauseId: string, body: UpdateClauseInput) =>
    api.patch<Agreement>(`${a(id)}/clauses/${enc(clauseId)}`, body),
  addClause: (id: string, body: AddClauseInput) => api.post<Agreement>(`${a(id)}/clauses`, body),
  compare: (id: string, from: number, to: number, signal?: AbortSignal) =>
    api.get<Compare>(`${a(id)}/compare?from=${from}&to=${to}`, { signal }),
  addPerson: (id: string, body: AddPersonInput) => api.post<Agreement>(`${a(id)}/people`, body),
  removePerson: (id: string, personId: string) => api.delete<Agreement>(`${a(id)}/people/${enc(personId)}`),
  comment: (id: string, body: CommentInput) => api.post<Agreement>(`${a(id)}/comments`, body),
  transition: (id: string, body: TransitionInput) => api.post<Agreement>(`${a(id)}/transitions`, body),
  pdf: (id: string) => requestDocument('GET', `${a(id)}/document.pdf`),
  scanPath: (id: string) => `${a(id)}/scan`,
  uploadScan: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.postForm<Agreement>(`${a(id)}/scan`, form);
  },
  schedule: (id: string, year: number) => api.post<Agreement>(`${a(id)}/meetings/schedule`, { year }),
  planMeeting: (id: string, body: PlanMeetingInput) => api.post<Agreement>(`${a(id)}/meetings`, body),
  updateMeeting: (meetingId: string, body: UpdateMeetingInput) =>
    api.patch<Agreement>(`/api/agreement-meetings/${enc(meetingId)}`, body),
  invite: (meetingId: string) =>
    api.post<z.infer<typeof inviteResponse>>(`/api/agreement-meetings/${enc(meetingId)}/invitations`),
  icsPath: (meetingId: string) => `/api/agreement-meetings/${enc(meetingId)}/invitation.ics`,
  addAction: (meetingId: string, body: ActionInput) =>
    api.post<Agreement>(`/api/agreement-meetings/${enc(meetingId)}/actions`, body),
  completeAction: (actionId: string) => api.post<Agreement>(`/api/agreement-actions/${enc(actionId)}/done`),
  overdue: (signal?: AbortSignal) => api.get<OverdueActions>('/api/agreement-actions/overdue', { signal }),
};
