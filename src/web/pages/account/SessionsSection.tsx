import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { useSession } from '../../session/SessionProvider.tsx';

/** Ends every session of the person, on all devices (e.g. after losing a laptop). */
export function SessionsSection() {
  const { t } = useTranslation();
  const { endSession } = useSession();
  const submission = useSubmit(authApi.logoutEverywhere);

  const run = async () => {
    const result = await submission.run();
    if (result.ok) endSession('signed_out_everywhere');
  };

  return (
    <Section title={t('account.sessionsHeading')} id="account-sessions">
      {submission.error && <FormError error={submission.error} />}
      <p>{t('account.sessionsIntro')}</p>
      <ConfirmButton
        label={t('account.signOutEverywhere')}
        question={t('account.signOutEverywhereQuestion')}
        confirmLabel={t('account.signOutEverywhereConfirm')}
        onConfirm={run}
      />
    </Section>
  );
}
