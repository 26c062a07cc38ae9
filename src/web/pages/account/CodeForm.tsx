import { useTranslation } from 'react-i18next';
import { codeAndPasswordBody, codeBody } from '../../../server/modules/auth/auth.schemas.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';

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

interface CodeValues {
  code: string;
  password: string;
}

const emptyValues: CodeValues = { code: '', password: '' };

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
  const submission = useSubmit(action);
  const form = useSchemaForm({
    // The server's rules for the endpoint: the code alone, or the code with the password again.
    schema: askPassword ? codeAndPasswordBody : codeBody,
    defaultValues: emptyValues,
    toBody: ({ code, password }: CodeValues) => (askPassword ? { code, password } : { code }),
    submission,
  });
  const { text } = form;

  const submit = form.submit(async (body) => {
    const password = 'password' in body && typeof body.password === 'string' ? body.password : '';
    const result = await submission.run({ code: body.code.replace(/\s+/g, ''), password });
    // A code is good once, and the password is not kept in the form.
    form.form.reset(emptyValues);
    if (result.ok) onSuccess(result.value);
  });

  return (
    <Form
      onSubmit={submit}
      error={submission.error}
      pending={submission.pending}
      markRequired={false}
      {...labelling}
    >
      {askPassword && (
        <TextField
          {...text('password')}
          type="password"
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          required
        />
      )}
      <TextField
        {...text('code')}
        label={t('fields.totpCode')}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={10}
        required
      />
      <div className="form-actions">
        <SubmitButton variant={danger ? 'danger' : 'primary'}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
