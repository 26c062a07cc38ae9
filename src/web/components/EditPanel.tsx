import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface EditPanelProps {
  title: string;
  children: ReactNode;
}

/**
 * A card for creating or editing one record above a list. Its heading takes focus when it
 * opens, so keyboard and screen-reader users continue where the form is.
 */
export function EditPanel({ title, children }: EditPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card card-accent" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
