import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryApi } from '../../api/directory.ts';
import type { Flyer, HoursException, Locale, OverviewOffice, WeeklyHours } from '../../api/types.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatCalendarDate, formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';
import { FlyerFiles } from '../offices/FlyerFiles.tsx';
import { OfficeReach } from './OfficeReach.tsx';

/**
 * The always-current overview of counselling offices, counsellors, addresses and hours for
 * Jobcenter and ABH staff (R-DIR-1), including hours held in partner premises (R-DIR-3), the
 * current flyers (R-DIR-5) and the printable PDF.
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  const overview = useApi(['directory-overview'], (signal) => directoryApi.overview(signal));
  const flyers = useApi(['all-flyers'], (signal) => directoryApi.allFlyers(signal));
  const locale = currentLocale();
  const { navigation } = useActiveSession();

  return (
    <Page
      title={t('directory.title')}
      intro={
        overview.data && (
          <p>{t('directory.generatedAt', { date: formatDateTime(overview.data.generatedAt, locale) })}</p>
        )
      }
      actions={
        <a
          className="button button-primary"
          href={directoryApi.overviewPdfUrl}
          target="_blank"
          rel="noopener"
        >
          {t('directory.printPdf')}
        </a>
      }
    >
      <LoadState resource={overview}>
        {(data) => (
          <>
            {data.hoursInYourPremises > 0 && (
              <Notice tone="info">
                <p>
                  {t('directory.inYourPremises', { count: data.hoursInYourPremises })}
                  {navigation.includes('hostedHours') && (
                    <>
                      {' '}
                      <Link to={navigationPaths.hostedHours}>{t('directory.inYourPremisesLink')}</Link>
                    </>
                  )}
                </p>
              </Notice>
            )}
            {data.offices.length === 0 && <p className="empty">{t('directory.empty')}</p>}
            {data.offices.map((office) => (
              <OfficeEntry key={office.id} office={office} flyers={flyers.data?.items ?? []} />
            ))}
          </>
        )}
      </LoadState>
    </Page>
  );
}

function hoursText(h: WeeklyHours, t: TFunction): string {
  return [
    t(`schedule.kinds.${h.kind}`),
    h.service,
    h.byAppointment ? t('schedule.byAppointment') : null,
    h.place ? t('directory.inPremises', { name: h.place.name }) : null,
    h.room,
    h.note,
  ]
    .filter(Boolean)
    .join(' · ');
}

function exceptionText(e: HoursException, locale: Locale, t: TFunction): string {
  const when =
    e.startsOn === e.endsOn
      ? formatCalendarDate(e.startsOn, locale)
      : `${formatCalendarDate(e.startsOn, locale)} – ${formatCalendarDate(e.endsOn, locale)}`;
  return [
    when,
    t(`schedule.exceptionKinds.${e.kind}`),
    e.opensAt && e.closesAt ? `${e.opensAt}–${e.closesAt}` : null,
    e.note,
  ]
    .filter(Boolean)
    .join(' · ');
}

function OfficeEntry({ office, flyers }: { office: OverviewOffice; flyers: Flyer[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const headingId = `office-${office.id}`;
  const own = flyers.filter((f) => f.officeId === office.id && f.files.length > 0);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{office.name}</h2>
      <p className="muted">
        {office.providerName} · {office.services.join(', ')}
      </p>
      <dl className="details">
        <OfficeReach office={office} />
        {office.languages.length > 0 && (
          <div>
            <dt>{t('directory.languages')}</dt>
            <dd>{office.languages.map((code) => names.of(code) ?? code).join(', ')}</dd>
          </div>
        )}
        {(office.catchmentPostcodes.length > 0 || office.catchmentMunicipalities.length > 0) && (
          <div>
            <dt>{t('directory.catchment')}</dt>
            <dd>{[...office.catchmentPostcodes, ...office.catchmentMunicipalities].join(', ')}</dd>
          </div>
        )}
        {office.onlineLinks.length > 0 && (
          <div>
            <dt>{t('directory.online')}</dt>
            <dd>
              {office.onlineLinks.map((link, i) => (
                <span key={link.url}>
                  {i > 0 && ', '}
                  <a href={link.url} rel="noopener">
                    {link.label ?? link.platform}
                  </a>
                </span>
              ))}
            </dd>
          </div>
        )}
        {office.accessibility && (
          <div>
            <dt>{t('directory.accessibility')}</dt>
            <dd>{office.accessibility}</dd>
          </div>
        )}
      </dl>
      {office.hours.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby={`${headingId}-hours`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${headingId}-hours`}>{t('directory.hoursCaption', { name: office.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.weekday')}</th>
                <th scope="col">{t('directory.time')}</th>
                <th scope="col">{t('directory.what')}</th>
              </tr>
            </thead>
            <tbody>
              {office.hours.map((h, i) => (
                <tr key={h.id ?? i}>
                  <th scope="row">{t(`schedule.weekdays.${h.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)}</th>
                  <td>
                    {h.opensAt}–{h.closesAt}
                  </td>
                  <td>{hoursText(h, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('directory.noHours')}</p>
      )}
      {office.upcomingExceptions.length > 0 && (
        <p>
          <strong>{t('directory.exceptions')}</strong>{' '}
          {office.upcomingExceptions.map((e) => exceptionText(e, locale, t)).join('; ')}
        </p>
      )}
      {office.contacts.length > 0 && (
        <>
          <h3>{t('directory.contacts')}</h3>
          <ul className="plain-list">
            {office.contacts.map((c, i) => (
              <li key={i}>{[c.functionTitle, c.name, c.phone, c.email].filter(Boolean).join(' · ')}</li>
            ))}
          </ul>
        </>
      )}
      {own.length > 0 && (
        <>
          <h3>{t('directory.flyers')}</h3>
          {own.map((flyer) => (
            <FlyerFiles key={flyer.id} flyer={flyer} />
          ))}
        </>
      )}
    </section>
  );
}
