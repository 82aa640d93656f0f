import type { ReactNode } from 'react';

/** A column name, or a name with the class its header cell takes (e.g. a column of bars). */
export type ScrollTableColumn = string | { name: string; className: string };

/**
 * A labelled table that scrolls sideways on a narrow screen (the page itself never does), with
 * one header row of column names; the rows are the children.
 */
export function ScrollTable({
  label,
  columns,
  className = 'queues',
  children,
}: {
  label: string;
  columns: ScrollTableColumn[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => {
              const { name, className: cell } =
                typeof column === 'string' ? { name: column, className: undefined } : column;
              return (
                <th scope="col" key={name} className={cell}>
                  {name}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
