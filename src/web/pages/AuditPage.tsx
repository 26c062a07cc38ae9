import { useTranslation } from 'react-i18next';
import { auditApi } from '../api/audit.ts';
import type { AuditEntry } from '../api/types.ts';
import { usersApi } from '../api/users.ts';
import type { Column } from '../components/DataTable.tsx';
import { SelectField, TextField } from '../components/Field.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { Page } from '../components/Page.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useListParams } from '../hooks/useListParams.ts';
import { currentLocale } from '../i18n/index.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useActiveSession } from '../session/SessionProvider.tsx';

const pageSize = 50;
const filterKeys = ['actorUserId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;
const entityTypes = ['organisation', 'office', 'user', 'session', 'api_token', 'audit_log'] as const;

/** A local date-time from the form ("2025-03-01T08:00") as an ISO instant, or undefined. */
function toIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// Takes the label lookup rather than `t` itself: typing a parameter as i18next's TFunction
// exceeds the compiler's instantiation depth once the translations grow.
function entityTypeLabel(type: string, label: (known: (typeof entityTypes)[number]) => string): string {
  const known = entityTypes.find((entry) => entry === type);
  return known ? label(known) : type;
}

/** The audit log: who did what to which record, when, filtered and paged. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useActiveSession();
  const { filters, offset, setFilters, setOffset } = useListParams(filterKeys);
  const people = useApi(
    (signal) => usersApi.list(user.organisation.id, { limit: 200 }, signal),
    [user.organisation.id],
  );
  const log = useApi(
    (signal) =>
      auditApi.list(
        {
          actorUserId: filters.actorUserId || undefined,
          entityType: filters.entityType || undefined,
          entityId: filters.entityId.trim() || undefined,
          action: filters.action.trim() || undefined,
          from: toIso(filters.from),
          to: toIso(filters.to),
          offset,
          limit: pageSize,
        },
        signal,
      ),
    [filters, offset],
  );

  const columns: Column<AuditEntry>[] = [
    {
      key: 'time',
      header: t('audit.occurredAt'),
      rowHeader: true,
      className: 'nowrap',
      cell: (entry) => formatDateTime(entry.occurredAt, locale),
    },
    { key: 'actor', header: t('audit.actor'), cell: (entry) => entry.actorName ?? t('audit.system') },
    { key: 'action', header: t('audit.action'), cell: (entry) => <code>{entry.action}</code> },
    {
      key: 'entity',
      header: t('audit.entity'),
      cell: (entry) => (
        <>
          {entityTypeLabel(entry.entityType, (known) => t(`audit.entityTypes.${known}`))}
          {entry.entityId && <span className="cell-note mono">{entry.entityId}</span>}
        </>
      ),
    },
    { key: 'reason', header: t('audit.reason'), cell: (entry) => entry.reason ?? '' },
    {
      key: 'request',
      header: t('audit.requestId'),
      cell: (entry) => (entry.requestId ? <code className="small">{entry.requestId}</code> : ''),
    },
  ];

  return (
    <Page title={t('audit.title')} intro={<p>{t('audit.intro')}</p>}>
      <FilterBar label={t('audit.filterLabel')} applied={filters} onApply={setFilters}>
        {(draft, set) => (
          <>
            <SelectField
              name="actorUserId"
              label={t('audit.actor')}
              emptyLabel={t('filters.all')}
              options={(people.data?.items ?? []).map((person) => ({
                value: person.id,
                label: `${person.displayName} (${person.email})`,
              }))}
              value={draft.actorUserId}
              onChange={(value) => set('actorUserId', value)}
            />
            <SelectField
              name="entityType"
              label={t('audit.entityType')}
              emptyLabel={t('filters.all')}
              options={entityTypes.map((type) => ({ value: type, label: t(`audit.entityTypes.${type}`) }))}
              value={draft.entityType}
              onChange={(value) => set('entityType', value)}
            />
            <TextField
              name="entityId"
              label={t('audit.entityId')}
              spellCheck={false}
              value={draft.entityId}
              onChange={(value) => set('entityId', value)}
            />
            <TextField
              name="action"
              label={t('audit.action')}
              hint={t('audit.actionHint')}
              spellCheck={false}
              value={draft.action}
              onChange={(value) => set('action', value)}
            />
            <TextField
              name="from"
              type="datetime-local"
              label={t('audit.from')}
              value={draft.from}
              onChange={(value) => set('from', value)}
            />
            <TextField
              name="to"
              type="datetime-local"
              label={t('audit.to')}
              value={draft.to}
              onChange={(value) => set('to', value)}
            />
          </>
        )}
      </FilterBar>
      <PagedTable
        resource={log}
        caption={(count) => t('audit.tableCaption', { count })}
        columns={columns}
        rowKey={(entry) => String(entry.id)}
        emptyText={t('audit.empty')}
        paginationLabel={t('audit.pagination')}
        offset={offset}
        limit={pageSize}
        onOffsetChange={setOffset}
      />
    </Page>
  );
}
