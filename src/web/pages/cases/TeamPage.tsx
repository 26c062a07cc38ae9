import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { Lookup, TeamOverview } from '../../api/cases.ts';
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
import { formatDay } from './caseFormat.ts';

type Row = TeamOverview['counsellors'][number];
type Due = TeamOverview['dueItems'][number];

/** R-CON-8: the team's caseloads as counts and due items — never case content. */
export function TeamPage() {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const team = useApi(['team'], (signal) => casesApi.team(signal));
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<Lookup | null>(null);
  const lookup = useSubmit((caseNumber: string) => casesApi.lookup(caseNumber));

  const columns: Column<Row>[] = [
    { key: 'name', header: tc('counsellor'), cell: (r) => r.name, rowHeader: true },
    { key: 'open', header: tc('openCount'), cell: (r) => r.open },
    { key: 'cm', header: tc('caseTypes.case_management'), cell: (r) => r.caseManagement },
    { key: 'short', header: tc('caseTypes.short_counselling'), cell: (r) => r.shortCounselling },
    { key: 'reviews', header: tc('overdueReviews'), cell: (r) => r.overdueReviews },
    { key: 'week', header: tc('stepsThisWeek'), cell: (r) => r.stepsDueThisWeek },
    { key: 'late', header: tc('overdueSteps'), cell: (r) => r.overdueSteps },
  ];
  const dueColumns: Column<Due>[] = [
    {
      key: 'due',
      header: tc('dueOn'),
      cell: (d) => `${formatDay(d.dueOn, locale)}${d.overdue ? ` (${tc('overdue')})` : ''}`,
    },
    { key: 'number', header: tc('caseNumber'), cell: (d) => d.caseNumber, rowHeader: true },
    { key: 'owner', header: tc('counsellor'), cell: (d) => d.ownerName },
    { key: 'kind', header: tc('dueKind'), cell: (d) => tc(`dueKinds.${d.kind}`) },
  ];

  return (
    <Page title={tc('teamTitle')} intro={<p>{tc('teamIntro')}</p>}>
      <LoadState resource={team}>
        {(data) => (
          <>
            <Section title={tc('teamCaseloads')} id="team-counts">
              <DataTable
                caption={tc('tableOf', { title: tc('teamCaseloads') })}
                captionHidden
                columns={columns}
                rows={data.counsellors}
                rowKey={(r) => r.userId}
                emptyText={tc('noCounsellors')}
              />
            </Section>
            <Section title={tc('teamDue')} id="team-due">
              <DataTable
                caption={tc('tableOf', { title: tc('teamDue') })}
                captionHidden
                columns={dueColumns}
                rows={data.dueItems}
                rowKey={(d) => `${d.kind}-${d.itemId}`}
                emptyText={tc('noDueSteps')}
              />
            </Section>
          </>
        )}
      </LoadState>
      <Section title={tc('lookupTitle')} id="lookup">
        <p>{tc('lookupIntro')}</p>
        <Form
          markRequired={false}
          error={lookup.error}
          pending={lookup.pending}
          aria-labelledby="lookup-heading"
          onSubmit={() =>
            void (async () => {
              const result = await lookup.run(number.trim());
              setFound(result.ok ? result.value : null);
            })()
          }
        >
          <div className="form-grid">
            <TextField
              name="caseNumber"
              label={tc('caseNumber')}
              hint={tc('caseNumberHint')}
              value={number}
              onChange={setNumber}
            />
          </div>
          <div className="form-actions">
            <SubmitButton>{tc('lookupSubmit')}</SubmitButton>
          </div>
        </Form>
        {found && (
          <Notice tone="info" role="status">
            <p>{tc('lookupResult', { number: found.caseNumber, owner: found.owner.name })}</p>
            {(found.accessible || found.allowedActions.includes('case.break_glass')) && (
              <p>
                <Link to={`/faelle/${found.id}`}>
                  {found.accessible ? tc('openCase') : tc('openWithReason')}
                </Link>
              </p>
            )}
          </Notice>
        )}
      </Section>
    </Page>
  );
}
