import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInvitationBody } from '../../server/modules/auth/auth.schemas.ts';
import { authApi } from '../api/auth.ts';
import { SubmitButton } from '../components/Buttons.tsx';
import { TextField } from '../components/Field.tsx';
import { Form } from '../components/Form.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useSchemaForm } from '../hooks/useSchemaForm.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { minPasswordLength } from '../lib/validate.ts';
import { publicPaths } from '../session/navigation.ts';
import type { SignInState } from '../session/SessionProvider.tsx';

/** Public page behind an invitation link: the invited person sets a password. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useApi(['invitation', token], (signal) => authApi.invitation(token, signal));
  // A malformed, unknown or expired token all mean the same to the person holding the link.
  const invalid = invitation.error !== null && [400, 404].includes(invitation.error.status);

  return (
    <Page title={t('invitation.title')}>
      <div className="narrow">
        {invalid ? (
          <Notice tone="error" role="alert">
            <p>{t('errors.invitation_invalid')}</p>
            <p>
              <Link to={publicPaths.signIn}>{t('invitation.toSignIn')}</Link>
            </p>
          </Notice>
        ) : (
          <LoadState resource={invitation}>
            {(data) => (
              <section className="card" aria-labelledby="invitation-heading">
                <h2 id="invitation-heading">
                  {t('invitation.heading', { organisation: data.organisationName })}
                </h2>
                <p>{t('invitation.intro', { name: data.displayName })}</p>
                <AcceptForm token={token} email={data.email} />
              </section>
            )}
          </LoadState>
        )}
      </div>
    </Page>
  );
}

interface AcceptValues {
  password: string;
  passwordRepeat: string;
}

function AcceptForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submission = useSubmit(authApi.acceptInvitation);
  const form = useSchemaForm({
    schema: acceptInvitationBody,
    defaultValues: { password: '', passwordRepeat: '' } satisfies AcceptValues,
    toBody: ({ password }: AcceptValues) => ({ token, password }),
    // The length is the service's rule (it also refuses the e-mail address); the repetition
    // exists only in the browser.
    checks: ({ password, passwordRepeat }) => [
      {
        path: 'password',
        failed: password !== '' && password.length < minPasswordLength,
        message: t('validation.passwordLength', { min: minPasswordLength }),
      },
      {
        path: 'passwordRepeat',
        failed: passwordRepeat !== password,
        message: t('validation.passwordMismatch'),
      },
    ],
    submission,
  });
  const { text } = form;

  const submit = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) {
      const state: SignInState & { email: string } = { reason: 'invitation_accepted', email };
      await navigate(publicPaths.signIn, { state });
    }
  });

  return (
    <Form onSubmit={submit} error={submission.error} pending={submission.pending}>
      <TextField
        name="email"
        label={t('fields.email')}
        type="email"
        autoComplete="username"
        readOnly
        value={email}
        onChange={() => undefined}
      />
      <TextField
        {...text('password')}
        label={t('fields.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        hint={t('validation.passwordLength', { min: minPasswordLength })}
      />
      <TextField
        {...text('passwordRepeat')}
        label={t('fields.newPasswordRepeat')}
        type="password"
        autoComplete="new-password"
        required
      />
      <div className="form-actions">
        <SubmitButton>{t('invitation.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
