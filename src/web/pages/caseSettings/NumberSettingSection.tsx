import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsBody } from '../../../server/modules/cases/cases.schemas.ts';
import { casesApi } from '../../api/cases.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { checkBody } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import type { SettingsFormProps } from './CaseSettingsPage.tsx';

/** The settings that are one whole number each, with the texts under `settingsPage.<text>…`. */
const numberSettings = {
  /** R-CON-5: how many years after closure a case is kept. */
  retentionYears: 'retention',
  /** R-CON-1: the longest validity of a consent, in months. */
  consentMaxMonths: 'consentMonths',
} as const;
export type NumberSetting = keyof typeof numberSettings;

/** One whole-number setting of the provider, saved on its own; the server's schema checks the range. */
export function NumberSettingSection({
  setting,
  settings,
  canEdit,
  onSaved,
  onReload,
}: SettingsFormProps & { setting: NumberSetting }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const prefix = `settingsPage.${numberSettings[setting]}` as const;
  const [value, setValue] = useState(String(settings[setting]));
  const [saved, setSaved] = useState(false);
  // The number as typed (empty counts as 0, text as no number), checked with the server's schema.
  const body = { version: settings.version, [setting]: Number(value) };
  const save = useSubmit(() => casesApi.saveSettings(body));

  return (
    <Section title={tc(`${prefix}Title`)} id={numberSettings[setting]}>
      <p>{tc(`${prefix}Explained`)}</p>
      <p>{tc(`${prefix}Current`, { count: settings[setting] })}</p>
      {saved && (
        <Notice tone="success" role="status">
          <p>{tc(`${prefix}Saved`)}</p>
        </Notice>
      )}
      {canEdit && (
        <Form
          onSubmit={() => {
            const checked = checkBody(settingsBody, body, t('errors.validation_failed'));
            if (!checked.ok) {
              save.setError(checked.error);
              return;
            }
            void save.run().then((result) => {
              if (!result.ok) return;
              onSaved(result.value);
              setValue(String(result.value[setting]));
              setSaved(true);
            });
          }}
          error={isConflict(save.error) ? null : save.error}
          pending={save.pending}
          markRequired={false}
          className="form narrow"
        >
          {isConflict(save.error) && <ConflictNotice onReload={onReload} />}
          <TextField
            name={setting}
            label={tc(`${prefix}Label`)}
            hint={tc(`${prefix}Hint`)}
            inputMode="numeric"
            value={value}
            onChange={(typed) => {
              setSaved(false);
              setValue(typed);
            }}
          />
          <div className="form-actions">
            <SubmitButton>{tc(`${prefix}Save`)}</SubmitButton>
          </div>
        </Form>
      )}
    </Section>
  );
}
