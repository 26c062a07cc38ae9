import { api } from './client.ts';
import type { Office, OfficeContact, OnlineLink, Page, Service } from './types.ts';

export interface OfficeInput {
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  services: Service[];
  description?: string | null;
  website?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  languages?: string[];
  accessibility?: string | null;
  onlineLinks?: OnlineLink[];
  catchmentPostcodes?: string[];
  catchmentMunicipalities?: string[];
  contacts?: Omit<OfficeContact, 'id'>[];
}

const one = (id: string) => `/api/offices/${encodeURIComponent(id)}`;
const ofOrganisation = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/offices`;

/** Counselling offices (Beratungsstellen) of a welfare provider. */
export const officesApi = {
  list: (organisationId: string, signal?: AbortSignal) =>
    api.get<Page<Office>>(ofOrganisation(organisationId), { signal }),
  create: (organisationId: string, body: OfficeInput) =>
    api.post<Office>(ofOrganisation(organisationId), body),
  update: (id: string, body: Partial<OfficeInput> & { version: number }) => api.patch<Office>(one(id), body),
  remove: (id: string, version: number) => api.delete(one(id), { query: { version } }),
};
