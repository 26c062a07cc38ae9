import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';

export interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  /** Names the navigation landmark, e.g. "Seiten: Benutzer". */
  label: string;
}

/** Previous/next paging for a table, with the visible range spelled out. */
export function Pagination({ offset, limit, total, onChange, label }: PaginationProps) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const locale = currentLocale();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={label}>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('pagination.previous')}
      </button>
      <p aria-live="polite">
        {t('pagination.range', {
          from: formatNumber(from, locale),
          to: formatNumber(to, locale),
          total: formatNumber(total, locale),
        })}
      </p>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
