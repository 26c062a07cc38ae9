import { useTranslation } from 'react-i18next';
import { auditActions, auditEntityTypes } from '../../server/audit/audit-events.ts';
import type { AuditAction, AuditEntityType } from '../../server/audit/audit-events.ts';
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

/** A local date-time from the form ("2025-03-01T08:00") as an ISO instant, or undefined. */
function toIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const isAction = (value: string): value is AuditAction => (auditActions as readonly string[]).includes(value);
const isEntityType = (value: string): value is AuditEntityType =>
  (auditEntityTypes as readonly string[]).includes(value);

/** The first characters of an id, enough to tell rows apart; the whole id is in the title. */
function ShortId({ id }: { id: string }) {
  return (
    <code className="small" title={id}>
      {id.length > 8 ? `${id.slice(0, 8)}…` : id}
    </code>
  );
}

/** The audit log: who did what to which record, when, filtered and paged. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useActiveSession();
  const { filters, offset, setFilters, setOffset } = useListParams(filterKeys);
  const people = useApi(['audit-people', user.organisation.id], (signal) =>
    usersApi.list(user.organisation.id, { limit: 200 }, signal),
  );
  const log = useApi(['audit', filters, offset], (signal) =>
    auditApi.list(
      {
        actorUserId: filters.actorUserId || undefined,
        entityType: filters.entityType || undefined,
        entityId: filters.entityId.trim() || undefined,
        action: filters.action || undefined,
        from: toIso(filters.from),
        to: toIso(filters.to),
        offset,
        limit: pageSize,
      },
      signal,
    ),
  );

  const actionLabel = (action: string) =>
    isAction(action) ? t(`auditAction.${action}`) : t('audit.unknownAction', { action });
  const entityLabel = (type: string) =>
    isEntityType(type) ? t(`auditEntity.${type}`) : t('audit.unknownEntity', { type });
  // Nobody signed in: a sign-in attempt under an unknown name, otherwise a background job.
  const actorOf = (entry: AuditEntry) =>
    entry.actorName ?? (entry.action.startsWith('auth.') ? t('audit.someone') : t('audit.system'));
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const actionOptions = auditActions
    .map((action) => ({ value: action, label: actionLabel(action) }))
    .sort(byLabel);
  const entityOptions = auditEntityTypes
    .map((type) => ({ value: type, label: entityLabel(type) }))
    .sort(byLabel);

  const columns: Column<AuditEntry>[] = [
    {
      key: 'time',
      header: t('audit.occurredAt'),
      rowHeader: true,
      className: 'nowrap',
      cell: (entry) => formatDateTime(entry.occurredAt, locale),
    },
    {
      key: 'event',
      header: t('audit.event'),
      cell: (entry) => (
        <span title={entry.action}>
          <strong>{actorOf(entry)}</strong> {actionLabel(entry.action)}
        </span>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      cell: (entry) => (
        <>
          {entityLabel(entry.entityType)}
          {entry.entityId && (
            <span className="cell-note">
              <ShortId id={entry.entityId} />
            </span>
          )}
        </>
      ),
    },
    { key: 'reason', header: t('audit.reason'), cell: (entry) => entry.reason ?? '' },
    {
      key: 'request',
      header: t('audit.requestId'),
      cell: (entry) => (entry.requestId ? <ShortId id={entry.requestId} /> : ''),
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
              options={entityOptions}
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
            <SelectField
              name="action"
              label={t('audit.action')}
              emptyLabel={t('filters.all')}
              options={actionOptions}
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
