import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory.ts';
import type { HostedHours, HostedSlot, Locale, WeeklyHours } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatCalendarDate, formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';
import { OfficeReach } from './OfficeReach.tsx';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
type Office = HostedHours['offices'][number];
type Row = HostedSlot & { date: string; key: string };

const longDate: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
};

/**
 * "Sprechzeiten in unseren Räumen" for partner staff (R-DIR-3): which counselling services hold
 * hours in the own premises this week and next, with provider, office, service, times, and the
 * dates a closure or holiday of the office cancels.
 */
export function HostedHoursPage() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const locale = currentLocale();
  const hosted = useApi(['hosted-hours', user.organisation.id], (signal) =>
    directoryApi.hostedHours(user.organisation.id, signal),
  );

  return (
    <Page
      title={t('hostedHours.title')}
      intro={
        hosted.data && (
          <>
            <p>
              {t('hostedHours.intro', {
                name: hosted.data.organisationName,
                from: formatCalendarDate(hosted.data.from, locale),
                until: formatCalendarDate(hosted.data.until, locale),
              })}
            </p>
            <p>{t('directory.generatedAt', { date: formatDateTime(hosted.data.generatedAt, locale) })}</p>
          </>
        )
      }
    >
      <LoadState resource={hosted}>
        {(data) => (
          <>
            {[0, 1].map((week) => (
              <WeekSection key={week} data={data} week={week} locale={locale} />
            ))}
            <Section title={t('hostedHours.servicesHeading')} id="hosted-services">
              {data.offices.length === 0 ? (
                <p className="empty">{t('hostedHours.noServices')}</p>
              ) : (
                data.offices.map((office) => <OfficeEntry key={office.id} office={office} />)
              )}
            </Section>
          </>
        )}
      </LoadState>
    </Page>
  );
}

/** The service of a slot; hours open to both services name the office's services. */
function serviceOf(slot: HostedSlot, offices: readonly Office[]): string {
  if (slot.service) return slot.service;
  return offices.find((o) => o.id === slot.officeId)?.services.join(', ') ?? '';
}

function remarks(slot: HostedSlot, t: TFunction): string {
  // Why the date is cancelled: the kind of closure and its note ("Geschlossen – Osterschließung").
  const cancelled =
    slot.cancelled &&
    [t(`schedule.exceptionKinds.${slot.cancelled.kind}`), slot.cancelled.note].filter(Boolean).join(' – ');
  return [
    cancelled,
    slot.kind === 'extra' ? t('hostedHours.extra') : null,
    slot.byAppointment ? t('schedule.byAppointment') : null,
    slot.note,
  ]
    .filter(Boolean)
    .join(' · ');
}

function WeekSection({ data, week, locale }: { data: HostedHours; week: number; locale: Locale }) {
  const { t } = useTranslation();
  const days = data.days.slice(week * 7, week * 7 + 7);
  const first = days[0]?.date ?? data.from;
  const last = days[days.length - 1]?.date ?? data.until;
  const rows: Row[] = days.flatMap((day) =>
    day.slots.map((slot, i) => ({ ...slot, date: day.date, key: `${day.date}-${i}` })),
  );
  const columns: Column<Row>[] = [
    {
      key: 'day',
      header: t('hostedHours.day'),
      rowHeader: true,
      cell: (row) => formatCalendarDate(row.date, locale, longDate),
    },
    {
      key: 'time',
      header: t('directory.time'),
      className: 'nowrap',
      cell: (row) =>
        row.cancelled ? (
          <s>
            {row.opensAt}–{row.closesAt}
          </s>
        ) : (
          `${row.opensAt}–${row.closesAt}`
        ),
    },
    { key: 'service', header: t('schedule.service'), cell: (row) => serviceOf(row, data.offices) },
    {
      key: 'office',
      header: t('hostedHours.office'),
      cell: (row) => (
        <>
          {row.officeName}
          <span className="cell-note">{row.providerName}</span>
        </>
      ),
    },
    { key: 'room', header: t('schedule.room'), cell: (row) => row.room ?? '' },
    {
      key: 'remarks',
      header: t('hostedHours.remarks'),
      cell: (row) => (
        <>
          {row.cancelled && <span className="badge badge-cancelled">{t('hostedHours.cancelledBadge')}</span>}{' '}
          {remarks(row, t)}
        </>
      ),
    },
  ];
  const title = t('hostedHours.weekCaption', {
    week: week === 0 ? t('hostedHours.thisWeek') : t('hostedHours.nextWeek'),
    from: formatCalendarDate(first, locale),
    until: formatCalendarDate(last, locale),
  });
  return (
    <Section title={title} id={`hosted-week-${week}`}>
      <DataTable
        caption={t('hostedHours.tableCaption', { period: title })}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(row) => row.key}
        emptyText={t('hostedHours.emptyWeek')}
      />
    </Section>
  );
}

function weeklyText(h: WeeklyHours, t: TFunction): string {
  return [
    `${t(`schedule.weekdays.${h.weekday as Weekday}`)} ${h.opensAt}–${h.closesAt}`,
    h.service,
    h.room,
    h.byAppointment ? t('schedule.byAppointment') : null,
    h.note,
  ]
    .filter(Boolean)
    .join(' · ');
}

function OfficeEntry({ office }: { office: Office }) {
  const { t } = useTranslation();
  const headingId = `hosted-office-${office.id}`;
  return (
    <section className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{office.name}</h3>
      <p className="muted">
        {office.providerName} · {office.services.join(', ')}
      </p>
      <dl className="details">
        <OfficeReach office={office} />
        <div>
          <dt>{t('hostedHours.weeklyHere')}</dt>
          <dd>
            {office.hours.length === 0 ? (
              t('hostedHours.noWeeklyHere')
            ) : (
              <ul className="plain-list">
                {office.hours.map((h, i) => (
                  <li key={h.id ?? i}>{weeklyText(h, t)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
