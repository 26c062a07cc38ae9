import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseSettings, ClientCore, ClientInput, FamilyMember } from '../../api/cases.ts';
import type { Locale } from '../../api/types.ts';
import { CountryField, LanguagesField } from '../../components/CodePickers.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { currentLocale } from '../../i18n/index.ts';
import { earliestBirthDate, todayIso, type Check } from '../../lib/validate.ts';
import { categoryOptions, intOrNull, orNull } from './caseFormat.ts';
import { birthDateCheck } from './dateChecks.ts';
import { RowList } from './RowList.tsx';

const ageGroups = ['12_17', '18_26', '27_34', '35_44', '45_54', '55_64', '65_plus', 'under_12'] as const;
const genders = ['female', 'male', 'diverse', 'not_stated'] as const;
const relations = ['partner', 'child', 'parent', 'sibling', 'other'] as const;

export interface MemberRow {
  key: number;
  /** Set for a stored family member, so a change keeps their id (contacts refer to it). */
  id?: string;
  relation: FamilyMember['relation'];
  givenName: string;
  birthYear: string;
  counselledAlongside: boolean;
}

/** The client's own data as form values (strings for text fields). */
export interface ClientFormValues {
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
  members: MemberRow[];
}

let lastMemberKey = 0;
const memberKey = () => ++lastMemberKey;

/** Form values for a new client, or for changing a stored one. */
export function clientFormValues(client?: ClientCore): ClientFormValues {
  return {
    givenName: client?.givenName ?? '',
    familyName: client?.familyName ?? '',
    pseudonymous: client?.pseudonymous ?? false,
    birthDate: client?.birthDate ?? '',
    ageGroup: client?.ageGroup ?? '',
    gender: client?.gender ?? '',
    citizenship: client?.citizenship ?? '',
    languages: (client?.languages ?? []).join(', '),
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    contactNote: client?.contactNote ?? '',
    arrivalYear: client?.arrivalYear ? String(client.arrivalYear) : '',
    residenceStatusGroup: client?.residenceStatusGroup ?? '',
    members: (client?.familyMembers ?? []).map((f) => ({
      key: memberKey(),
      id: f.id,
      relation: f.relation,
      givenName: f.givenName ?? '',
      birthYear: f.birthYear ? String(f.birthYear) : '',
      counselledAlongside: f.counselledAlongside,
    })),
  };
}

/** The client's data as the API takes it, when registering and when changing a client. */
export function clientInput(values: ClientFormValues): ClientInput {
  return {
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
      ...(m.id ? { id: m.id } : {}),
      relation: m.relation,
      givenName: orNull(m.givenName),
      birthYear: intOrNull(m.birthYear),
      counselledAlongside: m.counselledAlongside,
    })),
  };
}

/**
 * R-SEC-4: what the browser checks of the client's data before sending it — a birth date that
 * is no date, lies before 1900 or in the future is shown at its field on the first submit.
 */
export function clientChecks(values: ClientFormValues, tc: TFunction<'cases'>, locale: Locale): Check[] {
  return [birthDateCheck(tc, locale, 'birthDate', values.birthDate)];
}

/** Form state for the client's data. */
export function useClientForm(client?: ClientCore) {
  return useFormValues<ClientFormValues>(clientFormValues(client));
}

export type ClientForm = ReturnType<typeof useClientForm>;

/**
 * R-CASE-1: the client's own data — name or pseudonym, date of birth or age group, languages,
 * how to reach them, arrival, residence-status group and family members counselled alongside.
 * Registering a client and changing one use the same fields; field names follow the API, so a
 * problem from the server appears at its field.
 */
export function ClientFields({
  form,
  settings,
  stored,
}: {
  form: ClientForm;
  settings: CaseSettings | undefined;
  /** The stored client, whose retired list values stay selectable. */
  stored?: ClientCore;
}) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const { values, set, text } = form;

  return (
    <>
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
          min={earliestBirthDate}
          max={todayIso()}
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
        <CountryField {...text('citizenship')} label={tc('citizenship')} />
        <LanguagesField {...text('languages')} label={tc('languages')} />
        <TextField {...text('arrivalYear')} inputMode="numeric" label={tc('arrivalYear')} />
        <SelectField
          {...text('residenceStatusGroup')}
          label={tc('residenceStatus')}
          emptyLabel={t('common.notSpecified')}
          options={categoryOptions(settings, 'residenceStatusGroups', locale, [stored?.residenceStatusGroup])}
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
        <RowList
          name="familyMembers"
          rows={values.members}
          onChange={(members) => set('members', members)}
          newRow={(): MemberRow => ({
            key: memberKey(),
            relation: 'child',
            givenName: '',
            birthYear: '',
            counselledAlongside: true,
          })}
          firstField="relation"
          removeLabel={(index) => tc('removeMember', { n: index + 1 })}
          addLabel={tc('addMember')}
        >
          {(m, { field, update, index }) => (
            <>
              <div className="form-grid">
                <SelectField
                  {...field('relation')}
                  label={tc('relationOf', { n: index + 1 })}
                  options={relations.map((r) => ({ value: r, label: tc(`relations.${r}`) }))}
                />
                <TextField {...field('givenName')} label={tc('givenName')} />
                <TextField {...field('birthYear')} label={tc('birthYear')} inputMode="numeric" />
              </div>
              <CheckboxField
                name={`familyMembers.${index}.counselledAlongside`}
                label={tc('counselledAlongside')}
                checked={m.counselledAlongside}
                onChange={(v) => update({ counselledAlongside: v })}
              />
            </>
          )}
        </RowList>
      </fieldset>
    </>
  );
}
