import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementsApi } from '../../api/agreements.ts';
import { useApi } from '../../hooks/useApi.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCalendarDate } from '../../i18n/format.ts';
import { agreementPath } from './AgreementsPage.tsx';

/** On the Übersicht: the signed-in person's overdue actions from cooperation meetings (R-AGR-6). */
export function OverdueActions() {
  const { t: ta } = useTranslation('agreements');
  const locale = currentLocale();
  const overdue = useApi(['agreement-actions-overdue'], (signal) => agreementsApi.overdue(signal));
  if (!overdue.data || overdue.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="dashboard-overdue-actions">
      <h2 id="dashboard-overdue-actions">{ta('overdueTitle')}</h2>
      <ul className="plain-list">
        {overdue.data.items.map((x) => (
          <li key={x.id}>
            <Link to={agreementPath(x.agreementId)}>
              {ta('overdueItem', {
                title: x.title,
                date: formatCalendarDate(x.dueOn, locale),
                agreement: x.agreementTitle,
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
