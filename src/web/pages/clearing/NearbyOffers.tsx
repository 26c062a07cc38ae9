import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearingApi, clearingLabels, welcomePackageItems, type Offers } from '../../api/clearing.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { usePdfWindow } from '../../hooks/usePdfWindow.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCalendarDate } from '../../i18n/format.ts';
import { languageList } from '../../lib/names.ts';

/**
 * R-REF-2: the offers nearest the person's home — MBE and JMD offices by age and language, and
 * the course providers' integration courses with free places (childcare marked) — and the slip
 * in the person's language. Place and age are asked here only and never stored with the contact.
 */
export function NearbyOffers({ language }: { language: string }) {
  const { t } = useTranslation('clearing');
  const locale = currentLocale();
  const openPdf = usePdfWindow();
  const [place, setPlace] = useState('');
  const [age, setAge] = useState('');
  const [found, setFound] = useState<Offers | null>(null);
  const [packed, setPacked] = useState<string[]>([]);
  const search = useSubmit(() =>
    clearingApi.offers({ place, language, age: age === '' ? Number.NaN : Number(age) }),
  );
  const slip = useSubmit(() => clearingApi.slip({ place, language, age: Number(age) }));

  const submit = async () => {
    const result = await search.run();
    if (result.ok) setFound(result.value);
  };
  const print = async () => {
    const result = await slip.run();
    if (result.ok) openPdf(result.value);
  };

  return (
    <Section title={t('offers.heading')}>
      <p>{t('offers.intro')}</p>
      <Form
        onSubmit={() => void submit()}
        error={search.error}
        pending={search.pending}
        markRequired={false}
        aria-label={t('offers.heading')}
      >
        <TextField
          name="place"
          label={t('offers.place')}
          value={place}
          onChange={setPlace}
          autoComplete="off"
        />
        <TextField
          name="age"
          label={t('offers.age')}
          value={age}
          onChange={setAge}
          inputMode="numeric"
          autoComplete="off"
        />
        <SubmitButton>{t('offers.search')}</SubmitButton>
      </Form>
      {found && (
        <>
          <h3>{t('offers.offices')}</h3>
          {found.offices.length === 0 ? (
            <p className="empty">{t('offers.noOffices')}</p>
          ) : (
            <ul className="plain-list">
              {found.offices.map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong> ({o.suitableServices.join(', ')}) – {o.street}, {o.postcode}{' '}
                  {o.city}; {languageList(o.languages, locale)}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('offers.courses')}</h3>
          {found.courses.length === 0 ? (
            <p className="empty">{t('offers.noCourses')}</p>
          ) : (
            <ul className="plain-list">
              {found.courses.map((c) => (
                <li key={c.id}>
                  <strong>{c.title}</strong> – {c.providerName}
                  {c.place ? `, ${c.place}` : ''}
                  {c.startsOn
                    ? `, ${t('offers.startsOn', { date: formatCalendarDate(c.startsOn, locale) })}`
                    : ''}
                  {', '}
                  {t('offers.freePlaces', { count: c.freePlaces ?? 0 })}
                  {c.childcare ? `, ${t('offers.childcare')}` : ''}
                </li>
              ))}
            </ul>
          )}
          {slip.error && <Notice tone="error">{slip.error.problem.detail}</Notice>}
          <Button onClick={() => void print()} disabled={found.offices.length === 0 || slip.pending}>
            {t('offers.printSlip')}
          </Button>
        </>
      )}
      <CheckboxGroup
        name="welcomeChecklist"
        legend={t('offers.checklist')}
        options={welcomePackageItems.map((value) => ({
          value,
          label: clearingLabels[value]?.[locale] ?? value,
        }))}
        values={packed}
        onChange={setPacked}
      />
    </Section>
  );
}
