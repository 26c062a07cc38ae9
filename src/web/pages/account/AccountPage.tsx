import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** The signed-in person's own settings. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')}>
      <ProfileSection />
      <PasswordSection />
      <TwoFactorSection />
      <TokensSection />
      <SessionsSection />
    </Page>
  );
}
