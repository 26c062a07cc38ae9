import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearingApi, type Report } from '../../api/clearing.ts';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { CountFigure } from './CountFigure.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';

type Cell = Report['total'];

/** The current half-year before the last: the one a talk looks back on; the current one too. */
function defaultPeriod(today = new Date()): { year: number; half: number } {
  return { year: today.getFullYear(), half: today.getMonth() < 6 ? 1 : 2 };
}

/**
 * The half-year report of the clearing office (R-STAT-1, R-STAT-5): contacts by month, way in,
 * topics, referrals, welcome packages, age group, gender, region of origin, language, residence
 * — each as a bar chart with the same figures as a table beside it (the text alternative), and
 * as PDF and CSV. Hidden counts (below k, or giving one away) show as "•" everywhere. The ABH
 * sees the same page with the joint figures of the clearing offices that name it.
 */
export function ClearingReportPage() {
  const { t } = useTranslation('clearing');
  const locale = currentLocale();
  const [period, setPeriod] = useState(defaultPeriod);
  const report = useApi(['clearing-report', period.year, period.half], (signal) =>
    clearingApi.report(period.year, period.half, signal),
  );
  const thisYear = new Date().getFullYear();
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }));

  return (
    <Page
      title={t('report.title')}
      intro={<p>{t('report.intro')}</p>}
      actions={
        <>
          <a className="button button-secondary" href={clearingApi.reportPdfUrl(period.year, period.half)}>
            {t('report.pdf')}
          </a>{' '}
          <a className="button button-secondary" href={clearingApi.reportCsvUrl(period.year, period.half)}>
            {t('report.csv')}
          </a>
        </>
      }
    >
      <div className="filter-bar">
        <SelectField
          name="year"
          label={t('report.year')}
          value={String(period.year)}
          options={years}
          onChange={(v) => setPeriod((p) => ({ ...p, year: Number(v) }))}
        />
        <SelectField
          name="half"
          label={t('report.half')}
          value={String(period.half)}
          options={[
            { value: '1', label: t('report.first') },
            { value: '2', label: t('report.second') },
          ]}
          onChange={(v) => setPeriod((p) => ({ ...p, half: Number(v) }))}
        />
      </div>
      <LoadState resource={report}>{(data) => <ReportView report={data} locale={locale} />}</LoadState>
    </Page>
  );
}

function ReportView({ report, locale }: { report: Report; locale: 'de' | 'en' }) {
  const { t } = useTranslation('clearing');
  const word = (key: string) => report.labels[key]?.[locale] ?? key;
  const shown = (cell: Cell) => (cell.suppressed ? '•' : formatNumber(cell.value, locale));
  return (
    <>
      <p>
        {report.view === 'partner' ? t('report.partnerView') : t('report.ownView')}{' '}
        {t('report.hiddenNote', { k: report.threshold })}
      </p>
      <p className="report-total">
        {t('report.total')}: <strong>{shown(report.total)}</strong>
      </p>
      {report.dimensions.map((d) => {
        const heading = word(`dimension:${d.key}`) + (d.value ? `: ${word(d.value)}` : '');
        const label = (item: string) =>
          d.key === 'month'
            ? word(`month:${item}`)
            : d.key === 'language'
              ? word(`language:${item}`)
              : word(item);
        const id = `${d.key}-${d.value ?? 'all'}`;
        return <CountFigure key={id} heading={heading} items={d.items} label={label} />;
      })}
    </>
  );
}
