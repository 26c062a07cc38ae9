import { api } from './client.ts';
import type { InvitationLink, Page, Role, User } from './types.ts';

export interface UserQuery {
  q?: string;
  status?: string;
  offset?: number;
  limit?: number;
}

export interface InviteInput {
  email: string;
  displayName: string;
  roles: Role[];
  functionTitle?: string;
  phone?: string;
}

export interface UserUpdate {
  version: number;
  displayName?: string;
  roles?: Role[];
  functionTitle?: string | null;
  phone?: string | null;
}

const one = (id: string) => `/api/users/${encodeURIComponent(id)}`;
const ofOrganisation = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/users`;

/** Staff accounts of an organisation. */
export const usersApi = {
  list: (organisationId: string, query: UserQuery, signal?: AbortSignal) =>
    api.get<Page<User>>(ofOrganisation(organisationId), { query: { ...query }, signal }),
  invite: (organisationId: string, body: InviteInput) =>
    api.post<{ user: User } & InvitationLink>(ofOrganisation(organisationId), body),
  update: (id: string, body: UserUpdate) => api.patch<User>(one(id), body),
  deactivate: (id: string, version: number) => api.post<User>(`${one(id)}/deactivate`, { version }),
  reactivate: (id: string, version: number) => api.post<User>(`${one(id)}/reactivate`, { version }),
  reinvite: (id: string) => api.post<InvitationLink>(`${one(id)}/reinvite`),
};
