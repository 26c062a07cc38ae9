import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import type { TotpSetup } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { CodeForm } from './CodeForm.tsx';

/**
 * Sets up the authenticator app: start, scan the QR code (or type the key), confirm with a
 * code. `onEnabled` receives the recovery codes, which the caller shows once.
 */
export function TotpEnrolment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const check = useCheck();
  const start = useSubmit(authApi.setupTotp);
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<TotpSetup | null>(null);

  const begin = async () => {
    const invalid = check([
      { path: 'password', failed: password === '', message: t('signIn.passwordMissing') },
    ]);
    if (invalid) {
      start.setError(invalid);
      return;
    }
    const result = await start.run({ password });
    setPassword('');
    if (result.ok) setSetup(result.value);
  };

  if (!setup) {
    return (
      <div className="stack">
        <p>{t('totp.startIntro')}</p>
        <Form onSubmit={() => void begin()} error={start.error} pending={start.pending} markRequired={false}>
          <TextField
            name="password"
            type="password"
            label={t('fields.currentPassword')}
            hint={t('totp.passwordHint')}
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
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
