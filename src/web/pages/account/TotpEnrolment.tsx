import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reauthenticateBody } from '../../../server/modules/auth/auth.schemas.ts';
import { authApi } from '../../api/auth.ts';
import type { TotpSetup } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { CodeForm } from './CodeForm.tsx';

/**
 * Sets up the authenticator app: start, scan the QR code (or type the key), confirm with a
 * code. `onEnabled` receives the recovery codes, which the caller shows once.
 */
export function TotpEnrolment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const start = useSubmit(authApi.setupTotp);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const form = useSchemaForm({
    schema: reauthenticateBody,
    defaultValues: { password: '' },
    toBody: (values: { password: string }) => values,
    submission: start,
  });

  const begin = form.submit(async (body) => {
    const result = await start.run(body);
    // The password is not kept in the form, whatever the answer.
    form.form.reset({ password: '' });
    if (result.ok) setSetup(result.value);
  });

  if (!setup) {
    return (
      <div className="stack">
        <p>{t('totp.startIntro')}</p>
        <Form onSubmit={begin} error={start.error} pending={start.pending} markRequired={false}>
          <TextField
            {...form.text('password')}
            type="password"
            label={t('fields.currentPassword')}
            hint={t('totp.passwordHint')}
            autoComplete="current-password"
            required
          />
          <div className="form-actions">
            <SubmitButton variant="primary">{t('totp.start')}</SubmitButton>
          </div>
        </Form>
      </div>
    );
  }

  return (
    <div className="stack">
      <ol className="steps">
        <li>
          <p>{t('totp.stepScan')}</p>
          <img
            className="qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t('totp.qrAlt')}
            width={192}
            height={192}
          />
        </li>
        <li>
          <CopyField label={t('totp.secretLabel')} hint={t('totp.secretHint')} value={setup.secret} />
        </li>
        <li>
          <p>{t('totp.stepConfirm')}</p>
          <CodeForm
            action={authApi.confirmTotp}
            onSuccess={(result) => onEnabled(result.recoveryCodes)}
            submitLabel={t('totp.confirm')}
          />
        </li>
      </ol>
    </div>
  );
}
