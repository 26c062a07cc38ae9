import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  consentFormBody,
  sendReferralBody,
  slipBody,
} from '../../../server/modules/referrals/referrals.schemas.ts';
import type { DocumentLanguage } from '../../../server/documents/languages.ts';
import { referralsApi } from '../../api/referrals.ts';
import type { SentReferral, SlipInput, SuitableOffice, SuitableOffices } from '../../api/referrals.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { checkBody, useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { usePdfWindow } from '../../hooks/usePdfWindow.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useReferralWords } from './referralWords.ts';

interface AskValues {
  place: string;
  language: string;
  age: string;
  topic: string;
}

/**
 * "An Beratung verweisen" for Jobcenter and ABH staff (R-REF-1, R-REF-3, R-UX-3): what the person
 * says (place, language, age, topic) finds the nearest suitable offices; the slip names them in
 * the person's language and German with nothing about the person. With the person's signed
 * consent a named referral goes to one office. Below, the referrals sent, each with at most one
 * of two outcomes (R-REF-4).
 */
export function ReferPage() {
  const { t: tr } = useTranslation('referrals');
  const w = useReferralWords();
  const openPdf = usePdfWindow();
  const [asked, setAsked] = useState<SlipInput | null>(null);
  const [found, setFound] = useState<SuitableOffices | null>(null);
  const [chosen, setChosen] = useState<SuitableOffice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sent = useApi(['referrals-sent'], (signal) => referralsApi.sent(signal));

  const search = useSubmit((body: z.output<typeof slipBody>) => referralsApi.offices(body));
  const slip = useSubmit((body: SlipInput) => referralsApi.slip(body));
  const form = useSchemaForm({
    schema: slipBody,
    defaultValues: { place: '', language: '', age: '', topic: '' } satisfies AskValues,
    toBody: (values: AskValues) => ({
      place: values.place,
      language: values.language,
      age: values.age === '' ? Number.NaN : Number(values.age),
      topic: values.topic,
    }),
    submission: search,
  });
  const { text } = form;

  const submit = form.submit(async (body) => {
    setNotice(null);
    setChosen(null);
    const result = await search.run(body);
    if (!result.ok) return;
    setAsked(body);
    setFound(result.value);
  });

  const printSlip = async () => {
    if (!asked) return;
    const result = await slip.run(asked);
    if (!result.ok) return;
    openPdf(result.value);
    setNotice(tr('slipPrinted'));
  };

  const outcomeColumns: Column<SentReferral>[] = [
    {
      key: 'person',
      header: tr('person'),
      rowHeader: true,
      cell: (x) => [x.person.givenName, x.person.familyName].filter(Boolean).join(' '),
    },
    { key: 'office', header: tr('office'), cell: (x) => `${x.office.name} (${x.office.providerName})` },
    { key: 'sentOn', header: tr('sentOn'), cell: (x) => formatDateTime(x.createdAt, w.locale) },
    { key: 'outcome', header: tr('outcome'), cell: (x) => w.outcome(x.outcome) },
  ];

  return (
    <Page title={tr('referTitle')} intro={<p>{tr('referIntro')}</p>}>
      <Notice tone="info">
        <p>{tr('voluntary')}</p>
      </Notice>
      <Section title={tr('askTitle')} id="refer-ask">
        <Form onSubmit={submit} error={search.error} pending={search.pending} aria-label={tr('askTitle')}>
          <div className="form-grid">
            <TextField {...text('place')} label={tr('place')} required autoComplete="off" />
            <SelectField
              {...text('language')}
              label={tr('language')}
              required
              emptyLabel=""
              options={w.languageOptions}
            />
            <TextField
              {...text('age')}
              label={tr('age')}
              required
              inputMode="numeric"
              type="number"
              min={0}
              max={120}
            />
            <SelectField
              {...text('topic')}
              label={tr('topic')}
              required
              emptyLabel=""
              options={w.topicOptions}
            />
          </div>
          <div className="form-actions">
            <SubmitButton>{tr('findOffices')}</SubmitButton>
          </div>
        </Form>
      </Section>

      {found && asked && (
        <Section title={tr('officesTitle')} id="refer-offices">
          {found.languageFallback && (
            <Notice tone="warning">
              <p>{tr('languageFallback')}</p>
            </Notice>
          )}
          {found.items.length === 0 ? (
            <p>{tr('noOffices')}</p>
          ) : (
            <>
              <ol className="offer-list">
                {found.items.map((office) => (
                  <li key={office.id} className="offer-card">
                    <h3>{office.name}</h3>
                    <p>
                      {office.providerName} · {office.suitableServices.map(w.service).join(', ')}
                    </p>
                    <p>
                      {office.street}, {office.postcode} {office.city}
                      {office.distanceKm !== null && <> · {tr('distance', { km: office.distanceKm })}</>}
                    </p>
                    <p>{office.languages.map(w.language).join(', ')}</p>
                    <Button onClick={() => setChosen(office)}>{tr('referByName')}</Button>
                  </li>
                ))}
              </ol>
              <p className="field-hint">{tr('slipHint')}</p>
              {slip.error && (
                <Notice tone="error" role="alert">
                  <p>{slip.error.message}</p>
                </Notice>
              )}
              <Button variant="primary" onClick={() => void printSlip()} disabled={slip.pending}>
                {tr('printSlip')}
              </Button>
            </>
          )}
          {notice && (
            <Notice tone="success" role="status">
              <p>{notice}</p>
            </Notice>
          )}
        </Section>
      )}

      {chosen && asked && (
        <NamedReferralForm
          key={chosen.id}
          office={chosen}
          asked={asked}
          openPdf={openPdf}
          onSent={(referral) => {
            setChosen(null);
            setNotice(tr('sentNotice', { office: referral.office.name }));
            sent.reload();
          }}
          onClose={() => setChosen(null)}
        />
      )}

      <Section title={tr('sentTitle')} id="refer-sent">
        <LoadState resource={sent}>
          {(data) => (
            <DataTable
              caption={tr('sentTable')}
              captionHidden
              columns={outcomeColumns}
              rows={data.items}
              rowKey={(x) => x.id}
              emptyText={tr('sentEmpty')}
              busy={sent.loading}
            />
          )}
        </LoadState>
      </Section>
    </Page>
  );
}

interface NamedValues {
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
  service: string;
  callFirst: boolean;
  note: string;
  feedback: string;
  consentLanguage: string;
  consentGiven: boolean;
}

/** R-REF-1, R-RED-1: the named referral to one office, after the person signed the short consent. */
function NamedReferralForm({
  office,
  asked,
  openPdf,
  onSent,
  onClose,
}: {
  office: SuitableOffice;
  asked: SlipInput;
  openPdf: (blob: Blob) => void;
  onSent: (referral: SentReferral) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('referrals');
  const w = useReferralWords();
  const send = useSubmit((body: z.output<typeof sendReferralBody>) => referralsApi.send(body));
  const print = useSubmit((body: z.output<typeof consentFormBody>) => referralsApi.consentForm(body));
  const documentLanguage = w.languageOptions.some((o) => o.value === asked.language) ? asked.language : 'de';
  const defaultValues: NamedValues = {
    givenName: '',
    familyName: '',
    phone: '',
    email: '',
    service: office.suitableServices.length === 1 ? (office.suitableServices[0] ?? '') : '',
    callFirst: false,
    note: '',
    feedback: '',
    consentLanguage: documentLanguage,
    consentGiven: false,
  };
  const fields = (values: NamedValues) => ({
    officeId: office.id,
    service: values.service as 'MBE' | 'JMD',
    givenName: values.givenName,
    familyName: values.familyName,
    phone: values.phone,
    email: values.email === '' ? null : values.email,
    language: asked.language,
    age: asked.age,
    topic: asked.topic,
    note: values.note,
    callFirst: values.callFirst,
  });
  const feedbackOf = (values: NamedValues) => values.feedback === 'yes';
  const form = useSchemaForm({
    schema: sendReferralBody,
    defaultValues,
    toBody: (values: NamedValues) => ({
      ...fields(values),
      consent: {
        given: values.consentGiven as true,
        feedbackAllowed: feedbackOf(values),
        language: values.consentLanguage as DocumentLanguage,
      },
    }),
    checks: (values) => [
      { path: 'consent.feedbackAllowed', failed: values.feedback === '', message: t('fieldErrors.required') },
    ],
    submission: send,
  });
  const { values, set, text } = form;
  const titleId = `refer-named-${office.id}`;

  const printConsent = async () => {
    send.reset();
    const body = {
      ...fields(values),
      feedbackAllowed: feedbackOf(values),
      consentLanguage: values.consentLanguage,
    };
    const checked = checkBody(consentFormBody, body, t('errors.validation_failed'), [
      { path: 'feedbackAllowed', failed: values.feedback === '', message: t('fieldErrors.required') },
    ]);
    if (!checked.ok) {
      print.setError(checked.error);
      return;
    }
    const result = await print.run(checked.body);
    if (result.ok) openPdf(result.value);
  };

  const submit = form.submit(async (body) => {
    print.reset();
    const result = await send.run(body);
    if (result.ok) onSent(result.value);
  });

  return (
    <Section title={tr('namedTitle', { office: office.name })} id="refer-named">
      <p id={titleId}>{tr('namedIntro')}</p>
      <Form
        onSubmit={submit}
        error={print.error ?? send.error}
        pending={send.pending || print.pending}
        aria-labelledby={titleId}
      >
        <div className="form-grid">
          <TextField {...text('givenName')} label={tr('givenName')} autoComplete="off" />
          <TextField {...text('familyName')} label={tr('familyName')} required autoComplete="off" />
        </div>
        <div className="form-grid">
          <TextField {...text('phone')} label={tr('phone')} type="tel" autoComplete="off" />
          <TextField {...text('email')} label={tr('email')} type="email" autoComplete="off" />
        </div>
        <RadioGroup
          name="service"
          legend={tr('service')}
          required
          value={values.service}
          options={office.suitableServices.map((s) => ({ value: s, label: w.service(s) }))}
          onChange={(value) => set('service', value)}
        />
        <CheckboxField
          name="callFirst"
          label={tr('callFirst')}
          checked={values.callFirst}
          onChange={(checked) => set('callFirst', checked)}
        />
        <TextField {...text('note')} label={tr('note')} maxLength={500} />
        <RadioGroup
          name="consent.feedbackAllowed"
          legend={tr('feedbackLegend')}
          required
          value={values.feedback}
          options={[
            { value: 'yes', label: tr('feedbackYes') },
            { value: 'no', label: tr('feedbackNo') },
          ]}
          onChange={(value) => set('feedback', value)}
        />
        <SelectField
          {...text('consentLanguage')}
          name="consent.language"
          label={tr('consentLanguage')}
          required
          options={w.languageOptions}
        />
        <div className="form-actions">
          <Button onClick={() => void printConsent()}>{tr('printConsent')}</Button>
        </div>
        <CheckboxField
          name="consent.given"
          label={tr('consentGiven')}
          hint={tr('consentGivenHint')}
          checked={values.consentGiven}
          onChange={(checked) => set('consentGiven', checked)}
        />
        <div className="form-actions">
          <SubmitButton>{tr('send')}</SubmitButton>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </Section>
  );
}
