import { api, ApiError, setCsrfToken } from './client.ts';
import type {
  ApiToken,
  Invitation,
  Locale,
  LoginResult,
  RecoveryCodes,
  Session,
  SessionUser,
  TokenScope,
  TotpSetup,
} from './types.ts';

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
  login: (body: { email: string; password: string }) =>
    remember(api.post<LoginResult>('/api/auth/login', body, { quiet: true })),
  loginTotp: (body: { code: string } | { recoveryCode: string }) =>
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
  updateMe: async (body: { locale?: Locale; displayName?: string }): Promise<SessionUser> => {
    // The answer is the user; the whole session (with the user inside) is accepted as well.
    const result = await api.patch<SessionUser | Session>('/api/auth/me', body);
    return 'user' in result ? result.user : result;
  },
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api.post<void>('/api/auth/password', body),
  // Changing the second factor asks for the password again (re-authentication).
  setupTotp: (body: { password: string }) => api.post<TotpSetup>('/api/auth/totp/setup', body),
  confirmTotp: ({ code }: { code: string }) => api.post<RecoveryCodes>('/api/auth/totp/confirm', { code }),
  disableTotp: (body: { code: string; password: string }) => api.post<void>('/api/auth/totp/disable', body),
  regenerateRecoveryCodes: (body: { code: string; password: string }) =>
    api.post<RecoveryCodes>('/api/auth/recovery-codes', body),
  tokens: (signal?: AbortSignal) => api.get<{ items: ApiToken[] }>('/api/auth/tokens', { signal }),
  createToken: (body: { name: string; scope: TokenScope; expiresInDays?: number }) =>
    api.post<{ token: string; item: ApiToken }>('/api/auth/tokens', body),
  revokeToken: (id: string) => api.delete(`/api/auth/tokens/${encodeURIComponent(id)}`),
  invitation: (token: string, signal?: AbortSignal) =>
    api.get<Invitation>(`/api/auth/invitations/${encodeURIComponent(token)}`, { signal, quiet: true }),
  acceptInvitation: (body: { token: string; password: string }) =>
    api.post<void>('/api/auth/invitations/accept', body, { quiet: true }),
};
