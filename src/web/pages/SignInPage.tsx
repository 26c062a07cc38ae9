import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { loginBody, totpLoginBody } from '../../server/modules/auth/auth.schemas.ts';
import { authApi } from '../api/auth.ts';
import { Button, SubmitButton } from '../components/Buttons.tsx';
import { TextField } from '../components/Field.tsx';
import { Form } from '../components/Form.tsx';
import { Loading } from '../components/LoadState.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useSchemaForm } from '../hooks/useSchemaForm.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
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
  const submission = useSubmit(authApi.login);
  const form = useSchemaForm({
    schema: loginBody,
    defaultValues: { email: initialEmail, password: '' },
    toBody: (values: { email: string; password: string }) => values,
    submission,
  });
  const { text, set } = form;

  const submit = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) onDone(result.value.state);
    else set('password', '');
  });

  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.credentialsHeading')}</h2>
      <Form onSubmit={submit} error={submission.error} pending={submission.pending} markRequired={false}>
        <TextField
          {...text('email')}
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
        />
        <TextField
          {...text('password')}
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          required
        />
        <div className="form-actions">
          <SubmitButton>{t('signIn.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

interface CodeValues {
  code: string;
  recoveryCode: string;
}

const emptyCodes: CodeValues = { code: '', recoveryCode: '' };

function TotpStep({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const submission = useSubmit(authApi.loginTotp);
  const form = useSchemaForm({
    schema: totpLoginBody,
    defaultValues: emptyCodes,
    // One of the two, as the server requires: the field on screen decides which.
    toBody: ({ code, recoveryCode }: CodeValues) => (useRecovery ? { recoveryCode } : { code }),
    submission,
  });
  const { text } = form;

  const submit = form.submit(async (body) => {
    const result = await submission.run(
      body.recoveryCode !== undefined
        ? { recoveryCode: body.recoveryCode.replace(/\s+/g, '') }
        : { code: (body.code ?? '').replace(/\s+/g, '') },
    );
    if (result.ok) onDone();
    else form.form.reset(emptyCodes);
  });

  const switchMode = () => {
    setUseRecovery((current) => !current);
    form.form.reset(emptyCodes);
    submission.reset();
  };

  return (
    <section className="card" aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('signIn.totpHeading')}</h2>
      <p>{t(useRecovery ? 'signIn.recoveryIntro' : 'signIn.totpIntro')}</p>
      <Form onSubmit={submit} error={submission.error} pending={submission.pending} markRequired={false}>
        {useRecovery ? (
          <TextField
            key="recovery"
            {...text('recoveryCode')}
            label={t('fields.recoveryCode')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            required
            className="mono"
          />
        ) : (
          <TextField
            key="totp"
            {...text('code')}
            label={t('fields.totpCode')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={10}
            required
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
