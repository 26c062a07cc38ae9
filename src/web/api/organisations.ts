import type { z } from 'zod';
import type {
  createOrganisationBody,
  listOrganisationsQuery,
  updateOrganisationBody,
} from '../../server/modules/organisations/organisations.schemas.ts';
import type { assignableRolesResponse } from '../../server/modules/users/users.schemas.ts';
import { api } from './client.ts';
import type { Organisation, OrganisationDetail, Page } from './types.ts';

/** A new organisation as sent; empty optional values are sent as null. */
export type OrganisationInput = z.input<typeof createOrganisationBody>;
/** A change: the fields sent, with the version it is based on. */
export type OrganisationUpdate = z.input<typeof updateOrganisationBody>;
/** The list's filters, as the server reads them; each may be left out. */
export type OrganisationQuery = Partial<z.output<typeof listOrganisationsQuery>>;

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
