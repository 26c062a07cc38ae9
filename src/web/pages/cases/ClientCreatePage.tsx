import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { CaseService, CaseType, FamilyMember, NewClient } from '../../api/cases.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { categoryOptions, intOrNull, orNull } from './caseFormat.ts';

const ageGroups = ['12_17', '18_26', '27_34', '35_44', '45_54', '55_64', '65_plus', 'under_12'] as const;
const genders = ['female', 'male', 'diverse', 'not_stated'] as const;
const relations = ['partner', 'child', 'parent', 'sibling', 'other'] as const;

interface RegistrationForm {
  givenName: string;
  familyName: string;
  pseudonymous: boolean;
  birthDate: string;
  ageGroup: string;
  gender: string;
  citizenship: string;
  languages: string;
  phone: string;
  email: string;
  contactNote: string;
  arrivalYear: string;
  residenceStatusGroup: string;
  caseType: CaseType;
  service: CaseService | '';
  serviceOverrideReason: string;
  wayIn: string;
  members: MemberRow[];
}

interface MemberRow {
  key: number;
  relation: FamilyMember['relation'];
  givenName: string;
  birthYear: string;
  counselledAlongside: boolean;
}

/** R-CASE-1, R-CASE-2: register a client with only what counselling needs, and open the first case. */
export function ClientCreatePage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const navigate = useNavigate();
  const settings = useApi((signal) => casesApi.settings(signal), []);
  const nextKey = useRef(1);
  const form = useFormValues<RegistrationForm>({
    givenName: '',
    familyName: '',
    pseudonymous: false,
    birthDate: '',
    ageGroup: '',
    gender: '',
    citizenship: '',
    languages: '',
    phone: '',
    email: '',
    contactNote: '',
    arrivalYear: '',
    residenceStatusGroup: '',
    caseType: 'case_management',
    service: '',
    serviceOverrideReason: '',
    wayIn: '',
    members: [] as MemberRow[],
  });
  const { values, set, text } = form;
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(values.birthDate) ? values.birthDate : '';
  const suggestion = useApi(
    birthDate || values.ageGroup
      ? (signal) => casesApi.suggestion(birthDate ? { birthDate } : { ageGroup: values.ageGroup }, signal)
      : null,
    [birthDate, values.ageGroup],
  );
  const suggested = suggestion.data?.service ?? null;
  const service = values.service || suggested || '';
  const overriding = service !== '' && suggested !== null && service !== suggested;

  const save = useSubmit((body: NewClient) => casesApi.createClient(body));

  const setMember = (key: number, change: Partial<MemberRow>) =>
    set(
      'members',
      values.members.map((m) => (m.key === key ? { ...m, ...change } : m)),
    );
  const addMember = () => {
    const key = nextKey.current++;
    set('members', [
      ...values.members,
      { key, relation: 'child', givenName: '', birthYear: '', counselledAlongside: true },
    ]);
    // Focus the new row's first field, so keyboard users continue there.
    const index = values.members.length;
    setTimeout(
      () => document.querySelector<HTMLElement>(`[name="familyMembers.${index}.relation"]`)?.focus(),
      0,
    );
  };

  const submit = async () => {
    const result = await save.run({
      givenName: orNull(values.givenName),
      familyName: values.familyName.trim(),
      pseudonymous: values.pseudonymous,
      birthDate: orNull(values.birthDate),
      ageGroup: values.birthDate ? null : orNull(values.ageGroup),
      gender: orNull(values.gender),
      citizenship: orNull(values.citizenship),
      languages: values.languages
        .split(/[\s,;]+/)
        .map((l) => l.trim())
        .filter(Boolean),
      phone: orNull(values.phone),
      email: orNull(values.email),
      contactNote: orNull(values.contactNote),
      arrivalYear: intOrNull(values.arrivalYear),
      residenceStatusGroup: orNull(values.residenceStatusGroup),
      familyMembers: values.members.map((m) => ({
        relation: m.relation,
        givenName: orNull(m.givenName),
        birthYear: intOrNull(m.birthYear),
        counselledAlongside: m.counselledAlongside,
      })),
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
          <div className="form-grid">
            <TextField {...text('givenName')} label={tc('givenName')} autoComplete="off" />
            <TextField
              {...text('familyName')}
              label={tc('familyName')}
              hint={tc('familyNameHint')}
              required
              autoComplete="off"
            />
          </div>
          <CheckboxField
            name="pseudonymous"
            label={tc('pseudonymous')}
            checked={values.pseudonymous}
            onChange={(v) => set('pseudonymous', v)}
          />
          <div className="form-grid">
            <TextField
              {...text('birthDate')}
              type="date"
              label={tc('birthDate')}
              hint={tc('birthDateHint')}
            />
            <SelectField
              {...text('ageGroup')}
              label={tc('ageGroup')}
              emptyLabel={t('common.notSpecified')}
              options={ageGroups.map((g) => ({ value: g, label: tc(`ageGroups.${g}`) }))}
              disabled={values.birthDate !== ''}
            />
            <SelectField
              {...text('gender')}
              label={tc('gender')}
              emptyLabel={t('common.notSpecified')}
              options={genders.map((g) => ({ value: g, label: tc(`genders.${g}`) }))}
            />
            <TextField {...text('citizenship')} label={tc('citizenship')} hint={tc('citizenshipHint')} />
            <TextField {...text('languages')} label={tc('languages')} hint={tc('languagesHint')} />
            <TextField {...text('arrivalYear')} inputMode="numeric" label={tc('arrivalYear')} />
            <SelectField
              {...text('residenceStatusGroup')}
              label={tc('residenceStatus')}
              emptyLabel={t('common.notSpecified')}
              options={categoryOptions(settings.data, 'residenceStatusGroups', locale)}
            />
          </div>
          <fieldset className="field-group">
            <legend>{tc('reach')}</legend>
            <div className="form-grid">
              <TextField {...text('phone')} type="tel" label={tc('phone')} />
              <TextField {...text('email')} type="email" label={tc('email')} />
              <TextField {...text('contactNote')} label={tc('contactNote')} />
            </div>
          </fieldset>
          <fieldset className="field-group">
            <legend>{tc('familyMembers')}</legend>
            <p className="field-hint">{tc('familyMembersHint')}</p>
            <ul className="plain-list">
              {values.members.map((m, index) => (
                <li key={m.key} className="schedule-row">
                  <div className="form-grid">
                    <SelectField
                      name={`familyMembers.${index}.relation`}
                      label={tc('relationOf', { n: index + 1 })}
                      value={m.relation}
                      options={relations.map((r) => ({ value: r, label: tc(`relations.${r}`) }))}
                      onChange={(v) => setMember(m.key, { relation: v as MemberRow['relation'] })}
                    />
                    <TextField
                      name={`familyMembers.${index}.givenName`}
                      label={tc('givenName')}
                      value={m.givenName}
                      onChange={(v) => setMember(m.key, { givenName: v })}
                    />
                    <TextField
                      name={`familyMembers.${index}.birthYear`}
                      label={tc('birthYear')}
                      inputMode="numeric"
                      value={m.birthYear}
                      onChange={(v) => setMember(m.key, { birthYear: v })}
                    />
                  </div>
                  <CheckboxField
                    name={`familyMembers.${index}.counselledAlongside`}
                    label={tc('counselledAlongside')}
                    checked={m.counselledAlongside}
                    onChange={(v) => setMember(m.key, { counselledAlongside: v })}
                  />
                  <Button
                    onClick={() =>
                      set(
                        'members',
                        values.members.filter((x) => x.key !== m.key),
                      )
                    }
                    aria-label={tc('removeMember', { n: index + 1 })}
                  >
                    {t('actions.delete')}
                  </Button>
                </li>
              ))}
            </ul>
            <Button onClick={addMember}>{tc('addMember')}</Button>
          </fieldset>
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
