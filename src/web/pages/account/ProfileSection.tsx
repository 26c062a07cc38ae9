import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meBody } from '../../../server/modules/auth/auth.schemas.ts';
import { authApi } from '../../api/auth.ts';
import type { Locale } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { applyLocale } from '../../i18n/index.ts';
import { useActiveSession, useSession } from '../../session/SessionProvider.tsx';

const languageOptions = [
  { value: 'de', label: 'Deutsch' },
  { value: 'en', label: 'English' },
] as const;

interface ProfileValues {
  displayName: string;
  locale: Locale;
}

/** Name and language of the signed-in person; e-mail, organisation and roles for reference. */
export function ProfileSection() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const { setUser } = useSession();
  const [saved, setSaved] = useState(false);
  const submission = useSubmit(authApi.updateMe);
  const form = useSchemaForm({
    schema: meBody,
    defaultValues: { displayName: user.displayName, locale: user.locale } satisfies ProfileValues,
    // Only changed values are sent, so a language change never touches the name.
    toBody: ({ displayName, locale }: ProfileValues) => ({
      locale,
      ...(displayName.trim() !== user.displayName ? { displayName } : {}),
    }),
    submission,
  });
  const { values, set, text } = form;

  const send = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) {
      // The answer is the new session: the signed-in person is replaced without another read.
      setUser(result.value);
      await applyLocale(result.value.locale);
      setSaved(true);
    }
  });

  return (
    <Section title={t('account.profileHeading')} id="account-profile">
      <dl className="details">
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('fields.organisation')}</dt>
          <dd>{user.organisation.name}</dd>
        </div>
        <div>
          <dt>{t('fields.roles')}</dt>
          <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ') || t('common.none')}</dd>
        </div>
      </dl>
      {saved && (
        <Notice tone="success" role="status">
          <p>{t('common.saved')}</p>
        </Notice>
      )}
      <Form
        onSubmit={() => {
          setSaved(false);
          send();
        }}
        error={submission.error}
        pending={submission.pending}
      >
        <TextField {...text('displayName')} label={t('fields.displayName')} autoComplete="name" required />
        <RadioGroup
          name="locale"
          legend={t('language.label')}
          options={languageOptions}
          inline
          value={values.locale}
          onChange={(value) => set('locale', value === 'en' ? 'en' : 'de')}
        />
        <div className="form-actions">
          <SubmitButton>{t('actions.save')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}
