import { inTenantTransaction, switchOrganisation, type Db, type Trx } from '../db/database.ts';
import { addDays, berlinToday, mondayOf } from '../modules/directory/schedule.ts';

/**
 * The Musterstadt directory (demo mode): office details with coordinates and catchment areas,
 * contacts by function, weekly hours with closures and counselling hours inside the
 * Ausländerbehörde and the Jobcenter, and the current offers of both course providers, the Jobcenter and the ABH.
 */

interface DemoOfficeDetails {
  office: string;
  latitude: number;
  longitude: number;
  languages: string[];
  accessibility: string;
  description: string;
  website: string;
  onlineLinks: { platform: string; url: string; label: string }[];
  serviceAges?: Record<string, { minAge: number; maxAge: number | null }>;
  catchmentPostcodes: string[];
  catchmentMunicipalities: string[];
  contacts: {
    functionTitle: string;
    name?: string;
    namePublic?: boolean;
    phone?: string;
    email?: string;
    languages?: string[];
  }[];
  hours: {
    kind: 'counselling' | 'opening';
    service?: 'MBE' | 'JMD';
    weekday: number;
    opensAt: string;
    closesAt: string;
    /** Held in a partner's premises (R-DIR-3). */
    premises?: keyof typeof partnerPremises;
    room?: string;
    byAppointment?: boolean;
    note?: string;
  }[];
}

/** The partners whose premises host counselling hours in the demo. */
const partnerPremises = {
  abh: 'Ausländerbehörde Musterstadt',
  jobcenter: 'Jobcenter Musterstadt',
} as const;

const mbeon = { platform: 'mbeon', url: 'https://www.mbeon.de', label: 'mbeon – Migrationsberatung online' };

const details: DemoOfficeDetails[] = [
  {
    office: 'Migrationsberatung Innenstadt',
    latitude: 51.3127,
    longitude: 9.4797,
    languages: ['de', 'en', 'ar', 'tr', 'fa'],
    accessibility:
      'Stufenloser Eingang, Aufzug, barrierefreies WC. Beratung in Deutscher Gebärdensprache nach Absprache.',
    description:
      'Beratung für Zugewanderte ab 27 Jahren und für junge Menschen: Sprache, Aufenthalt, Arbeit, Familie.',
    website: 'https://www.awo-musterstadt.example/migration',
    onlineLinks: [mbeon],
    catchmentPostcodes: ['12345', '12349'],
    catchmentMunicipalities: ['Musterstadt'],
    contacts: [
      {
        functionTitle: 'Beratung MBE',
        name: 'Aylin Berater',
        namePublic: true,
        phone: '0123 4567-111',
        languages: ['de', 'tr', 'en'],
      },
      { functionTitle: 'Beratung MBE (Arabisch, Farsi)', phone: '0123 4567-112', languages: ['ar', 'fa'] },
      {
        functionTitle: 'Fachbereichsleitung Migration',
        name: 'Lena Leitung',
        phone: '0123 4567-101',
        email: 'leitung@awo-musterstadt.example',
      },
    ],
    hours: [
      { kind: 'opening', weekday: 1, opensAt: '08:30', closesAt: '16:00' },
      { kind: 'opening', weekday: 2, opensAt: '08:30', closesAt: '16:00' },
      { kind: 'opening', weekday: 3, opensAt: '08:30', closesAt: '12:30' },
      { kind: 'opening', weekday: 4, opensAt: '08:30', closesAt: '18:00' },
      { kind: 'opening', weekday: 5, opensAt: '08:30', closesAt: '12:30' },
      {
        kind: 'counselling',
        service: 'MBE',
        weekday: 1,
        opensAt: '09:00',
        closesAt: '12:00',
        note: 'Offene Sprechstunde',
      },
      {
        kind: 'counselling',
        service: 'MBE',
        weekday: 2,
        opensAt: '13:00',
        closesAt: '16:00',
        byAppointment: true,
      },
      { kind: 'counselling', service: 'JMD', weekday: 3, opensAt: '14:00', closesAt: '17:00' },
      {
        kind: 'counselling',
        service: 'MBE',
        weekday: 4,
        opensAt: '09:00',
        closesAt: '12:00',
        premises: 'abh',
        room: 'Raum 0.14 (Erdgeschoss)',
        note: 'Sprechstunde in der Ausländerbehörde',
      },
    ],
  },
  {
    office: 'Jugendmigrationsdienst Nordstadt',
    latitude: 51.3321,
    longitude: 9.4862,
    languages: ['de', 'en', 'uk', 'ru', 'ar'],
    accessibility: 'Eingang mit einer Stufe (mobile Rampe vorhanden), kein Aufzug: Beratung im Erdgeschoss.',
    description: 'Begleitung junger Menschen von 12 bis 26 Jahren: Schule, Ausbildung, Beruf, Sprache.',
    website: 'https://www.awo-musterstadt.example/jmd',
    onlineLinks: [
      {
        platform: 'other',
        url: 'https://www.jmd4you.de',
        label: 'JMD4you – Online-Beratung für junge Menschen',
      },
    ],
    catchmentPostcodes: ['12347', '12348'],
    catchmentMunicipalities: ['Nordheim'],
    contacts: [
      {
        functionTitle: 'Beratung JMD',
        name: 'Jonas Jugend',
        namePublic: false,
        phone: '0123 4567-121',
        languages: ['de', 'uk', 'ru'],
      },
    ],
    hours: [
      { kind: 'counselling', service: 'JMD', weekday: 2, opensAt: '13:00', closesAt: '17:00' },
      {
        kind: 'counselling',
        service: 'JMD',
        weekday: 4,
        opensAt: '14:00',
        closesAt: '18:00',
        note: 'Jugendsprechstunde',
      },
      {
        kind: 'counselling',
        service: 'JMD',
        weekday: 1,
        opensAt: '10:00',
        closesAt: '12:00',
        premises: 'jobcenter',
        room: 'Raum 1.12 (U25-Team)',
        note: 'Sprechstunde für junge Menschen im Jobcenter',
      },
    ],
  },
  {
    office: 'Migrationsberatung Südstadt',
    latitude: 51.2985,
    longitude: 9.4681,
    languages: ['de', 'ru', 'pl', 'ro', 'bg', 'prs'],
    accessibility: 'Barrierefrei zugänglich über den Hofeingang.',
    description: 'Migrationsberatung für erwachsene Zugewanderte der Caritas.',
    website: 'https://www.caritas-musterstadt.example/migration',
    onlineLinks: [
      mbeon,
      { platform: 'caritas', url: 'https://www.caritas.de/onlineberatung', label: 'Caritas Online-Beratung' },
    ],
    catchmentPostcodes: ['12346', '12349'],
    catchmentMunicipalities: ['Kleindorf', 'Waldheim'],
    contacts: [
      {
        functionTitle: 'Beratung MBE',
        name: 'Carlos Berater',
        namePublic: true,
        phone: '0123 4568-211',
        languages: ['de', 'ru', 'pl'],
      },
      { functionTitle: 'Dienststellenleitung', phone: '0123 4568-200' },
    ],
    hours: [
      { kind: 'counselling', service: 'MBE', weekday: 2, opensAt: '09:00', closesAt: '12:00' },
      { kind: 'counselling', service: 'MBE', weekday: 5, opensAt: '09:00', closesAt: '12:00' },
      {
        kind: 'counselling',
        service: 'MBE',
        weekday: 3,
        opensAt: '10:00',
        closesAt: '12:00',
        premises: 'abh',
        room: 'Raum 0.14 (Erdgeschoss)',
        note: 'Sprechstunde in der Ausländerbehörde',
      },
    ],
  },
];

async function idOf(trx: Trx, table: 'organisations' | 'offices', name: string): Promise<string> {
  const row = await trx.selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

function officeNamed(trx: Trx, name: string) {
  return trx
    .selectFrom('offices')
    .select(['id', 'organisation_id'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
}

/** Writes the directory part of the demo data; called by seedDemo after the organisations. */
export async function seedDirectory(db: Db, now: Date = new Date()): Promise<void> {
  const today = berlinToday(now);
  const year = today.slice(0, 4);
  await inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: true },
    async (trx) => {
      const premisesIds = {
        abh: await idOf(trx, 'organisations', partnerPremises.abh),
        jobcenter: await idOf(trx, 'organisations', partnerPremises.jobcenter),
      };
      for (const d of details) {
        const office = await trx
          .updateTable('offices')
          .set({
            latitude: d.latitude,
            longitude: d.longitude,
            languages: d.languages,
            accessibility: d.accessibility,
            description: d.description,
            website: d.website,
            online_links: JSON.stringify(d.onlineLinks),
            service_ages: JSON.stringify(d.serviceAges ?? {}),
            catchment_postcodes: d.catchmentPostcodes,
            catchment_municipalities: d.catchmentMunicipalities,
          })
          .where('name', '=', d.office)
          .returning(['id', 'organisation_id'])
          .executeTakeFirstOrThrow();
        const owner = { office_id: office.id, organisation_id: office.organisation_id };
        await trx
          .insertInto('office_contacts')
          .values(
            d.contacts.map((c, position) => ({
              ...owner,
              position,
              function_title: c.functionTitle,
              name: c.name ?? null,
              name_public: c.namePublic ?? false,
              phone: c.phone ?? null,
              email: c.email ?? null,
              languages: c.languages ?? [],
            })),
          )
          .execute();
        await trx
          .insertInto('office_hours')
          .values(
            d.hours.map((h, position) => ({
              ...owner,
              position,
              kind: h.kind,
              service: h.service ?? null,
              weekday: h.weekday,
              opens_at: h.opensAt,
              closes_at: h.closesAt,
              valid_from: null,
              valid_to: null,
              partner_organisation_id: h.premises ? premisesIds[h.premises] : null,
              room: h.room ?? null,
              by_appointment: h.byAppointment ?? false,
              note: h.note ?? null,
            })),
          )
          .execute();
        await trx
          .insertInto('office_hour_exceptions')
          .values([
            {
              ...owner,
              kind: 'closed',
              starts_on: `${year}-12-24`,
              ends_on: `${year}-12-31`,
              note: 'Betriebsferien zwischen den Jahren',
              opens_at: null,
              closes_at: null,
              partner_organisation_id: null,
              room: null,
            },
            {
              ...owner,
              kind: 'holiday',
              starts_on: `${year}-10-03`,
              ends_on: `${year}-10-03`,
              note: 'Tag der Deutschen Einheit',
              opens_at: null,
              closes_at: null,
              partner_organisation_id: null,
              room: null,
            },
          ])
          .execute();
      }
      // One extra date next week: an information morning for newcomers at the Innenstadt office;
      // and the Nordstadt team's training day next Monday, which cancels its hours in the Jobcenter.
      const innenstadt = await officeNamed(trx, 'Migrationsberatung Innenstadt');
      const nordstadt = await officeNamed(trx, 'Jugendmigrationsdienst Nordstadt');
      const nextMonday = addDays(mondayOf(today), 7);
      await trx
        .insertInto('office_hour_exceptions')
        .values([
          {
            office_id: innenstadt.id,
            organisation_id: innenstadt.organisation_id,
            kind: 'extra',
            starts_on: addDays(nextMonday, 5),
            ends_on: addDays(nextMonday, 5),
            opens_at: '10:00',
            closes_at: '13:00',
            note: 'Infovormittag für Neuzugewanderte (mit Dolmetschung Arabisch und Ukrainisch)',
            partner_organisation_id: null,
            room: null,
          },
          {
            office_id: nordstadt.id,
            organisation_id: nordstadt.organisation_id,
            kind: 'closed',
            starts_on: nextMonday,
            ends_on: nextMonday,
            opens_at: null,
            closes_at: null,
            note: 'Teamfortbildung',
            partner_organisation_id: null,
            room: null,
          },
        ])
        .execute();

      const inWeeks = (weeks: number) => addDays(mondayOf(today), weeks * 7);
      const offers: { organisation: string; values: Record<string, unknown> }[] = [
        {
          organisation: 'Sprachschule Musterstadt gGmbH',
          values: {
            kind: 'course',
            category_id: 'women',
            title: 'Frauenintegrationskurs mit Kinderbetreuung',
            summary:
              'Integrationskurs für Frauen bis B1, 1000 Unterrichtseinheiten; Kinderbetreuung im Haus.',
            place: 'Sprachschule Musterstadt, Raum 2',
            street: 'Schulstraße 8',
            postcode: '12347',
            city: 'Musterstadt',
            starts_on: inWeeks(3),
            schedule: 'Mo–Fr 08:30–12:45',
            free_places: 5,
            childcare: true,
            languages: ['de'],
            contact: 'Kira Kurs, 0123 4571-500',
          },
        },
        {
          organisation: 'Volkshochschule Musterstadt',
          values: {
            kind: 'course',
            category_id: 'general',
            title: 'Allgemeiner Integrationskurs am Abend',
            summary: 'Für Berufstätige; Einstufung vorab in der VHS.',
            place: 'VHS Musterstadt, Bildungsweg 1',
            street: 'Bildungsweg 1',
            postcode: '12346',
            city: 'Musterstadt',
            starts_on: inWeeks(5),
            schedule: 'Mo, Mi, Do 18:00–21:15',
            free_places: 12,
            childcare: false,
            contact: 'Fachbereich Integration, 0123 4572-600',
          },
        },
        {
          organisation: 'Volkshochschule Musterstadt',
          values: {
            kind: 'course',
            category_id: 'literacy',
            title: 'Alphabetisierungskurs (Integrationskurs mit Alphabetisierung)',
            place: 'VHS Musterstadt, Außenstelle Nordstadt',
            city: 'Musterstadt',
            starts_on: inWeeks(2),
            schedule: 'Mo–Do 09:00–12:15',
            free_places: 3,
            childcare: true,
          },
        },
        {
          organisation: 'Jobcenter Musterstadt',
          values: {
            kind: 'measure',
            category_id: 'activation',
            title: 'Berufliche Orientierung für Zugewanderte („Ankommen im Beruf“)',
            summary:
              'Zwölf Wochen Orientierung, Bewerbung und Praktikum; Einstieg nach Absprache mit der persönlichen Ansprechperson.',
            place: 'Bildungszentrum am Hafen',
            city: 'Musterstadt',
            starts_on: inWeeks(4),
            ends_on: inWeeks(16),
            schedule: 'Mo–Do 08:00–13:00',
            free_places: 8,
            contact: 'Zeynep Zentral, Migrationsbeauftragte, 0123 4569-301',
          },
        },
        {
          organisation: 'Ausländerbehörde Musterstadt',
          values: {
            kind: 'regulation',
            category_id: 'service_instruction',
            title: 'Dienstanweisung: Termine für Aufenthaltstitel nur noch online',
            summary:
              'Ab dem Stichtag werden Termine ausschließlich über das Online-Portal vergeben. Beratungsstellen können Termine für Ratsuchende buchen; Notfälle weiterhin in der offenen Sprechstunde.',
            reference: `DA ${year}/07`,
            effective_from: inWeeks(2),
            contact: 'Alma Zentral, 0123 4570-401',
          },
        },
      ];
      for (const offer of offers) {
        const organisationId = await idOf(trx, 'organisations', offer.organisation);
        // Offers are written in the publisher's own context, as RLS requires.
        await switchOrganisation(trx, organisationId);
        await trx
          .insertInto('partner_offers')
          .values({
            organisation_id: organisationId,
            ...(offer.values as { kind: string; category_id: string; title: string }),
          })
          .execute();
      }
    },
  );
}
