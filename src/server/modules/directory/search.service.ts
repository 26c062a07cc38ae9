import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { programmesForAge, type Programme } from '../../terms.ts';
import type { ServiceAges } from './directory.tables.ts';
import type { PublicSearchQuery } from './directory.schemas.ts';
import { loadDirectory, type ExceptionEntry, type HoursEntry, type Place } from './directory.model.ts';
import { publicSearchStatement, type SearchParams, type SearchRow } from './search.repository.ts';
import { addDays, berlinToday, hoursOfDays } from './schedule.ts';
import { languageName } from './languages.ts';

/**
 * The public directory (R-DIR-2): search and office pages for people without an account.
 * Everything here is presented through `presentPublicOffice`, which copies only public fields.
 */

interface PublicSource {
  id: string;
  providerName: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  description: string | null;
  services: string[];
  languages: string[];
  accessibility: string | null;
  onlineLinks: { platform: string; url: string; label: string | null }[];
  latitude: number | null;
  longitude: number | null;
  contacts: {
    functionTitle: string;
    name: string | null;
    namePublic: boolean;
    phone: string | null;
    email: string | null;
    languages: string[];
  }[];
  hours: HoursEntry[];
  exceptions: ExceptionEntry[];
}

/** A link to the office on OpenStreetMap: by coordinates where known, otherwise by address. */
export function mapUrlFor(o: {
  latitude: number | null;
  longitude: number | null;
  street: string;
  postcode: string;
  city: string;
}): string {
  if (o.latitude !== null && o.longitude !== null) {
    return `https://www.openstreetmap.org/?mlat=${o.latitude}&mlon=${o.longitude}#map=17/${o.latitude}/${o.longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${o.street}, ${o.postcode} ${o.city}`)}`;
}

/** Copies the public fields of an office; a counsellor's own name only where they chose it. */
function presentPublicOffice(source: PublicSource, today: string) {
  const places = new Map<string, Place>();
  for (const item of [...source.hours, ...source.exceptions]) {
    if (item.place) places.set(item.place.organisationId, item.place);
  }
  const days = hoursOfDays(today, source.hours, source.exceptions).map((day) => ({
    date: day.date,
    weekday: day.weekday,
    closed: day.closed,
    slots: day.slots.map((slot) => ({
      kind: slot.kind,
      service: slot.service,
      opensAt: slot.opensAt,
      closesAt: slot.closesAt,
      place: slot.partnerOrganisationId ? (places.get(slot.partnerOrganisationId) ?? null) : null,
      room: slot.room,
      byAppointment: slot.byAppointment,
      note: slot.note,
    })),
  }));
  return {
    id: source.id,
    providerName: source.providerName,
    name: source.name,
    street: source.street,
    postcode: source.postcode,
    city: source.city,
    latitude: source.latitude,
    longitude: source.longitude,
    mapUrl: mapUrlFor(source),
    phone: source.phone,
    email: source.email,
    website: source.website,
    description: source.description,
    services: source.services as Programme[],
    languages: source.languages,
    accessibility: source.accessibility,
    onlineLinks: source.onlineLinks.map((l) => ({ platform: l.platform, url: l.url, label: l.label })),
    contacts: source.contacts.map((c) => ({
      functionTitle: c.functionTitle,
      name: c.namePublic ? c.name : null,
      phone: c.phone,
      email: c.email,
      languages: c.languages,
    })),
    days,
  };
}

/** The programmes of an office that suit a person of `age` (and the chosen programme). */
export function suitableServices(
  services: readonly string[],
  serviceAges: ServiceAges,
  age: number | undefined,
  wanted: Programme | undefined,
): Programme[] {
  return (services as Programme[]).filter((service) => {
    if (wanted && service !== wanted) return false;
    if (age === undefined) return true;
    const own = serviceAges[service];
    if (own) return age >= own.minAge && (own.maxAge === null || age <= own.maxAge);
    return programmesForAge(age).includes(service);
  });
}

function placeOf(item: {
  partnerOrganisationId: string | null;
  placeName: string | null;
  placeStreet: string | null;
  placePostcode: string | null;
  placeCity: string | null;
}): Place | null {
  if (!item.partnerOrganisationId || !item.placeName) return null;
  return {
    organisationId: item.partnerOrganisationId,
    name: item.placeName,
    street: item.placeStreet,
    postcode: item.placePostcode,
    city: item.placeCity,
  };
}

function sourceFromRow(row: SearchRow): PublicSource {
  return {
    id: row.id,
    providerName: row.provider_name,
    name: row.name,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    website: row.website,
    description: row.description,
    services: row.services,
    languages: row.languages,
    accessibility: row.accessibility,
    onlineLinks: row.online_links,
    latitude: row.latitude,
    longitude: row.longitude,
    contacts: row.contacts,
    hours: row.hours.map((h, i) => ({
      id: String(i),
      kind: h.kind,
      service: h.service,
      weekday: h.weekday,
      opensAt: h.opensAt,
      closesAt: h.closesAt,
      validFrom: h.validFrom,
      validTo: h.validTo,
      partnerOrganisationId: h.partnerOrganisationId,
      room: h.room,
      byAppointment: h.byAppointment,
      note: h.note,
      place: placeOf(h),
    })),
    exceptions: row.exceptions.map((e, i) => ({
      id: String(i),
      kind: e.kind,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      opensAt: e.opensAt,
      closesAt: e.closesAt,
      partnerOrganisationId: e.partnerOrganisationId,
      room: e.room,
      note: e.note,
      place: placeOf(e),
    })),
  };
}

/** Days shown with each office: today and the six days after it. */
export const shownDays = 7;

/** Builds the search parameters from the validated query. */
export function searchParamsFor(query: PublicSearchQuery, now: Date): SearchParams {
  const today = berlinToday(now);
  const isPostcode = query.q !== undefined && /^\d{5}$/.test(query.q);
  return {
    key: query.q ?? null,
    area: isPostcode ? query.q!.slice(0, 3) : null,
    language: query.language ?? null,
    service: query.service ?? null,
    age: query.age ?? null,
    servicesForAge: query.age !== undefined ? programmesForAge(query.age) : [],
    lat: query.lat ?? null,
    lon: query.lon ?? null,
    from: today,
    to: addDays(today, shownDays - 1),
    limit: query.limit,
  };
}

/** Runs the search; without an office in the requested language, finds the others and says so. */
async function findRows(trx: Trx, params: SearchParams) {
  let { rows } = await publicSearchStatement(params).execute(trx);
  let languageFallback = false;
  if (rows.length === 0 && params.language !== null) {
    ({ rows } = await publicSearchStatement(params, false).execute(trx));
    languageFallback = rows.length > 0;
  }
  return { rows, languageFallback };
}

/** The ids of the offices a search finds, in the order the search shows them. */
export async function findOfficeIds(trx: Trx, now: Date, query: PublicSearchQuery): Promise<string[]> {
  const { rows } = await findRows(trx, searchParamsFor(query, now));
  return rows.map((row) => row.id);
}

/** Searches the directory; without an office in the requested language, shows the others and says so. */
export async function searchPublic(trx: Trx, now: Date, query: PublicSearchQuery) {
  const params = searchParamsFor(query, now);
  const { rows, languageFallback } = await findRows(trx, params);
  return {
    items: rows.map((row) => ({
      ...presentPublicOffice(sourceFromRow(row), params.from),
      match: row.match,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      suitableServices: suitableServices(row.services, row.service_ages, query.age, query.service),
    })),
    languageFallback,
    servicesForAge: query.age !== undefined ? params.servicesForAge.map((s) => s as Programme) : null,
  };
}

/** One office as the public sees it. */
export async function publicOffice(trx: Trx, now: Date, id: string) {
  const [entry] = await loadDirectory(trx, { officeIds: [id] }, berlinToday(now));
  if (!entry) throw new AppError('not_found');
  const { office } = entry;
  return presentPublicOffice(
    {
      id: office.id,
      providerName: office.provider_name,
      name: office.name,
      street: office.street,
      postcode: office.postcode,
      city: office.city,
      phone: office.phone,
      email: office.email,
      website: office.website,
      description: office.description,
      services: office.services,
      languages: office.languages,
      accessibility: office.accessibility,
      onlineLinks: office.online_links,
      latitude: office.latitude,
      longitude: office.longitude,
      contacts: entry.contacts.map((c) => ({
        functionTitle: c.function_title,
        name: c.name,
        namePublic: c.name_public,
        phone: c.phone,
        email: c.email,
        languages: c.languages,
      })),
      hours: entry.hours,
      exceptions: entry.exceptions,
    },
    berlinToday(now),
  );
}

/** The languages offices of the directory speak, for the language choice of the public page. */
export async function publicLanguages(trx: Trx) {
  const rows = await trx
    .selectFrom('offices')
    .select((eb) => eb.fn<string>('unnest', ['languages']).as('code'))
    .distinct()
    .execute();
  return {
    items: rows
      .map((r) => ({ code: r.code, de: languageName(r.code, 'de'), en: languageName(r.code, 'en') }))
      .sort((a, b) => a.de.localeCompare(b.de, 'de')),
  };
}
