import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { CaseService, CaseType, NewClient } from '../../api/cases.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { categoryOptions, orNull } from './caseFormat.ts';
import { ClientFields, clientInput, useClientForm } from './ClientFields.tsx';

interface FirstCaseForm {
  caseType: CaseType;
  service: CaseService | '';
  serviceOverrideReason: string;
  wayIn: string;
}

/** R-CASE-1, R-CASE-2: register a client with only what counselling needs, and open the first case. */
export function ClientCreatePage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const navigate = useNavigate();
  const settings = useApi((signal) => casesApi.settings(signal), []);
  const person = useClientForm();
  const { values, set, text } = useFormValues<FirstCaseForm>({
    caseType: 'case_management',
    service: '',
    serviceOverrideReason: '',
    wayIn: '',
  });
  const { birthDate: birthDateText, ageGroup } = person.values;
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(birthDateText) ? birthDateText : '';
  const suggestion = useApi(
    birthDate || ageGroup
      ? (signal) => casesApi.suggestion(birthDate ? { birthDate } : { ageGroup }, signal)
      : null,
    [birthDate, ageGroup],
  );
  const suggested = suggestion.data?.service ?? null;
  const service = values.service || suggested || '';
  const overriding = service !== '' && suggested !== null && service !== suggested;

  const save = useSubmit((body: NewClient) => casesApi.createClient(body));

  const submit = async () => {
    const result = await save.run({
      ...clientInput(person.values),
      case: {
        caseType: values.caseType,
        service: service || 'MBE',
        serviceOverrideReason: overriding || suggested === null ? orNull(values.serviceOverrideReason) : null,
        wayIn: orNull(values.wayIn),
      },
    });
    if (result.ok) void navigate(`/faelle/${result.value.caseId}`);
  };

  return (
    <Page title={tc('registerTitle')} intro={<p>{tc('registerIntro')}</p>}>
      <Section title={tc('personTitle')} id="register">
        <Form
          error={save.error}
          pending={save.pending}
          onSubmit={() => void submit()}
          aria-labelledby="register-heading"
        >
          <ClientFields form={person} settings={settings.data} />
          <fieldset className="field-group">
            <legend>{tc('firstCase')}</legend>
            <RadioGroup
              name="case.caseType"
              legend={tc('type')}
              inline
              value={values.caseType}
              options={(['case_management', 'short_counselling'] as const).map((v) => ({
                value: v,
                label: tc(`caseTypes.${v}`),
              }))}
              onChange={(v) => set('caseType', v as CaseType)}
            />
            {suggestion.data && (
              <Notice tone="info">
                <p>{suggestion.data.explanation}</p>
              </Notice>
            )}
            <RadioGroup
              name="case.service"
              legend={tc('service')}
              inline
              required
              value={service}
              options={(['MBE', 'JMD'] as const).map((v) => ({ value: v, label: tc(`services.${v}`) }))}
              onChange={(v) => set('service', v as CaseService)}
            />
            {(overriding || (suggestion.data && suggested === null)) && (
              <TextField
                {...text('serviceOverrideReason')}
                name="case.serviceOverrideReason"
                label={tc('overrideReason')}
                hint={tc('overrideReasonHint')}
                required
              />
            )}
            <SelectField
              {...text('wayIn')}
              name="case.wayIn"
              label={tc('wayIn')}
              emptyLabel={t('common.notSpecified')}
              options={categoryOptions(settings.data, 'wayIn', locale)}
            />
          </fieldset>
          <div className="form-actions">
            <SubmitButton>{tc('registerSubmit')}</SubmitButton>
            <Link to="/faelle">{t('actions.cancel')}</Link>
          </div>
        </Form>
      </Section>
    </Page>
  );
}
