import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { useActiveSession } from '../../session/SessionProvider.tsx';
import { OrganisationEditor } from './OrganisationEditor.tsx';

/** The signed-in person's own organisation. */
export function MyOrganisationPage() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  return (
    <Page title={t('myOrganisation.title')} intro={<p>{user.organisation.name}</p>}>
      <OrganisationEditor id={user.organisation.id} kindEditable={false} />
    </Page>
  );
}
