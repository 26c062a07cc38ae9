import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { services } from '../../../server/modules/organisations/organisations.values.ts';
import {
  statisticsApi,
  type CounsellingStatistics,
  type PublishedCell,
  type StatisticsScope,
  type StatisticsTable,
} from '../../api/statistics.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { Button } from '../../components/Buttons.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { currentLocale } from '../../i18n/index.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { StatisticsChart } from './StatisticsChart.tsx';

/** Where the evaluation of the cooperation with a partner opens. */
export const evaluationPath = (partnerId: string) =>
  `${navigationPaths.statistics}/kooperation/${encodeURIComponent(partnerId)}`;

/** A published count as people read it: the number, or "•" with "hidden" for screen readers. */
export function CellText({ cell }: { cell: PublishedCell }) {
  const { t } = useTranslation('statistics');
  if (!cell.suppressed) return <>{cell.value}</>;
  return (
    <span className="suppressed" title={t('hidden')}>
      <span aria-hidden="true">{t('hiddenMark')}</span>
      <span className="visually-hidden">{t('hidden')}</span>
    </span>
  );
}

const filterKeys = ['scope', 'from', 'to', 'service', 'officeId'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

function queryOf(f: Filters) {
  return {
    ...(f.scope ? { scope: f.scope as StatisticsScope } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.service ? { service: f.service as 'MBE' | 'JMD' } : {}),
    ...(f.officeId ? { officeId: f.officeId } : {}),
  };
}

function TableSection({ table }: { table: StatisticsTable }) {
  const { t } = useTranslation('statistics');
  const locale = currentLocale();
  const title = table.title[locale];
  return (
    <Section title={title} id={`table-${table.key}`}>
      {!table.additive && <p className="field-hint">{t('topicsNote')}</p>}
      <StatisticsChart
        label={t('chartLabel', { title })}
        categories={table.items.map((i) => i.label[locale])}
        series={[{ name: t('cases'), cells: table.items.map((i) => i.cell) }]}
      />
      <DataTable
        caption={title}
        captionHidden
        columns={[
          { key: 'category', header: t('category'), rowHeader: true, cell: (i) => i.label[locale] },
          { key: 'count', header: t('cases'), className: 'numeric', cell: (i) => <CellText cell={i.cell} /> },
        ]}
        rows={table.items}
        rowKey={(i) => i.code}
        emptyText="—"
      />
    </Section>
  );
}

function Overview({ data }: { data: CounsellingStatistics }) {
  const { t } = useTranslation('statistics');
  const locale = currentLocale();
  const query = queryOf({
    scope: data.scope,
    from: data.from,
    to: data.to,
    service: data.service ?? '',
    officeId: data.office?.id ?? '',
  });
  const name = data.scope === 'umbrella' && data.umbrella ? data.umbrella : data.organisationName;
  return (
    <Section
      title={t('summary')}
      id="summary"
      actions={
        <span className="button-row" role="group" aria-label={t('downloads')}>
          <a
            className="button button-secondary"
            href={statisticsApi.counsellingUrl('csv', { ...query, lang: locale })}
          >
            {t('csv')}
          </a>
          <a
            className="button button-secondary"
            href={statisticsApi.counsellingUrl('pdf', { ...query, lang: locale })}
            target="_blank"
            rel="noreferrer"
          >
            {t('pdf')}
          </a>
        </span>
      }
    >
      <p>
        {t(`scopes.${data.scope}`)}: {t('summaryFor', { name, from: data.from, to: data.to })}
        {data.service ? ` · ${data.service}` : ''}
        {data.office ? ` · ${data.office.name}` : ''}
      </p>
      <dl className="summary-figures">
        <div>
          <dt>{t('cases')}</dt>
          <dd>
            <CellText cell={data.total} />
          </dd>
        </div>
        <div>
          <dt>{t('familyMembers')}</dt>
          <dd>
            <CellText cell={data.familyMembers} />
          </dd>
        </div>
      </dl>
      <p className="field-hint">{t('legend', { k: data.threshold })}</p>
    </Section>
  );
}

/** Picks a partner organisation and opens the evaluation of the cooperation (R-STAT-3). */
function EvaluationPicker() {
  const { t } = useTranslation('statistics');
  const navigate = useNavigate();
  const partners = useApi(['statistics-partners'], (signal) => statisticsApi.partners(signal));
  const [partnerId, setPartnerId] = useState('');
  return (
    <Section title={t('evaluationsTitle')} id="evaluations">
      <p>{t('evaluationsIntro')}</p>
      <LoadState resource={partners}>
        {(data) =>
          data.partners.length === 0 ? (
            <p className="empty">{t('noPartners')}</p>
          ) : (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (partnerId) void navigate(evaluationPath(partnerId));
              }}
            >
              <SelectField
                name="partnerId"
                label={t('partner')}
                emptyLabel="—"
                options={data.partners.map((p) => ({
                  value: p.id,
                  label: `${p.name} (${t(`kinds.${p.kind}`)})`,
                }))}
                value={partnerId}
                onChange={setPartnerId}
              />
              <Button type="submit" variant="primary" disabled={!partnerId}>
                {t('openEvaluation')}
              </Button>
            </form>
          )
        }
      </LoadState>
    </Section>
  );
}

/**
 * "Statistik" (R-STAT-2, R-STAT-5): the anonymous counselling statistics of the own
 * organisation, the umbrella association or the region, filtered by period, service and
 * office; every table as a chart with the table as its text alternative; CSV and PDF with the
 * same hidden cells. Providers' managers open the evaluation of a cooperation from here.
 */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const { filters, setFilters } = useListParams(filterKeys);
  const stats = useApi(['statistics', filters], (signal) =>
    statisticsApi.counselling(queryOf(filters), signal),
  );
  return (
    <Page title={t('title')} intro={<p>{t('intro')}</p>}>
      <FilterBar label={t('filterLabel')} applied={filters} onApply={setFilters}>
        {(draft, set) => (
          <>
            <SelectField
              name="scope"
              label={t('scope')}
              options={(stats.data?.scopes ?? ['own']).map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
              value={draft.scope || stats.data?.scope || ''}
              onChange={(value) => set('scope', value)}
            />
            <TextField
              name="from"
              label={t('from')}
              hint={t('monthHint')}
              value={draft.from}
              placeholder={stats.data?.from}
              onChange={(value) => set('from', value)}
            />
            <TextField
              name="to"
              label={t('to')}
              hint={t('monthHint')}
              value={draft.to}
              placeholder={stats.data?.to}
              onChange={(value) => set('to', value)}
            />
            <SelectField
              name="service"
              label={t('service')}
              emptyLabel={t('all')}
              options={services.map((s) => ({ value: s, label: s }))}
              value={draft.service}
              onChange={(value) => set('service', value)}
            />
            {(stats.data?.offices.length ?? 0) > 0 && (
              <SelectField
                name="officeId"
                label={t('office')}
                emptyLabel={t('all')}
                options={stats.data!.offices.map((o) => ({ value: o.id, label: o.name }))}
                value={draft.officeId}
                onChange={(value) => set('officeId', value)}
              />
            )}
          </>
        )}
      </FilterBar>
      <LoadState resource={stats}>
        {(data) => (
          <>
            <Overview data={data} />
            {data.tables.map((table) => (
              <TableSection key={table.key} table={table} />
            ))}
          </>
        )}
      </LoadState>
      {stats.data?.mayEvaluate && <EvaluationPicker />}
    </Page>
  );
}
