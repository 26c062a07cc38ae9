import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { navigationPaths } from '../../session/navigation.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';
import { OrganisationEditor } from './OrganisationEditor.tsx';

function wasCreated(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>).created === true;
}

/** One organisation, opened from the list (system administration). */
export function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { navigation } = useActiveSession();
  const query = `?organisation=${encodeURIComponent(id)}`;

  return (
    <Page
      title={t('organisations.editTitle')}
      actions={
        <>
          {navigation.includes('users') && (
            <Link to={`${navigationPaths.users}${query}`}>{t('organisations.usersLink')}</Link>
          )}
          {navigation.includes('offices') && (
            <Link to={`${navigationPaths.offices}${query}`}>{t('organisations.officesLink')}</Link>
          )}
          <Link to={navigationPaths.organisations}>{t('organisations.backToList')}</Link>
        </>
      }
    >
      {wasCreated(location.state) && (
        <Notice tone="success" role="status">
          <p>{t('organisations.created')}</p>
        </Notice>
      )}
      <OrganisationEditor id={id} kindEditable />
    </Page>
  );
}
