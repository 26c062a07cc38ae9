import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import {
  hoursCalendarUrl,
  hsdsUrl,
  overviewPdfUrl,
  searchOffices,
  SearchError,
  spokenLanguages,
} from './api.ts';
import type { Day, PublicOffice, SearchQuery, SearchResult, Slot } from './api.ts';
import {
  findLocales,
  isFindLocale,
  localeNames,
  preferredLocale,
  rtlLocales,
  statementLocale,
  translate,
} from './messages.ts';
import type { FindLocale, MessageKey } from './messages.ts';

/**
 * The public search (R-DIR-2): postcode or town, language and age, then the offices responsible
 * for the person with this week's hours, how to reach them and online counselling (R-UX-3).
 * Works without an account, on a phone, in seven languages, right to left for Arabic and Farsi.
 */

const storageKey = 'koop.find.locale';

/** The address parameter of the page's language: a reload or a shared link keeps it. */
const languageParameter = 'lang';

function initialLocale(): FindLocale {
  // A language in the address decides; one the page does not speak means German.
  const fromAddress = new URLSearchParams(window.location.search).get(languageParameter);
  if (fromAddress !== null) return isFindLocale(fromAddress) ? fromAddress : 'de';
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && isFindLocale(stored)) return stored;
  } catch {
    // Storage may be disabled; the browser's languages decide then.
  }
  return preferredLocale(navigator.languages);
}

/** Intl locale for dates and names; Farsi with the Gregorian calendar the offices work with. */
const intlLocale = (locale: FindLocale) => (locale === 'fa' ? 'fa-u-ca-gregory' : locale);

/** A list in the page's language, with that script's own punctuation and conjunction. */
const formatList = (locale: FindLocale, items: readonly string[]) =>
  new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);

/** Writes the page's language into the address, keeping every other parameter. */
function keepLocaleInAddress(locale: FindLocale): void {
  const address = new URLSearchParams(window.location.search);
  if (address.get(languageParameter) === locale) return;
  address.set(languageParameter, locale);
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}?${address.toString()}${window.location.hash}`,
  );
}

const nameMarker = '\u0001';

/**
 * A message with a proper name (German office or street names) in it: the name is isolated in
 * a `bdi`, so in Arabic or Farsi it neither takes the sentence's direction nor reorders it.
 */
function withName(text: string, name: string): ReactNode {
  const [before = '', after = ''] = text.split(nameMarker);
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}

interface FieldErrors {
  place?: string;
  age?: string;
  form?: string;
}

const placePattern = /^(\d{5}|\p{L}[\p{L}\p{M}\s.'’()/-]{1,79})$/u;

export function FindApp() {
  const [locale, setLocale] = useState<FindLocale>(initialLocale);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const initial = new URLSearchParams(window.location.search);
  const [place, setPlace] = useState(initial.get('q') ?? '');
  const [language, setLanguage] = useState(initial.get('language') ?? '');
  const [age, setAge] = useState(initial.get('age') ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<'idle' | 'searching' | 'locating' | 'done'>('idle');
  const [result, setResult] = useState<SearchResult | null>(null);
  /** The query the shown results answer (for the printable overview of the same search). */
  const [searched, setSearched] = useState<SearchQuery | null>(null);
  const [offered, setOffered] = useState<string[]>([]);
  const placeRef = useRef<HTMLInputElement>(null);
  const ageRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  /** The latest search; an answer to an older one (or one refused since) is dropped. */
  const searchNumber = useRef(0);
  const ids = { place: useId(), language: useId(), age: useId(), pageLanguage: useId() };

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    root.dir = rtlLocales.has(locale) ? 'rtl' : 'ltr';
    document.title = `${translate(locale, 'title')} – Koop`;
    keepLocaleInAddress(locale);
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      // The choice then lasts for this page only.
    }
  }, [locale]);

  useEffect(() => {
    const controller = new AbortController();
    spokenLanguages(controller.signal).then(
      (languages) => setOffered(languages.items.map((l) => l.code)),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const languageNames = useMemo(
    () => new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }),
    [locale],
  );
  const languageOptions = useMemo(
    () =>
      offered
        .map((code) => ({ code, name: languageNames.of(code) ?? code }))
        .sort((a, b) => a.name.localeCompare(b.name, intlLocale(locale))),
    [offered, languageNames, locale],
  );

  const run = async (query: SearchQuery) => {
    const mine = ++searchNumber.current;
    setStatus(query.lat !== undefined ? 'locating' : 'searching');
    try {
      const found = await searchOffices(query);
      if (mine !== searchNumber.current) return;
      setResult(found);
      setSearched(query);
      setStatus('done');
      const address = new URLSearchParams();
      if (query.q) address.set('q', query.q);
      if (query.language) address.set('language', query.language);
      if (query.age !== undefined) address.set('age', String(query.age));
      // The language the page shows now (it may have been switched while the search ran).
      address.set(languageParameter, document.documentElement.lang || locale);
      window.history.replaceState(null, '', `?${address.toString()}`);
      window.setTimeout(() => resultsRef.current?.focus(), 0);
    } catch (error) {
      if (mine !== searchNumber.current) return;
      setStatus('idle');
      // The error replaces the results: an earlier search's offices must not stay under it.
      setResult(null);
      setSearched(null);
      const code = error instanceof SearchError ? error.code : 'internal_error';
      const paths = error instanceof SearchError ? error.paths : [];
      if (code === 'validation_failed' && paths.includes('q')) setErrors({ place: t('error_place') });
      else if (code === 'validation_failed' && paths.includes('age')) setErrors({ age: t('error_age') });
      else setErrors({ form: code === 'rate_limited' ? t('error_rate') : t('error_generic') });
    }
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const next: FieldErrors = {};
    const trimmed = place.trim();
    if (!placePattern.test(trimmed)) next.place = t('error_place');
    const ageNumber = age.trim() === '' ? undefined : Number(age);
    if (ageNumber !== undefined && (!Number.isInteger(ageNumber) || ageNumber < 0 || ageNumber > 120)) {
      next.age = t('error_age');
    }
    setErrors(next);
    // A search refused before it is sent clears the previous results as well.
    if (next.place || next.age) {
      searchNumber.current++;
      setResult(null);
      setSearched(null);
      setStatus('idle');
    }
    if (next.place) {
      placeRef.current?.focus();
      return;
    }
    if (next.age) {
      ageRef.current?.focus();
      return;
    }
    void run({ q: trimmed, language: language || undefined, age: ageNumber });
  };

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setResult(null);
      setErrors({ form: t('locationFailed') });
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (position) =>
        void run({
          lat: Math.round(position.coords.latitude * 1000) / 1000,
          lon: Math.round(position.coords.longitude * 1000) / 1000,
          language: language || undefined,
          age: age.trim() === '' ? undefined : Number(age),
        }),
      () => {
        setStatus('idle');
        setResult(null);
        setErrors({ form: t('locationFailed') });
      },
      { maximumAge: 600_000, timeout: 10_000 },
    );
  };

  // A search link shared with a place in it runs at once.
  useEffect(() => {
    if (initial.get('q')) submit();
    // Only on the first render.
  }, []);

  const describedBy = (...parts: (string | false | undefined)[]) =>
    parts.filter(Boolean).join(' ') || undefined;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="find-header">
        <p className="brand" translate="no">
          Koop
        </p>
        <div className="page-language">
          <label htmlFor={ids.pageLanguage}>{t('pageLanguage')}</label>
          <select
            id={ids.pageLanguage}
            value={locale}
            onChange={(e) => setLocale(e.target.value as FindLocale)}
          >
            {findLocales.map((code) => (
              <option key={code} value={code} lang={code}>
                {localeNames[code]}
              </option>
            ))}
          </select>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <p className="promise">{t('promise')}</p>

        <section aria-labelledby="search-heading" className="search-box">
          <h2 id="search-heading" className="visually-hidden">
            {t('searchHeading')}
          </h2>
          <form role="search" aria-labelledby="search-heading" noValidate onSubmit={submit}>
            {errors.form && (
              <p className="error" role="alert">
                {errors.form}
              </p>
            )}
            <div className="field">
              <label htmlFor={ids.place}>{t('place')}</label>
              <p id={`${ids.place}-hint`} className="hint">
                {t('placeHint')}
              </p>
              {errors.place && (
                <p id={`${ids.place}-error`} className="field-error">
                  {errors.place}
                </p>
              )}
              <input
                ref={placeRef}
                id={ids.place}
                name="q"
                value={place}
                onChange={(e) => setPlace(e.target.value)}
                autoComplete="postal-code"
                required
                aria-invalid={errors.place ? true : undefined}
                aria-describedby={describedBy(`${ids.place}-hint`, errors.place && `${ids.place}-error`)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.language}>{t('counsellingLanguage')}</label>
              <select
                id={ids.language}
                name="language"
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
              >
                <option value="">{t('anyLanguage')}</option>
                {languageOptions.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.age}>{t('age')}</label>
              <p id={`${ids.age}-hint`} className="hint">
                {t('ageHint')}
              </p>
              {errors.age && (
                <p id={`${ids.age}-error`} className="field-error">
                  {errors.age}
                </p>
              )}
              <input
                ref={ageRef}
                id={ids.age}
                name="age"
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                value={age}
                onChange={(e) => setAge(e.target.value)}
                aria-invalid={errors.age ? true : undefined}
                aria-describedby={describedBy(`${ids.age}-hint`, errors.age && `${ids.age}-error`)}
              />
            </div>
            <div className="actions">
              <button type="submit" className="primary" disabled={status === 'searching'}>
                {t('search')}
              </button>
              <button type="button" onClick={useMyLocation} disabled={status === 'locating'}>
                {t('useLocation')}
              </button>
            </div>
          </form>
        </section>

        <p role="status" className="status">
          {status === 'searching' ? t('searching') : status === 'locating' ? t('locating') : ''}
        </p>

        {result && (
          <section aria-labelledby="results-heading" className="results">
            <h2 id="results-heading" ref={resultsRef} tabIndex={-1}>
              {t('resultsHeading')}
            </h2>
            <p>{t('resultsCount', { count: result.items.length })}</p>
            {result.languageFallback && <p className="notice">{t('languageFallback')}</p>}
            {result.items.length === 0 ? (
              <p className="notice">
                {t('noResults')}{' '}
                <a href="https://www.mbeon.de" rel="noopener">
                  mbeon
                </a>
              </p>
            ) : (
              <ol className="offices">
                {result.items.map((office) => (
                  <li key={office.id}>
                    <OfficeCard office={office} locale={locale} languageNames={languageNames} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}

        <OpenData locale={locale} query={result ? searched : null} />
      </main>
      <footer className="find-footer">
        <a href={`/barrierefreiheit?lang=${statementLocale(locale)}`} hrefLang={statementLocale(locale)}>
          {t('footerAccessibility')}
        </a>
        <a href="/anmelden">{t('footerStaff')}</a>
      </footer>
    </>
  );
}

// An address in Germany, written the German way; it is shown isolated in a `bdi`.
function placeText(slot: Slot): string | null {
  if (!slot.place) return slot.room;
  return [
    slot.place.name,
    slot.place.street,
    [slot.place.postcode, slot.place.city].filter(Boolean).join(' '),
    slot.room,
  ]
    .filter(Boolean)
    .join(', ');
}

function DayLine({ day, locale }: { day: Day; locale: FindLocale }) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const label = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day.date}T12:00:00Z`));
  return (
    <li>
      <span className="day">{label}</span>
      {day.closed ? (
        <span className="closed">
          {day.closed.kind === 'holiday' ? t('holiday') : t('closed')}
          {day.closed.note && (
            <>
              {' '}
              (<bdi>{day.closed.note}</bdi>)
            </>
          )}
        </span>
      ) : day.slots.length === 0 ? (
        <span className="muted">{t('noHours')}</span>
      ) : (
        <ul className="slots">
          {day.slots.map((slot, i) => {
            const where = placeText(slot);
            return (
              <li key={i}>
                <span dir="ltr" className="time">
                  {slot.opensAt}–{slot.closesAt}
                </span>{' '}
                {t(`kind_${slot.kind}`)}
                {slot.service && (
                  <>
                    {' ('}
                    <bdi>{slot.service}</bdi>)
                  </>
                )}
                {slot.byAppointment && ` · ${t('byAppointment')}`}
                {where && (
                  <>
                    {' – '}
                    {withName(t('at', { place: nameMarker }), where)}
                  </>
                )}
                {slot.note && (
                  <>
                    {' – '}
                    <bdi>{slot.note}</bdi>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

function OfficeCard({
  office,
  locale,
  languageNames,
}: {
  office: PublicOffice;
  locale: FindLocale;
  languageNames: Intl.DisplayNames;
}) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const headingId = `office-${office.id}`;
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const services = office.suitableServices.length > 0 ? office.suitableServices : office.services;
  return (
    <article className="office" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <bdi>{office.name}</bdi>
      </h3>
      <p className="provider">
        <bdi>{office.providerName}</bdi>
      </p>
      <p className="tags">
        <span className={`tag tag-${office.match}`}>{t(`match_${office.match}`)}</span>
        {office.distanceKm !== null && (
          <span className="tag">{t('distance', { km: number.format(office.distanceKm) })}</span>
        )}
      </p>
      <ul className="services">
        {services.map((service) => (
          <li key={service}>{t(`service_${service}`)}</li>
        ))}
      </ul>
      {office.description && (
        <p dir="auto" className="description">
          {office.description}
        </p>
      )}
      <dl className="facts">
        <dt>{t('address')}</dt>
        <dd>
          <bdi>
            {office.street}, {office.postcode} {office.city}
          </bdi>
          <br />
          <a href={office.mapUrl} rel="noopener">
            {t('map')}
          </a>
        </dd>
        {office.phone && (
          <>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                {office.phone}
              </a>
            </dd>
          </>
        )}
        {office.email && (
          <>
            <dt>{t('email')}</dt>
            <dd>
              <a href={`mailto:${office.email}`} dir="ltr">
                {office.email}
              </a>
            </dd>
          </>
        )}
        {office.website && (
          <>
            <dt>{t('website')}</dt>
            <dd>
              <a href={office.website} rel="noopener" dir="ltr">
                {office.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        )}
        {office.onlineLinks.length > 0 && (
          <>
            <dt>{t('online')}</dt>
            <dd>
              <ul className="plain">
                {office.onlineLinks.map((link) => (
                  <li key={link.url}>
                    <a href={link.url} rel="noopener">
                      <bdi>{link.label ?? link.platform}</bdi>
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {office.languages.length > 0 && (
          <>
            <dt>{t('languages')}</dt>
            <dd className="languages">
              {formatList(
                locale,
                office.languages.map((code) => languageNames.of(code) ?? code),
              )}
            </dd>
          </>
        )}
        {office.accessibility && (
          <>
            <dt>{t('accessibility')}</dt>
            <dd dir="auto">{office.accessibility}</dd>
          </>
        )}
        {office.contacts.length > 0 && (
          <>
            <dt>{t('contacts')}</dt>
            <dd>
              <ul className="plain">
                {office.contacts.map((contact, i) => (
                  <li key={i}>
                    <bdi>{[contact.functionTitle, contact.name].filter(Boolean).join(': ')}</bdi>
                    {contact.phone && (
                      <>
                        {' · '}
                        <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                          {contact.phone}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <h4>{t('hours')}</h4>
      <ul className="days">
        {office.days.map((day) => (
          <DayLine key={day.date} day={day} locale={locale} />
        ))}
      </ul>
      <p className="calendar-link">
        <a href={hoursCalendarUrl(office.id)} type="text/calendar">
          {t('officeCalendar')} <FormatName name="iCalendar" />
        </a>
      </p>
    </article>
  );
}

/** A file format's name, the same in every language: kept as written, in parentheses. */
function FormatName({ name }: { name: string }) {
  return (
    <>
      (
      <bdi translate="no" lang="en">
        {name}
      </bdi>
      )
    </>
  );
}

/**
 * The open exports of the directory (R-DIR-4): the printable overview (of the current search
 * where there is one), the hours as iCalendar and the whole directory as HSDS JSON.
 */
function OpenData({ locale, query }: { locale: FindLocale; query: SearchQuery | null }) {
  const t = (key: MessageKey) => translate(locale, key);
  return (
    <section aria-labelledby="open-data-heading" className="open-data">
      <h2 id="open-data-heading">{t('openDataHeading')}</h2>
      <p>{t('openDataIntro')}</p>
      <ul>
        <li>
          <a href={overviewPdfUrl(query)} type="application/pdf" hrefLang="de">
            {query?.q ? t('openDataPdfSearch') : t('openDataPdfAll')} <FormatName name="PDF" />
          </a>
          {locale !== 'de' && ` – ${t('inGerman')}`}
        </li>
        <li>
          <a href={hoursCalendarUrl()} type="text/calendar">
            {t('openDataCalendar')} <FormatName name="iCalendar" />
          </a>
        </li>
        <li>
          <a href={hsdsUrl} type="application/json">
            {t('openDataHsds')} <FormatName name="JSON, Open Referral HSDS 3.0" />
          </a>
        </li>
      </ul>
    </section>
  );
}
