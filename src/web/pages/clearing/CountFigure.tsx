import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/clearing.ts';
import { Section } from '../../components/Page.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

type Cell = Report['total'];

/**
 * One published figure: a bar chart (chart.js) and the same counts as a table, its text
 * alternative. A hidden count is a gap in the chart and "•" in the table.
 */
export function CountFigure({
  heading,
  items,
  label,
}: {
  heading: string;
  items: readonly { label: string; cell: Cell }[];
  label: (code: string) => string;
}) {
  const { t } = useTranslation('clearing');
  const locale = currentLocale();
  return (
    <Section title={heading}>
      <div className="report-figure">
        <div className="report-chart" style={{ height: `${Math.max(120, items.length * 28)}px` }}>
          <Bar
            role="img"
            aria-label={t('report.chartLabel', { heading })}
            data={{
              labels: items.map((i) => label(i.label)),
              datasets: [
                {
                  label: heading,
                  data: items.map((i) => (i.cell.suppressed ? null : i.cell.value)),
                  backgroundColor: '#2f6690',
                },
              ],
            }}
            options={{
              indexAxis: 'y',
              animation: false,
              maintainAspectRatio: false,
              plugins: { legend: { display: false } },
            }}
          />
        </div>
        <table className="data-table report-table">
          <caption>{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.category')}</th>
              <th scope="col">{t('report.contacts')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.label}>
                <th scope="row">{label(i.label)}</th>
                <td>
                  {i.cell.suppressed ? (
                    <abbr title={t('report.hidden')}>•</abbr>
                  ) : (
                    formatNumber(i.cell.value, locale)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
