import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '../../api/organisations.ts';
import {
  dataProtectionLaws,
  fundings,
  germanStates,
  organisationKinds,
  organisationSubtypes,
  services,
} from '../../api/types.ts';
import type { Organisation } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { createOrganisationBody } from '../../../server/modules/organisations/organisations.schemas.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import type { Submission } from '../../hooks/useSubmit.ts';
import { oneOf, subset } from '../../lib/validate.ts';
import { toInput } from './organisationFields.ts';
import type { OrganisationValues } from './organisationFields.ts';

export interface OrganisationFormProps {
  initial: OrganisationValues;
  /** Only system administration may set or change the kind. */
  kindEditable: boolean;
  submitLabel: string;
  /** Sends the input; its error is shown in the form unless `hideError` (e.g. an edit conflict). */
  submission: Submission<[OrganisationInput], Organisation>;
  hideError?: boolean;
  onSaved: (organisation: Organisation) => void;
}

/** Master data of an organisation; the offer fields appear for welfare providers only. */
export function OrganisationForm({
  initial,
  kindEditable,
  submitLabel,
  submission,
  hideError,
  onSaved,
}: OrganisationFormProps) {
  const { t } = useTranslation();
  // The server's own rules (a name, a kind, a five-digit postcode, a valid e-mail and web address).
  const { values, set, text, submit } = useSchemaForm({
    schema: createOrganisationBody,
    defaultValues: initial,
    toBody: toInput,
    submission,
  });
  const kind = oneOf(organisationKinds, values.kind);
  const welfare = kind === 'welfare_provider';

  const send = submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) onSaved(result.value);
  });

  return (
    <Form onSubmit={send} error={hideError ? null : submission.error} pending={submission.pending}>
      <fieldset className="group">
        <legend>{t('organisations.groups.basics')}</legend>
        <div className="form-grid">
          <TextField
            {...text('name')}
            label={t('fields.organisationName')}
            required
            autoComplete="organization"
          />
          {kindEditable ? (
            <SelectField
              {...text('kind')}
              label={t('fields.kind')}
              required
              emptyLabel={t('common.pleaseChoose')}
              options={organisationKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
          ) : (
            <TextField
              name="kind"
              label={t('fields.kind')}
              readOnly
              value={kind ? t(`kinds.${kind}`) : ''}
              onChange={() => undefined}
            />
          )}
          <SelectField
            {...text('subtype')}
            label={t('fields.subtype')}
            emptyLabel={t('common.notSpecified')}
            options={organisationSubtypes.map((subtype) => ({
              value: subtype,
              label: t(`subtypes.${subtype}`),
            }))}
          />
        </div>
      </fieldset>

      {welfare && (
        <fieldset className="group">
          <legend>{t('organisations.groups.offer')}</legend>
          <div className="form-grid">
            <TextField
              {...text('umbrella')}
              label={t('fields.umbrella')}
              hint={t('organisations.umbrellaHint')}
            />
            <SelectField
              {...text('funding')}
              label={t('fields.funding')}
              emptyLabel={t('common.notSpecified')}
              options={fundings.map((funding) => ({ value: funding, label: t(`funding.${funding}`) }))}
            />
            <SelectField
              {...text('dataProtectionLaw')}
              label={t('fields.dataProtectionLaw')}
              emptyLabel={t('common.notSpecified')}
              options={dataProtectionLaws.map((law) => ({
                value: law,
                label: t(`dataProtectionLaw.${law}`),
              }))}
            />
          </div>
          <CheckboxGroup
            name="services"
            legend={t('fields.services')}
            inline
            options={services.map((service) => ({ value: service, label: t(`services.${service}`) }))}
            values={values.services}
            onChange={(selected) => set('services', subset(services, selected))}
          />
        </fieldset>
      )}

      {/* The clearing office sits inside the foreigners' authority, staffed by counselling services. */}
      {kind === 'abh' && (
        <fieldset className="group">
          <legend>{t('organisations.groups.clearing')}</legend>
          <CheckboxField
            name="hostsClearingOffice"
            label={t('fields.hostsClearingOffice')}
            checked={values.hostsClearingOffice}
            onChange={(checked) => set('hostsClearingOffice', checked)}
          />
        </fieldset>
      )}

      <fieldset className="group">
        <legend>{t('organisations.groups.contact')}</legend>
        <div className="form-grid">
          <TextField {...text('street')} label={t('fields.street')} autoComplete="street-address" />
          <TextField
            {...text('postcode')}
            label={t('fields.postcode')}
            autoComplete="postal-code"
            inputMode="numeric"
            maxLength={5}
          />
          <TextField {...text('city')} label={t('fields.city')} autoComplete="address-level2" />
          <SelectField
            {...text('state')}
            label={t('fields.state')}
            hint={t('organisations.stateHint')}
            emptyLabel={t('common.notSpecified')}
            options={germanStates.map((state) => ({ value: state, label: t(`states.${state}`) }))}
          />
          <TextField {...text('phone')} label={t('fields.phone')} type="tel" autoComplete="tel" />
          <TextField {...text('email')} label={t('fields.email')} type="email" autoComplete="email" />
          <TextField {...text('website')} label={t('fields.website')} type="url" autoComplete="url" />
        </div>
      </fieldset>

      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
