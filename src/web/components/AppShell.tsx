import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { navigationOrder, navigationPaths, publicPaths } from '../session/navigation.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { Button } from './Buttons.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/**
 * The frame of every page: skip link, header with language switch, the main navigation for
 * signed-in people (a menu button on narrow screens), the main landmark, and a footer with the
 * accessibility statement. Partner accounts (Jobcenter, ABH, course providers) see on every page
 * that migration counselling is voluntary, confidential and independent (R-RED-4).
 */
export function AppShell() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const active = session?.state === 'active' ? session : null;
  const signedIn = session !== null && session.state !== 'mfa_pending';
  const items = active ? navigationOrder.filter((key) => active.navigation.includes(key)) : [];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <div className="brand-area">
            <Link to="/" className="brand">
              Koop
            </Link>
            {signedIn && <span className="brand-org">{session.user.organisation.name}</span>}
          </div>
          <div className="header-tools">
            <LanguageSwitcher />
            {signedIn && (
              <button
                type="button"
                className="menu-button"
                aria-expanded={menuOpen}
                aria-controls="site-menu"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span aria-hidden="true" className="menu-icon">
                  ☰
                </span>
                {t('shell.menu')}
              </button>
            )}
          </div>
        </div>
        {signedIn && (
          <div id="site-menu" className="site-menu" data-open={menuOpen}>
            {items.length > 0 && (
              <nav aria-label={t('shell.mainNavigation')}>
                <ul className="nav-list">
                  {items.map((key) => (
                    <li key={key}>
                      <NavLink to={navigationPaths[key]} end={key === 'dashboard'}>
                        {t(`nav.${key}`)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <div className="user-box">
              <span className="user-name">{session.user.displayName}</span>
              <Button variant="link" onClick={() => void signOut()}>
                {t('shell.signOut')}
              </Button>
            </div>
          </div>
        )}
      </header>
      {active?.partner && (
        <aside className="independence-notice" aria-label={t('shell.independenceTitle')}>
          <p>{t('directory.independence')}</p>
        </aside>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <ul className="footer-links">
          <li>
            <Link to={publicPaths.accessibility}>{t('accessibility.title')}</Link>
          </li>
        </ul>
      </footer>
    </>
  );
}
