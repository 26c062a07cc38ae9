import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { blank } from '../../lib/validate.ts';

export interface CodeFormProps<R> {
  /** Runs with the entered security code (spaces removed). */
  action: (code: string) => Promise<R>;
  onSuccess: (result: R) => void;
  submitLabel: string;
  danger?: boolean;
  'aria-labelledby'?: string;
}

/** A form asking for the current security code from the authenticator app. */
export function CodeForm<R>({ action, onSuccess, submitLabel, danger, ...labelling }: CodeFormProps<R>) {
  const { t } = useTranslation();
  const check = useCheck();
  const [code, setCode] = useState('');
  const submission = useSubmit(action);

  const submit = async () => {
    const invalid = check([{ path: 'code', failed: blank(code), message: t('signIn.codeMissing') }]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const result = await submission.run(code.replace(/\s+/g, ''));
    setCode('');
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
