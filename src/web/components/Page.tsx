import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

let firstPage = true;

export interface PageProps {
  title: string;
  /** Shown under the heading. */
  intro?: ReactNode;
  /** Buttons or links beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * Sets the document title to "<Page> – Koop" and renders the page's only h1. After a
 * client-side navigation the heading takes focus, so screen readers announce the new page.
 */
export function Page({ title, intro, actions, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – Koop`;
  }, [title]);

  useEffect(() => {
    if (firstPage) firstPage = false;
    else headingRef.current?.focus();
  }, []);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          {intro && <div className="page-intro">{intro}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

export interface SectionProps {
  title: string;
  children: ReactNode;
  /** Extra content beside the heading (e.g. a button). */
  actions?: ReactNode;
  id?: string;
}

/** A card with an h2; the building block of every page. */
export function Section({ title, children, actions, id }: SectionProps) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="card" aria-labelledby={headingId} id={id}>
      <div className="card-header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
