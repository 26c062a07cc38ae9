import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { Section } from '../../components/Page.tsx';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { CaseEditPanel, CaseForm, useEditPanel } from './CaseForm.tsx';
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
  add: (body: B) => Promise<unknown>;
  /** Sends the changed fields of a recorded entry, with its version. */
  update: (record: T, body: Partial<B> & { version: number }) => Promise<unknown>;
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
  /** Loads the case again. */
  onSaved: () => void;
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
  onClose,
}: {
  kind: RecordKind<T, V, B>;
  record?: T;
  label: string;
  onSaved: () => void;
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
        onSaved={onSaved}
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
      onSaved={() => {
        form.replace(initial);
        onSaved();
      }}
      onReload={onSaved}
      submitLabel={kind.addSubmit}
      markRequired={kind.markRequired}
      aria-label={label}
    >
      {fields}
    </CaseForm>
  );
}

/**
 * A list of recorded entries of a case (contacts, activities) with the form to record another.
 * Each row has an edit button that opens the same form, filled in, in an edit panel in place of
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
  kind,
}: RecordListSectionProps<T, V, B>) {
  const { t } = useTranslation();
  const panel = useEditPanel<string>();
  const buttonId = (row: T) => `${id}-edit-${row.id}`;
  // The row as last loaded: after a conflict and "reload" the form starts from the current version.
  const editing = panel.open === null ? undefined : rows.find((row) => row.id === panel.open);
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
    <Section title={title} id={id}>
      <DataTable
        caption={title}
        captionHidden
        columns={canEdit ? [...columns, editColumn] : columns}
        rows={rows}
        rowKey={(row) => row.id}
        emptyText={emptyText}
      />
      {canEdit && !editing && <h3>{addTitle}</h3>}
      {canEdit && (
        <RecordForm
          key={editing ? `${editing.id}-${editing.version}` : 'new'}
          kind={kind}
          record={editing}
          label={editing ? editTitle(editing) : addTitle}
          onSaved={onSaved}
          onClose={panel.close}
        />
      )}
    </Section>
  );
}
