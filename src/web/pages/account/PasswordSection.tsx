import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordBody } from '../../../server/modules/auth/auth.schemas.ts';
import { authApi } from '../../api/auth.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { minPasswordLength } from '../../lib/validate.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordRepeat: string;
}

const emptyValues: PasswordValues = { currentPassword: '', newPassword: '', newPasswordRepeat: '' };

/** Changing the password: the current one, then the new one twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  const submission = useSubmit(authApi.changePassword);
  const form = useSchemaForm({
    schema: passwordBody,
    defaultValues: emptyValues,
    toBody: ({ currentPassword, newPassword }: PasswordValues) => ({ currentPassword, newPassword }),
    // The length is the service's rule (it also refuses the e-mail address); the repetition
    // exists only in the browser.
    checks: ({ newPassword, newPasswordRepeat }) => [
      {
        path: 'newPassword',
        failed: newPassword !== '' && newPassword.length < minPasswordLength,
        message: t('validation.passwordLength', { min: minPasswordLength }),
      },
      {
        path: 'newPasswordRepeat',
        failed: newPasswordRepeat !== newPassword,
        message: t('validation.passwordMismatch'),
      },
    ],
    submission,
  });
  const { text } = form;

  const send = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) {
      form.form.reset(emptyValues);
      setChanged(true);
    }
  });

  return (
    <Section title={t('account.passwordHeading')} id="account-password">
      {changed && (
        <Notice tone="success" role="status">
          <p>{t('account.passwordChanged')}</p>
        </Notice>
      )}
      <Form
        onSubmit={() => {
          setChanged(false);
          send();
        }}
        error={submission.error}
        pending={submission.pending}
      >
        <TextField
          {...text('currentPassword')}
          label={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          {...text('newPassword')}
          label={t('fields.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('validation.passwordLength', { min: minPasswordLength })}
        />
        <TextField
          {...text('newPasswordRepeat')}
          label={t('fields.newPasswordRepeat')}
          type="password"
          autoComplete="new-password"
          required
        />
        <div className="form-actions">
          <SubmitButton>{t('account.changePassword')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}
