import { api } from './client.ts';
import type { DigestFrequency, Notification, Offer, OfferCategory, OfferKind, Page } from './types.ts';

export type OfferInput = Partial<
  Omit<
    Offer,
    | 'id'
    | 'organisationId'
    | 'organisationName'
    | 'categoryLabel'
    | 'publishedAt'
    | 'version'
    | 'allowedActions'
  >
> & { kind: OfferKind; categoryId: string; title: string };

const one = (id: string) => `/api/offers/${encodeURIComponent(id)}`;

/** Offers of partners (R-OFF-1..3) and the counsellors' notifications (R-OFF-4). */
export const offersApi = {
  categories: (signal?: AbortSignal) =>
    api.get<{ items: OfferCategory[] }>('/api/offer-categories', { signal }),
  list: (query: { kind?: OfferKind; offset?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<Page<Offer>>('/api/offers', { query, signal }),
  publish: (organisationId: string, body: OfferInput) =>
    api.post<Offer>(`/api/organisations/${encodeURIComponent(organisationId)}/offers`, body),
  update: (id: string, body: Partial<OfferInput> & { version: number }) => {
    const { kind: _kind, ...changes } = body;
    return api.patch<Offer>(one(id), changes);
  },
  remove: (id: string, version: number) => api.delete(one(id), { query: { version } }),
  notifications: (unread: boolean, signal?: AbortSignal) =>
    api.get<Page<Notification> & { unread: number }>('/api/notifications', {
      query: { unread: unread ? 'true' : 'false', limit: 100 },
      signal,
    }),
  markRead: (body: { offerIds: string[] } | { all: true }) =>
    api.post<{ marked: number; unread: number }>('/api/notifications/read', body),
  digest: (signal?: AbortSignal) =>
    api.get<{ digest: DigestFrequency; lastSentAt: string | null }>('/api/notifications/settings', {
      signal,
    }),
  saveDigest: (digest: DigestFrequency) =>
    api.put<{ digest: DigestFrequency; lastSentAt: string | null }>('/api/notifications/settings', {
      digest,
    }),
};
