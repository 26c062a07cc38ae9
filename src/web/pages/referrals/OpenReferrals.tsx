import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referralsApi } from '../../api/referrals.ts';
import { useApi } from '../../hooks/useApi.ts';
import { navigationPaths } from '../../session/navigation.ts';

/** On the counsellor's Übersicht: how many referrals wait for the provider's offices (R-REF-4). */
export function OpenReferrals() {
  const { t: tr } = useTranslation('referrals');
  const open = useApi(['referrals-open'], (signal) => referralsApi.openCount(signal));
  if (!open.data || open.data.open === 0) return null;
  return (
    <section className="card" aria-labelledby="dashboard-referrals">
      <h2 id="dashboard-referrals">{tr('inboxTitle')}</h2>
      <p>
        <Link to={navigationPaths.referrals}>{tr('openCount', { count: open.data.open })}</Link>
      </p>
    </section>
  );
}
