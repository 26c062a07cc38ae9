import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { sendDisclosureBody } from '../../../server/modules/exchange/exchange.schemas.ts';
import { exchangeApi, providerMessageKinds } from '../../api/exchange.ts';
import type { Consent, Sent } from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { usableForDisclosure } from '../exchange/exchangeFormat.ts';
import { AttachmentsField, attachmentsOf, sectionsOf, SectionTexts } from '../exchange/ThreadParts.tsx';
import type { AttachmentDraft } from '../exchange/ThreadParts.tsx';
import { useExchangeWords } from '../exchange/words.ts';
import { SavedContext } from './CaseForm.tsx';

interface DisclosureValues {
  consentId: string;
  kind: string;
  subject: string;
  texts: Record<string, string>;
  attachments: AttachmentDraft[];
}

/**
 * R-CON-3, R-EXC-1, R-EXC-2: a message to a partner under a consent valid today. Only the data
 * categories the chosen consent covers get a text area; the server checks the consent again at
 * the moment of sending and, if it refuses, its reason appears at the consent or the texts.
 */
export function DisclosureComposer({
  caseId,
  consents,
  onSent,
  onClose,
}: {
  caseId: string;
  consents: readonly Consent[];
  /** After sending, with the consent it went under. */
  onSent: (sent: Sent, consent: Consent | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const confirmSaved = useContext(SavedContext);
  const usable = consents.filter(usableForDisclosure);
  const send = useSubmit((body: z.output<typeof sendDisclosureBody>) =>
    exchangeApi.sendDisclosure(caseId, body),
  );
  const consentOf = (id: string) => usable.find((x) => x.id === id);
  const defaultValues: DisclosureValues = {
    consentId: usable[0]?.id ?? '',
    kind: '',
    subject: '',
    texts: {},
    attachments: [],
  };
  const form = useSchemaForm({
    schema: sendDisclosureBody,
    defaultValues,
    toBody: (values: DisclosureValues) => {
      const consent = consentOf(values.consentId);
      return {
        consentId: values.consentId,
        // The purpose is the consent's own: a disclosure serves the purpose it was allowed for.
        purpose: consent?.purpose ?? ('' as Consent['purpose']),
        kind: values.kind as (typeof providerMessageKinds)[number],
        subject: values.subject,
        sections: sectionsOf(consent?.categories ?? [], values.texts),
        attachments: attachmentsOf(values.attachments),
      };
    },
    submission: send,
  });
  const { values, set, text } = form;
  const consent = consentOf(values.consentId);
  const label = (x: Consent) =>
    tx('consentOption', {
      recipient: `${x.recipient.organisationName}, ${x.recipient.teamName}`,
      purpose: w.purpose(x.purpose),
      until: w.day(x.validUntil),
    });

  const submit = form.submit(async (body) => {
    const result = await send.run(body);
    if (!result.ok) return;
    confirmSaved();
    onSent(result.value, body.consentId ? consentOf(body.consentId) : undefined);
  });

  return (
    <>
      <h3 id="exchange-disclosure-title">{tx('newDisclosureTitle')}</h3>
      <p className="field-hint">{tx('newDisclosureIntro')}</p>
      <Form
        onSubmit={submit}
        error={send.error}
        pending={send.pending}
        aria-labelledby="exchange-disclosure-title"
      >
        <SelectField
          name="consentId"
          label={tx('underConsent')}
          required
          value={values.consentId}
          emptyLabel={t('common.pleaseChoose')}
          options={usable.map((x) => ({ value: x.id, label: label(x) }))}
          onChange={(value) => {
            set('consentId', value);
            set('texts', {});
            set('attachments', []);
          }}
        />
        <div className="form-grid">
          <SelectField
            {...text('kind')}
            label={tx('kind')}
            required
            emptyLabel={t('common.pleaseChoose')}
            options={providerMessageKinds.map((k) => ({ value: k, label: w.kind(k) }))}
          />
          <TextField {...text('subject')} label={tx('subject')} required maxLength={200} />
        </div>
        {consent ? (
          <>
            <SectionTexts
              categories={consent.categories}
              texts={values.texts}
              onChange={(c, value) => set(`texts.${c}`, value)}
            />
            <AttachmentsField
              categories={consent.categories}
              value={values.attachments}
              onChange={(next) => set('attachments', next)}
            />
          </>
        ) : (
          <p className="field-hint">{tx('chooseConsentFirst')}</p>
        )}
        <div className="form-actions">
          <SubmitButton>{tx('send')}</SubmitButton>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </>
  );
}
