import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReactNode } from 'react';
import { authApi } from '../api/auth.ts';
import { setCsrfToken, setSessionListener } from '../api/client.ts';
import type { Session, SessionUser } from '../api/types.ts';
import { applyLocale } from '../i18n/index.ts';
import { publicPaths } from './navigation.ts';

/** Why the sign-in page is shown; it explains the reason to the person. */
export type SignInReason =
  'session_expired' | 'not_authenticated' | 'signed_out' | 'signed_out_everywhere' | 'invitation_accepted';

/** Router state the sign-in page reads. */
export interface SignInState {
  reason?: SignInReason;
  from?: string;
}

interface SessionContextValue {
  loading: boolean;
  session: Session | null;
  /** Why the last session ended, shown on the sign-in page. */
  endReason: SignInReason | null;
  /** Fetches the session again (after sign-in, second factor or enrolment). */
  refresh: () => Promise<Session | null>;
  /** Replaces the signed-in user after a profile change. */
  setUser: (user: SessionUser) => void;
  /** Signs out on the server; the signed-in area then sends the person to sign-in. */
  signOut: () => Promise<void>;
  /** Forgets the session locally, remembering why. */
  endSession: (reason: SignInReason) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Where to continue after signing in again: back to the page, unless the person signed out on purpose. */
export function returnPath(reason: SignInReason | null, path: string): string | undefined {
  if (reason === 'signed_out' || reason === 'signed_out_everywhere') return undefined;
  return path.startsWith(publicPaths.signIn) ? undefined : path;
}

/** The session and its actions; only valid below SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a signed-in person; only valid inside the signed-in area. */
export function useActiveSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useActiveSession without a session');
  return session;
}

/**
 * Holds who is signed in. Loads the session once, applies the person's language, and ends
 * the session whenever the API reports it gone, sending the browser to the sign-in page with
 * the reason.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [session, setSession] = useState<Session | null>(null);
  const [endReason, setEndReason] = useState<SignInReason | null>(null);
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);

  const refresh = useCallback(async () => {
    try {
      const next = await authApi.session();
      setSession(next);
      if (next) setEndReason(null);
      if (next && next.state === 'active') await applyLocale(next.user.locale);
      return next;
    } catch {
      // The server could not answer; treat the person as signed out, sign-in will say why.
      setSession(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  const queryClient = useQueryClient();
  const endSession = useCallback(
    (reason: SignInReason) => {
      setCsrfToken(null);
      // What the person saw (caseloads, names) does not stay in memory after the session ends.
      queryClient.clear();
      setEndReason(reason);
      setSession(null);
      // RequireSession redirects from the signed-in area; pages outside it (e.g. "not found")
      // need the explicit navigation. Both carry the same reason and destination.
      const here = window.location.pathname + window.location.search;
      const state: SignInState = { reason, from: returnPath(reason, here) };
      void navigateRef.current(publicPaths.signIn, { replace: true, state });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      endSession('signed_out');
    }
  }, [endSession]);

  const setUser = useCallback((user: SessionUser) => {
    setSession((current) => (current ? { ...current, user } : current));
  }, []);

  useEffect(() => {
    void refresh();
    setSessionListener((code) => {
      if (code === 'session_expired' || code === 'not_authenticated') endSession(code);
      else void refresh();
    });
    return () => setSessionListener(null);
  }, [refresh, endSession]);

  const value = useMemo(
    () => ({ loading, session, endReason, refresh, setUser, signOut, endSession }),
    [loading, session, endReason, refresh, setUser, signOut, endSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
