import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams<K extends string> {
  filters: Record<K, string>;
  offset: number;
  /** Applies new filters and goes back to the first page. */
  setFilters: (filters: Record<K, string>) => void;
  setOffset: (offset: number) => void;
}

/**
 * Filters and paging of a list kept in the address, so a filtered list survives a reload and
 * can be shared or bookmarked.
 */
export function useListParams<K extends string>(keys: readonly K[]): ListParams<K> {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>,
    // keys is a constant list per page, so the parameters alone decide.
    [params],
  );
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);

  const setFilters = useCallback(
    (next: Record<K, string>) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries<string>(next)) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        updated.delete('offset');
        return updated;
      });
    },
    [setParams],
  );

  const setOffset = useCallback(
    (value: number) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (value > 0) updated.set('offset', String(value));
        else updated.delete('offset');
        return updated;
      });
    },
    [setParams],
  );

  return { filters, offset, setFilters, setOffset };
}
