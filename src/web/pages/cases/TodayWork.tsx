import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { Caseload } from '../../api/cases.ts';
import { offersApi } from '../../api/offers.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCalendarDate } from '../../i18n/format.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { formatDay } from './caseFormat.ts';

const berlinTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));

interface WorkItem {
  key: string;
  caseId: string;
  caseNumber: string;
  clientName: string;
  text: string;
}

function WorkList({ items, empty, label }: { items: WorkItem[]; empty: string; label: string }) {
  const { t: tc } = useTranslation('cases');
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="work-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <Link to={`/faelle/${item.caseId}`}>
            {tc('today.caseLink', { number: item.caseNumber, name: item.clientName })}
          </Link>
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** New notifications (partners' offers and notices), for those who receive them. */
function NewMessages() {
  const { t: tc } = useTranslation('cases');
  const unread = useApi(['notifications', false], (signal) => offersApi.notifications(true, signal));
  return (
    <Section title={tc('today.messages')} id="today-messages">
      <LoadState resource={unread}>
        {(data) => (
          <>
            {data.unread === 0 ? (
              <p>{tc('today.noMessages')}</p>
            ) : (
              <>
                <p>{tc('today.unread', { count: data.unread })}</p>
                <ul className="work-list">
                  {data.items.slice(0, 5).map((item) => (
                    <li key={item.id}>
                      <span>{item.title}</span>
                      <span>{item.organisationName}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>
              <Link to={navigationPaths.notifications}>{tc('today.allMessages')}</Link>
            </p>
          </>
        )}
      </LoadState>
    </Section>
  );
}

function TodaySections({ data, messages }: { data: Caseload; messages: ReactNode }) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const day = (date: string) => formatDay(date, locale);
  const appointments: WorkItem[] = data.appointmentsToday.map((a) => ({
    key: a.contactId,
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    clientName: a.clientName,
    text: tc('today.appointment', { time: berlinTime(a.startsAt, locale), form: tc(`forms.${a.form}`) }),
  }));
  const stepItem = (s: Caseload['dueSteps'][number]): WorkItem => ({
    key: s.stepId,
    caseId: s.caseId,
    caseNumber: s.caseNumber,
    clientName: s.clientName,
    text: tc('today.stepItem', { title: s.title, date: day(s.dueOn) }),
  });
  const overdue: WorkItem[] = [
    ...data.overdueReviews.map((r) => ({
      key: `review-${r.caseId}`,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      clientName: r.clientName,
      text: tc('today.reviewItem', { date: day(r.nextReviewOn) }),
    })),
    ...data.dueSteps.filter((s) => s.overdue).map(stepItem),
  ];
  // The server decides what is overdue and due this week (`due.ts`), not the browser's clock.
  const thisWeek = data.dueSteps.filter((s) => s.dueThisWeek).map(stepItem);

  return (
    <>
      <p>
        {tc('today.intro', {
          date: formatCalendarDate(data.today, locale, { dateStyle: 'full' }),
          weekEnd: formatCalendarDate(data.weekEnd, locale, { day: 'numeric', month: 'long' }),
        })}
      </p>
      <div className="today-grid">
        <Section title={`${tc('today.appointments')} (${appointments.length})`} id="today-appointments">
          <WorkList
            items={appointments}
            empty={tc('today.noAppointments')}
            label={tc('today.appointments')}
          />
        </Section>
        <Section title={`${tc('today.overdue')} (${overdue.length})`} id="today-overdue">
          <WorkList items={overdue} empty={tc('today.noOverdue')} label={tc('today.overdue')} />
        </Section>
        <Section title={`${tc('today.week')} (${thisWeek.length})`} id="today-week">
          <WorkList items={thisWeek} empty={tc('today.noWeek')} label={tc('today.week')} />
        </Section>
        {messages}
      </div>
      <p>
        <Link to={navigationPaths.cases}>{tc('today.allCases')}</Link>
      </p>
    </>
  );
}

/**
 * R-CASE-5: a counsellor's work of the day on the Übersicht — appointments today, overdue
 * reviews and steps, steps due this week and new notifications, each leading to its case. It
 * shares the caseload's request (same query key) with "Meine Fälle".
 */
export function TodayWork({ showMessages }: { showMessages: boolean }) {
  const { t: tc } = useTranslation('cases');
  const caseload = useApi(['caseload'], (signal) => casesApi.caseload(signal));
  return (
    <section aria-labelledby="today-heading" className="stack">
      <h2 id="today-heading" className="section-heading">
        {tc('today.title')}
      </h2>
      <LoadState resource={caseload}>
        {(data) => <TodaySections data={data} messages={showMessages ? <NewMessages /> : null} />}
      </LoadState>
    </section>
  );
}
