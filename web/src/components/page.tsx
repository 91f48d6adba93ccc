import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

interface PageProps {
  title: string;
  /** Extra content beside the heading, e.g. a "new" button. */
  actions?: ReactNode;
  narrow?: boolean;
  children: ReactNode;
}

export function Page({ title, actions, narrow, children }: PageProps) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} | ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className={narrow ? 'page page-narrow' : 'page'}>
      <div className="page-head">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Card({ title, children, id }: { title?: string; children: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={title && id ? `${id}-title` : undefined}>
      {title ? <h2 id={id ? `${id}-title` : undefined}>{title}</h2> : null}
      {children}
    </section>
  );
}
