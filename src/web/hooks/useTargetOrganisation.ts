import { useSearchParams } from 'react-router';
import { useActiveSession } from '../session/SessionProvider.tsx';

/**
 * The organisation a page works on: the person's own, or for system administration the one
 * named in `?organisation=` (the server decides whether that is allowed).
 */
export function useTargetOrganisationId(): string {
  const { user } = useActiveSession();
  const [params] = useSearchParams();
  return params.get('organisation') || user.organisation.id;
}
