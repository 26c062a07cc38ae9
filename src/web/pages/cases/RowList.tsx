import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Buttons.tsx';
import type { TextKey } from '../../hooks/useFormValues.ts';

export interface RowTools<R> {
  /** name, value and onChange of a text field or select bound to one value of the row. */
  field: (key: TextKey<R>) => { name: string; value: string; onChange: (value: string) => void };
  /** Changes other values of the row (checkboxes). */
  update: (change: Partial<R>) => void;
  index: number;
}

export interface RowListProps<R extends { key: number }> {
  /** The API's name of the list ("familyMembers"); fields are named `<name>.<index>.<key>`. */
  name: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  newRow: () => R;
  /** The field of a new row that takes focus, so keyboard users continue there. */
  firstField: TextKey<R>;
  removeLabel: (index: number) => string;
  addLabel: string;
  children: (row: R, tools: RowTools<R>) => ReactNode;
}

/**
 * Rows of a form that can be added and removed (family members, qualifications). Field names
 * follow the API's paths, so a problem from the server appears at its row's field.
 */
export function RowList<R extends { key: number }>({
  name,
  rows,
  onChange,
  newRow,
  firstField,
  removeLabel,
  addLabel,
  children,
}: RowListProps<R>) {
  const { t } = useTranslation();
  const tools = (row: R, index: number): RowTools<R> => {
    const update = (change: Partial<R>) =>
      onChange(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)));
    return {
      index,
      update,
      field: (key) => ({
        name: `${name}.${index}.${key}`,
        value: String(row[key]),
        onChange: (value) => update({ [key]: value } as Partial<R>),
      }),
    };
  };
  const add = () => {
    onChange([...rows, newRow()]);
    const field = `${name}.${rows.length}.${firstField}`;
    setTimeout(() => document.querySelector<HTMLElement>(`[name="${field}"]`)?.focus(), 0);
  };
  return (
    <>
      <ul className="plain-list">
        {rows.map((row, index) => (
          <li key={row.key} className="schedule-row">
            {children(row, tools(row, index))}
            <Button
              aria-label={removeLabel(index)}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              {t('actions.delete')}
            </Button>
          </li>
        ))}
      </ul>
      <Button onClick={add}>{addLabel}</Button>
    </>
  );
}
