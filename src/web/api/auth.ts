import type { z } from 'zod';
import type {
  acceptInvitationBody,
  codeAndPasswordBody,
  codeBody,
  createTokenBody,
  createTokenResponse,
  loginBody,
  meBody,
  passwordBody,
  reauthenticateBody,
  tokenListResponse,
  totpLoginBody,
} from '../../server/modules/auth/auth.schemas.ts';
import { api, ApiError, setCsrfToken } from './client.ts';
import type { Invitation, LoginResult, RecoveryCodes, Session, SessionUser, TotpSetup } from './types.ts';

async function remember(result: Promise<LoginResult>): Promise<LoginResult> {
  const value = await result;
  setCsrfToken(value.csrfToken);
  return value;
}

/** Sign-in, session, second factor, personal tokens and invitations. */
export const authApi = {
  /** The current session, or null when nobody is signed in. */
  session: async (signal?: AbortSignal): Promise<Session | null> => {
    try {
      const session = await api.get<Session>('/api/auth/session', { signal, quiet: true });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  login: (body: z.input<typeof loginBody>) =>
    remember(api.post<LoginResult>('/api/auth/login', body, { quiet: true })),
  loginTotp: (body: z.input<typeof totpLoginBody>) =>
    remember(api.post<LoginResult>('/api/auth/login/totp', body, { quiet: true })),
  logout: async (): Promise<void> => {
    await api.post<void>('/api/auth/logout', undefined, { quiet: true });
    setCsrfToken(null);
  },
  logoutEverywhere: async (): Promise<void> => {
    await api.post<void>('/api/auth/logout-everywhere');
    setCsrfToken(null);
  },
  /** Changes the person's own settings; resolves with the updated user. */
  updateMe: async (body: z.input<typeof meBody>): Promise<SessionUser> => {
    // The answer is the whole session; the caller needs the user in it.
    const session = await api.patch<Session>('/api/auth/me', body);
    return session.user;
  },
  changePassword: (body: z.input<typeof passwordBody>) => api.post<void>('/api/auth/password', body),
  // Changing the second factor asks for the password again (re-authentication).
  setupTotp: (body: z.input<typeof reauthenticateBody>) => api.post<TotpSetup>('/api/auth/totp/setup', body),
  confirmTotp: ({ code }: z.input<typeof codeBody>) =>
    api.post<RecoveryCodes>('/api/auth/totp/confirm', { code }),
  disableTotp: (body: z.input<typeof codeAndPasswordBody>) => api.post<void>('/api/auth/totp/disable', body),
  regenerateRecoveryCodes: (body: z.input<typeof codeAndPasswordBody>) =>
    api.post<RecoveryCodes>('/api/auth/recovery-codes', body),
  tokens: (signal?: AbortSignal) =>
    api.get<z.infer<typeof tokenListResponse>>('/api/auth/tokens', { signal }),
  createToken: (body: z.input<typeof createTokenBody>) =>
    api.post<z.infer<typeof createTokenResponse>>('/api/auth/tokens', body),
  revokeToken: (id: string) => api.delete(`/api/auth/tokens/${encodeURIComponent(id)}`),
  invitation: (token: string, signal?: AbortSignal) =>
    api.get<Invitation>(`/api/auth/invitations/${encodeURIComponent(token)}`, { signal, quiet: true }),
  acceptInvitation: (body: z.input<typeof acceptInvitationBody>) =>
    api.post<void>('/api/auth/invitations/accept', body, { quiet: true }),
};
