import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on narrow screens. Keyboard users can only scroll what they can focus,
 * so the region is focusable and named after the table's heading.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
