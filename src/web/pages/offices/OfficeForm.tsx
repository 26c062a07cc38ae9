import { useTranslation } from 'react-i18next';
import type { OfficeInput } from '../../api/offices.ts';
import { services } from '../../api/types.ts';
import type { Office, Service } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useFormValues } from '../../hooks/useFormValues.ts';
import type { Submission } from '../../hooks/useSubmit.ts';
import { blank, orNull, subset } from '../../lib/validate.ts';

export interface OfficeFormProps {
  office?: Office;
  submitLabel: string;
  submission: Submission<[OfficeInput], Office>;
  hideError?: boolean;
  onSaved: (office: Office) => void;
  onCancel: () => void;
}

/** Name, address, contact and services of a counselling office. */
export function OfficeForm({
  office,
  submitLabel,
  submission,
  hideError,
  onSaved,
  onCancel,
}: OfficeFormProps) {
  const { t } = useTranslation();
  const check = useCheck();
  const { values, set, text } = useFormValues({
    name: office?.name ?? '',
    street: office?.street ?? '',
    postcode: office?.postcode ?? '',
    city: office?.city ?? '',
    phone: office?.phone ?? '',
    email: office?.email ?? '',
    services: office?.services ?? ([] as Service[]),
  });

  const submit = async () => {
    const required = (path: 'name' | 'street' | 'city', label: string) => ({
      path,
      failed: blank(values[path]),
      message: t('validation.required', { field: label }),
    });
    const invalid = check([
      required('name', t('fields.officeName')),
      required('street', t('fields.street')),
      {
        path: 'postcode',
        failed: !/^\d{5}$/.test(values.postcode.trim()),
        message: t('validation.postcode'),
      },
      required('city', t('fields.city')),
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const result = await submission.run({
      name: values.name.trim(),
      street: values.street.trim(),
      postcode: values.postcode.trim(),
      city: values.city.trim(),
      phone: orNull(values.phone),
      email: orNull(values.email),
      services: values.services,
    });
    if (result.ok) onSaved(result.value);
  };

  return (
    <Form
      onSubmit={() => void submit()}
      error={hideError ? null : submission.error}
      pending={submission.pending}
    >
      <div className="form-grid">
        <TextField {...text('name')} label={t('fields.officeName')} required />
        <TextField {...text('street')} label={t('fields.street')} required autoComplete="street-address" />
        <TextField
          {...text('postcode')}
          label={t('fields.postcode')}
          required
          inputMode="numeric"
          maxLength={5}
          autoComplete="postal-code"
        />
        <TextField {...text('city')} label={t('fields.city')} required autoComplete="address-level2" />
        <TextField {...text('phone')} label={t('fields.phone')} type="tel" autoComplete="tel" />
        <TextField {...text('email')} label={t('fields.email')} type="email" autoComplete="email" />
      </div>
      <CheckboxGroup
        name="services"
        legend={t('fields.services')}
        inline
        options={services.map((service) => ({ value: service, label: t(`services.${service}`) }))}
        values={values.services}
        onChange={(selected) => set('services', subset(services, selected))}
      />
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </Form>
  );
}
