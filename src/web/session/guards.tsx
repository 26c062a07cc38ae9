import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { NavigationKey } from '../api/types.ts';
import { Loading } from '../components/LoadState.tsx';
import { EnrolmentPage } from '../pages/EnrolmentPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { publicPaths } from './navigation.ts';
import { returnPath, useSession } from './SessionProvider.tsx';
import type { SignInState } from './SessionProvider.tsx';

/**
 * The signed-in area: people without an active session go to sign-in; people whose
 * organisation requires a second factor they lack see only the enrolment page.
 */
export function RequireSession() {
  const { loading, session, endReason } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session || session.state === 'mfa_pending') {
    const state: SignInState = {
      reason: session ? undefined : (endReason ?? 'not_authenticated'),
      from: returnPath(endReason, location.pathname + location.search),
    };
    return <Navigate to={publicPaths.signIn} replace state={state} />;
  }
  if (session.state === 'enrolment_required') return <EnrolmentPage />;
  return <Outlet />;
}

/** Shows a page only when the server lists it in the person's navigation. */
export function RequireNavigation({ navKey, children }: { navKey: NavigationKey; children: ReactNode }) {
  const { session } = useSession();
  if (!session?.navigation.includes(navKey)) return <NotFoundPage />;
  return <>{children}</>;
}
