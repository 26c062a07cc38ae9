import crypto from 'node:crypto';
import { programmeAges, term, type Programme } from '../../terms.ts';
import type { DirectoryEntry, HoursEntry, Place } from './directory.model.ts';
import { languageName } from './languages.ts';
import { weekdayNames } from './schedule.ts';

/**
 * The directory as Open Referral HSDS 3.0 (R-DIR-4), mapped as domain-notes.md describes:
 * umbrella association → parent organization; provider → organization; MBE and JMD → service
 * (with the funders' age range); an office → location with address; hours inside the ABH or a
 * Jobcenter → service_at_location at the partner's location, with schedules (RFC 5545 fields);
 * online counselling platforms → virtual locations; languages as ISO 639; contacts by function
 * (a counsellor's name only where they chose to publish it). Only public fields are exported.
 */

/** A stable UUID (version 5 layout) for objects Koop has no row of, e.g. a provider's MBE service. */
export function stableUuid(...parts: string[]): string {
  const hash = crypto
    .createHash('sha1')
    .update(`koop-hsds:${parts.join('|')}`)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const programmeNames = {
  MBE: () => term('adultMigrationCounselling'),
  JMD: () => term('youthMigrationService'),
} satisfies Record<Programme, () => string>;

const programmeDescriptions: Record<Programme, string> = {
  MBE: 'Kostenlose, vertrauliche Beratung für erwachsene Zugewanderte ab 27 Jahren: Sprache und Integrationskurs, Aufenthalt, Arbeit und Anerkennung, Familie, Wohnen, Gesundheit, Behörden.',
  JMD: 'Kostenlose, vertrauliche Begleitung junger Menschen mit Migrationsgeschichte von 12 bis zum 27. Geburtstag: Schule, Ausbildung, Beruf, Sprache und Alltag.',
};

const kindLabel = { counselling: 'Beratungszeit', opening: 'Öffnungszeit' } as const;

function languageObjects(codes: readonly string[], owner: { service_id?: string; location_id?: string }) {
  const ownerId = owner.service_id ?? owner.location_id ?? '';
  return codes.map((code) => ({
    id: stableUuid('language', ownerId, code),
    ...owner,
    name: languageName(code),
    code,
  }));
}

function schedulesFor(hours: readonly HoursEntry[], serviceAtLocationId: string, service: Programme) {
  return hours
    .filter((h) => h.service === null || h.service === service)
    .map((h) => ({
      id: stableUuid('schedule', h.id, service),
      service_at_location_id: serviceAtLocationId,
      freq: 'WEEKLY' as const,
      wkst: 'MO' as const,
      byday: weekdayNames.ical[h.weekday - 1] ?? 'MO',
      opens_at: h.opensAt,
      closes_at: h.closesAt,
      ...(h.validFrom ? { valid_from: h.validFrom } : {}),
      ...(h.validTo ? { valid_to: h.validTo } : {}),
      description: [kindLabel[h.kind], h.byAppointment ? 'nach Vereinbarung' : null, h.room, h.note]
        .filter(Boolean)
        .join(' – '),
      attending_type: 'in_person',
    }));
}

function exceptionSchedules(entry: DirectoryEntry, serviceAtLocationId: string, premisesId: string | null) {
  return entry.exceptions
    .filter((e) => (e.partnerOrganisationId ?? null) === premisesId || e.kind !== 'extra')
    .map((e) => ({
      id: stableUuid('exception', e.id, serviceAtLocationId),
      service_at_location_id: serviceAtLocationId,
      valid_from: e.startsOn,
      valid_to: e.endsOn,
      ...(e.kind === 'extra' && e.opensAt && e.closesAt
        ? { dtstart: e.startsOn, opens_at: e.opensAt, closes_at: e.closesAt }
        : {}),
      description:
        e.kind === 'extra'
          ? ['Zusätzlicher Termin', e.note].filter(Boolean).join(': ')
          : [e.kind === 'holiday' ? 'Geschlossen (Feiertag)' : 'Geschlossen', e.note]
              .filter(Boolean)
              .join(': '),
    }));
}

function officeLocation(entry: DirectoryEntry) {
  const { office } = entry;
  const locationId = office.id;
  return {
    id: locationId,
    location_type: 'physical' as const,
    organization_id: office.organisation_id,
    name: office.name,
    ...(office.description ? { description: office.description } : {}),
    ...(office.latitude !== null && office.longitude !== null
      ? { latitude: office.latitude, longitude: office.longitude }
      : {}),
    languages: languageObjects(office.languages, { location_id: locationId }),
    addresses: [
      {
        id: stableUuid('address', locationId),
        location_id: locationId,
        address_1: office.street,
        city: office.city,
        state_province: '',
        postal_code: office.postcode,
        country: 'DE',
        address_type: 'physical',
      },
    ],
    accessibility: office.accessibility
      ? [
          {
            id: stableUuid('accessibility', locationId),
            location_id: locationId,
            description: office.accessibility,
          },
        ]
      : [],
    phones: office.phone
      ? [
          {
            id: stableUuid('phone', locationId),
            location_id: locationId,
            number: office.phone,
            type: 'voice',
          },
        ]
      : [],
    contacts: entry.contacts.map((c) => ({
      id: c.id,
      location_id: locationId,
      ...(c.name_public && c.name ? { name: c.name } : {}),
      title: c.function_title,
      ...(c.email ? { email: c.email } : {}),
      phones: c.phone
        ? [{ id: stableUuid('phone', c.id), contact_id: c.id, number: c.phone, type: 'voice' }]
        : [],
    })),
  };
}

function premisesLocation(place: Place) {
  const id = stableUuid('premises', place.organisationId);
  return {
    id,
    location_type: 'physical' as const,
    name: place.name,
    description: 'Räume einer Partnerorganisation, in denen die Migrationsberatung Sprechzeiten anbietet.',
    addresses:
      place.street && place.city && place.postcode
        ? [
            {
              id: stableUuid('address', id),
              location_id: id,
              address_1: place.street,
              city: place.city,
              state_province: '',
              postal_code: place.postcode,
              country: 'DE',
              address_type: 'physical',
            },
          ]
        : [],
  };
}

function onlineLocation(url: string, label: string) {
  const id = stableUuid('online', url);
  return { id, location_type: 'virtual' as const, url, name: label };
}

export interface HsdsDocument {
  hsds_version: '3.0';
  generated_at: string;
  organizations: Record<string, unknown>[];
  services: Record<string, unknown>[];
}

/** Builds the HSDS 3.0 document of the directory. */
export function buildHsds(entries: readonly DirectoryEntry[], generatedAt: Date): HsdsDocument {
  const organizations = new Map<string, Record<string, unknown>>();
  const services = new Map<
    string,
    Record<string, unknown> & { service_at_locations: unknown[]; languages: unknown[] }
  >();

  for (const entry of entries) {
    const { office } = entry;
    const providerId = office.organisation_id;
    const umbrellaId = office.provider_umbrella ? stableUuid('umbrella', office.provider_umbrella) : null;
    if (umbrellaId && !organizations.has(umbrellaId)) {
      organizations.set(umbrellaId, {
        id: umbrellaId,
        name: office.provider_umbrella,
        description: `Spitzenverband der Freien Wohlfahrtspflege (${office.provider_umbrella}).`,
      });
    }
    if (!organizations.has(providerId)) {
      organizations.set(providerId, {
        id: providerId,
        name: office.provider_name,
        description: 'Träger der Migrationsberatung (MBE) und/oder des Jugendmigrationsdienstes (JMD).',
        ...(office.provider_email ? { email: office.provider_email } : {}),
        ...(office.provider_website ? { website: office.provider_website } : {}),
        ...(umbrellaId ? { parent_organization_id: umbrellaId } : {}),
        phones: office.provider_phone
          ? [
              {
                id: stableUuid('phone', providerId),
                organization_id: providerId,
                number: office.provider_phone,
              },
            ]
          : [],
        locations: [],
      });
    }
    const location = officeLocation(entry);
    (organizations.get(providerId)!.locations as unknown[]).push(location);

    for (const programme of office.services as Programme[]) {
      const serviceId = stableUuid('service', providerId, programme);
      let service = services.get(serviceId);
      if (!service) {
        const ages = programmeAges[programme];
        service = {
          id: serviceId,
          organization_id: providerId,
          name: programmeNames[programme](),
          alternate_name: programme,
          description: programmeDescriptions[programme],
          status: 'active',
          fees_description: 'kostenlos',
          minimum_age: ages.minAge,
          ...(ages.maxAge !== null ? { maximum_age: ages.maxAge } : {}),
          eligibility_description:
            programme === 'MBE'
              ? 'Erwachsene Zugewanderte ab 27 Jahren; jüngere Menschen im Einzelfall.'
              : 'Junge Menschen von 12 Jahren bis zum 27. Geburtstag.',
          ...(office.provider_website ? { url: office.provider_website } : {}),
          last_modified: generatedAt.toISOString(),
          organization: {
            id: providerId,
            name: office.provider_name,
            description: 'Träger der Migrationsberatung (MBE) und/oder des Jugendmigrationsdienstes (JMD).',
          },
          service_at_locations: [],
          languages: [],
        };
        services.set(serviceId, service);
      }
      const own = (office.service_ages as Record<string, { minAge: number; maxAge: number | null }>)[
        programme
      ];
      const atOffice = stableUuid('service_at_location', serviceId, office.id);
      service.service_at_locations.push({
        id: atOffice,
        service_id: serviceId,
        location_id: office.id,
        ...(own
          ? {
              description: `Altersgruppe an diesem Standort: ${own.minAge}${own.maxAge !== null ? `–${own.maxAge}` : '+'} Jahre.`,
            }
          : {}),
        schedules: [
          ...schedulesFor(
            entry.hours.filter((h) => h.partnerOrganisationId === null),
            atOffice,
            programme,
          ),
          ...exceptionSchedules(entry, atOffice, null),
        ],
        location,
      });
      // Hours held in partner premises (R-DIR-3): one service_at_location per partner location.
      const premises = new Map<string, Place>();
      for (const h of entry.hours) if (h.place) premises.set(h.place.organisationId, h.place);
      for (const place of premises.values()) {
        const premisesLoc = premisesLocation(place);
        const atPremises = stableUuid('service_at_location', serviceId, office.id, place.organisationId);
        const hours = entry.hours.filter((h) => h.partnerOrganisationId === place.organisationId);
        const schedules = schedulesFor(hours, atPremises, programme);
        if (schedules.length === 0) continue;
        service.service_at_locations.push({
          id: atPremises,
          service_id: serviceId,
          location_id: premisesLoc.id,
          description: `Sprechzeiten von „${office.name}“ in den Räumen von ${place.name}.`,
          schedules: [...schedules, ...exceptionSchedules(entry, atPremises, place.organisationId)],
          location: premisesLoc,
        });
      }
      for (const link of office.online_links) {
        const virtual = onlineLocation(link.url, link.label ?? link.platform);
        const atOnline = stableUuid('service_at_location', serviceId, virtual.id);
        if (service.service_at_locations.some((s) => (s as { id: string }).id === atOnline)) continue;
        service.service_at_locations.push({
          id: atOnline,
          service_id: serviceId,
          location_id: virtual.id,
          description: 'Online-Beratung (verlinkt; die Beratung findet auf der Plattform statt).',
          location: virtual,
        });
      }
      const known = new Set((service.languages as { code: string }[]).map((l) => l.code));
      for (const code of office.languages) {
        if (known.has(code)) continue;
        known.add(code);
        service.languages.push(...languageObjects([code], { service_id: serviceId }));
      }
    }
  }
  return {
    hsds_version: '3.0',
    generated_at: generatedAt.toISOString(),
    organizations: [...organizations.values()],
    services: [...services.values()],
  };
}
