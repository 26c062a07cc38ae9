import { useTranslation } from 'react-i18next';
import { exchangeApi } from '../../api/exchange.ts';
import type { Conflict, ConflictListItem, ConflictStatus } from '../../api/exchange.ts';
import { SelectField } from '../../components/Field.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { ConflictCard, ConsentScopeDetails } from './ThreadParts.tsx';
import { useExchangeWords } from './words.ts';

const statuses: readonly ConflictStatus[] = ['open', 'resolved'];

/** What a conflict is about: its thread, as both sides know it. */
function ThreadSummaryDetails({ thread }: { thread: ConflictListItem['thread'] }) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  return (
    <>
      <dl className="details">
        <div>
          <dt>{tx('subject')}</dt>
          <dd>{thread.subject}</dd>
        </div>
        <div>
          <dt>{tx('about')}</dt>
          <dd>{thread.clientLabel}</dd>
        </div>
        <div>
          <dt>{tx('between')}</dt>
          <dd>
            {tx('betweenParties', {
              provider: thread.provider.name,
              partner: thread.partner.name,
              team: thread.partner.teamName,
            })}
          </dd>
        </div>
      </dl>
      {thread.legalBasis && <p>{tx('underLegalBasis', { basis: w.legalBasis(thread.legalBasis.basis) })}</p>}
      {thread.consent && !thread.withdrawn && (
        <details className="consent-scope">
          <summary>{tx('underThisConsent')}</summary>
          <ConsentScopeDetails scope={thread.consent} />
        </details>
      )}
    </>
  );
}

/**
 * R-EXC-3: the conflicts in the cooperation that reach the user as central contact — open or
 * resolved, each with its thread's summary and notes; a note, or closing with the outcome.
 */
export function ConflictsPage() {
  const { t: tx } = useTranslation('exchange');
  const { filters, setFilters } = useListParams(['status'] as const);
  const status: ConflictStatus = filters.status === 'resolved' ? 'resolved' : 'open';
  const conflicts = useApi(['conflicts', status], (signal) => exchangeApi.conflicts({ status }, signal));
  const replace = (items: readonly ConflictListItem[], next: Conflict) =>
    conflicts.setData({
      items: items.map((x) => (x.id === next.id ? { ...next, thread: x.thread } : x)),
    });
  return (
    <Page title={tx('conflictsPageTitle')} intro={<p>{tx('conflictsIntro')}</p>}>
      <FilterBar
        label={tx('conflictsFilter')}
        applied={{ status: filters.status }}
        onApply={(next) => setFilters({ status: next.status === 'resolved' ? 'resolved' : '' })}
      >
        {(draft, set) => (
          <SelectField
            name="status"
            label={tx('conflictStatusLabel')}
            value={draft.status === 'resolved' ? 'resolved' : 'open'}
            options={statuses.map((s) => ({ value: s, label: tx(`conflictStatusFilter.${s}`) }))}
            onChange={(value) => set('status', value === 'resolved' ? 'resolved' : '')}
          />
        )}
      </FilterBar>
      <LoadState resource={conflicts}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{tx(status === 'open' ? 'noOpenConflicts' : 'noResolvedConflicts')}</p>
          ) : (
            <ul className="plain-list stack" aria-label={tx(`conflictStatusFilter.${status}`)}>
              {data.items.map((item) => (
                <li key={item.id} className="card">
                  <ConflictCard
                    conflict={item}
                    level={2}
                    title={tx('conflictAbout', {
                      subject: item.thread.subject,
                      partner: item.thread.partner.name,
                    })}
                    onChange={(next) => replace(data.items, next)}
                    onReload={conflicts.reload}
                  >
                    <ThreadSummaryDetails thread={item.thread} />
                  </ConflictCard>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Page>
  );
}
