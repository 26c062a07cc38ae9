import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { blank } from '../../lib/validate.ts';

export interface CodeFormProps<R> {
  /** Runs with the entered security code (spaces removed) and, where asked for, the password. */
  action: (input: { code: string; password: string }) => Promise<R>;
  /** Ask for the password as well: changes of the second factor need it entered again. */
  askPassword?: boolean;
  onSuccess: (result: R) => void;
  submitLabel: string;
  danger?: boolean;
  'aria-labelledby'?: string;
}

/** A form asking for the current security code from the authenticator app (and the password). */
export function CodeForm<R>({
  action,
  askPassword = false,
  onSuccess,
  submitLabel,
  danger,
  ...labelling
}: CodeFormProps<R>) {
  const { t } = useTranslation();
  const check = useCheck();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmit(action);

  const submit = async () => {
    const invalid = check([
      { path: 'password', failed: askPassword && password === '', message: t('signIn.passwordMissing') },
      { path: 'code', failed: blank(code), message: t('signIn.codeMissing') },
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const result = await submission.run({ code: code.replace(/\s+/g, ''), password });
    setCode('');
    setPassword('');
    if (result.ok) onSuccess(result.value);
  };

  return (
    <Form
      onSubmit={() => void submit()}
      error={submission.error}
      pending={submission.pending}
      markRequired={false}
      {...labelling}
    >
      {askPassword && (
        <TextField
          name="password"
          type="password"
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
      )}
      <TextField
        name="code"
        label={t('fields.totpCode')}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={10}
        required
        value={code}
        onChange={setCode}
      />
      <div className="form-actions">
        <SubmitButton variant={danger ? 'danger' : 'primary'}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
