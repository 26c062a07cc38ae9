import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { authApi } from '../api/auth.ts';
import { Button, SubmitButton } from '../components/Buttons.tsx';
import { TextField } from '../components/Field.tsx';
import { Form } from '../components/Form.tsx';
import { Loading } from '../components/LoadState.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useCheck } from '../hooks/useCheck.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { blank } from '../lib/validate.ts';
import { useSession } from '../session/SessionProvider.tsx';
import type { SignInReason, SignInState } from '../session/SessionProvider.tsx';

const reasons: readonly SignInReason[] = [
  'session_expired',
  'not_authenticated',
  'signed_out',
  'signed_out_everywhere',
  'invitation_accepted',
];

function readState(state: unknown): SignInState & { email?: string } {
  if (typeof state !== 'object' || state === null) return {};
  const record = state as Record<string, unknown>;
  const reason = reasons.find((candidate) => candidate === record.reason);
  const from = typeof record.from === 'string' && record.from.startsWith('/') ? record.from : undefined;
  const email = typeof record.email === 'string' ? record.email : undefined;
  return { reason, from, email };
}

/** Sign-in: e-mail and password, then the security code when a second factor is set up. */
export function SignInPage() {
  const { t } = useTranslation();
  const { loading, session, endReason, refresh } = useSession();
  const location = useLocation();
  const { reason: redirectReason, from, email: invitedEmail } = readState(location.state);
  const reason = redirectReason ?? endReason ?? undefined;
  const [secondStep, setSecondStep] = useState(false);

  if (loading) {
    return (
      <Page title={t('signIn.title')}>
        <Loading />
      </Page>
    );
  }
  if (session && session.state !== 'mfa_pending') return <Navigate to={from ?? '/'} replace />;

  const totpStep = secondStep || session?.state === 'mfa_pending';
  return (
    <Page title={t('signIn.title')}>
      <div className="narrow">
        {reason && !totpStep && (
          <Notice tone={reason === 'session_expired' ? 'warning' : 'info'} role="status">
            <p>{t(`signIn.reasons.${reason}`)}</p>
          </Notice>
        )}
        {totpStep ? (
          <TotpStep onDone={() => void refresh()} onCancel={() => setSecondStep(false)} />
        ) : (
          <CredentialsStep
            initialEmail={invitedEmail ?? ''}
            onDone={(state) => {
              if (state === 'mfa_pending') setSecondStep(true);
              else void refresh();
            }}
          />
        )}
      </div>
    </Page>
  );
}

function CredentialsStep({
  initialEmail,
  onDone,
}: {
  initialEmail: string;
  onDone: (state: string) => void;
}) {
  const { t } = useTranslation();
  const check = useCheck();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const submission = useSubmit(authApi.login);

  const submit = async () => {
    const invalid = check([
      { path: 'email', failed: blank(email), message: t('signIn.emailMissing') },
      { path: 'password', failed: password === '', message: t('signIn.passwordMissing') },
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const result = await submission.run({ email: email.trim(), password });
    if (result.ok) onDone(result.value.state);
    else setPassword('');
  };

  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.credentialsHeading')}</h2>
      <Form
        onSubmit={() => void submit()}
        error={submission.error}
        pending={submission.pending}
        markRequired={false}
      >
        <TextField
          name="email"
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          name="password"
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <div className="form-actions">
          <SubmitButton>{t('signIn.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function TotpStep({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const check = useCheck();
  const { signOut } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const submission = useSubmit(authApi.loginTotp);
  const field = useRecovery ? 'recoveryCode' : 'code';

  const submit = async () => {
    const invalid = check([
      {
        path: field,
        failed: blank(code),
        message: t(useRecovery ? 'signIn.recoveryCodeMissing' : 'signIn.codeMissing'),
      },
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const value = code.replace(/\s+/g, '');
    const result = await submission.run(useRecovery ? { recoveryCode: value } : { code: value });
    if (result.ok) onDone();
    else setCode('');
  };

  const switchMode = () => {
    setUseRecovery((current) => !current);
    setCode('');
    submission.reset();
  };

  return (
    <section className="card" aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('signIn.totpHeading')}</h2>
      <p>{t(useRecovery ? 'signIn.recoveryIntro' : 'signIn.totpIntro')}</p>
      <Form
        onSubmit={() => void submit()}
        error={submission.error}
        pending={submission.pending}
        markRequired={false}
      >
        {useRecovery ? (
          <TextField
            key="recovery"
            name="recoveryCode"
            label={t('fields.recoveryCode')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            required
            className="mono"
            value={code}
            onChange={setCode}
          />
        ) : (
          <TextField
            key="totp"
            name="code"
            label={t('fields.totpCode')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={10}
            required
            value={code}
            onChange={setCode}
          />
        )}
        <div className="form-actions">
          <SubmitButton>{t('signIn.confirm')}</SubmitButton>
          <Button variant="link" onClick={switchMode}>
            {t(useRecovery ? 'signIn.useTotp' : 'signIn.useRecoveryCode')}
          </Button>
        </div>
      </Form>
      <p className="card-footer">
        <Button
          variant="link"
          onClick={() => {
            onCancel();
            void signOut();
          }}
        >
          {t('signIn.cancel')}
        </Button>
      </p>
    </section>
  );
}
