import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { NavigationKey } from './api/types.ts';
import { AppShell } from './components/AppShell.tsx';
import { AccountPage } from './pages/account/AccountPage.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { AnswerPage } from './pages/links/AnswerPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CasePage } from './pages/cases/CasePage.tsx';
import { CasesPage } from './pages/cases/CasesPage.tsx';
import { CaseSettingsPage } from './pages/caseSettings/CaseSettingsPage.tsx';
import { DeletionRecordsPage } from './pages/caseSettings/DeletionRecordsPage.tsx';
import { ClientCreatePage } from './pages/cases/ClientCreatePage.tsx';
import { TeamPage } from './pages/cases/TeamPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { DirectoryPage } from './pages/directory/DirectoryPage.tsx';
import { ConflictsPage } from './pages/exchange/ConflictsPage.tsx';
import { InboxPage } from './pages/exchange/InboxPage.tsx';
import { PartnerTeamsPage } from './pages/exchange/PartnerTeamsPage.tsx';
import { ThreadPage } from './pages/exchange/ThreadPage.tsx';
import { HostedHoursPage } from './pages/directory/HostedHoursPage.tsx';
import { AgreementPage } from './pages/agreements/AgreementPage.tsx';
import { AgreementsPage } from './pages/agreements/AgreementsPage.tsx';
import { ReferPage } from './pages/referrals/ReferPage.tsx';
import { ReferralPage } from './pages/referrals/ReferralPage.tsx';
import { ReferralsPage } from './pages/referrals/ReferralsPage.tsx';
import { EvaluationPage } from './pages/statistics/EvaluationPage.tsx';
import { StatisticsPage } from './pages/statistics/StatisticsPage.tsx';
import { ClearingPage } from './pages/clearing/ClearingPage.tsx';
import { ClearingReportPage } from './pages/clearing/ClearingReportPage.tsx';
import { ClearingRotaPage } from './pages/clearing/ClearingRotaPage.tsx';
import { GapsPage } from './pages/clearing/GapsPage.tsx';
import { NotificationsPage } from './pages/notifications/NotificationsPage.tsx';
import { OffersPage } from './pages/offers/OffersPage.tsx';
import { InvitationPage } from './pages/InvitationPage.tsx';
import { MyOrganisationPage } from './pages/organisations/MyOrganisationPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfficesPage } from './pages/offices/OfficesPage.tsx';
import { OrganisationCreatePage } from './pages/organisations/OrganisationCreatePage.tsx';
import { OrganisationEditPage } from './pages/organisations/OrganisationEditPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';
import { RequireNavigation, RequireSession } from './session/guards.tsx';
import { navigationPaths, publicPaths } from './session/navigation.ts';
import { SessionProvider } from './session/SessionProvider.tsx';

/** Pages the server must list in the person's navigation. */
const guardedPages: { path: string; navKey: NavigationKey; element: ReactNode }[] = [
  { path: navigationPaths.cases, navKey: 'cases', element: <CasesPage /> },
  { path: `${navigationPaths.cases}/neu`, navKey: 'cases', element: <ClientCreatePage /> },
  { path: navigationPaths.team, navKey: 'team', element: <TeamPage /> },
  { path: navigationPaths.organisations, navKey: 'organisations', element: <OrganisationsPage /> },
  {
    path: `${navigationPaths.organisations}/neu`,
    navKey: 'organisations',
    element: <OrganisationCreatePage />,
  },
  {
    path: `${navigationPaths.organisations}/:id`,
    navKey: 'organisations',
    element: <OrganisationEditPage />,
  },
  { path: navigationPaths.myOrganisation, navKey: 'myOrganisation', element: <MyOrganisationPage /> },
  { path: navigationPaths.offices, navKey: 'offices', element: <OfficesPage /> },
  { path: navigationPaths.users, navKey: 'users', element: <UsersPage /> },
  { path: navigationPaths.audit, navKey: 'audit', element: <AuditPage /> },
  { path: navigationPaths.caseSettings, navKey: 'caseSettings', element: <CaseSettingsPage /> },
  { path: navigationPaths.caseDeletions, navKey: 'caseDeletions', element: <DeletionRecordsPage /> },
  { path: navigationPaths.directory, navKey: 'directory', element: <DirectoryPage /> },
  { path: navigationPaths.hostedHours, navKey: 'hostedHours', element: <HostedHoursPage /> },
  { path: navigationPaths.refer, navKey: 'refer', element: <ReferPage /> },
  { path: navigationPaths.referrals, navKey: 'referrals', element: <ReferralsPage /> },
  { path: `${navigationPaths.referrals}/:id`, navKey: 'referrals', element: <ReferralPage /> },
  { path: navigationPaths.clearing, navKey: 'clearing', element: <ClearingPage /> },
  { path: navigationPaths.clearingRota, navKey: 'clearingRota', element: <ClearingRotaPage /> },
  { path: navigationPaths.clearingReport, navKey: 'clearingReport', element: <ClearingReportPage /> },
  { path: navigationPaths.gaps, navKey: 'gaps', element: <GapsPage /> },
  { path: navigationPaths.agreements, navKey: 'agreements', element: <AgreementsPage /> },
  { path: `${navigationPaths.agreements}/:id`, navKey: 'agreements', element: <AgreementPage /> },
  { path: navigationPaths.inbox, navKey: 'inbox', element: <InboxPage /> },
  { path: `${navigationPaths.inbox}/:id`, navKey: 'inbox', element: <ThreadPage /> },
  { path: navigationPaths.conflicts, navKey: 'conflicts', element: <ConflictsPage /> },
  { path: navigationPaths.partnerTeams, navKey: 'partnerTeams', element: <PartnerTeamsPage /> },
  { path: navigationPaths.offers, navKey: 'offers', element: <OffersPage /> },
  { path: navigationPaths.notifications, navKey: 'notifications', element: <NotificationsPage /> },
  { path: navigationPaths.statistics, navKey: 'statistics', element: <StatisticsPage /> },
  {
    path: `${navigationPaths.statistics}/kooperation/:partnerId`,
    navKey: 'statistics',
    element: <EvaluationPage />,
  },
];

/** All routes; German paths, because people read and share them. */
export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route element={<AppShell />}>
          <Route path={publicPaths.signIn} element={<SignInPage />} />
          <Route path={`${publicPaths.invitation}/:token`} element={<InvitationPage />} />
          <Route path={publicPaths.accessibility} element={<AccessibilityPage />} />
          <Route path={publicPaths.answer} element={<AnswerPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<DashboardPage />} />
            {guardedPages.map(({ path, navKey, element }) => (
              <Route
                key={path}
                path={path}
                element={<RequireNavigation navKey={navKey}>{element}</RequireNavigation>}
              />
            ))}
            <Route path={navigationPaths.account} element={<AccountPage />} />
            {/* A case opens for its owner and, after breaking the glass, for substitutes and team leads: the server decides. */}
            <Route path={`${navigationPaths.cases}/:id`} element={<CasePage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}
