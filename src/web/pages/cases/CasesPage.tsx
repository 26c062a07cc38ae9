import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { Caseload, SearchHit } from '../../api/cases.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatDay } from './caseFormat.ts';

type OpenCase = Caseload['openCases'][number];
type DueStep = Caseload['dueSteps'][number];

/** R-CASE-5, R-CASE-8: my caseload, the next due steps, overdue reviews, and the client search. */
export function CasesPage() {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const caseload = useApi(['caseload'], (signal) => casesApi.caseload(signal));
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const search = useSubmit((query: string) => casesApi.search(query));

  const caseLink = (id: string, label: string, name?: string) => (
    <Link to={`/faelle/${id}`} aria-label={name ? tc('openNamed', { number: label, name }) : undefined}>
      {label}
    </Link>
  );

  /** A due date, marked when the server says it is overdue (`due.ts`). */
  const dueDate = (date: string | null, overdue: boolean) =>
    date ? (
      <span className={overdue ? 'badge badge-deactivated' : undefined}>
        {formatDay(date, locale)}
        {overdue && ` (${tc('overdue')})`}
      </span>
    ) : (
      ''
    );

  const openColumns: Column<OpenCase>[] = [
    { key: 'number', header: tc('caseNumber'), cell: (c) => caseLink(c.id, c.caseNumber, c.clientName) },
    { key: 'name', header: tc('client'), cell: (c) => c.clientName, rowHeader: true },
    {
      key: 'type',
      header: tc('type'),
      cell: (c) => `${c.service} · ${tc(`caseTypes.${c.caseType}`)}`,
    },
    {
      key: 'phase',
      header: tc('phaseLabel'),
      cell: (c) => (c.phase ? tc(`phases.${c.phase}`) : ''),
    },
    {
      key: 'review',
      header: tc('nextReview'),
      cell: (c) => dueDate(c.nextReviewOn, c.reviewOverdue),
    },
    {
      key: 'step',
      header: tc('nextStep'),
      cell: (c) => dueDate(c.nextStepDueOn, c.nextStepOverdue),
    },
    { key: 'contact', header: tc('lastContact'), cell: (c) => formatDateTime(c.lastContactAt, locale) },
  ];

  const stepColumns: Column<DueStep>[] = [
    {
      key: 'due',
      header: tc('dueOn'),
      cell: (s) => dueDate(s.dueOn, s.overdue),
    },
    { key: 'title', header: tc('step'), cell: (s) => s.title, rowHeader: true },
    { key: 'who', header: tc('who'), cell: (s) => tc(`responsible.${s.responsible}`) },
    { key: 'case', header: tc('case'), cell: (s) => caseLink(s.caseId, s.caseNumber, s.clientName) },
    { key: 'client', header: tc('client'), cell: (s) => s.clientName },
  ];

  const hitColumns: Column<SearchHit>[] = [
    {
      key: 'name',
      header: tc('client'),
      rowHeader: true,
      cell: (h) => [h.givenName, h.familyName].filter(Boolean).join(' '),
    },
    {
      key: 'born',
      header: tc('birthDate'),
      cell: (h) => (h.birthDate ? formatDay(h.birthDate, locale) : (h.ageGroup ?? '')),
    },
    {
      key: 'cases',
      header: tc('cases'),
      cell: (h) => (
        <ul className="plain-list">
          {h.cases.map((c) => (
            <li key={c.id}>
              {caseLink(c.id, c.caseNumber, h.familyName)} ({tc(`status.${c.status}`)})
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <Page
      title={tc('title')}
      intro={
        caseload.data && (
          <p>
            {tc('counts', {
              open: caseload.data.counts.open,
              cm: caseload.data.counts.caseManagement,
              short: caseload.data.counts.shortCounselling,
            })}
          </p>
        )
      }
      actions={
        <Link className="button button-primary" to="/faelle/neu">
          {tc('register')}
        </Link>
      }
    >
      <Section title={tc('searchTitle')} id="client-search">
        <Form
          markRequired={false}
          error={search.error}
          pending={search.pending}
          aria-labelledby="client-search-heading"
          onSubmit={() =>
            void (async () => {
              const result = await search.run(q);
              // A failed search (too short, a date that does not exist, a server error) shows
              // only its error: the results of the previous search must not stay under it.
              setHits(result.ok ? result.value.items : null);
            })()
          }
        >
          <div className="form-grid">
            <TextField
              name="q"
              type="search"
              label={tc('searchLabel')}
              hint={tc('searchHint')}
              value={q}
              onChange={setQ}
            />
            <div className="form-actions">
              <SubmitButton>{tc('searchButton')}</SubmitButton>
            </div>
          </div>
        </Form>
        {hits && (
          <div role="status">
            <DataTable
              caption={tc('searchResults', { count: hits.length })}
              columns={hitColumns}
              rows={hits}
              rowKey={(h) => h.clientId}
              emptyText={tc('noHits')}
            />
          </div>
        )}
      </Section>

      <LoadState resource={caseload}>
        {(data) => (
          <>
            {data.accessByOthers.length > 0 && (
              <Notice tone="warning" title={tc('accessByOthersTitle')}>
                <ul>
                  {data.accessByOthers.map((a) => (
                    <li key={`${a.caseId}-${a.grantedAt}`}>
                      {tc('accessByOthers', {
                        name: a.userName,
                        number: a.caseNumber,
                        when: formatDateTime(a.grantedAt, locale),
                        reason: a.reason,
                      })}
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
            <Section title={tc('openCases')} id="open-cases">
              <DataTable
                caption={tc('tableOf', { title: tc('openCases') })}
                captionHidden
                columns={openColumns}
                rows={data.openCases}
                rowKey={(c) => c.id}
                emptyText={tc('noOpenCases')}
              />
            </Section>
            <Section title={tc('dueSteps')} id="due-steps">
              <DataTable
                caption={tc('tableOf', { title: tc('dueSteps') })}
                captionHidden
                columns={stepColumns}
                rows={data.dueSteps}
                rowKey={(s) => s.stepId}
                emptyText={tc('noDueSteps')}
              />
            </Section>
          </>
        )}
      </LoadState>
    </Page>
  );
}
