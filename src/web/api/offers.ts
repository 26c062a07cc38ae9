import type { z } from 'zod';
import type {
  categoriesResponse,
  digestSettingsSchema,
  listOffersQuery,
  markReadBody,
  markReadResponse,
  notificationsResponse,
  publishOfferBody,
  updateOfferBody,
} from '../../server/modules/offers/offers.schemas.ts';
import { api } from './client.ts';
import type { DigestFrequency, Offer, OfferKind, Page } from './types.ts';

/** A new offer as sent: the fields of its kind (course, measure, regulation). */
export type OfferInput = z.input<typeof publishOfferBody>;
/** A change of an offer; its kind cannot change and is not sent. */
export type OfferUpdate = z.input<typeof updateOfferBody> & { kind?: OfferKind };
/** The list's filters, as the server reads them; each may be left out. */
export type OfferQuery = Partial<z.output<typeof listOffersQuery>>;
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

const one = (id: string) => `/api/offers/${encodeURIComponent(id)}`;

/** Offers of partners (R-OFF-1..3) and the counsellors' notifications (R-OFF-4). */
export const offersApi = {
  categories: (signal?: AbortSignal) =>
    api.get<z.infer<typeof categoriesResponse>>('/api/offer-categories', { signal }),
  list: (query: OfferQuery, signal?: AbortSignal) => api.get<Page<Offer>>('/api/offers', { query, signal }),
  publish: (organisationId: string, body: OfferInput) =>
    api.post<Offer>(`/api/organisations/${encodeURIComponent(organisationId)}/offers`, body),
  update: (id: string, body: OfferUpdate) => {
    const { kind: _kind, ...changes } = body;
    return api.patch<Offer>(one(id), changes);
  },
  remove: (id: string, version: number) => api.delete(one(id), { query: { version } }),
  notifications: (unread: boolean, signal?: AbortSignal) =>
    api.get<z.infer<typeof notificationsResponse>>('/api/notifications', {
      query: { unread: unread ? 'true' : 'false', limit: 100 },
      signal,
    }),
  markRead: (body: z.input<typeof markReadBody>) =>
    api.post<z.infer<typeof markReadResponse>>('/api/notifications/read', body),
  digest: (signal?: AbortSignal) => api.get<DigestSettings>('/api/notifications/settings', { signal }),
  saveDigest: (digest: DigestFrequency) => api.put<DigestSettings>('/api/notifications/settings', { digest }),
};
