import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import type { Locale } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { applyLocale } from '../../i18n/index.ts';
import { blank } from '../../lib/validate.ts';
import { useActiveSession, useSession } from '../../session/SessionProvider.tsx';

const languageOptions = [
  { value: 'de', label: 'Deutsch' },
  { value: 'en', label: 'English' },
] as const;

/** Name and language of the signed-in person; e-mail, organisation and roles for reference. */
export function ProfileSection() {
  const { t } = useTranslation();
  const check = useCheck();
  const { user } = useActiveSession();
  const { setUser } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit(authApi.updateMe);

  const submit = async () => {
    setSaved(false);
    const invalid = check([
      {
        path: 'displayName',
        failed: blank(displayName),
        message: t('validation.required', { field: t('fields.displayName') }),
      },
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const name = displayName.trim();
    // Only changed values are sent, so a language change never touches the name.
    const result = await submission.run({
      locale,
      ...(name !== user.displayName ? { displayName: name } : {}),
    });
    if (result.ok) {
      setUser(result.value);
      await applyLocale(result.value.locale);
      setSaved(true);
    }
  };

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
      <Form onSubmit={() => void submit()} error={submission.error} pending={submission.pending}>
        <TextField
          name="displayName"
          label={t('fields.displayName')}
          autoComplete="name"
          required
          value={displayName}
          onChange={setDisplayName}
        />
        <RadioGroup
          name="locale"
          legend={t('language.label')}
          options={languageOptions}
          inline
          value={locale}
          onChange={(value) => setLocale(value === 'en' ? 'en' : 'de')}
        />
        <div className="form-actions">
          <SubmitButton>{t('actions.save')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}
