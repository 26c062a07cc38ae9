import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { Form } from '../../components/Form.tsx';
import type { Submission } from '../../hooks/useSubmit.ts';

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
  'onSaved' | 'onReload' | 'onCancel' | 'aria-label' | 'aria-labelledby'
> {
  title: string;
  /** Text above the form. */
  intro?: ReactNode;
  /** Loads the case again: after saving, and after a conflict (the panel then starts anew). */
  onSaved: () => void;
  onClose: () => void;
}

/**
 * An edit panel on the case page holding one CaseForm: saving closes it and loads the case
 * again, cancelling closes it. Keyed by the record's version, it starts from the current record
 * after a conflict and "reload".
 */
export function CaseEditPanel<R>({ title, intro, onSaved, onClose, ...form }: CaseEditPanelProps<R>) {
  return (
    <EditPanel title={title}>
      {intro}
      <CaseForm
        {...form}
        onSaved={() => {
          onClose();
          onSaved();
        }}
        onReload={onSaved}
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
