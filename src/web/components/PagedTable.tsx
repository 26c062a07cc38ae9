import type { Page } from '../api/types.ts';
import type { ApiResource } from '../hooks/useApi.ts';
import { DataTable } from './DataTable.tsx';
import type { Column } from './DataTable.tsx';
import { LoadState } from './LoadState.tsx';
import { Pagination } from './Pagination.tsx';

export interface PagedTableProps<T> {
  /** One page of the list as the API answers it. */
  resource: ApiResource<Page<T>>;
  /** The table's caption for the number of rows in all. */
  caption: (total: number) => string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  emptyText: string;
  /** Names the paging navigation, e.g. "Seiten: Benutzer". */
  paginationLabel: string;
  offset: number;
  limit: number;
  onOffsetChange: (offset: number) => void;
}

/** A paged list: loading and load errors, the table of the current page, and paging below it. */
export function PagedTable<T>({
  resource,
  caption,
  columns,
  rowKey,
  emptyText,
  paginationLabel,
  offset,
  limit,
  onOffsetChange,
}: PagedTableProps<T>) {
  return (
    <LoadState resource={resource}>
      {(data) => (
        <>
          <DataTable
            caption={caption(data.total)}
            columns={columns}
            rows={data.items}
            rowKey={rowKey}
            emptyText={emptyText}
            busy={resource.loading}
          />
          <Pagination
            label={paginationLabel}
            offset={offset}
            limit={limit}
            total={data.total}
            onChange={onOffsetChange}
          />
        </>
      )}
    </LoadState>
  );
}
