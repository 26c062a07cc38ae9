import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organisationsApi } from '../../api/organisations.ts';
import { organisationKinds } from '../../api/types.ts';
import type { Organisation } from '../../api/types.ts';
import type { Column } from '../../components/DataTable.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { Page } from '../../components/Page.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { oneOf } from '../../lib/validate.ts';
import { navigationPaths } from '../../session/navigation.ts';

const pageSize = 25;
const filterKeys = ['q', 'kind'] as const;

/** All organisations, for system administration: search, filter by kind, open, create. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { filters, offset, setFilters, setOffset } = useListParams(filterKeys);
  const list = useApi(['organisations', filters, offset], (signal) =>
    organisationsApi.list(
      { q: filters.q, kind: oneOf(organisationKinds, filters.kind) ?? undefined, offset, limit: pageSize },
      signal,
    ),
  );

  const columns: Column<Organisation>[] = [
    {
      key: 'name',
      header: t('fields.organisationName'),
      rowHeader: true,
      cell: (organisation) => (
        <Link to={`${navigationPaths.organisations}/${encodeURIComponent(organisation.id)}`}>
          {organisation.name}
        </Link>
      ),
    },
    { key: 'kind', header: t('fields.kind'), cell: (organisation) => t(`kinds.${organisation.kind}`) },
    { key: 'city', header: t('fields.city'), cell: (organisation) => organisation.city ?? '' },
    {
      key: 'services',
      header: t('fields.services'),
      cell: (organisation) => organisation.services.join(', '),
    },
    {
      key: 'totp',
      header: t('organisations.totpColumn'),
      cell: (organisation) => (organisation.requireTotp ? t('common.yes') : t('common.no')),
    },
    {
      key: 'status',
      header: t('fields.status'),
      cell: (organisation) =>
        organisation.deactivatedAt ? t('organisations.deactivated') : t('organisations.active'),
    },
  ];

  return (
    <Page
      title={t('organisations.title')}
      actions={
        <Link to={`${navigationPaths.organisations}/neu`} className="button button-primary">
          {t('organisations.create')}
        </Link>
      }
    >
      <FilterBar label={t('organisations.filterLabel')} applied={filters} onApply={setFilters}>
        {(draft, set) => (
          <>
            <TextField
              name="q"
              type="search"
              label={t('filters.search')}
              value={draft.q}
              onChange={(value) => set('q', value)}
            />
            <SelectField
              name="kind"
              label={t('fields.kind')}
              emptyLabel={t('filters.all')}
              options={organisationKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              value={draft.kind}
              onChange={(value) => set('kind', value)}
            />
          </>
        )}
      </FilterBar>
      <PagedTable
        resource={list}
        caption={(count) => t('organisations.tableCaption', { count })}
        columns={columns}
        rowKey={(organisation) => organisation.id}
        emptyText={t('organisations.empty')}
        paginationLabel={t('organisations.pagination')}
        offset={offset}
        limit={pageSize}
        onOffsetChange={setOffset}
      />
    </Page>
  );
}
