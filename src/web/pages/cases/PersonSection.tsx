import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import { Button } from '../../components/Buttons.tsx';
import { Section } from '../../components/Page.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import type { SectionProps } from './CasePage.tsx';
import { CaseEditPanel, useEditPanel } from './CaseForm.tsx';
import { categoryLabel, changedFields, formatDay } from './caseFormat.ts';
import type { AgeGroup } from '../../../server/modules/cases/cases.rules.ts';
import { ClientFields, clientFormValues, clientInput, useClientForm } from './ClientFields.tsx';
import { countryName, languageList } from '../../lib/names.ts';

type PersonProps = Pick<SectionProps, 'c' | 'settings' | 'onChange'>;
type Gender = 'female' | 'male' | 'diverse' | 'not_stated';

/**
 * R-CASE-1: changes the client's data with the fields of the registration. Only what was changed
 * is sent, with the client's version; a conflict offers to reload, which starts the form anew.
 */
function ClientEditPanel({
  c,
  settings,
  onChange,
  onReload,
  onClose,
}: PersonProps & { onReload: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const client = c.client;
  const form = useClientForm(client);
  const save = useSubmit(async () => {
    const changes = changedFields(clientInput(clientFormValues(client)), clientInput(form.values));
    if (Object.keys(changes).length === 0) return null;
    return casesApi.updateClient(client.id, { version: client.version, ...changes });
  });
  return (
    <CaseEditPanel
      title={tc('editPersonTitle')}
      submission={save}
      onSaved={(saved) => {
        if (!saved) return;
        const { cases: _cases, suggestion: _suggestion, ...client } = saved;
        onChange((current) => ({ ...current, client }));
      }}
      onReload={onReload}
      onClose={onClose}
      submitLabel={t('actions.save')}
    >
      <ClientFields form={form} settings={settings} stored={client} />
    </CaseEditPanel>
  );
}

/** The client's data in the case; the edit button shows when the client's allowedActions allow it. */
export function PersonSection({ c, settings, onChange, onReload }: PersonProps & { onReload: () => void }) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const panel = useEditPanel<true>();
  const buttonId = useId();
  const p = c.client;
  if (panel.open)
    return (
      <ClientEditPanel
        key={p.version}
        c={c}
        settings={settings}
        onChange={onChange}
        onReload={onReload}
        onClose={panel.close}
      />
    );
  const rows: [string, string][] = [
    [
      tc('birthDate'),
      p.birthDate
        ? formatDay(p.birthDate, locale)
        : p.ageGroup
          ? tc('ageGroupShort', { group: tc(`ageGroups.${p.ageGroup as AgeGroup}`) })
          : '',
    ],
    [tc('gender'), p.gender ? tc(`genders.${p.gender as Gender}`) : ''],
    [tc('citizenship'), p.citizenship ? countryName(p.citizenship, locale) : ''],
    [tc('languages'), languageList(p.languages, locale)],
    [tc('phone'), p.phone ?? ''],
    [tc('email'), p.email ?? ''],
    [tc('contactNote'), p.contactNote ?? ''],
    [tc('arrivalYear'), p.arrivalYear ? String(p.arrivalYear) : ''],
    [tc('residenceStatus'), categoryLabel(settings, 'residenceStatusGroups', p.residenceStatusGroup, locale)],
    [
      tc('familyMembers'),
      p.familyMembers
        .map(
          (f) =>
            `${tc(`relations.${f.relation}`)}${f.givenName ? ` ${f.givenName}` : ''}${f.birthYear ? ` (${f.birthYear})` : ''}`,
        )
        .join(', '),
    ],
  ];
  return (
    <Section
      title={tc('personTitle')}
      id="person"
      actions={
        p.allowedActions.includes('client.update') && (
          <Button id={buttonId} onClick={() => panel.show(true, buttonId)}>
            {tc('editPerson')}
          </Button>
        )
      }
    >
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '–'}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
