import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import type { TotpSetup } from '../../api/types.ts';
import { Button } from '../../components/Buttons.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { FormError } from '../../components/Notice.tsx';
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

  const begin = async () => {
    const result = await start.run();
    if (result.ok) setSetup(result.value);
  };

  if (!setup) {
    return (
      <div className="stack">
        {start.error && <FormError error={start.error} />}
        <p>{t('totp.startIntro')}</p>
        <div>
          <Button variant="primary" disabled={start.pending} onClick={() => void begin()}>
            {t('totp.start')}
          </Button>
        </div>
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
