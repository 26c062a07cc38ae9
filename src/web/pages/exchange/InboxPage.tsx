import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { exchangeApi } from '../../api/exchange.ts';
import type { ThreadSummary } from '../../api/exchange.ts';
import { Button } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { IndependenceNotice } from './IndependenceNotice.tsx';
import { useExchangeWords } from './words.ts';

const pageSize = 50;

/** Where a thread of the inbox opens. */
export const threadPath = (id: string) => `${navigationPaths.inbox}/${encodeURIComponent(id)}`;

/**
 * R-RED-4, R-EXC-1, R-EXC-2: what the counselling services sent to the user's teams — who it is
 * about, the subject, what the consent covers and whether something new has arrived. Nothing of
 * the case is shown, only the threads; the independence of the counselling comes first.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const { offset, setOffset } = useListParams([]);
  const inbox = useApi(['inbox', offset], (signal) => exchangeApi.inbox({ offset, limit: pageSize }, signal));
  const columns: Column<ThreadSummary>[] = [
    {
      key: 'subject',
      header: tx('subject'),
      rowHeader: true,
      cell: (x) => (
        <>
          <Link to={threadPath(x.id)}>{x.subject}</Link>
          {x.unread > 0 && (
            <>
              {' '}
              <span className="badge badge-invited">{tx('unreadBadge', { count: x.unread })}</span>
            </>
          )}
        </>
      ),
    },
    // After a withdrawal the inbox keeps only that the thread existed, not whom it was about.
    { key: 'about', header: tx('about'), cell: (x) => (x.withdrawn ? '–' : x.clientLabel) },
    {
      key: 'from',
      header: tx('fromTo'),
      cell: (x) => tx('fromProviderToTeam', { provider: x.provider.name, team: x.partner.teamName }),
    },
    {
      key: 'consent',
      header: tx('consentScope'),
      cell: (x) =>
        x.legalBasis ? (
          tx('underLegalBasis', { basis: w.legalBasis(x.legalBasis.basis) })
        ) : x.withdrawn || !x.consent ? (
          <strong>{tx('consentWithdrawn')}</strong>
        ) : (
          <>
            {w.purpose(x.consent.purposeLabel, x.consent.purposeText)}
            <span className="cell-note">{w.categories(x.consent.categories)}</span>
            <span className="cell-note">
              {w.direction(x.consent.direction)} · {tx('validUntilDay', { day: w.day(x.consent.validUntil) })}
            </span>
          </>
        ),
    },
    { key: 'last', header: tx('lastMessage'), cell: (x) => formatDateTime(x.lastMessageAt, w.locale) },
  ];
  return (
    <Page title={tx('inboxTitle')} intro={<p>{tx('inboxIntro')}</p>}>
      <LoadState resource={inbox}>
        {(data) => (
          <>
            <IndependenceNotice text={data.independenceNotice} />
            <Section title={tx('threadsTitle')} id="inbox">
              <DataTable
                caption={tx('inboxTable')}
                captionHidden
                columns={columns}
                rows={data.items}
                rowKey={(x) => x.id}
                emptyText={tx('inboxEmpty')}
                busy={inbox.loading}
              />
              {(offset > 0 || data.items.length === pageSize) && (
                <nav className="pagination" aria-label={tx('inboxPages')}>
                  <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
                    {t('pagination.previous')}
                  </Button>
                  <Button
                    disabled={data.items.length < pageSize}
                    onClick={() => setOffset(offset + pageSize)}
                  >
                    {t('pagination.next')}
                  </Button>
                </nav>
              )}
            </Section>
          </>
        )}
      </LoadState>
    </Page>
  );
}
