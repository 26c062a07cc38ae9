import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import type { DeletionRecord } from '../../api/cases.ts';
import type { Column } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime, formatMonth, formatNumber } from '../../i18n/format.ts';

const pageSize = 50;
const noFilters = [] as const;
const caseTypes = ['short_counselling', 'case_management'] as const;

/** R-CON-5: what the retention job erased — when, what kind of case, by which rule. No personal data. */
export function DeletionRecordsPage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const { offset, setOffset } = useListParams(noFilters);
  const records = useApi(['case-deletions', offset], (signal) =>
    casesApi.deletions({ offset, limit: pageSize }, signal),
  );

  const caseTypeLabel = (type: string) => {
    const known = caseTypes.find((entry) => entry === type);
    return known ? tc(`caseTypes.${known}`) : type;
  };

  const columns: Column<DeletionRecord>[] = [
    {
      key: 'erasedAt',
      header: tc('deletionsPage.erasedAt'),
      rowHeader: true,
      className: 'nowrap',
      cell: (record) => formatDateTime(record.erasedAt, locale),
    },
    {
      key: 'kind',
      header: tc('deletionsPage.kind'),
      cell: (record) => `${record.service} · ${caseTypeLabel(record.caseType)}`,
    },
    {
      key: 'rule',
      header: tc('deletionsPage.rule'),
      cell: (record) => (
        <>
          {record.rule}
          <span className="cell-note">
            {tc('deletionsPage.retentionYears', { count: record.retentionYears })}
          </span>
        </>
      ),
    },
    {
      key: 'closed',
      header: tc('deletionsPage.closedMonth'),
      cell: (record) => formatMonth(record.closedMonth, locale),
    },
    {
      key: 'records',
      header: tc('deletionsPage.recordsRemoved'),
      cell: (record) => formatNumber(record.recordsRemoved, locale),
    },
    {
      key: 'client',
      header: tc('deletionsPage.clientErased'),
      cell: (record) => (record.clientErased ? t('common.yes') : t('common.no')),
    },
  ];

  return (
    <Page title={tc('deletionsPage.title')} intro={<p>{tc('deletionsPage.intro')}</p>}>
      <PagedTable
        resource={records}
        caption={(count) => tc('deletionsPage.tableCaption', { count })}
        columns={columns}
        rowKey={(record) => record.id}
        emptyText={tc('deletionsPage.empty')}
        paginationLabel={tc('deletionsPage.pagination')}
        offset={offset}
        limit={pageSize}
        onOffsetChange={setOffset}
      />
    </Page>
  );
}
