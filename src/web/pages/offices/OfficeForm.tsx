import { useTranslation } from 'react-i18next';
import { createOfficeBody } from '../../../server/modules/offices/offices.schemas.ts';
import type { OfficeInput } from '../../api/offices.ts';
import { services } from '../../api/types.ts';
import type { Office, OfficeContact, OnlineLink, Service } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { LanguagesField } from '../../components/CodePickers.tsx';
import { CheckboxField, CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import type { Submission } from '../../hooks/useSubmit.ts';
import { subset } from '../../lib/validate.ts';

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

interface OfficeValues {
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  services: Service[];
  description: string;
  website: string;
  latitude: string;
  longitude: string;
  languages: string;
  catchmentPostcodes: string;
  catchmentMunicipalities: string;
  accessibility: string;
  onlineUrl: string;
  onlineLabel: string;
  contacts: ContactRow[];
}

const languageList = createOfficeBody.shape.languages;
const postcodeList = createOfficeBody.shape.catchmentPostcodes;

/** A coordinate as entered (with a decimal comma or point); empty is none. */
const coordinate = (value: string): number | null =>
  value.trim() === '' ? null : Number(value.trim().replace(',', '.'));

/** An empty field is sent as null: the server's rules apply only to what was entered. */
const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** The request body for what the fields hold. */
function toOfficeBody(values: OfficeValues): OfficeInput {
  return {
    name: values.name,
    street: values.street,
    postcode: values.postcode,
    city: values.city,
    phone: values.phone,
    email: orNull(values.email),
    services: values.services,
    description: values.description,
    website: orNull(values.website),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    languages: listOf(values.languages),
    catchmentPostcodes: listOf(values.catchmentPostcodes),
    catchmentMunicipalities: namesOf(values.catchmentMunicipalities),
    accessibility: values.accessibility,
    onlineLinks:
      values.onlineUrl.trim() === ''
        ? []
        : [
            {
              platform: platformOf(values.onlineUrl),
              url: values.onlineUrl.trim(),
              label: values.onlineLabel,
            },
          ],
    contacts: values.contacts.map((c) => ({
      functionTitle: c.functionTitle,
      name: c.name,
      namePublic: c.namePublic,
      phone: c.phone,
      email: orNull(c.email),
      languages: [],
    })),
  };
}

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
  const form = useSchemaForm({
    // The server's own rules for an office; an edit adds the record's version when it is sent.
    schema: createOfficeBody,
    defaultValues: {
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
      contacts: (office?.contacts ?? []).map(contactRow),
    } satisfies OfficeValues,
    toBody: toOfficeBody,
    // Lists are entered as text: a wrong entry is named at its field, not by its position.
    checks: (values: OfficeValues) => [
      {
        path: 'languages',
        failed: !languageList.safeParse(listOf(values.languages)).success,
        message: t('officeDetails.languagesInvalid'),
      },
      {
        path: 'catchmentPostcodes',
        failed: !postcodeList.safeParse(listOf(values.catchmentPostcodes)).success,
        message: t('validation.postcode'),
      },
    ],
    submission,
  });
  const { values, set, text } = form;
  const contacts = values.contacts;
  const setContact = <K extends keyof ContactRow>(index: number, key: K, value: ContactRow[K]) =>
    set(
      'contacts',
      contacts.map((row, i) => (i === index ? { ...row, [key]: value } : row)),
    );

  const submit = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) onSaved(result.value);
  });

  return (
    <Form onSubmit={submit} error={hideError ? null : submission.error} pending={submission.pending}>
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
              <Button
                onClick={() =>
                  set(
                    'contacts',
                    contacts.filter((_, j) => j !== i),
                  )
                }
              >
                {t('officeDetails.removeContact', { number: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button onClick={() => set('contacts', [...contacts, contactRow()])}>
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
