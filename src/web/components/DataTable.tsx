import { useId } from 'react';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column that names the row; rendered as a row header for screen readers. */
  rowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  caption: string;
  /** Keeps the caption for assistive technology when a heading above already says it. */
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  emptyText: string;
  busy?: boolean;
}

/**
 * A list as a real table. The wrapper scrolls sideways on narrow screens and is focusable
 * and named, so keyboard users can scroll it too.
 */
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  emptyText,
  busy,
}: DataTableProps<T>) {
  const captionId = useId();
  if (rows.length === 0 && !busy) {
    return <p className="empty">{emptyText}</p>;
  }
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" aria-busy={busy || undefined}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.className}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
