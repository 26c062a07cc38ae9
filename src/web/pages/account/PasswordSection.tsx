import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { minPasswordLength } from '../../lib/validate.ts';

/** Changing the password: the current one, then the new one twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const check = useCheck();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const submission = useSubmit(authApi.changePassword);

  const submit = async () => {
    setChanged(false);
    const invalid = check([
      {
        path: 'currentPassword',
        failed: currentPassword === '',
        message: t('validation.required', { field: t('fields.currentPassword') }),
      },
      {
        path: 'newPassword',
        failed: newPassword.length < minPasswordLength,
        message: t('validation.passwordLength', { min: minPasswordLength }),
      },
      {
        path: 'newPasswordRepeat',
        failed: repeat !== newPassword,
        message: t('validation.passwordMismatch'),
      },
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const result = await submission.run({ currentPassword, newPassword });
    if (result.ok) {
      setCurrentPassword('');
      setNewPassword('');
      setRepeat('');
      setChanged(true);
    }
  };

  return (
    <Section title={t('account.passwordHeading')} id="account-password">
      {changed && (
        <Notice tone="success" role="status">
          <p>{t('account.passwordChanged')}</p>
        </Notice>
      )}
      <Form onSubmit={() => void submit()} error={submission.error} pending={submission.pending}>
        <TextField
          name="currentPassword"
          label={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={setCurrentPassword}
        />
        <TextField
          name="newPassword"
          label={t('fields.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('validation.passwordLength', { min: minPasswordLength })}
          value={newPassword}
          onChange={setNewPassword}
        />
        <TextField
          name="newPasswordRepeat"
          label={t('fields.newPasswordRepeat')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={setRepeat}
        />
        <div className="form-actions">
          <SubmitButton>{t('account.changePassword')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}
