import type { ReactNode } from 'react';

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
  columns: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className} aria-label={label}>
        <thead>
          <tr>
            {columns.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
