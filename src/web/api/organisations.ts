import type { z } from 'zod';
import type { assignableRolesResponse } from '../../server/modules/users/users.schemas.ts';
import { api } from './client.ts';
import type {
  DataProtectionLaw,
  Funding,
  Organisation,
  OrganisationDetail,
  OrganisationKind,
  Page,
  Service,
} from './types.ts';

/** The editable fields of an organisation; empty optional values are sent as null. */
export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  subtype: string | null;
  umbrella: string | null;
  services: Service[];
  funding: Funding | null;
  hostsClearingOffice: boolean;
  dataProtectionLaw: DataProtectionLaw | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface OrganisationQuery {
  kind?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

const base = '/api/organisations';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Organisations (the directory of providers and partners). */
export const organisationsApi = {
  list: (query: OrganisationQuery, signal?: AbortSignal) =>
    api.get<Page<Organisation>>(base, { query: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<OrganisationDetail>(one(id), { signal }),
  create: (body: OrganisationInput) => api.post<Organisation>(base, body),
  update: (id: string, body: Partial<OrganisationInput> & { version: number; requireTotp?: boolean }) =>
    api.patch<Organisation>(one(id), body),
  assignableRoles: (id: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof assignableRolesResponse>>(`${one(id)}/roles`, { signal }),
};
