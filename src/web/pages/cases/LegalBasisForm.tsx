import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recordLegalBasisBody } from '../../../server/modules/exchange/exchange.schemas.ts';
import { exchangeApi, legalBases } from '../../api/exchange.ts';
import type { LegalBasis, LegalBasisRecord, Partner } from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { useExchangeWords } from '../exchange/words.ts';
import { SavedContext } from './CaseForm.tsx';
import { chosenCategories, DataCategoryPicker, RecipientTeamPicker } from './RecipientPickers.tsx';
import { TextAreaField } from './TextAreaField.tsx';

interface LegalBasisValues {
  partnerId: string;
  recipientTeamId: string;
  basis: string;
  justification: string;
  categories: string[];
  health: boolean;
}

/**
 * R-RED-1: a team lead who broke the glass on the case records a legal basis other than consent
 * for one transfer — to a named team, on a named legal ground with its norm, with a justification
 * that is audited and exactly the data it covers (health apart, Art. 9 DSGVO). Never a tick: each
 * is its own decision. The body is checked with the server's own schema before it is sent.
 */
export function LegalBasisForm({
  caseId,
  partners,
  onRecorded,
  onClose,
}: {
  caseId: string;
  partners: readonly Partner[];
  onRecorded: (basis: LegalBasisRecord) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const confirmSaved = useContext(SavedContext);
  const record = useSubmit((body: z.output<typeof recordLegalBasisBody>) =>
    exchangeApi.recordLegalBasis(caseId, body),
  );
  const defaultValues: LegalBasisValues = {
    partnerId: partners.length === 1 ? (partners[0]?.id ?? '') : '',
    recipientTeamId: '',
    basis: '',
    justification: '',
    // Every message names the person it is about, so their name is part of any transfer.
    categories: ['identity_contact'],
    health: false,
  };
  const form = useSchemaForm({
    schema: recordLegalBasisBody,
    defaultValues,
    toBody: (values: LegalBasisValues) => ({
      recipientTeamId: values.recipientTeamId,
      basis: values.basis as LegalBasis,
      justification: values.justification,
      categories: chosenCategories(values),
    }),
    submission: record,
  });
  const { values, set, text } = form;

  const submit = form.submit(async (body) => {
    const result = await record.run(body);
    if (!result.ok) return;
    confirmSaved();
    onRecorded(result.value);
  });

  return (
    <>
      <h3 id="exchange-legal-basis-title">{tx('newLegalBasisTitle')}</h3>
      <Notice tone="info">
        <p>{tx('legalBasisNotConsent')}</p>
      </Notice>
      <Form
        onSubmit={submit}
        error={record.error}
        pending={record.pending}
        aria-labelledby="exchange-legal-basis-title"
      >
        <fieldset className="field-group">
          <legend>{tx('legalBasisStepRecipient')}</legend>
          <RecipientTeamPicker
            partners={partners}
            partnerId={values.partnerId}
            teamId={values.recipientTeamId}
            teamHint={tx('legalBasisTeamHint')}
            onPartner={(partnerId, teamId) => {
              set('partnerId', partnerId);
              set('recipientTeamId', teamId);
            }}
            onTeam={(teamId) => set('recipientTeamId', teamId)}
          />
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('legalBasisStepGround')}</legend>
          <RadioGroup
            name="basis"
            legend={tx('legalBasis')}
            required
            value={values.basis}
            options={legalBases.map((b) => ({ value: b, label: w.legalBasis(b) }))}
            onChange={(value) => set('basis', value)}
          />
          <TextAreaField
            {...text('justification')}
            label={tx('justification')}
            hint={tx('justificationHint')}
            required
            rows={4}
            maxLength={2000}
          />
        </fieldset>

        <fieldset className="field-group">
          <legend>{tx('legalBasisStepData')}</legend>
          <DataCategoryPicker
            legend={tx('legalBasisCategoriesLegend')}
            hint={tx('legalBasisCategoriesHint')}
            healthHint={tx('legalBasisHealthHint')}
            choice={values}
            onCategories={(selected) => set('categories', selected)}
            onHealth={(checked) => set('health', checked)}
          />
        </fieldset>

        <div className="form-actions">
          <SubmitButton>{tx('recordLegalBasis')}</SubmitButton>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </>
  );
}
