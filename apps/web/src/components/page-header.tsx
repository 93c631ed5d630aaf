import type { ReactNode } from 'react';
import { usePageTitle } from '@web/lib/use-page-title';

interface PageHeaderProps {
  title: string;
  intro?: string;
  actions?: ReactNode;
}

/** The page's one `<h1>`, which also becomes the document title. */
export function PageHeader({ title, intro, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {intro ? <p className="page-header__intro">{intro}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
