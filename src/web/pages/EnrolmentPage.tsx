import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../components/Page.tsx';
import { useActiveSession, useSession } from '../session/SessionProvider.tsx';
import { RecoveryCodesPanel } from './account/RecoveryCodesPanel.tsx';
import { TotpEnrolment } from './account/TotpEnrolment.tsx';

/** The only page shown while the organisation requires a second factor the person lacks. */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const { refresh } = useSession();
  // The session turns active on confirmation, but this page stays until the codes are kept.
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Page
      title={t('enrolment.title')}
      intro={<p>{t('enrolment.intro', { organisation: user.organisation.name })}</p>}
    >
      <Section title={t('enrolment.heading')} id="enrolment">
        {codes ? (
          <RecoveryCodesPanel codes={codes} onDone={() => void refresh()} />
        ) : (
          <TotpEnrolment onEnabled={setCodes} />
        )}
      </Section>
    </Page>
  );
}
