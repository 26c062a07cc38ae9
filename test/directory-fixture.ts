import { expect } from 'vitest';
import type { App } from '../src/server/http/app.ts';
import type { Db } from '../src/server/db/database.ts';
import { organisationWithAdmin, signedIn, type Person } from './api.ts';
import type { TestOrganisation } from './factories.ts';

/**
 * A small directory for the search and export suites: two providers in Musterstadt, one office
 * in Munich, an ABH whose premises host counselling hours, and a Jobcenter.
 */
export interface DirectoryFixture {
  awo: TestOrganisation;
  caritas: TestOrganisation;
  abh: TestOrganisation;
  abhStaff: Person;
  jobcenterStaff: Person;
  offices: { innenstadt: string; nordstadt: string; suedstadt: string; muenchen: string };
}

const weekly = (weekday: number, opensAt: string, closesAt: string, extra: Record<string, unknown> = {}) => ({
  kind: 'counselling',
  service: null,
  weekday,
  opensAt,
  closesAt,
  ...extra,
});

async function office(admin: Person, organisationId: string, body: Record<string, unknown>) {
  const response = await admin.client.post(`/api/organisations/${organisationId}/offices`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; version: number }>();
}

async function schedule(
  admin: Person,
  created: { id: string; version: number },
  body: Record<string, unknown>,
) {
  const response = await admin.client.put(`/api/offices/${created.id}/schedule`, {
    version: created.version,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(200);
}

export async function buildDirectory(app: App, db: Db): Promise<DirectoryFixture> {
  const { organisation: awo, admin: awoAdmin } = await organisationWithAdmin(app, db, 'welfare_provider');
  const { organisation: caritas, admin: caritasAdmin } = await organisationWithAdmin(
    app,
    db,
    'welfare_provider',
  );
  const { organisation: abh } = await organisationWithAdmin(app, db, 'abh');
  const abhStaff = await signedIn(app, db, abh, ['partner_staff']);
  const { organisation: jobcenter } = await organisationWithAdmin(app, db, 'jobcenter');
  const jobcenterStaff = await signedIn(app, db, jobcenter, ['partner_staff']);

  const innenstadt = await office(awoAdmin, awo.id, {
    name: 'Migrationsberatung Innenstadt',
    street: 'Marktplatz 5',
    postcode: '12345',
    city: 'Musterstadt',
    phone: '0123 4567-110',
    email: 'mbe@awo.example',
    services: ['MBE', 'JMD'],
    latitude: 52.52,
    longitude: 13.405,
    languages: ['de', 'ar', 'en'],
    accessibility: 'Stufenloser Eingang, Aufzug',
    onlineLinks: [{ platform: 'mbeon', url: 'https://www.mbeon.de', label: 'mbeon' }],
    serviceAges: { JMD: { minAge: 14, maxAge: 26 } },
    catchmentPostcodes: ['12345', '12346'],
    catchmentMunicipalities: ['Musterstadt'],
    contacts: [
      { functionTitle: 'Beratung MBE', name: 'Amira Öffentlich', namePublic: true, phone: '0123 4567-111' },
      {
        functionTitle: 'Beratung JMD',
        name: 'Jonas Nichtöffentlich',
        namePublic: false,
        email: 'jonas@awo.example',
      },
    ],
  });
  await schedule(awoAdmin, innenstadt, {
    hours: [
      weekly(1, '09:00', '12:00', { note: 'استشارة باللغة العربية' }),
      weekly(3, '14:00', '17:00', { service: 'JMD' }),
      weekly(4, '09:00', '12:00', {
        partnerOrganisationId: abh.id,
        room: 'Raum 0.14',
        note: 'Sprechstunde in der ABH',
      }),
    ],
    exceptions: [
      { kind: 'holiday', startsOn: '2026-04-06', note: 'Ostermontag' },
      { kind: 'closed', startsOn: '2026-03-26', note: 'Teamtag' },
    ],
  });

  const nordstadt = await office(awoAdmin, awo.id, {
    name: 'Jugendmigrationsdienst Nordstadt',
    street: 'Lindenweg 12',
    postcode: '12347',
    city: 'Musterstadt',
    services: ['JMD'],
    latitude: 52.55,
    longitude: 13.4,
    languages: ['de', 'uk', 'ru'],
    catchmentPostcodes: ['12347'],
  });
  await schedule(awoAdmin, nordstadt, { hours: [weekly(2, '13:00', '16:00')] });

  const suedstadt = await office(caritasAdmin, caritas.id, {
    name: 'Migrationsberatung Südstadt',
    street: 'Kirchgasse 3',
    postcode: '12346',
    city: 'Musterstadt',
    services: ['MBE'],
    latitude: 52.49,
    longitude: 13.42,
    languages: ['de', 'tr', 'fa'],
    catchmentPostcodes: ['12346'],
    catchmentMunicipalities: ['Kleindorf', 'Großdorf'],
    description: 'مكتب الاستشارة للمهاجرين',
  });
  await schedule(caritasAdmin, suedstadt, {
    hours: [weekly(5, '08:30', '12:30'), weekly(2, '08:00', '16:00', { kind: 'opening' })],
  });

  const muenchen = await office(caritasAdmin, caritas.id, {
    name: 'Migrationsberatung München Mitte',
    street: 'Sendlinger Straße 1',
    postcode: '80331',
    city: 'München',
    services: ['MBE'],
    latitude: 48.137,
    longitude: 11.575,
    languages: ['de'],
    catchmentPostcodes: ['80331'],
  });

  return {
    awo,
    caritas,
    abh,
    abhStaff,
    jobcenterStaff,
    offices: {
      innenstadt: innenstadt.id,
      nordstadt: nordstadt.id,
      suedstadt: suedstadt.id,
      muenchen: muenchen.id,
    },
  };
}
