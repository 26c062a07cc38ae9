import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ICAL from 'ical.js';
import { anonymous, createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem } from '../../../../test/api.ts';
import { pdfText, readPdf } from '../../../../test/pdf.ts';
import { apiOperations, publicOperations } from '../../../../test/operations.ts';
import { buildDirectory, type DirectoryFixture } from '../../../../test/directory-fixture.ts';
import type { HsdsDocument } from './hsds.ts';

/** The published HSDS 3.0 schema, vendored unchanged with the tests (test/vendor/hsds-3.0, CC BY-SA 4.0). */
const hsdsDir = path.resolve(import.meta.dirname, '../../../../test/vendor/hsds-3.0');
const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(hsdsDir, name), 'utf8')) as object;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type HsdsService = {
  id: string;
  name: string;
  alternate_name: string;
  minimum_age?: number;
  maximum_age?: number;
  languages: { code: string }[];
  service_at_locations: {
    id: string;
    description?: string;
    location: {
      name: string;
      location_type: string;
      url?: string;
      contacts?: { name?: string; title: string }[];
      addresses?: { postal_code: string }[];
    };
    schedules?: {
      byday?: string;
      opens_at?: string;
      closes_at?: string;
      description?: string;
      valid_from?: string;
    }[];
  }[];
};

describe(`R-DIR-4: the directory in open formats (${testDatabaseKind})`, () => {
  let t: TestApp;
  let d: DirectoryFixture;

  beforeAll(async () => {
    t = await createTestApp();
    d = await buildDirectory(t.app, t.database.db);
    // Friday 20 March 2026: summer time begins on Sunday 29 March.
    t.clock.now = new Date('2026-03-20T09:00:00Z');
  });
  afterAll(() => t.close());

  it('R-DIR-4, R-DIR-3: the HSDS 3.0 export validates against the published schemas and maps providers, services, locations and hours in the ABH', async () => {
    const response = await anonymous(t.app).get('/api/public/directory/hsds');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const doc = response.json<HsdsDocument>();
    expect(doc.hsds_version).toBe('3.0');

    // compiled/service_with_definitions.json is the HSDS service object with every other object
    // (organization, service_at_location, location, schedule …) as a definition: one schema,
    // compiled in a second, instead of the three self-contained files of several MB each.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...schema('service_with_definitions.json'), $id: 'hsds-service' });
    const compiled = (ref: string) => {
      const validator = ajv.getSchema(ref);
      if (!validator) throw new Error(`no schema ${ref}`);
      return validator;
    };
    const validate = {
      organization: compiled('hsds-service#/definitions/organization'),
      service: compiled('hsds-service'),
      serviceAtLocation: compiled('hsds-service#/definitions/service_at_location'),
      location: compiled('hsds-service#/definitions/location'),
    };
    for (const organization of doc.organizations) {
      expect(validate.organization(organization), JSON.stringify(validate.organization.errors)).toBe(true);
      for (const location of (organization.locations as unknown[] | undefined) ?? []) {
        expect(validate.location(location), JSON.stringify(validate.location.errors)).toBe(true);
      }
    }
    const services = doc.services as unknown as HsdsService[];
    for (const service of services) {
      expect(validate.service(service), JSON.stringify(validate.service.errors)).toBe(true);
      for (const sal of service.service_at_locations) {
        expect(validate.serviceAtLocation(sal), JSON.stringify(validate.serviceAtLocation.errors)).toBe(true);
        expect(validate.location(sal.location), JSON.stringify(validate.location.errors)).toBe(true);
      }
    }

    // provider → organization; MBE and JMD → services with the funders' ages.
    expect(doc.organizations.map((o) => o.name)).toEqual(
      expect.arrayContaining([d.awo.name, d.caritas.name]),
    );
    const awoMbe = services.find(
      (s) =>
        s.alternate_name === 'MBE' &&
        s.service_at_locations.some((l) => l.location.name === 'Migrationsberatung Innenstadt'),
    )!;
    const awoJmd = services.find(
      (s) =>
        s.alternate_name === 'JMD' &&
        s.service_at_locations.some((l) => l.location.name === 'Migrationsberatung Innenstadt'),
    )!;
    expect(awoMbe).toMatchObject({
      name: 'Migrationsberatung für erwachsene Zugewanderte (MBE)',
      minimum_age: 27,
    });
    expect(awoMbe.maximum_age).toBeUndefined();
    expect(awoJmd).toMatchObject({ minimum_age: 12, maximum_age: 26 });
    expect(awoMbe.languages.map((l) => l.code)).toEqual(expect.arrayContaining(['de', 'ar', 'en']));

    // An office → location with its schedules; hours in the ABH → service_at_location at the ABH.
    const atOffice = awoMbe.service_at_locations.find(
      (l) => l.location.name === 'Migrationsberatung Innenstadt',
    )!;
    expect(atOffice.location.addresses?.[0]?.postal_code).toBe('12345');
    expect(atOffice.schedules?.filter((s) => s.byday).map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual(
      [['MO', '09:00', '12:00']],
    );
    expect(
      atOffice.schedules?.some((s) => s.description?.startsWith('Geschlossen (Feiertag): Ostermontag')),
    ).toBe(true);
    const inAbh = awoMbe.service_at_locations.find((l) => l.location.name === d.abh.name)!;
    expect(inAbh.schedules?.filter((s) => s.byday).map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual([
      ['TH', '09:00', '12:00'],
    ]);
    // The JMD's own hours on Wednesday belong to the JMD service only.
    const jmdAtOffice = awoJmd.service_at_locations.find(
      (l) => l.location.name === 'Migrationsberatung Innenstadt',
    )!;
    expect(jmdAtOffice.schedules?.filter((s) => s.byday).map((s) => s.byday)).toEqual(['MO', 'WE']);
    // Online counselling is linked as a virtual location, not rebuilt.
    expect(
      awoMbe.service_at_locations.find((l) => l.location.location_type === 'virtual')?.location.url,
    ).toBe('https://www.mbeon.de');
    // Contacts by function; a counsellor's name only where they chose to publish it.
    expect(atOffice.location.contacts?.map((c) => [c.title, c.name ?? null])).toEqual([
      ['Beratung MBE', 'Amira Öffentlich'],
      ['Beratung JMD', null],
    ]);
    expect(response.body).not.toContain('Jonas Nichtöffentlich');
  });

  it('R-DIR-4: the iCalendar export is read back by an independent parser with the right Berlin times across the change to summer time', async () => {
    const response = await anonymous(t.app).get(
      `/api/public/directory/hours.ics?office=${d.offices.innenstadt}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text = response.body;
    expect(text).toContain('BEGIN:VTIMEZONE');
    // The series starts in the week of the export (Monday 16 March).
    expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:20260316T090000/);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const monday = events.find(
      (e) =>
        e.summary.startsWith('Migrationsberatung Innenstadt: Beratung') &&
        !e.summary.includes('JMD') &&
        !e.summary.includes('in '),
    )!;
    expect(monday).toBeDefined();
    const occurrences = (event: ICAL.Event, count: number) => {
      const iterator = event.iterator();
      const found: string[] = [];
      for (let next = iterator.next(); next && found.length < count; next = iterator.next()) {
        found.push(next.toJSDate().toISOString());
      }
      return found;
    };
    // 09:00 in Berlin is 08:00 UTC before 29 March and 07:00 UTC after it; Easter Monday (6 April) is excluded.
    expect(occurrences(monday, 4)).toEqual([
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-13T07:00:00.000Z',
    ]);
    expect(monday.endDate.toString()).toBe('2026-03-16T12:00:00');

    const thursday = events.find((e) => e.summary.includes(`in ${d.abh.name}`))!;
    expect(thursday.location).toContain('Raum 0.14');
    // Thursday 26 March is the team day: that occurrence in the ABH is excluded.
    expect(occurrences(thursday, 2)).toEqual(['2026-03-19T08:00:00.000Z', '2026-04-02T07:00:00.000Z']);
    expect(events.some((e) => e.summary.includes('geschlossen (Feiertag)'))).toBe(true);

    expectProblem(
      await anonymous(t.app).get(
        '/api/public/directory/hours.ics?office=00000000-0000-4000-8000-000000000000',
      ),
      404,
      'not_found',
    );
  });

  it('R-DIR-4: the CSV export has one row per office with public fields only', async () => {
    const response = await anonymous(t.app).get('/api/public/directory/offices.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const text = response.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Träger;Beratungsstelle;Dienste;Straße;PLZ;Ort/);
    expect(lines).toHaveLength(1 + 4);
    const innenstadt = lines.find((l) => l.includes('Migrationsberatung Innenstadt'))!;
    expect(innenstadt).toContain('Mo 09:00–12:00 Beratung');
    expect(innenstadt).toContain(`Do 09:00–12:00 Beratung in ${d.abh.name}, Raum 0.14`);
    expect(innenstadt).toContain('Arabisch');
    expect(text).not.toContain('Jonas Nichtöffentlich');
  });

  it("R-DIR-1, R-DIR-3, R-UX-1: the partners' PDF overview (every counsellor named) needs a sign-in and read back contains every office and its hours, right-to-left text included", async () => {
    expectProblem(await anonymous(t.app).get('/api/directory/overview.pdf'), 401, 'not_authenticated');
    const response = await d.abhStaff.client.get('/api/directory/overview.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { text, fonts } = await readPdf(response.rawPayload);
    for (const name of [
      'Migrationsberatung Innenstadt',
      'Jugendmigrationsdienst Nordstadt',
      'Migrationsberatung Südstadt',
      'Migrationsberatung München Mitte',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/Montag\s+09:00–12:00 Uhr/);
    expect(text).toMatch(/Dienstag\s+13:00–16:00 Uhr/);
    expect(text).toMatch(/Freitag\s+08:30–12:30 Uhr/);
    expect(text).toMatch(/Donnerstag\s+09:00–12:00 Uhr/);
    expect(text).toContain(`in Räumen: ${d.abh.name}`);
    expect(text).toContain('Jonas Nichtöffentlich');
    expect(text).toContain('unabhängig von Behörden');
    expect(text).toContain('Keine regelmäßigen Sprechzeiten');
    // The Arabic note is set in the Arabic font and comes out as Arabic letters.
    expect(fonts.some((f) => f.startsWith('NotoSansArabic'))).toBe(true);
    expect(text).toMatch(/[\u0600-\u06FF]{3,}/);
  });

  it('R-DIR-1, R-DIR-2, R-DIR-4: the printable overview answers without sign-in as a PDF with public data only', async () => {
    const response = await anonymous(t.app).get('/api/public/directory/overview.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['set-cookie']).toBeUndefined();
    const text = await pdfText(response.rawPayload);
    for (const name of [
      'Migrationsberatung Innenstadt',
      'Jugendmigrationsdienst Nordstadt',
      'Migrationsberatung Südstadt',
      'Migrationsberatung München Mitte',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Marktplatz 5, 12345 Musterstadt');
    expect(text).toMatch(/Montag 09:00–12:00 Uhr/);
    expect(text).toContain(`in Räumen: ${d.abh.name}`);
    // A counsellor's name only where they chose to publish it, as on the public search.
    expect(text).toContain('Amira Öffentlich');
    expect(text).not.toContain('Jonas Nichtöffentlich');
  });

  it('R-DIR-2, R-DIR-4: the printable overview of a search holds the offices the search finds, and bad input answers 400', async () => {
    const response = await anonymous(t.app).get('/api/public/directory/overview.pdf?q=12347&language=uk');
    expect(response.statusCode, response.body).toBe(200);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Suche: 12347, Sprache Ukrainisch');
    expect(text).toContain('Jugendmigrationsdienst Nordstadt');
    expect(text).not.toContain('München Mitte');
    expect(text).not.toContain('Migrationsberatung Südstadt');

    expect(
      expectProblem(
        await anonymous(t.app).get('/api/public/directory/overview.pdf?q=1234'),
        400,
        'validation_failed',
      ),
    ).toEqual(['q']);
    expect(
      expectProblem(
        await anonymous(t.app).get('/api/public/directory/overview.pdf?language=ar'),
        400,
        'validation_failed',
      ),
    ).toEqual(['q']);
    expectProblem(
      await anonymous(t.app).get('/api/public/directory/overview.pdf?office=x'),
      400,
      'validation_failed',
    );
  });

  it('R-DIR-2, R-DIR-4: the API document marks the public operations, the printable overview among them, as needing no credentials', async () => {
    const operations = await apiOperations(t.app);
    const open = operations.filter((op) => op.security !== undefined && op.security.length === 0);
    expect(open.map((op) => op.key).sort()).toEqual([...publicOperations].sort());
    expect(open.map((op) => op.key)).toContain('GET /api/public/directory/overview.pdf');
    expect(operations.find((op) => op.key === 'GET /api/directory/overview.pdf')?.security).toBeUndefined();
  });
});
