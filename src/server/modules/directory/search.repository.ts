import { sql, type RawBuilder } from 'kysely';

/**
 * The public search (R-DIR-2) as one SQL statement: offices whose catchment area covers the
 * postcode or town, then offices in that town, then in the same postcode area; filtered by
 * language, programme and age; ranked by distance where coordinates are known; each with its
 * contacts, the weekly hours and exceptions of the shown days, and the partner premises of
 * those hours. The benchmark (W6) sends exactly this statement through `pg` as well.
 */

export interface SearchParams {
  /** Postcode or place name as entered (normalised in SQL), or null for a search by coordinates only. */
  key: string | null;
  /** The first three digits of a postcode: offices in the same area count as nearby. */
  area: string | null;
  language: string | null;
  /** Only this programme, when the person chose one. */
  service: string | null;
  age: number | null;
  /** Programmes the funders' rule gives for the age (both near the boundary). */
  servicesForAge: string[];
  lat: number | null;
  lon: number | null;
  /** First and last day whose hours are shown. */
  from: string;
  to: string;
  limit: number;
}

export interface SearchRow {
  id: string;
  provider_name: string;
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
  online_links: { platform: string; url: string; label: string | null }[];
  service_ages: Partial<Record<'MBE' | 'JMD', { minAge: number; maxAge: number | null }>>;
  latitude: number | null;
  longitude: number | null;
  match: 'catchment' | 'town' | 'nearby';
  distance_km: number | null;
  contacts: {
    functionTitle: string;
    name: string | null;
    namePublic: boolean;
    phone: string | null;
    email: string | null;
    languages: string[];
  }[];
  hours: {
    kind: 'counselling' | 'opening';
    service: 'MBE' | 'JMD' | null;
    weekday: number;
    opensAt: string;
    closesAt: string;
    validFrom: string | null;
    validTo: string | null;
    partnerOrganisationId: string | null;
    placeName: string | null;
    placeStreet: string | null;
    placePostcode: string | null;
    placeCity: string | null;
    room: string | null;
    byAppointment: boolean;
    note: string | null;
  }[];
  exceptions: {
    kind: 'closed' | 'holiday' | 'extra';
    startsOn: string;
    endsOn: string;
    opensAt: string | null;
    closesAt: string | null;
    partnerOrganisationId: string | null;
    placeName: string | null;
    placeStreet: string | null;
    placePostcode: string | null;
    placeCity: string | null;
    room: string | null;
    note: string | null;
  }[];
}

/** Radius of a search by coordinates alone. */
export const nearbyRadiusKm = 50;

/** The search statement; `languageRequired` false drops the language filter (fallback). */
export function publicSearchStatement(p: SearchParams, languageRequired = true): RawBuilder<SearchRow> {
  // The statement is shaped by what was asked, so that every condition can use an index:
  // koop_place_key is IMMUTABLE, so for a given term the planner folds it into a constant.
  const key = sql`koop_place_key(CAST(${p.key} AS text))`;
  const distance = sql`6371 * 2 * asin(sqrt(
      power(sin(radians(o.latitude - ref.lat) / 2), 2) +
      cos(radians(ref.lat)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - ref.lon) / 2), 2)))`;
  const byCoordinates = p.lat !== null && p.lon !== null;
  const ref = byCoordinates
    ? sql`SELECT CAST(${p.lat} AS double precision) AS lat, CAST(${p.lon} AS double precision) AS lon`
    : p.key !== null
      ? sql`SELECT avg(r.latitude) AS lat, avg(r.longitude) AS lon FROM offices r
            WHERE r.latitude IS NOT NULL AND (r.postcode = ${key} OR r.city_key = ${key})`
      : sql`SELECT CAST(NULL AS double precision) AS lat, CAST(NULL AS double precision) AS lon`;
  const match =
    p.key !== null
      ? sql`CASE
          WHEN o.catchment_keys @> ARRAY[${key}] THEN 'catchment'
          WHEN o.city_key = ${key} OR o.postcode = ${key} THEN 'town'
          ELSE 'nearby'
        END`
      : sql`'nearby'`;
  const latitudeSpan = nearbyRadiusKm / 111;
  const longitudeSpan = byCoordinates ? latitudeSpan / Math.max(0.2, Math.cos((p.lat! * Math.PI) / 180)) : 0;
  const where =
    p.key !== null
      ? sql`(o.catchment_keys @> ARRAY[${key}] OR o.city_key = ${key} OR o.postcode = ${key}
             ${p.area !== null ? sql`OR left(o.postcode, 3) = ${p.area}` : sql``})`
      : byCoordinates
        ? sql`o.latitude BETWEEN ${p.lat! - latitudeSpan} AND ${p.lat! + latitudeSpan}
              AND o.longitude BETWEEN ${p.lon! - longitudeSpan} AND ${p.lon! + longitudeSpan}
              AND ${distance} <= ${nearbyRadiusKm}`
        : sql`false`;
  const language =
    languageRequired && p.language !== null
      ? sql`AND o.languages @> ARRAY[CAST(${p.language} AS text)]`
      : sql``;
  const ageRule =
    p.age === null
      ? sql`true`
      : sql`CASE
              WHEN o.service_ages -> s.code IS NOT NULL THEN
                ${p.age} >= (o.service_ages -> s.code ->> 'minAge')::int
                AND ${p.age} <= coalesce((o.service_ages -> s.code ->> 'maxAge')::int, 200)
              ELSE s.code = ANY(CAST(${p.servicesForAge} AS text[]))
            END`;
  const programme =
    p.service === null && p.age === null
      ? sql``
      : sql`AND EXISTS (
          SELECT 1 FROM unnest(o.services) AS s(code)
          WHERE ${p.service !== null ? sql`s.code = ${p.service}` : sql`true`} AND ${ageRule})`;
  return sql<SearchRow>`
    WITH ref AS (${ref}),
    candidates AS (
      SELECT o.*, p.name AS provider_name, ${match} AS match,
        CASE WHEN o.latitude IS NOT NULL AND ref.lat IS NOT NULL THEN ${distance} END AS distance_km
      FROM offices o
      JOIN organisations p ON p.id = o.organisation_id AND p.deactivated_at IS NULL AND p.kind = 'welfare_provider'
      CROSS JOIN ref
      WHERE ${where} ${language} ${programme}
    ),
    ranked AS (
      SELECT *, CASE match WHEN 'catchment' THEN 0 WHEN 'town' THEN 1 ELSE 2 END AS rank
      FROM candidates
      ORDER BY rank, distance_km NULLS LAST, name
      LIMIT ${p.limit}
    )
    SELECT c.id, c.provider_name, c.name, c.street, c.postcode, c.city, c.phone, c.email, c.website,
      c.description, c.services, c.languages, c.accessibility, c.online_links, c.service_ages,
      c.latitude, c.longitude, c.match, c.distance_km,
      (SELECT coalesce(json_agg(json_build_object(
          'functionTitle', k.function_title, 'name', k.name, 'namePublic', k.name_public,
          'phone', k.phone, 'email', k.email, 'languages', k.languages) ORDER BY k.position), '[]'::json)
        FROM office_contacts k WHERE k.office_id = c.id) AS contacts,
      (SELECT coalesce(json_agg(json_build_object(
          'kind', h.kind, 'service', h.service, 'weekday', h.weekday,
          'opensAt', to_char(h.opens_at, 'HH24:MI'), 'closesAt', to_char(h.closes_at, 'HH24:MI'),
          'validFrom', h.valid_from, 'validTo', h.valid_to,
          'partnerOrganisationId', h.partner_organisation_id, 'placeName', pp.name,
          'placeStreet', pp.street, 'placePostcode', pp.postcode, 'placeCity', pp.city,
          'room', h.room, 'byAppointment', h.by_appointment, 'note', h.note)
          ORDER BY h.weekday, h.opens_at), '[]'::json)
        FROM office_hours h LEFT JOIN organisations pp ON pp.id = h.partner_organisation_id
        WHERE h.office_id = c.id
          AND (h.valid_from IS NULL OR h.valid_from <= CAST(${p.to} AS date))
          AND (h.valid_to IS NULL OR h.valid_to >= CAST(${p.from} AS date))) AS hours,
      (SELECT coalesce(json_agg(json_build_object(
          'kind', e.kind, 'startsOn', e.starts_on, 'endsOn', e.ends_on,
          'opensAt', to_char(e.opens_at, 'HH24:MI'), 'closesAt', to_char(e.closes_at, 'HH24:MI'),
          'partnerOrganisationId', e.partner_organisation_id, 'placeName', pe.name,
          'placeStreet', pe.street, 'placePostcode', pe.postcode, 'placeCity', pe.city,
          'room', e.room, 'note', e.note) ORDER BY e.starts_on), '[]'::json)
        FROM office_hour_exceptions e LEFT JOIN organisations pe ON pe.id = e.partner_organisation_id
        WHERE e.office_id = c.id AND e.ends_on >= CAST(${p.from} AS date)
          AND e.starts_on <= CAST(${p.to} AS date)) AS exceptions
    FROM ranked c
    ORDER BY c.rank, c.distance_km NULLS LAST, c.name`;
}
