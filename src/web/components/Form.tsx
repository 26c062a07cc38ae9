import { createContext, useCallback, useContext, useEffect, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { currentLocale } from '../i18n/index.ts';
import { fieldProblemMessage } from '../i18n/problem.ts';
import { FormError } from './Notice.tsx';

interface FormContextValue {
  /** Translated message per field name (the problem's dot-joined path). */
  fieldErrors: ReadonlyMap<string, string>;
  register: (name: string) => () => void;
  pending: boolean;
  markRequired: boolean;
}

const FormContext = createContext<FormContextValue | null>(null);

/** The error message for a field inside a Form, registering the field so it is not repeated above. */
export function useFieldError(name: string | undefined): string | undefined {
  const context = useContext(FormContext);
  const register = context?.register;
  useEffect(() => (register && name ? register(name) : undefined), [register, name]);
  return name ? context?.fieldErrors.get(name) : undefined;
}

/** Whether required fields show their marker (forms of one or two fields leave it out). */
export function useMarkRequired(): boolean {
  return useContext(FormContext)?.markRequired ?? false;
}

/** Whether the surrounding form is being submitted. */
export function useFormPending(): boolean {
  return useContext(FormContext)?.pending ?? false;
}

export interface FormProps {
  onSubmit: () => void;
  error: ApiError | null;
  pending?: boolean;
  children: ReactNode;
  /** Marks required fields with an asterisk and explains it (default true). */
  markRequired?: boolean;
  className?: string;
  'aria-labelledby'?: string;
  'aria-label'?: string;
}

/**
 * A form that shows API problems: field messages next to their fields, everything else as one
 * alert above the fields. After a failed submit, focus moves to the first invalid field or to
 * the alert, so keyboard and screen-reader users land on the problem.
 */
export function Form({
  onSubmit,
  error,
  pending = false,
  children,
  markRequired = true,
  className,
  ...labelling
}: FormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const registered = useRef(new Map<string, number>());

  const register = useCallback((name: string) => {
    const fields = registered.current;
    fields.set(name, (fields.get(name) ?? 0) + 1);
    return () => {
      const count = (fields.get(name) ?? 1) - 1;
      if (count <= 0) fields.delete(name);
      else fields.set(name, count);
    };
  }, []);

  const locale = currentLocale();
  // A problem belongs to the field named by its path, or by the path's first part
  // ("roles.2" → "roles"); problems without a field on screen go to the alert.
  const fieldErrors = new Map<string, string>();
  const unmatched: string[] = [];
  for (const problem of error?.problem.errors ?? []) {
    const message = fieldProblemMessage(problem, t, locale);
    const head = problem.path.split('.')[0] ?? problem.path;
    const field = registered.current.has(problem.path)
      ? problem.path
      : registered.current.has(head)
        ? head
        : null;
    if (field === null) unmatched.push(message);
    else if (!fieldErrors.has(field)) fieldErrors.set(field, message);
  }

  useEffect(() => {
    if (!error) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else alertRef.current?.focus();
  }, [error]);

  const value = { fieldErrors, register, pending, markRequired };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} className={className ?? 'form'} {...labelling}>
      <FormContext.Provider value={value}>
        {error && <FormError error={error} details={unmatched} focusRef={alertRef} />}
        {markRequired && <p className="form-note">{t('form.requiredNote')}</p>}
        {children}
      </FormContext.Provider>
    </form>
  );
}
