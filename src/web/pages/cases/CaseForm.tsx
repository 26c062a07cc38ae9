import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { Form } from '../../components/Form.tsx';
import { checkBody } from '../../hooks/useSchemaForm.ts';
import type { Submission } from '../../hooks/useSubmit.ts';
import type { Check } from '../../lib/validate.ts';
import type { z } from 'zod';

/** Confirms a successful save on the case page (its live region says "Gespeichert um …"). */
export const SavedContext = createContext<() => void>(() => undefined);

export interface CaseFormProps<R> {
  /** The change, run without arguments (useSubmit). */
  submission: Submission<[], R>;
  /** After the change succeeded. */
  onSaved: (value: R) => void;
  /** Loads the record again after a version conflict; the form then starts from it. */
  onReload: () => void;
  submitLabel: string;
  submitVariant?: 'primary' | 'secondary' | 'danger';
  /** Shows a cancel button beside the submit button. */
  onCancel?: () => void;
  /** Marks required fields (default true); forms without required fields leave it out. */
  markRequired?: boolean;
  children?: ReactNode;
  'aria-labelledby'?: string;
  'aria-label'?: string;
  /**
   * R-SEC-4: the server's body schema; with `body` (what `submission` will send), the form
   * refuses what the server would refuse, at the fields and before anything is sent.
   */
  schema?: z.ZodType;
  body?: () => unknown;
  /** Rules the schema cannot know (a date within the case), reported with the schema's. */
  checks?: () => readonly Check[];
}

/**
 * A form of the case page: sends the change, shows field problems at their fields and a
 * version conflict with "reload", and reports success. Every section, edit panel and the legal
 * hold use it, so they behave alike.
 */
export function CaseForm<R>({
  submission,
  onSaved,
  onReload,
  submitLabel,
  submitVariant,
  onCancel,
  markRequired,
  children,
  schema,
  body,
  checks,
  ...labelling
}: CaseFormProps<R>) {
  const { t } = useTranslation();
  const confirmSaved = useContext(SavedContext);
  return (
    <Form
      {...labelling}
      error={submission.error}
      pending={submission.pending}
      markRequired={markRequired}
      onSubmit={() =>
        void (async () => {
          if (schema && body) {
            const checked = checkBody(schema, body(), t('errors.validation_failed'), checks?.());
            if (!checked.ok) {
              submission.setError(checked.error);
              return;
            }
          }
          const result = await submission.run();
          if (!result.ok) return;
          confirmSaved();
          onSaved(result.value);
        })()
      }
    >
      {isConflict(submission.error) && <ConflictNotice onReload={onReload} />}
      {children}
      <div className="form-actions">
        <SubmitButton variant={submitVariant}>{submitLabel}</SubmitButton>
        {onCancel && <Button onClick={onCancel}>{t('actions.cancel')}</Button>}
      </div>
    </Form>
  );
}

export interface CaseEditPanelProps<R> extends Omit<
  CaseFormProps<R>,
  'onCancel' | 'aria-label' | 'aria-labelledby'
> {
  title: string;
  /** Text above the form. */
  intro?: ReactNode;
  onClose: () => void;
}

/**
 * An edit panel on the case page holding one CaseForm: saving closes it and hands on what the
 * change answered, cancelling closes it. Keyed by the record's version, it starts from the
 * current record after a conflict and "reload".
 */
export function CaseEditPanel<R>({ title, intro, onSaved, onClose, ...form }: CaseEditPanelProps<R>) {
  return (
    <EditPanel title={title}>
      {intro}
      <CaseForm
        {...form}
        onSaved={(value) => {
          onClose();
          onSaved(value);
        }}
        onCancel={onClose}
        aria-label={title}
      />
    </EditPanel>
  );
}

/**
 * Which record an edit panel is open for. Closing puts focus back on the button that opened it
 * (found by its id, as the list may have been drawn again), so keyboard users continue there.
 */
export function useEditPanel<T>() {
  const [open, setOpen] = useState<T | null>(null);
  const opener = useRef<string | null>(null);
  useEffect(() => {
    if (open !== null || opener.current === null) return;
    document.getElementById(opener.current)?.focus();
    opener.current = null;
  }, [open]);
  const show = useCallback((value: T, openerId: string) => {
    opener.current = openerId;
    setOpen(() => value);
  }, []);
  const close = useCallback(() => setOpen(null), []);
  return { open, show, close };
}

/** Which sections of the case page show their form; focus follows opening and closing. */
export interface SectionEditing {
  isOpen: (section: string) => boolean;
  /** Opens a section's form; focus goes to its first field (or to `focusName`). */
  open: (section: string, focusName?: string) => void;
  /** Closes a section's form; focus goes back to the section's button. */
  close: (section: string) => void;
}

export const SectionEditingContext = createContext<SectionEditing>({
  isOpen: () => false,
  open: () => undefined,
  close: () => undefined,
});

/** The id of a section's button that opens its form ("contacts" → "contacts-edit"). */
export const editButtonId = (section: string) => `${section}-edit`;

/**
 * Keeps the open sections of the case page. Forms are drawn anew when the case changes (keyed
 * by version), so focus is moved by the page after each render rather than by the sections.
 */
export function useSectionEditing(): SectionEditing {
  const [openSections, setOpenSections] = useState<ReadonlySet<string>>(new Set());
  const focusNext = useRef<(() => HTMLElement | null) | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    const find = focusNext.current;
    if (!find) return;
    const element = find();
    if (!element || document.activeElement === element) return;
    // The case arrives a moment after the form closed and may draw the section anew, which
    // drops focus to the page; it is put back then — unless the person has moved on.
    const active = document.activeElement;
    if (focused.current && active && active !== document.body) {
      focusNext.current = null;
      return;
    }
    focused.current = true;
    element.focus();
  });
  const open = useCallback((section: string, focusName?: string) => {
    focused.current = false;
    focusNext.current = () =>
      document
        .getElementById(section)
        ?.querySelector<HTMLElement>(
          focusName ? `form [name="${focusName}"]` : 'form :is(input, select, textarea):not([type="hidden"])',
        ) ?? null;
    setOpenSections((current) => new Set(current).add(section));
  }, []);
  const close = useCallback((section: string) => {
    focused.current = false;
    focusNext.current = () => document.getElementById(editButtonId(section));
    setOpenSections((current) => {
      const next = new Set(current);
      next.delete(section);
      return next;
    });
  }, []);
  return useMemo(
    () => ({ isOpen: (section: string) => openSections.has(section), open, close }),
    [openSections, open, close],
  );
}

/** A section's button that opens its form, named after the section for screen readers. */
export function SectionEditButton({
  section,
  title,
  label,
}: {
  section: string;
  title: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const editing = useContext(SectionEditingContext);
  if (editing.isOpen(section)) return null;
  return (
    <Button
      id={editButtonId(section)}
      aria-label={label ? undefined : t('actions.editNamed', { name: title })}
      onClick={() => editing.open(section)}
    >
      {label ?? t('actions.edit')}
    </Button>
  );
}

/** A section's data as a definition list; an empty value shows as "–". */
export function Details({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? '–' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Whether a section shows its form, and how the form closes again. */
export function useSectionForm(section: string, canEdit: boolean) {
  const editing = useContext(SectionEditingContext);
  return {
    open: canEdit && editing.isOpen(section),
    close: () => editing.close(section),
  };
}
