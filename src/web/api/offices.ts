import type { z } from 'zod';
import type { createOfficeBody, updateOfficeBody } from '../../server/modules/offices/offices.schemas.ts';
import { api } from './client.ts';
import type { Office, Page } from './types.ts';

export type OfficeInput = z.input<typeof createOfficeBody>;
/** A change: the fields sent, with the version it is based on. */
export type OfficeUpdate = z.input<typeof updateOfficeBody>;

const one = (id: string) => `/api/offices/${encodeURIComponent(id)}`;
const ofOrganisation = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/offices`;

/** Counselling offices (Beratungsstellen) of a welfare provider. */
export const officesApi = {
  list: (organisationId: string, signal?: AbortSignal) =>
    api.get<Page<Office>>(ofOrganisation(organisationId), { signal }),
  create: (organisationId: string, body: OfficeInput) =>
    api.post<Office>(ofOrganisation(organisationId), body),
  update: (id: string, body: OfficeUpdate) => api.patch<Office>(one(id), body),
  remove: (id: string, version: number) => api.delete(one(id), { query: { version } }),
};
