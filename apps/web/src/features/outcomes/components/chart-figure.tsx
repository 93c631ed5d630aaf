import type { ReactNode } from 'react';

interface ChartFigureProps {
  id: string;
  title: string;
  /** What the chart shows and how to read it, in words. */
  description: string;
  /** The chart's numbers as a table; hidden on screen, read by screen readers instead of the drawing. */
  table: ReactNode;
  children: ReactNode;
  /** 4 when the chart sits inside a section that already has an h3. */
  level?: 3 | 4;
}

/**
 * A chart with its text alternative. The drawing is hidden from assistive technology (an SVG of bars reads as
 * noise) and a table with the same numbers stands in for it; the caption is visible to everyone.
 */
export function ChartFigure({ id, title, description, table, children, level = 3 }: ChartFigureProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <Heading id={`${id}-title`} className="subsection-title">
        {title}
      </Heading>
      {/* Charts keep a left-to-right number line in both languages; the categories are mirrored inside the chart. */}
      <div className="chart__canvas" dir="ltr" aria-hidden="true">
        {children}
      </div>
      <figcaption className="chart__caption">{description}</figcaption>
      <div className="visually-hidden">{table}</div>
    </figure>
  );
}
