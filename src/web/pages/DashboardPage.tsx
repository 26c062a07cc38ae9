import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { navigationOrder, navigationPaths } from '../session/navigation.ts';
import { useActiveSession } from '../session/SessionProvider.tsx';
import { TodayWork } from './cases/TodayWork.tsx';
import { OpenReferrals } from './referrals/OpenReferrals.tsx';
import { OverdueActions } from './agreements/OverdueActions.tsx';

/**
 * Start page. Who has a caseload sees the work of the day first; everyone sees who is signed in
 * for which organisation, the referrals waiting for the provider's offices, and those without a
 * caseload shortcuts to the granted pages.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user, navigation } = useActiveSession();
  const hasCaseload = navigation.includes('cases');
  const shortcuts = hasCaseload
    ? []
    : navigationOrder.filter((key) => key !== 'dashboard' && navigation.includes(key));

  return (
    <Page title={t('dashboard.title')} intro={<p>{t('dashboard.welcome', { name: user.displayName })}</p>}>
      {hasCaseload && <TodayWork showMessages={navigation.includes('notifications')} />}
      {navigation.includes('referrals') && <OpenReferrals />}
      {navigation.includes('agreements') && <OverdueActions />}
      <section className="card" aria-labelledby="dashboard-profile">
        <h2 id="dashboard-profile">{t('dashboard.profileHeading')}</h2>
        <dl className="details">
          <div>
            <dt>{t('fields.organisation')}</dt>
            <dd>
              {user.organisation.name} ({t(`kinds.${user.organisation.kind}`)})
            </dd>
          </div>
          <div>
            <dt>{t('fields.roles')}</dt>
            <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ') || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{user.email}</dd>
          </div>
        </dl>
        {!user.totpEnabled && (
          <Notice tone="info">
            <p>
              {t('dashboard.totpTip')} <Link to={navigationPaths.account}>{t('dashboard.totpTipLink')}</Link>
            </p>
          </Notice>
        )}
      </section>
      {shortcuts.length > 0 && (
        <section aria-labelledby="dashboard-shortcuts">
          <h2 id="dashboard-shortcuts" className="section-heading">
            {t('dashboard.shortcutsHeading')}
          </h2>
          <ul className="shortcut-grid">
            {shortcuts.map((key) => (
              <li key={key}>
                <Link to={navigationPaths[key]} className="shortcut">
                  <span className="shortcut-title">{t(`nav.${key}`)}</span>
                  <span className="shortcut-text">{t(`dashboard.shortcuts.${key}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
