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
import { checkBody } from '../../hooks/useSchemaForm.ts';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { createClientBody } from '../../../server/modules/cases/cases.schemas.ts';
import { currentLocale } from '../../i18n/index.ts';
import { categoryOptions, orNull } from './caseFormat.ts';
import { ClientFields, clientChecks, clientInput, useClientForm } from './ClientFields.tsx';
import { plausibleBirthDate } from './dateChecks.ts';

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
  const settings = useApi(['case-settings'], (signal) => casesApi.settings(signal));
  const person = useClientForm();
  const { values, set, text } = useFormValues<FirstCaseForm>({
    caseType: 'case_management',
    service: '',
    serviceOverrideReason: '',
    wayIn: '',
  });
  const { birthDate: birthDateText, ageGroup } = person.values;
  // R-SEC-4: only a plausible birth date gives an age — a date in the future or before 1900
  // asks for no suggestion (no "-4 Jahre"), and its error is shown at the field on submit.
  const birthDate = plausibleBirthDate(birthDateText) ? birthDateText : '';
  const asksSuggestion = birthDate !== '' || (birthDateText === '' && ageGroup !== '');
  const suggestion = useApi(asksSuggestion ? ['service-suggestion', birthDate, ageGroup] : null, (signal) =>
    casesApi.suggestion(birthDate ? { birthDate } : { ageGroup }, signal),
  );
  // The last answer stays on screen while the next loads; show it only while it belongs to what is entered now.
  const current = asksSuggestion && !suggestion.error ? suggestion.data : undefined;
  const suggested = current?.service ?? null;
  const service = values.service || suggested || '';
  const overriding = service !== '' && suggested !== null && service !== suggested;

  const save = useSubmit((body: NewClient) => casesApi.createClient(body));

  const submit = async () => {
    const body: NewClient = {
      ...clientInput(person.values),
      case: {
        caseType: values.caseType,
        service: service || 'MBE',
        serviceOverrideReason: overriding || suggested === null ? orNull(values.serviceOverrideReason) : null,
        wayIn: orNull(values.wayIn),
      },
    };
    // R-SEC-4: the server's own schema, and the birth date not in the future (Berlin's today).
    const checked = checkBody(
      createClientBody,
      body,
      t('errors.validation_failed'),
      clientChecks(person.values, tc, locale),
    );
    if (!checked.ok) {
      save.setError(checked.error);
      return;
    }
    const result = await save.run(body);
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
            {current && (
              <Notice tone="info">
                <p>{current.explanation}</p>
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
            {(overriding || (current && suggested === null)) && (
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
