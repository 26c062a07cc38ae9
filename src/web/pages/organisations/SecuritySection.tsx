import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsApi } from '../../api/organisations.ts';
import type { Organisation } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { CheckboxField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';

export interface SecuritySectionProps {
  organisation: Organisation;
  onSaved: (organisation: Organisation) => void;
  onReload: () => Promise<void>;
}

/** The rule that every member of the organisation must use a second factor. */
export function SecuritySection({ organisation, onSaved, onReload }: SecuritySectionProps) {
  const { t } = useTranslation();
  const [requireTotp, setRequireTotp] = useState(organisation.requireTotp);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit((value: boolean) =>
    organisationsApi.update(organisation.id, { version: organisation.version, requireTotp: value }),
  );

  const submit = async () => {
    setSaved(false);
    const result = await submission.run(requireTotp);
    if (result.ok) {
      onSaved(result.value);
      setSaved(true);
    }
  };

  return (
    <Section title={t('organisations.securityHeading')} id="organisation-security">
      {saved && (
        <Notice tone="success" role="status">
          <p>{t('common.saved')}</p>
        </Notice>
      )}
      {isConflict(submission.error) && <ConflictNotice onReload={() => void onReload()} />}
      <Form
        onSubmit={() => void submit()}
        error={isConflict(submission.error) ? null : submission.error}
        pending={submission.pending}
        markRequired={false}
      >
        <CheckboxField
          name="requireTotp"
          label={t('organisations.requireTotp')}
          hint={t('organisations.requireTotpHint')}
          checked={requireTotp}
          onChange={setRequireTotp}
        />
        <div className="form-actions">
          <SubmitButton>{t('actions.save')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}
