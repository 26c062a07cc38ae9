import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referralsApi } from '../../api/referrals.ts';
import type { InboxReferral } from '../../api/referrals.ts';
import { Button } from '../../components/Buttons.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { useReferralWords } from './referralWords.ts';

/** Where a referral of the inbox opens. */
export const referralPath = (id: string) => `${navigationPaths.referrals}/${encodeURIComponent(id)}`;

/**
 * The office's referral inbox (R-REF-1, R-REF-4): named referrals from Jobcenters and ABHs to the
 * provider's offices, open ones first; each opens to accept, hand on or close.
 */
export function ReferralsPage() {
  const { t: tr } = useTranslation('referrals');
  const w = useReferralWords();
  const [state, setState] = useState<'open' | 'all'>('open');
  const inbox = useApi(['referral-inbox', state], (signal) => referralsApi.inbox(state, signal));
  const columns: Column<InboxReferral>[] = [
    {
      key: 'person',
      header: tr('person'),
      rowHeader: true,
      cell: (x) => (
        <>
          <Link to={referralPath(x.id)}>
            {[x.person.givenName, x.person.familyName].filter(Boolean).join(' ')}
          </Link>
          {x.callFirst && (
            <>
              {' '}
              <span className="badge badge-invited">{tr('callFirstBadge')}</span>
            </>
          )}
          {x.handedOn && (
            <>
              {' '}
              <span className="badge">{tr('handedOnBadge')}</span>
            </>
          )}
          <span className="cell-note">
            {w.language(x.person.language)}
            {x.person.age !== null && <> · {tr('ageYears', { age: x.person.age })}</>} · {w.topic(x.topic)}
          </span>
        </>
      ),
    },
    { key: 'office', header: tr('office'), cell: (x) => `${x.office.name} · ${x.service}` },
    { key: 'from', header: tr('from'), cell: (x) => x.referrer.organisationName },
    { key: 'received', header: tr('received'), cell: (x) => formatDateTime(x.createdAt, w.locale) },
    { key: 'status', header: tr('status'), cell: (x) => tr(`statuses.${x.status}`) },
  ];
  return (
    <Page title={tr('inboxTitle')} intro={<p>{tr('inboxIntro')}</p>}>
      <LoadState resource={inbox}>
        {(data) => (
          <Section
            title={tr('openCount', { count: data.open })}
            id="referrals"
            actions={
              <Button onClick={() => setState(state === 'open' ? 'all' : 'open')}>
                {state === 'open' ? tr('showAll') : tr('showOpen')}
              </Button>
            }
          >
            <DataTable
              caption={tr('inboxTable')}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(x) => x.id}
              emptyText={tr('inboxEmpty')}
              busy={inbox.loading}
            />
          </Section>
        )}
      </LoadState>
    </Page>
  );
}
