import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeInput } from '../../api/offices.ts';
import { services } from '../../api/types.ts';
import type { Office, OfficeContact, OnlineLink, Service } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { LanguagesField } from '../../components/CodePickers.tsx';
import { CheckboxField, CheckboxGroup, TextField } from '../../components/Field.tsx';
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

/** A comma- or space-separated list as entered, without empty entries. */
const listOf = (value: string): string[] =>
  value
    .split(/[,;\s]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Municipalities are separated by commas or semicolons only (names may contain spaces). */
const namesOf = (value: string): string[] =>
  value
    .split(/[,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);

type ContactRow = { functionTitle: string; name: string; namePublic: boolean; phone: string; email: string };

const contactRow = (c?: OfficeContact): ContactRow => ({
  functionTitle: c?.functionTitle ?? '',
  name: c?.name ?? '',
  namePublic: c?.namePublic ?? false,
  phone: c?.phone ?? '',
  email: c?.email ?? '',
});

const platformOf = (url: string): OnlineLink['platform'] => (/mbeon/i.test(url) ? 'mbeon' : 'other');

/** Name, address, contact and services of a counselling office, and its directory entry. */
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
    description: office?.description ?? '',
    website: office?.website ?? '',
    latitude: office?.latitude?.toString() ?? '',
    longitude: office?.longitude?.toString() ?? '',
    languages: (office?.languages ?? []).join(', '),
    catchmentPostcodes: (office?.catchmentPostcodes ?? []).join(', '),
    catchmentMunicipalities: (office?.catchmentMunicipalities ?? []).join(', '),
    accessibility: office?.accessibility ?? '',
    onlineUrl: office?.onlineLinks[0]?.url ?? '',
    onlineLabel: office?.onlineLinks[0]?.label ?? '',
  });
  const [contacts, setContacts] = useState<ContactRow[]>((office?.contacts ?? []).map(contactRow));
  const setContact = <K extends keyof ContactRow>(index: number, key: K, value: ContactRow[K]) =>
    setContacts((rows) => rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

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
      {
        path: 'languages',
        failed: listOf(values.languages).some((code) => !/^[a-zA-Z]{2,3}$/.test(code)),
        message: t('officeDetails.languagesInvalid'),
      },
      {
        path: 'catchmentPostcodes',
        failed: listOf(values.catchmentPostcodes).some((code) => !/^\d{5}$/.test(code)),
        message: t('validation.postcode'),
      },
      {
        path: 'latitude',
        failed: (values.latitude.trim() === '') !== (values.longitude.trim() === ''),
        message: t('officeDetails.coordinatesTogether'),
      },
      ...contacts.map((c, i) => ({
        path: `contacts.${i}.functionTitle`,
        failed: c.functionTitle.trim().length < 2,
        message: t('validation.required', { field: t('officeDetails.contactFunction') }),
      })),
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
      description: orNull(values.description),
      website: orNull(values.website),
      latitude: values.latitude.trim() === '' ? null : Number(values.latitude.replace(',', '.')),
      longitude: values.longitude.trim() === '' ? null : Number(values.longitude.replace(',', '.')),
      languages: listOf(values.languages).map((code) => code.toLowerCase()),
      catchmentPostcodes: listOf(values.catchmentPostcodes),
      catchmentMunicipalities: namesOf(values.catchmentMunicipalities),
      accessibility: orNull(values.accessibility),
      onlineLinks:
        values.onlineUrl.trim() === ''
          ? []
          : [
              {
                platform: platformOf(values.onlineUrl),
                url: values.onlineUrl.trim(),
                label: orNull(values.onlineLabel),
              },
            ],
      contacts: contacts.map((c) => ({
        functionTitle: c.functionTitle.trim(),
        name: orNull(c.name),
        namePublic: c.namePublic,
        phone: orNull(c.phone),
        email: orNull(c.email),
        languages: [],
      })),
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
      <fieldset className="field-group">
        <legend>{t('officeDetails.heading')}</legend>
        <div className="form-grid">
          <LanguagesField {...text('languages')} label={t('officeDetails.languages')} />
          <TextField
            {...text('catchmentPostcodes')}
            label={t('officeDetails.catchmentPostcodes')}
            hint={t('officeDetails.catchmentPostcodesHint')}
          />
          <TextField
            {...text('catchmentMunicipalities')}
            label={t('officeDetails.catchmentMunicipalities')}
            hint={t('officeDetails.catchmentMunicipalitiesHint')}
          />
          <TextField {...text('latitude')} label={t('officeDetails.latitude')} inputMode="decimal" />
          <TextField {...text('longitude')} label={t('officeDetails.longitude')} inputMode="decimal" />
          <TextField {...text('website')} label={t('fields.website')} type="url" />
          <TextField
            {...text('onlineUrl')}
            label={t('officeDetails.onlineUrl')}
            hint={t('officeDetails.onlineUrlHint')}
            type="url"
          />
          <TextField {...text('onlineLabel')} label={t('officeDetails.onlineLabel')} />
          <TextField {...text('accessibility')} label={t('officeDetails.accessibility')} />
          <TextField {...text('description')} label={t('officeDetails.description')} />
        </div>
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('officeDetails.contacts')}</legend>
        <p className="field-hint">{t('officeDetails.contactsHint')}</p>
        <ol className="schedule-rows">
          {contacts.map((contact, i) => (
            <li key={i} className="schedule-row">
              <div className="form-grid">
                <TextField
                  name={`contacts.${i}.functionTitle`}
                  label={t('officeDetails.contactFunction')}
                  value={contact.functionTitle}
                  onChange={(value) => setContact(i, 'functionTitle', value)}
                />
                <TextField
                  name={`contacts.${i}.name`}
                  label={t('officeDetails.contactName')}
                  value={contact.name}
                  onChange={(value) => setContact(i, 'name', value)}
                />
                <TextField
                  name={`contacts.${i}.phone`}
                  label={t('fields.phone')}
                  type="tel"
                  value={contact.phone}
                  onChange={(value) => setContact(i, 'phone', value)}
                />
                <TextField
                  name={`contacts.${i}.email`}
                  label={t('fields.email')}
                  type="email"
                  value={contact.email}
                  onChange={(value) => setContact(i, 'email', value)}
                />
              </div>
              <CheckboxField
                name={`contacts.${i}.namePublic`}
                label={t('officeDetails.namePublic')}
                checked={contact.namePublic}
                onChange={(value) => setContact(i, 'namePublic', value)}
              />
              <Button onClick={() => setContacts((rows) => rows.filter((_, j) => j !== i))}>
                {t('officeDetails.removeContact', { number: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button onClick={() => setContacts((rows) => [...rows, contactRow()])}>
          {t('officeDetails.addContact')}
        </Button>
      </fieldset>
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </Form>
  );
}
