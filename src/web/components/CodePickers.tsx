import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../api/directory.ts';
import { useApi } from '../hooks/useApi.ts';
import { currentLocale } from '../i18n/index.ts';
import { languageName } from '../lib/names.ts';
import { Button } from './Buttons.tsx';
import { SelectField } from './Field.tsx';

type Named = { code: string; de: string; en: string };

/** Countries or languages as options named in the reader's language, sorted by that name. */
function useNamedOptions(kind: 'countries' | 'languages') {
  const locale = currentLocale();
  const list = useApi(['reference', kind], (signal) => directoryApi[kind](signal), { reference: true });
  return useMemo(
    () =>
      (list.data?.items ?? [])
        .map((item: Named) => ({ value: item.code, label: locale === 'en' ? item.en : item.de }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [list.data, locale],
  );
}

interface PickerProps {
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}

/**
 * A country chosen from the list of countries by name (typing the first letters jumps there);
 * the value is the ISO 3166 code the server stores.
 */
export function CountryField({ name, label, hint, value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const options = useNamedOptions('countries');
  // Until the list arrives, a stored value still shows (as its name) and is kept.
  const shown =
    value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <SelectField
      name={name}
      label={label}
      hint={hint}
      value={value}
      onChange={onChange}
      options={shown}
      emptyLabel={t('picker.notStated')}
    />
  );
}

/**
 * Several languages chosen one by one from the list of languages by name. `value` holds the ISO
 * 639 codes separated by commas, as the forms keep them; people only ever see names.
 */
export function LanguagesField({ name, label, hint, value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const options = useNamedOptions('languages');
  const [next, setNext] = useState('');
  const chosen = value.split(/[\s,;]+/).filter(Boolean);
  const add = () => {
    if (next && !chosen.includes(next)) onChange([...chosen, next].join(', '));
    setNext('');
  };
  return (
    <div className="field language-picker" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="field-label">
        {label}
      </span>
      {chosen.length === 0 ? (
        <p className="muted">{t('picker.none')}</p>
      ) : (
        <ul className="chips">
          {chosen.map((code) => (
            <li key={code}>
              {languageName(code, locale)}{' '}
              <Button
                variant="link"
                aria-label={t('picker.removeNamed', { name: languageName(code, locale) })}
                onClick={() => onChange(chosen.filter((c) => c !== code).join(', '))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-add">
        <SelectField
          name={name}
          label={t('picker.addTo', { field: label })}
          hint={hint}
          value={next}
          onChange={setNext}
          options={options.filter((o) => !chosen.includes(o.value))}
          emptyLabel={t('picker.choose')}
        />
        <Button onClick={add} disabled={!next}>
          {t('picker.add')}
        </Button>
      </div>
    </div>
  );
}
