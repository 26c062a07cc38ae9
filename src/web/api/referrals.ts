import type { z } from 'zod';
import type {
  acceptBody,
  acceptResponse,
  closeBody,
  consentFormBody,
  handOnBody,
  inboxResponse,
  openCountResponse,
  referralSchema,
  sendReferralBody,
  sentReferralSchema,
  sentReferralsResponse,
  slipBody,
  suitableOfficesResponse,
} from '../../server/modules/referrals/referrals.schemas.ts';
import { api } from './client.ts';

export {
  closeReasons,
  referralEvents,
  referralStatuses,
  referrerOutcomes,
} from '../../server/modules/referrals/referrals.values.ts';
export type {
  CloseReason,
  ReferralEvent,
  ReferralStatus,
  ReferrerOutcome,
} from '../../server/modules/referrals/referrals.values.ts';

/**
 * Referrals (R-REF-1, R-REF-3, R-REF-4): the slip and named referrals of a Jobcenter or ABH, and
 * the receiving office's inbox. Every shape is the server's schema
 * (`modules/referrals/referrals.schemas.ts`): `z.infer` for answers, `z.input` for request bodies.
 */

export type SlipInput = z.input<typeof slipBody>;
export type SuitableOffices = z.infer<typeof suitableOfficesResponse>;
export type SuitableOffice = SuitableOffices['items'][number];
export type SendReferralInput = z.input<typeof sendReferralBody>;
export type ConsentFormInput = z.input<typeof consentFormBody>;
export type SentReferral = z.infer<typeof sentReferralSchema>;
export type SentReferrals = z.infer<typeof sentReferralsResponse>;
export type ReferralInbox = z.infer<typeof inboxResponse>;
export type InboxReferral = ReferralInbox['items'][number];
export type Referral = z.infer<typeof referralSchema>;
export type AcceptInput = z.input<typeof acceptBody>;
export type Accepted = z.infer<typeof acceptResponse>;
export type HandOnInput = z.input<typeof handOnBody>;
export type CloseInput = z.input<typeof closeBody>;

const enc = encodeURIComponent;

export const referralsApi = {
  offices: (body: SlipInput) => api.post<SuitableOffices>('/api/referrals/offices', body),
  slip: (body: SlipInput) => api.postDocument('/api/referrals/slip.pdf', body),
  consentForm: (body: ConsentFormInput) => api.postDocument('/api/referrals/consent-form.pdf', body),
  send: (body: SendReferralInput) => api.post<SentReferral>('/api/referrals', body),
  sent: (signal?: AbortSignal) => api.get<SentReferrals>('/api/referrals/sent', { signal }),
  inbox: (state: 'open' | 'all', signal?: AbortSignal) =>
    api.get<ReferralInbox>('/api/referrals/inbox', { query: { state }, signal }),
  openCount: (signal?: AbortSignal) =>
    api.get<z.infer<typeof openCountResponse>>('/api/referrals/inbox/count', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Referral>(`/api/referrals/${enc(id)}`, { signal }),
  accept: (id: string, body: AcceptInput) => api.post<Accepted>(`/api/referrals/${enc(id)}/accept`, body),
  handOn: (id: string, body: HandOnInput) =>
    api.post<{ id: string; handedOn: true }>(`/api/referrals/${enc(id)}/hand-on`, body),
  close: (id: string, body: CloseInput) =>
    api.post<{ id: string; closed: true }>(`/api/referrals/${enc(id)}/close`, body),
};
