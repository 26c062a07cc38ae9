import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Buttons.tsx';

export interface FilterBarProps<K extends string> {
  /** Names the search landmark. */
  label: string;
  /** The filters currently applied (from the address). */
  applied: Record<K, string>;
  onApply: (filters: Record<K, string>) => void;
  /** Renders the filter fields for the draft values. */
  children: (draft: Record<K, string>, set: (key: K, value: string) => void) => ReactNode;
}

/**
 * A search/filter form above a list. Changes apply on "Filter anwenden" (or Enter), so a
 * keyboard user moving through a select does not trigger a reload per option.
 */
export function FilterBar<K extends string>({ label, applied, onApply, children }: FilterBarProps<K>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(applied);
  const [appliedSnapshot, setAppliedSnapshot] = useState(applied);

  // When the address changes (back button, pagination reset), the inputs follow it.
  if (appliedSnapshot !== applied) {
    setAppliedSnapshot(applied);
    setDraft(applied);
  }

  const set = (key: K, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const empty = Object.fromEntries(Object.keys(applied).map((key) => [key, ''])) as Record<K, string>;
  const active = Object.values<string>(applied).some(Boolean);

  return (
    <form
      role="search"
      aria-label={label}
      className="filter-bar"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      {children(draft, set)}
      <div className="filter-actions">
        <Button type="submit" variant="primary">
          {t('filters.apply')}
        </Button>
        {active && <Button onClick={() => onApply(empty)}>{t('filters.reset')}</Button>}
      </div>
    </form>
  );
}
