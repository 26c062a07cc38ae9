import { useContext, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  documentLanguageFor,
  documentLanguages,
  type DocumentLanguage,
} from '../../../server/documents/languages.ts';
import { consentDraftBody, giveConsentBody } from '../../../server/modules/exchange/exchange.schemas.ts';
import type { CaseDetail } from '../../api/cases.ts';
import { consentDirections, consentForms, consentRepetitions, exchangeApi } from '../../api/exchange.ts';
import type {
  Consent,
  ConsentDirection,
  ConsentDraft,
  ConsentForm,
  ConsentRepetition,
  ConsentRules,
  Partner,
} from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form, useFieldError, useMarkRequired } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { checkBody, useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { readFile } from '../../lib/files.ts';
import { languageName } from '../../lib/names.ts';
import { todayIso } from '../../lib/validate.ts';
import type { Check } from '../../lib/validate.ts';
import { addDaysIso, latestConsentEnd } from '../exchange/exchangeFormat.ts';
import { useExchangeWords } from '../exchange/words.ts';
import { SavedContext } from './CaseForm.tsx';
import { chosenCategories, DataCategoryPicker, RecipientTeamPicker } from './RecipientPickers.tsx';

interface SignedFile {
  contentType: string;
  base64: string;
  name: string;
}

interface ConsentValues {
  partnerId: string;
  recipientTeamId: string;
  recipientUserId: string;
  purpose: string;
  purposeText: string;
  categories: string[];
  health: boolean;
  direction: string;
  repetition: string;
  validFrom: string;
  validUntil: string;
  language: string;
  form: string;
  document: SignedFile | null;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** What the consent says, as the form prints it and the server checks it. */
function draftOf(values: ConsentValues): ConsentDraft {
  return {
    recipientTeamId: values.recipientTeamId,
    recipientUserId: orNull(values.recipientUserId),
    purpose: values.purpose,
    purposeText: orNull(values.purposeText),
    categories: chosenCategories(values),
    direction: values.direction as ConsentDirection,
    repetition: values.repetition as ConsentRepetition,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
    language: values.language as DocumentLanguage,
  };
}

/** The scan of the signed paper, stored with the consent (PDF, PNG or JPEG). */
function ScanField({
  value,
  onChange,
}: {
  value: SignedFile | null;
  onChange: (file: SignedFile | null) => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const error = useFieldError('document');
  const mark = useMarkRequired();
  const id = useId();
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{tx('scan')}</label>
        {mark && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {value ? tx('scanChosen', { name: value.name }) : tx('scanHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <input
        id={id}
        type="file"
        name="document"
        accept="application/pdf,image/png,image/jpeg"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) {
            onChange(null);
            return;
          }
          void readFile(file).then(
            (read) => onChange({ contentType: read.contentType, base64: read.base64, name: read.filename }),
            () => onChange(null),
          );
        }}
      />
    </div>
  );
}

/**
 * R-CON-1, R-CON-2: takes a consent in the order of the printed form — recipient (a team, never
 * "the authorities"), purpose, exactly which data (health apart, Art. 9 DSGVO), direction, once or
 * repeated, validity, the form's language — then prints the form and records how it was given.
 * The body is checked with the server's own schema before anything is sent.
 */
export function ConsentWizard({
  c,
  partners,
  rules,
  onGiven,
  onClose,
}: {
  c: CaseDetail;
  partners: readonly Partner[];
  /** The provider's purposes and longest validity (its case settings). */
  rules: ConsentRules;
  onGiven: (consent: Consent) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const { t: tc } = useTranslation('cases');
  const w = useExchangeWords();
  const confirmSaved = useContext(SavedContext);
  const today = todayIso();
  const give = useSubmit((body: z.output<typeof giveConsentBody>) => exchangeApi.giveConsent(c.id, body));
  const print = useSubmit((body: ConsentDraft) => exchangeApi.consentForm(c.id, body, body.language ?? 'de'));
  const [printed, setPrinted] = useState<string | null>(null);
  const printedRef = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (printedRef.current) URL.revokeObjectURL(printedRef.current);
    },
    [],
  );

  const checks = (values: ConsentValues): Check[] => {
    const latest = latestConsentEnd(values.validFrom, rules.maxMonths);
    return [
      {
        path: 'purposeText',
        failed: values.purpose === 'other' && values.purposeText.trim() === '',
        message: tx('purposeTextRequired'),
      },
      {
        path: 'validFrom',
        failed: values.validFrom !== '' && values.validFrom < addDaysIso(today, -30),
        message: tx('validFromTooEarly'),
      },
      {
        path: 'validUntil',
        failed: values.validUntil !== '' && values.validFrom !== '' && values.validUntil < values.validFrom,
        message: tx('validUntilBeforeStart'),
      },
      {
        path: 'validUntil',
        failed: latest !== '' && values.validUntil > latest,
        message: tx('validUntilTooLate', { date: w.day(latest), months: rules.maxMonths }),
      },
    ];
  };
  const formChecks = (values: ConsentValues): Check[] => [
    ...checks(values),
    { path: 'document', failed: values.form === 'paper' && !values.document, message: tx('scanRequired') },
  ];

  const defaultValues: ConsentValues = {
    partnerId: partners.length === 1 ? (partners[0]?.id ?? '') : '',
    recipientTeamId: '',
    recipientUserId: '',
    purpose: '',
    purposeText: '',
    // Every message names the person it is about, so their name is part of any consent.
    categories: ['identity_contact'],
    health: false,
    direction: '',
    repetition: '',
    validFrom: today,
    validUntil: latestConsentEnd(today, rules.maxMonths),
    language: documentLanguageFor(c.client.languages),
    form: '',
    document: null,
  };
  const form = useSchemaForm({
    schema: giveConsentBody,
    defaultValues,
    toBody: (values: ConsentValues) => ({
      ...draftOf(values),
      form: values.form as ConsentForm,
      document:
        values.form === 'paper' && values.document
          ? {
              contentType: values.document.contentType as 'application/pdf',
              base64: values.document.base64,
            }
          : null,
    }),
    checks: formChecks,
    submission: give,
  });
  const { values, set, text } = form;
  const partner = partners.find((p) => p.id === values.partnerId);
  const team = partner?.teams.find((tm) => tm.id === values.recipientTeamId);
  const error = print.error ?? give.error;

  const printForm = async () => {
    give.reset();
    const checked = checkBody(
      consentDraftBody,
      draftOf(values),
      t('errors.validation_failed'),
      checks(values),
    );
    if (!checked.ok) {
      print.setError(checked.error);
      return;
    }
    const result = await print.run(draftOf(values));
    if (!result.ok) return;
    if (printedRef.current) URL.revokeObjectURL(printedRef.current);
    const url = URL.createObjectURL(result.value);
    printedRef.current = url;
    setPrinted(url);
    window.open(url, '_blank', 'noopener');
  };

  const submit = form.submit(async (body) => {
    print.reset();
    const result = await give.run(body);
    if (!result.ok) return;
    confirmSaved();
    onGiven(result.value);
  });

  const languageLabel = (code: DocumentLanguage) =>
    code === 'de'
      ? tc('documentGermanOnly')
      : tc('documentGermanAnd', { language: languageName(code, w.locale), own: languageName(code, code) });

  return (
    <>
      <h3 id="exchange-consent-title">{tx('newConsentTitle')}</h3>
      <Notice tone="info">
        <p>{tx('voluntary')}</p>
      </Notice>
      <Form
        onSubmit={submit}
        error={error}
        pending={give.pending || print.pending}
        aria-labelledby="exchange-consent-title"
      >
        <fieldset className="field-group">
          <legend>{tx('stepRecipient')}</legend>
          <RecipientTeamPicker
            partners={partners}
            partnerId={values.partnerId}
            teamId={values.recipientTeamId}
            teamHint={tx('teamHint')}
            onPartner={(partnerId, teamId) => {
              set('partnerId', partnerId);
              set('recipientTeamId', teamId);
              set('recipientUserId', '');
            }}
            onTeam={(teamId) => {
              set('recipientTeamId', teamId);
              set('recipientUserId', '');
            }}
          >
            <SelectField
              name="recipientUserId"
              label={tx('person')}
              hint={tx('personHint')}
              value={values.recipientUserId}
              emptyLabel={tx('wholeTeam')}
              options={(team?.members ?? []).map((m) => ({
                value: m.id,
                label: m.functionTitle ? `${m.name} (${m.functionTitle})` : m.name,
              }))}
              onChange={(value) => set('recipientUserId', value)}
            />
          </RecipientTeamPicker>
          {partner?.kind === 'jobcenter' && (
            <Notice tone="info">
              <p>{tx('jobcenterNote')}</p>
            </Notice>
          )}
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('stepPurpose')}</legend>
          <RadioGroup
            name="purpose"
            legend={tx('purpose')}
            required
            value={values.purpose}
            options={rules.purposes.map((p) => ({ value: p.code, label: w.purpose(p.label) }))}
            onChange={(value) => set('purpose', value)}
          />
          <TextField
            {...text('purposeText')}
            label={tx('purposeText')}
            hint={tx('purposeTextHint')}
            required={values.purpose === 'other'}
            maxLength={500}
          />
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('stepData')}</legend>
          <DataCategoryPicker
            legend={tx('categoriesLegend')}
            hint={tx('categoriesHint')}
            healthHint={tx('healthHint')}
            choice={values}
            onCategories={(selected) => set('categories', selected)}
            onHealth={(checked) => set('health', checked)}
          />
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('stepDirection')}</legend>
          <RadioGroup
            name="direction"
            legend={tx('direction')}
            required
            value={values.direction}
            options={consentDirections.map((d) => ({ value: d, label: w.direction(d) }))}
            onChange={(value) => set('direction', value)}
          />
          <RadioGroup
            name="repetition"
            legend={tx('repetition')}
            required
            inline
            value={values.repetition}
            options={consentRepetitions.map((r) => ({ value: r, label: w.repetition(r) }))}
            onChange={(value) => set('repetition', value)}
          />
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('stepValidity')}</legend>
          <div className="form-grid">
            <TextField
              name="validFrom"
              type="date"
              label={tx('validFrom')}
              required
              value={values.validFrom}
              onChange={(value) => {
                // The end follows the start while it is still the longest validity.
                if (values.validUntil === latestConsentEnd(values.validFrom, rules.maxMonths))
                  set('validUntil', latestConsentEnd(value, rules.maxMonths));
                set('validFrom', value);
              }}
            />
            <TextField
              {...text('validUntil')}
              type="date"
              label={tx('validUntil')}
              hint={tx('validUntilHint', { months: rules.maxMonths })}
              required
            />
          </div>
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('stepForm')}</legend>
          <SelectField
            {...text('language')}
            label={tx('formLanguage')}
            hint={tx('formLanguageHint')}
            options={documentLanguages.map((code) => ({ value: code, label: languageLabel(code) }))}
          />
          <div className="row-actions">
            <Button onClick={() => void printForm()} aria-busy={print.pending || undefined}>
              {tx('printForm')}
            </Button>
            {printed && (
              <a href={printed} target="_blank" rel="noreferrer">
                {tx('openPrinted')}
              </a>
            )}
          </div>
          <p className="visually-hidden" role="status">
            {printed ? tx('printedStatus') : ''}
          </p>
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('stepGiven')}</legend>
          <RadioGroup
            name="form"
            legend={tx('givenHow')}
            required
            value={values.form}
            options={consentForms.map((f) => ({ value: f, label: tx(`forms.${f}`) }))}
            onChange={(value) => set('form', value)}
          />
          {values.form === 'paper' && (
            <ScanField value={values.document} onChange={(file) => set('document', file)} />
          )}
          {values.form === 'on_screen' && <p className="field-hint">{tx('onScreenHint')}</p>}
        </fieldset>

        <div className="form-actions">
          <SubmitButton>{tx('recordConsent')}</SubmitButton>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </>
  );
}
