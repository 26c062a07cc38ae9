import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { PublishedCell } from '../../api/statistics.ts';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

const palette = ['#2f5d8a', '#b35c1e', '#4d7c3a', '#7a4d8c', '#8a6d1f', '#3f7f86'];

/** The number a bar shows: a hidden cell has no bar. */
export const barValue = (cell: PublishedCell): number | null => (cell.suppressed ? null : cell.value);

/**
 * A bar chart of published counts. The canvas is an image with a name that points to the table
 * beside it, which carries every figure as text (the chart's text alternative).
 */
export function StatisticsChart({
  label,
  categories,
  series,
}: {
  /** What the chart shows, for assistive technology. */
  label: string;
  categories: readonly string[];
  series: readonly { name: string; cells: readonly PublishedCell[] }[];
}) {
  return (
    <div className="statistics-chart">
      <Bar
        role="img"
        aria-label={label}
        data={{
          labels: [...categories],
          datasets: series.map((s, i) => ({
            label: s.name,
            data: s.cells.map(barValue),
            backgroundColor: palette[i % palette.length],
          })),
        }}
        options={{
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: series.length > 1 } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}
