import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganisationDetail, User } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { navigationPaths } from '../../session/navigation.ts';

/** The organisation's central contacts, and a warning when a partner organisation has none. */
export function CentralContactsSection({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const columns: Column<User>[] = [
    { key: 'name', header: t('fields.displayName'), cell: (user) => user.displayName, rowHeader: true },
    { key: 'function', header: t('fields.functionTitle'), cell: (user) => user.functionTitle ?? '' },
    {
      key: 'email',
      header: t('fields.email'),
      cell: (user) => <a href={`mailto:${user.email}`}>{user.email}</a>,
    },
    { key: 'phone', header: t('fields.phone'), cell: (user) => user.phone ?? '' },
  ];

  return (
    <Section title={t('organisations.contactsHeading')} id="organisation-contacts">
      {organisation.centralContactMissing && (
        <Notice tone="warning" title={t('organisations.contactMissingTitle')}>
          <p>{t('organisations.contactMissingText')}</p>
          {organisation.allowedActions.includes('user.invite') && (
            <p>
              <Link to={`${navigationPaths.users}?organisation=${encodeURIComponent(organisation.id)}`}>
                {t('organisations.contactMissingLink')}
              </Link>
            </p>
          )}
        </Notice>
      )}
      <DataTable
        caption={t('organisations.contactsTable')}
        captionHidden
        columns={columns}
        rows={organisation.centralContacts}
        rowKey={(user) => user.id}
        emptyText={t('organisations.contactsEmpty')}
      />
    </Section>
  );
}
