import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

export type SortDirection = 'asc' | 'desc';

export interface Column<T> {
  id: string;
  /** The header as people read it (and as the e2e tests find it): never upper-cased by CSS. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** Classes of this column's cells (width, wrapping, tone). */
  className?: string;
  sortable?: boolean;
}

/**
 * The one table: a named region that scrolls sideways on a phone and takes focus (keyboard users
 * scroll it too), its first column kept in view while the rest scrolls, headers as written, and
 * sort buttons announced with aria-sort. No hooks: server pages (Audit, Alerts) render it too;
 * sorting is the caller's, through `sort`.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
  rowData,
  rowClassName = '',
  size = 'sm',
  sort,
  testId,
  footer,
}: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  rowTestId?: (row: T) => string;
  /** data-* attributes of a row (its state, for tests and styles). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  rowClassName?: string;
  size?: 'sm' | 'xs';
  sort?: { column: string; direction: SortDirection; onSort: (column: string) => void };
  testId?: string;
  /** Rows after the data (totals, "the other values"), as <tr>s. */
  footer?: ReactNode;
}) {
  const pad = size === 'xs' ? 'px-2 py-1.5' : 'px-2 py-2';
  // Kept in view on a phone (app/globals.css): the first column tells which row the scrolled cells belong to.
  const first = 'table-first-col';
  return (
    <TableScroll label={label}>
      <table className={`w-full text-left ${size === 'xs' ? 'text-xs' : 'text-sm'}`} data-testid={testId}>
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            {columns.map((c, i) => {
              const sorted = sort && sort.column === c.id ? sort.direction : null;
              return (
                <th
                  key={c.id}
                  scope="col"
                  className={`px-2 py-2 font-semibold ${c.align === 'right' ? 'text-right' : ''} ${i === 0 ? first : ''}`}
                  aria-sort={sort && c.sortable ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                >
                  {sort && c.sortable ? (
                    <button type="button" className="font-semibold hover:text-slate-900" onClick={() => sort.onSort(c.id)}>
                      {c.header}
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)} {...rowData?.(row)} className={`border-b border-slate-100 ${rowClassName}`}>
              {columns.map((c, i) => (
                <td key={c.id} className={`${pad} ${c.align === 'right' ? 'text-right tabular-nums' : ''} ${i === 0 ? first : ''} ${c.className ?? ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
          {footer}
        </tbody>
      </table>
    </TableScroll>
  );
}
