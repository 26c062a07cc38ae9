import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { sendDisclosureBody } from '../../../server/modules/exchange/exchange.schemas.ts';
import { exchangeApi, providerMessageKinds } from '../../api/exchange.ts';
import type { Consent, LegalBasisRecord, SendDisclosureInput, Sent } from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { usableForDisclosure, usableLegalBasis } from '../exchange/exchangeFormat.ts';
import { AttachmentsField, attachmentsOf, sectionsOf, SectionTexts } from '../exchange/ThreadParts.tsx';
import type { AttachmentDraft } from '../exchange/ThreadParts.tsx';
import { useExchangeWords } from '../exchange/words.ts';
import { SavedContext } from './CaseForm.tsx';

/** What a disclosure went under: a consent, or a legal basis other than consent (R-RED-1). */
export interface Grounds {
  consent?: Consent;
  legalBasis?: LegalBasisRecord;
}

interface DisclosureValues {
  /** The chosen grounds: `consent:<id>` or `legal-basis:<id>`. */
  grounds: string;
  kind: string;
  subject: string;
  texts: Record<string, string>;
  attachments: AttachmentDraft[];
}

const consentValue = (id: string) => `consent:${id}`;
const legalBasisValue = (id: string) => `legal-basis:${id}`;

/**
 * R-CON-3, R-EXC-1, R-EXC-2, R-RED-1: a message to a partner under a consent valid today, or under
 * a legal basis other than consent a team lead recorded and that has not carried its one
 * disclosure yet. Only the data categories the chosen grounds cover get a text area; the server
 * checks them again at the moment of sending and, if it refuses, its reason appears at the
 * grounds or the texts.
 */
export function DisclosureComposer({
  caseId,
  consents,
  legalBases,
  onSent,
  onClose,
}: {
  caseId: string;
  consents: readonly Consent[];
  legalBases: readonly LegalBasisRecord[];
  /** After sending, with the grounds it went under. */
  onSent: (sent: Sent, grounds: Grounds) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const confirmSaved = useContext(SavedContext);
  const usable = consents.filter(usableForDisclosure);
  const bases = legalBases.filter(usableLegalBasis);
  const send = useSubmit((body: z.output<typeof sendDisclosureBody>) =>
    exchangeApi.sendDisclosure(caseId, body),
  );
  const groundsOf = (value: string): Grounds => ({
    consent: usable.find((x) => consentValue(x.id) === value),
    legalBasis: bases.find((x) => legalBasisValue(x.id) === value),
  });
  const defaultValues: DisclosureValues = {
    // A consent is proposed; a legal basis without consent is always chosen on purpose.
    grounds: usable[0] ? consentValue(usable[0].id) : '',
    kind: '',
    subject: '',
    texts: {},
    attachments: [],
  };
  const form = useSchemaForm({
    schema: sendDisclosureBody,
    defaultValues,
    toBody: (values: DisclosureValues): SendDisclosureInput => {
      const { consent, legalBasis } = groundsOf(values.grounds);
      const common = {
        kind: values.kind as (typeof providerMessageKinds)[number],
        subject: values.subject,
        sections: sectionsOf((consent ?? legalBasis)?.categories ?? [], values.texts),
        attachments: attachmentsOf(values.attachments),
      };
      // A legal basis is for its own purpose and names no consent.
      if (legalBasis) return { legalBasisId: legalBasis.id, ...common };
      return {
        consentId: consent?.id,
        // The purpose is the consent's own: a disclosure serves the purpose it was allowed for.
        purpose: consent?.purpose,
        ...common,
      };
    },
    submission: send,
  });
  const { values, set, text } = form;
  const { consent, legalBasis } = groundsOf(values.grounds);
  const covered = (consent ?? legalBasis)?.categories;
  const recipientOf = (x: Consent | LegalBasisRecord) =>
    `${x.recipient.organisationName}, ${x.recipient.teamName}`;
  const options = [
    ...usable.map((x) => ({
      value: consentValue(x.id),
      label: tx('consentOption', {
        recipient: recipientOf(x),
        purpose: w.purpose(x.purposeLabel),
        until: w.day(x.validUntil),
      }),
    })),
    ...bases.map((x) => ({
      value: legalBasisValue(x.id),
      label: tx('legalBasisOption', { basis: w.legalBasis(x.basis), recipient: recipientOf(x) }),
    })),
  ];

  const submit = form.submit(async (body) => {
    const result = await send.run(body);
    if (!result.ok) return;
    confirmSaved();
    onSent(result.value, {
      consent: usable.find((x) => x.id === body.consentId),
      legalBasis: bases.find((x) => x.id === body.legalBasisId),
    });
  });

  return (
    <>
      <h3 id="exchange-disclosure-title">{tx('newDisclosureTitle')}</h3>
      <p className="field-hint">
        {bases.length > 0 ? tx('newDisclosureIntroWithLegalBasis') : tx('newDisclosureIntro')}
      </p>
      <Form
        onSubmit={submit}
        error={send.error}
        pending={send.pending}
        aria-labelledby="exchange-disclosure-title"
      >
        {/* Named as the API's field: the server reports a refusal of either grounds there. */}
        <SelectField
          name="consentId"
          label={bases.length > 0 ? tx('underGrounds') : tx('underConsent')}
          required
          value={values.grounds}
          emptyLabel={t('common.pleaseChoose')}
          options={options}
          onChange={(value) => {
            set('grounds', value);
            set('texts', {});
            set('attachments', []);
          }}
        />
        {legalBasis && (
          <Notice tone="info">
            <p>
              {tx('underLegalBasisNotice', {
                basis: w.legalBasis(legalBasis.basis),
                name: legalBasis.decidedBy.name,
              })}
            </p>
          </Notice>
        )}
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
        {covered ? (
          <>
            <SectionTexts
              categories={covered}
              texts={values.texts}
              hint={legalBasis ? tx('sectionsHintLegalBasis') : undefined}
              onChange={(c, value) => set(`texts.${c}`, value)}
            />
            <AttachmentsField
              categories={covered}
              value={values.attachments}
              hint={legalBasis ? tx('attachmentsHintLegalBasis') : undefined}
              onChange={(next) => set('attachments', next)}
            />
          </>
        ) : (
          <p className="field-hint">
            {bases.length > 0 ? tx('chooseGroundsFirst') : tx('chooseConsentFirst')}
          </p>
        )}
        <div className="form-actions">
          <SubmitButton>{tx('send')}</SubmitButton>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </>
  );
}
