import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useActiveSession, useSession } from '../../session/SessionProvider.tsx';
import { CodeForm } from './CodeForm.tsx';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** The second factor: set it up, renew the recovery codes, or switch it off where allowed. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const { refresh } = useSession();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<'enabled' | 'disabled' | null>(null);

  return (
    <Section title={t('account.totpHeading')} id="account-totp">
      <p>
        <strong>{t('account.totpStatus')}: </strong>
        {user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}
      </p>
      {message && (
        <Notice tone="success" role="status">
          <p>{t(message === 'enabled' ? 'account.totpEnabled' : 'account.totpDisabled')}</p>
        </Notice>
      )}
      {codes ? (
        <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />
      ) : (
        !user.totpEnabled && (
          <TotpEnrolment
            onEnabled={(recoveryCodes) => {
              setCodes(recoveryCodes);
              setMessage('enabled');
              // The answer holds the recovery codes, not the session: it is read again.
              void refresh();
            }}
          />
        )
      )}
      {user.totpEnabled && !codes && (
        <div className="subsections">
          <div>
            <h3 id="totp-regenerate">{t('account.regenerateHeading')}</h3>
            <p>{t('account.regenerateIntro')}</p>
            <CodeForm
              aria-labelledby="totp-regenerate"
              action={authApi.regenerateRecoveryCodes}
              askPassword
              onSuccess={(result) => setCodes(result.recoveryCodes)}
              submitLabel={t('account.regenerate')}
            />
          </div>
          <div>
            <h3 id="totp-disable">{t('account.disableHeading')}</h3>
            {user.organisation.requireTotp ? (
              <p>{t('account.disableNotAllowed')}</p>
            ) : (
              <>
                <p>{t('account.disableIntro')}</p>
                <CodeForm
                  aria-labelledby="totp-disable"
                  action={authApi.disableTotp}
                  askPassword
                  onSuccess={() => {
                    setMessage('disabled');
                    // The answer is empty: the session (second factor off) is read again.
                    void refresh();
                  }}
                  submitLabel={t('account.disable')}
                  danger
                />
              </>
            )}
          </div>
        </div>
      )}
    </Section>
  );
}
