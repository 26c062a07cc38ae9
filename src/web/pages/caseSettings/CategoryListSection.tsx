import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import type { CategoryEntry, CategoryKey } from '../../api/cases.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { CheckboxField, TextField } from '../../components/Field.tsx';
import { Form, useFieldError } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { codeForLabel } from '../../lib/categoryCode.ts';
import type { SettingsFormProps } from './CaseSettingsPage.tsx';

/** An entry being edited; `code` is null for a new one until it is saved. */
interface EntryRow {
  code: string | null;
  de: string;
  en: string;
  active: boolean;
}

/** The entries to send: saved codes stay, new entries get a code made from their German label. */
function toEntries(rows: readonly EntryRow[]): CategoryEntry[] {
  const taken = new Set(rows.flatMap((row) => (row.code ? [row.code] : [])));
  return rows.map((row) => {
    const code = row.code ?? codeForLabel(row.de, taken);
    taken.add(code);
    return { code, de: row.de, en: row.en, active: row.active };
  });
}

/** One category list: a table of its entries, and an editor to rename, deactivate and add. */
export function CategoryListSection({ listKey, ...props }: SettingsFormProps & { listKey: CategoryKey }) {
  const { t: tc } = useTranslation('cases');
  const { settings, canEdit } = props;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const name = tc(`settingsPage.lists.${listKey}`);
  const entries = settings.categories[listKey];

  const columns: Column<CategoryEntry>[] = [
    { key: 'de', header: tc('settingsPage.labelDe'), cell: (entry) => entry.de, rowHeader: true },
    { key: 'en', header: tc('settingsPage.labelEn'), cell: (entry) => entry.en },
    { key: 'code', header: tc('settingsPage.code'), cell: (entry) => <code>{entry.code}</code> },
    {
      key: 'state',
      header: tc('settingsPage.state'),
      cell: (entry) => (
        <span className={`badge badge-${entry.active ? 'active' : 'deactivated'}`}>
          {entry.active ? tc('settingsPage.active') : tc('settingsPage.inactive')}
        </span>
      ),
    },
  ];

  return (
    <Section
      title={name}
      id={`list-${listKey}`}
      actions={
        canEdit &&
        !editing && (
          <Button
            aria-label={tc('settingsPage.editNamed', { name })}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {tc('settingsPage.edit')}
          </Button>
        )
      }
    >
      <p className="muted">
        {settings.customisedLists.includes(listKey)
          ? tc('settingsPage.customList')
          : tc('settingsPage.defaultList')}
      </p>
      {saved && (
        <Notice tone="success" role="status">
          <p>{tc('settingsPage.listSaved', { name })}</p>
        </Notice>
      )}
      {editing ? (
        <CategoryListForm
          key={props.generation}
          {...props}
          listKey={listKey}
          name={name}
          entries={entries}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <DataTable
          caption={tc('settingsPage.tableCaption', { name, count: entries.length })}
          captionHidden
          columns={columns}
          rows={entries}
          rowKey={(entry) => entry.code}
          emptyText={tc('settingsPage.emptyList')}
        />
      )}
    </Section>
  );
}

/** Problems about the list as a whole (duplicate codes, no active entry) shown above its rows. */
function ListProblem({ name }: { name: string }) {
  const message = useFieldError(name);
  return message ? <p className="field-error">{message}</p> : null;
}

function CategoryListForm({
  settings,
  listKey,
  name,
  entries,
  onSaved,
  onReload,
  onDone,
}: SettingsFormProps & {
  listKey: CategoryKey;
  name: string;
  entries: readonly CategoryEntry[];
  onDone: (saved: boolean) => void;
}) {
  const { t: tc } = useTranslation('cases');
  const { t } = useTranslation();
  const [rows, setRows] = useState<EntryRow[]>(() => entries.map((entry) => ({ ...entry })));
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'last' | 'add' | null>(null);
  const save = useSubmit(() =>
    casesApi.saveSettings({ version: settings.version, categories: { [listKey]: toEntries(rows) } }),
  );

  // After adding a row the cursor goes to its first field; after removing one, back to "add".
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'last') listRef.current?.querySelector<HTMLElement>('li:last-child input')?.focus();
    if (target === 'add') addRef.current?.focus();
  });

  const setRow = <K extends keyof EntryRow>(index: number, key: K, value: EntryRow[K]) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

  const field = `categories.${listKey}`;
  return (
    <Form
      onSubmit={() =>
        void save.run().then((result) => {
          if (!result.ok) return;
          onSaved(result.value);
          onDone(true);
        })
      }
      error={isConflict(save.error) ? null : save.error}
      pending={save.pending}
      aria-label={tc('settingsPage.editTitle', { name })}
    >
      {isConflict(save.error) && <ConflictNotice onReload={onReload} />}
      <p>{tc('settingsPage.editIntro')}</p>
      <ListProblem name={field} />
      <ol className="plain-list" ref={listRef}>
        {rows.map((row, i) => (
          <li key={i} className="entry-row">
            <fieldset>
              <legend className="schedule-row-title">
                {row.code
                  ? tc('settingsPage.entryN', { number: i + 1, code: row.code })
                  : tc('settingsPage.newEntryN', { number: i + 1 })}
              </legend>
              <div className="form-grid">
                <TextField
                  name={`${field}.${i}.de`}
                  label={tc('settingsPage.labelDe')}
                  required
                  maxLength={200}
                  value={row.de}
                  onChange={(value) => setRow(i, 'de', value)}
                />
                <TextField
                  name={`${field}.${i}.en`}
                  label={tc('settingsPage.labelEn')}
                  required
                  maxLength={200}
                  value={row.en}
                  onChange={(value) => setRow(i, 'en', value)}
                />
              </div>
              {row.code ? (
                <CheckboxField
                  name={`${field}.${i}.active`}
                  label={tc('settingsPage.activeLabel')}
                  checked={row.active}
                  onChange={(value) => setRow(i, 'active', value)}
                />
              ) : (
                <Button
                  onClick={() => {
                    focusNext.current = 'add';
                    setRows((current) => current.filter((_, j) => j !== i));
                  }}
                >
                  {tc('settingsPage.removeNew', { number: i + 1 })}
                </Button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="field-hint">{tc('settingsPage.codeFromLabel')}</p>
      <Button
        ref={addRef}
        onClick={() => {
          focusNext.current = 'last';
          setRows((current) => [...current, { code: null, de: '', en: '', active: true }]);
        }}
      >
        {tc('settingsPage.addEntry')}
      </Button>
      <div className="form-actions">
        <SubmitButton>{tc('settingsPage.saveList', { name })}</SubmitButton>
        <Button onClick={() => onDone(false)}>{t('actions.cancel')}</Button>
      </div>
    </Form>
  );
}
