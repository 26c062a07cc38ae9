import { useContext } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { Section } from '../../components/Page.tsx';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import {
  CaseEditPanel,
  CaseForm,
  SectionEditButton,
  SectionEditingContext,
  useEditPanel,
} from './CaseForm.tsx';
import { changedFields } from './caseFormat.ts';

interface Recorded {
  id: string;
  version: number;
}

export type FormState<V extends object> = ReturnType<typeof useFormValues<V>>;

/** How one kind of entry is recorded and changed: its form values, API body and fields. */
export interface RecordKind<T extends Recorded, V extends object, B extends object> {
  /** Form values of a recorded entry, or of an empty form. */
  toValues: (record?: T) => V;
  /** The API body built from the form values. */
  toInput: (values: V) => B;
  add: (body: B) => Promise<T>;
  /** Sends the changed fields of a recorded entry, with its version. */
  update: (record: T, body: Partial<B> & { version: number }) => Promise<T>;
  addSubmit: string;
  /** Marks required fields (default true). */
  markRequired?: boolean;
  fields: (form: FormState<V>, record: T | undefined) => ReactNode;
}

export interface RecordListSectionProps<T extends Recorded, V extends object, B extends object> {
  /** The section's id ("contacts"); its heading is `<id>-heading`. */
  id: string;
  title: string;
  columns: Column<T>[];
  rows: readonly T[];
  emptyText: string;
  /** Whether the case allows changes (from its allowedActions). */
  canEdit: boolean;
  /** Names one row, for its edit button ("Kontakt vom 12.03.2026, 10:00"). */
  rowName: (row: T) => string;
  addTitle: string;
  editTitle: (row: T) => string;
  /** Puts the recorded or changed entry, as the server answered, into the case on screen. */
  onSaved: (record: T) => void;
  /** Loads the case again (after a conflict). */
  onReload: () => void;
  kind: RecordKind<T, V, B>;
}

/**
 * The one form that records a new entry and, filled in from a recorded one, changes it — then
 * sending only the changed fields with the entry's version (nothing at all when nothing changed).
 */
function RecordForm<T extends Recorded, V extends object, B extends object>({
  kind,
  record,
  label,
  onSaved,
  onReload,
  onClose,
}: {
  kind: RecordKind<T, V, B>;
  record?: T;
  label: string;
  onSaved: (record: T) => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const initial = kind.toValues(record);
  const form = useFormValues(initial);
  const save = useSubmit(async () => {
    if (!record) return kind.add(kind.toInput(form.values));
    const changes = changedFields(kind.toInput(initial), kind.toInput(form.values));
    if (Object.keys(changes).length === 0) return null;
    return kind.update(record, { version: record.version, ...changes });
  });
  const fields = kind.fields(form, record);
  if (record)
    return (
      <CaseEditPanel
        title={label}
        submission={save}
        onSaved={(saved) => saved && onSaved(saved)}
        onReload={onReload}
        onClose={onClose}
        submitLabel={t('actions.save')}
        markRequired={kind.markRequired}
      >
        {fields}
      </CaseEditPanel>
    );
  return (
    <CaseForm
      submission={save}
      onSaved={(saved) => {
        onClose();
        if (saved) onSaved(saved);
      }}
      onReload={onReload}
      onCancel={onClose}
      submitLabel={kind.addSubmit}
      markRequired={kind.markRequired}
      aria-label={label}
    >
      {fields}
    </CaseForm>
  );
}

/**
 * A list of recorded entries of a case (contacts, activities); the button beside the heading
 * opens the form to record another, in place. Each row has an edit button that opens the same form, filled in, in an edit panel in place of
 * the empty one; closing it returns focus to that row's button.
 */
export function RecordListSection<T extends Recorded, V extends object, B extends object>({
  id,
  title,
  columns,
  rows,
  emptyText,
  canEdit,
  rowName,
  addTitle,
  editTitle,
  onSaved,
  onReload,
  kind,
}: RecordListSectionProps<T, V, B>) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const editing = useContext(SectionEditingContext);
  const adding = editing.isOpen(id);
  const panel = useEditPanel<string>();
  const buttonId = (row: T) => `${id}-edit-${row.id}`;
  // The row as last loaded: after a conflict and "reload" the form starts from the current version.
  const edited = panel.open === null ? undefined : rows.find((row) => row.id === panel.open);
  const editColumn: Column<T> = {
    key: 'edit',
    header: <span className="visually-hidden">{t('common.actions')}</span>,
    className: 'actions',
    cell: (row) => (
      <Button
        id={buttonId(row)}
        aria-label={t('actions.editNamed', { name: rowName(row) })}
        onClick={() => panel.show(row.id, buttonId(row))}
      >
        {t('actions.edit')}
      </Button>
    ),
  };
  return (
    <Section
      title={title}
      id={id}
      actions={canEdit && !edited && <SectionEditButton section={id} title={title} label={addTitle} />}
    >
      <DataTable
        caption={tc('tableOf', { title })}
        captionHidden
        columns={canEdit ? [...columns, editColumn] : columns}
        rows={rows}
        rowKey={(row) => row.id}
        emptyText={emptyText}
      />
      {canEdit && edited && (
        <RecordForm
          key={`${edited.id}-${edited.version}`}
          kind={kind}
          record={edited}
          label={editTitle(edited)}
          onSaved={onSaved}
          onReload={onReload}
          onClose={panel.close}
        />
      )}
      {canEdit && !edited && adding && (
        <>
          <h3>{addTitle}</h3>
          <RecordForm
            key="new"
            kind={kind}
            label={addTitle}
            onSaved={onSaved}
            onReload={onReload}
            onClose={() => editing.close(id)}
          />
        </>
      )}
    </Section>
  );
}
