import type { ReactNode } from 'react';

/**
 * The box around a table: from tablet width up the table fits its column (its cells wrap, app.css); on a phone it
 * scrolls sideways inside this box, which a keyboard can reach and a screen reader names.
 */
export const TableBox = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={label}>
    {children}
  </div>
);
