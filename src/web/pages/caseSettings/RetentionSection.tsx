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

/** R-CON-5: how many years after closure a case is kept; the server checks the range. */
export function RetentionSection({ settings, canEdit, onSaved, onReload }: SettingsFormProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const [years, setYears] = useState(String(settings.retentionYears));
  const [saved, setSaved] = useState(false);
  // The number as typed (empty counts as 0, text as no number), checked with the server's schema.
  const body = { version: settings.version, retentionYears: Number(years) };
  const save = useSubmit(() => casesApi.saveSettings(body));

  return (
    <Section title={tc('settingsPage.retentionTitle')} id="retention">
      <p>{tc('settingsPage.retentionExplained')}</p>
      <p>{tc('settingsPage.retentionCurrent', { count: settings.retentionYears })}</p>
      {saved && (
        <Notice tone="success" role="status">
          <p>{tc('settingsPage.retentionSaved')}</p>
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
              setYears(String(result.value.retentionYears));
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
            name="retentionYears"
            label={tc('settingsPage.retentionYears')}
            hint={tc('settingsPage.retentionHint')}
            inputMode="numeric"
            value={years}
            onChange={(value) => {
              setSaved(false);
              setYears(value);
            }}
          />
          <div className="form-actions">
            <SubmitButton>{tc('settingsPage.saveRetention')}</SubmitButton>
          </div>
        </Form>
      )}
    </Section>
  );
}
