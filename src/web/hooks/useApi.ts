import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { toApiError } from './useSubmit.ts';
import type { ApiError } from '../api/client.ts';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /** Replaces the data after a successful change, without another request. */
  setData: (data: T) => void;
}

export interface ApiOptions {
  /**
   * Reference data without personal data (countries, languages, category lists): kept for the
   * whole visit and shared by every screen that asks. Everything else is dropped from the cache
   * as soon as no screen shows it, and read again (and audited) on the next visit.
   */
  reference?: boolean;
}

/**
 * Server data for a screen, through the one query cache of the web (TanStack Query). The key
 * names the resource and its parameters; screens that use the same key share one request. When
 * the key changes the previous data stays visible until the next arrives, so tables do not
 * flicker; a failed load for a new key shows the error, not the old results. Pass `null` as the
 * key to load nothing (e.g. while a parameter is missing).
 */
export function useApi<T>(
  key: QueryKey | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: ApiOptions = {},
): ApiResource<T> {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: key ?? ['idle'],
    queryFn: ({ signal }) => load(signal),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    ...(options.reference ? { staleTime: Infinity, gcTime: Infinity } : { gcTime: 0 }),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const serialisedKey = JSON.stringify(key);
  const setData = useCallback(
    (data: T) => {
      if (key !== null) queryClient.setQueryData(key, data);
    },
    // The key's content, not its identity, names the cache entry.
    [queryClient, serialisedKey],
  );
  const error = useMemo(() => (query.error ? toApiError(query.error) : null), [query.error]);
  return {
    data: key === null ? undefined : query.data,
    error,
    loading: key !== null && query.isFetching,
    reload,
    setData,
  };
}
