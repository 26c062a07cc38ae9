import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { statisticsApi, type Evaluation, type EvaluationSection } from '../../api/statistics.ts';
import { TextField } from '../../components/Field.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { currentLocale } from '../../i18n/index.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { CellText } from './StatisticsPage.tsx';
import { StatisticsChart } from './StatisticsChart.tsx';

const filterKeys = ['from', 'to'] as const;

/** One section: a chart of the half-years by category and the table with its totals. */
function EvaluationTable({ section, data }: { section: EvaluationSection; data: Evaluation }) {
  const { t } = useTranslation('statistics');
  const locale = currentLocale();
  const title = section.title[locale];
  const headingId = `section-${section.key}`;
  return (
    <Section title={title} id={headingId}>
      <StatisticsChart
        label={t('chartLabel', { title })}
        categories={data.halfYears}
        series={section.categories.map((c, i) => ({
          name: c.label[locale],
          cells: section.cells.map((row) => row[i]!),
        }))}
      />
      <div className="table-wrap" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${headingId}-caption`} className="visually-hidden">
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('halfYear')}</th>
              {section.categories.map((c) => (
                <th scope="col" key={c.code} className="numeric">
                  {c.label[locale]}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.halfYears.map((h, r) => (
              <tr key={h}>
                <th scope="row">{h}</th>
                {section.cells[r]!.map((cell, i) => (
                  <td key={section.categories[i]!.code} className="numeric">
                    <CellText cell={cell} />
                  </td>
                ))}
                <td className="numeric">
                  <CellText cell={section.halfYearTotals[r]!} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('total')}</th>
              {section.categoryTotals.map((cell, i) => (
                <td key={section.categories[i]!.code} className="numeric">
                  <CellText cell={cell} />
                </td>
              ))}
              <td className="numeric">
                <CellText cell={section.total} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/**
 * The evaluation of the cooperation with one partner (R-STAT-3, R-STAT-5): per half-year the
 * referrals received, consents, disclosures, notices, conflicts, meetings and actions — anonymous
 * counts, small ones hidden; CSV and PDF with the same cells.
 */
export function EvaluationPage() {
  const { t } = useTranslation('statistics');
  const locale = currentLocale();
  const { partnerId = '' } = useParams();
  const { filters, setFilters } = useListParams(filterKeys);
  const query = {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const evaluation = useApi(['evaluation', partnerId, filters], (signal) =>
    statisticsApi.evaluation(partnerId, query, signal),
  );
  const name = evaluation.data?.partner.name ?? '';
  return (
    <Page
      title={name ? t('evaluationTitle', { name }) : t('evaluationsTitle')}
      intro={<p>{t('evaluationIntro')}</p>}
      actions={<Link to={navigationPaths.statistics}>{t('backToStatistics')}</Link>}
    >
      <FilterBar label={t('evaluationFilter')} applied={filters} onApply={setFilters}>
        {(draft, set) => (
          <>
            <TextField
              name="from"
              label={t('fromHalfYear')}
              hint={t('halfYearHint')}
              value={draft.from}
              placeholder={evaluation.data?.halfYears[0]}
              onChange={(value) => set('from', value)}
            />
            <TextField
              name="to"
              label={t('toHalfYear')}
              hint={t('halfYearHint')}
              value={draft.to}
              placeholder={evaluation.data?.halfYears.at(-1)}
              onChange={(value) => set('to', value)}
            />
          </>
        )}
      </FilterBar>
      <LoadState resource={evaluation}>
        {(data) => (
          <>
            <Section
              title={t('summary')}
              id="evaluation-summary"
              actions={
                <span className="button-row" role="group" aria-label={t('downloads')}>
                  <a
                    className="button button-secondary"
                    href={statisticsApi.evaluationUrl(partnerId, 'csv', { ...query, lang: locale })}
                  >
                    {t('csv')}
                  </a>
                  <a
                    className="button button-secondary"
                    href={statisticsApi.evaluationUrl(partnerId, 'pdf', { ...query, lang: locale })}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t('pdf')}
                  </a>
                </span>
              }
            >
              <p>
                {data.organisationName} · {data.partner.name} · {data.halfYears[0]} – {data.halfYears.at(-1)}
              </p>
              <p className="field-hint">{t('legend', { k: data.threshold })}</p>
            </Section>
            {data.sections.map((section) => (
              <EvaluationTable key={section.key} section={section} data={data} />
            ))}
          </>
        )}
      </LoadState>
    </Page>
  );
}
