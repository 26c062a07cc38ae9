import type { z } from 'zod';
import type {
  invitationResult,
  inviteUserBody,
  listUsersQuery,
  updateUserBody,
} from '../../server/modules/users/users.schemas.ts';
import { api } from './client.ts';
import type { InvitationLink, Page, User } from './types.ts';

/** The list's filters, as the server reads them; each may be left out. */
export type UserQuery = Partial<z.output<typeof listUsersQuery>>;
export type InviteInput = z.input<typeof inviteUserBody>;
export type UserUpdate = z.input<typeof updateUserBody>;

const one = (id: string) => `/api/users/${encodeURIComponent(id)}`;
const ofOrganisation = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/users`;

/** Staff accounts of an organisation. */
export const usersApi = {
  list: (organisationId: string, query: UserQuery, signal?: AbortSignal) =>
    api.get<Page<User>>(ofOrganisation(organisationId), { query: { ...query }, signal }),
  invite: (organisationId: string, body: InviteInput) =>
    api.post<z.infer<typeof invitationResult>>(ofOrganisation(organisationId), body),
  update: (id: string, body: UserUpdate) => api.patch<User>(one(id), body),
  deactivate: (id: string, version: number) => api.post<User>(`${one(id)}/deactivate`, { version }),
  reactivate: (id: string, version: number) => api.post<User>(`${one(id)}/reactivate`, { version }),
  reinvite: (id: string) => api.post<InvitationLink>(`${one(id)}/reinvite`),
};
