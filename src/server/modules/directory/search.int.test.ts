import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus, keysIn } from '../../../../test/api.ts';
import { buildDirectory, type DirectoryFixture } from '../../../../test/directory-fixture.ts';
import { publicOfficeSchema, publicSearchResponse } from './directory.schemas.ts';

type SearchResponse = z.infer<typeof publicSearchResponse>;
type PublicOffice = z.infer<typeof publicOfficeSchema>;

/** Every key that may appear in a public answer, at any depth. */
function keysOf(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        walk(child);
      }
    }
    for (const inner of ['element', 'innerType', 'in', 'out']) if (def[inner]) walk(def[inner]);
    if (Array.isArray(def.options)) for (const option of def.options) walk(option);
  };
  walk(schema);
  return keys;
}

describe(`R-DIR-2: public search of the directory (${testDatabaseKind})`, () => {
  let t: TestApp;
  let d: DirectoryFixture;
  const nobody = () => anonymous(t.app);
  const search = async (query: string) =>
    expectStatus<SearchResponse>(await nobody().get(`/api/public/offices?${query}`), 200);
  const names = (r: SearchResponse) => r.items.map((o) => o.name);

  beforeAll(async () => {
    t = await createTestApp();
    d = await buildDirectory(t.app, t.database.db);
    // Wednesday 25 March 2026, 10:00 in Berlin: the week shown runs to Tuesday 31 March.
    t.clock.now = new Date('2026-03-25T09:00:00Z');
  });
  afterAll(() => t.close());

  it('R-DIR-2: a postcode finds the offices responsible for it first, ranked by distance, then offices nearby', async () => {
    const result = await search('q=12346');
    expect(result.items.map((o) => [o.name, o.match])).toEqual([
      ['Migrationsberatung Südstadt', 'catchment'],
      ['Migrationsberatung Innenstadt', 'catchment'],
      ['Jugendmigrationsdienst Nordstadt', 'nearby'],
    ]);
    expect(result.items[0]!.distanceKm).toBe(0);
    expect(result.items[1]!.distanceKm).toBeGreaterThan(3);
    expect(result.items[1]!.distanceKm).toBeLessThan(5);
    expect(names(await search('q=80331'))).toEqual(['Migrationsberatung München Mitte']);
  });

  it('R-DIR-2: a town finds offices by catchment municipality and by address, whatever the spelling of case and accents', async () => {
    expect(names(await search('q=Kleindorf'))).toEqual(['Migrationsberatung Südstadt']);
    expect(names(await search('q=gro%C3%9Fdorf'))).toEqual(['Migrationsberatung Südstadt']);
    const town = await search('q=musterstadt');
    expect(town.items[0]).toMatchObject({ name: 'Migrationsberatung Innenstadt', match: 'catchment' });
    expect(town.items.slice(1).every((o) => o.match === 'town')).toBe(true);
    expect(names(town)).toHaveLength(3);
    expect(names(await search('q=M%C3%BCnchen'))).toEqual(['Migrationsberatung München Mitte']);
    expect(names(await search('q=Muenchen'))).toEqual([]);
  });

  it('R-DIR-2: coordinates from the browser rank offices by distance', async () => {
    const result = await search('lat=52.551&lon=13.401');
    expect(result.items[0]).toMatchObject({ name: 'Jugendmigrationsdienst Nordstadt', match: 'nearby' });
    expect(names(result)).not.toContain('Migrationsberatung München Mitte');
  });

  it('R-DIR-2: language filters; without an office in that language the others are shown and the answer says so', async () => {
    expect(names(await search('q=12346&language=uk'))).toEqual(['Jugendmigrationsdienst Nordstadt']);
    expect(names(await search('q=12346&language=AR'))).toEqual(['Migrationsberatung Innenstadt']);
    const fallback = await search('q=12346&language=sw');
    expect(fallback.languageFallback).toBe(true);
    expect(names(fallback)).toHaveLength(3);
  });

  it('R-DIR-2: age decides the service – MBE over 27, JMD from 12 up to the 27th birthday, both near the boundary', async () => {
    const adult = await search('q=12346&age=40');
    expect(adult.servicesForAge).toEqual(['MBE']);
    expect(names(adult)).toEqual(['Migrationsberatung Südstadt', 'Migrationsberatung Innenstadt']);
    expect(adult.items.map((o) => o.suitableServices)).toEqual([['MBE'], ['MBE']]);

    const young = await search('q=12346&age=19');
    expect(young.servicesForAge).toEqual(['JMD']);
    expect(names(young)).toEqual(['Migrationsberatung Innenstadt', 'Jugendmigrationsdienst Nordstadt']);

    for (const age of [26, 27, 28]) {
      const boundary = await search(`q=12346&age=${age}`);
      expect(boundary.servicesForAge).toEqual(['MBE', 'JMD']);
      expect(
        boundary.items.find((o) => o.name === 'Migrationsberatung Innenstadt')?.suitableServices,
      ).toEqual(age <= 26 ? ['MBE', 'JMD'] : ['MBE']);
    }
    // The Innenstadt office serves young people only from 14 (its own age range).
    expect(names(await search('q=12346&age=13'))).toEqual(['Jugendmigrationsdienst Nordstadt']);
    expect(names(await search('q=12346&service=JMD'))).toEqual([
      'Migrationsberatung Innenstadt',
      'Jugendmigrationsdienst Nordstadt',
    ]);
  });

  it('R-DIR-2: each office shows the hours of the coming days with closures, hours in the ABH and how to reach it', async () => {
    const result = await search('q=12345');
    const innenstadt = result.items.find((o) => o.id === d.offices.innenstadt)!;
    expect(innenstadt.days.map((day) => day.date)).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    const byDate = Object.fromEntries(innenstadt.days.map((day) => [day.date, day]));
    expect(byDate['2026-03-25']!.slots).toMatchObject([
      { opensAt: '14:00', closesAt: '17:00', service: 'JMD' },
    ]);
    expect(byDate['2026-03-26']).toMatchObject({ closed: { kind: 'closed', note: 'Teamtag' }, slots: [] });
    expect(byDate['2026-03-30']!.slots).toMatchObject([{ opensAt: '09:00', closesAt: '12:00', place: null }]);
    expect(innenstadt).toMatchObject({
      phone: '0123 4567-110',
      onlineLinks: [{ platform: 'mbeon', url: 'https://www.mbeon.de' }],
      accessibility: 'Stufenloser Eingang, Aufzug',
    });
    expect(innenstadt.mapUrl).toContain('openstreetmap.org/?mlat=52.52&mlon=13.405');
    // The week after: Thursday's hours are held in the ABH.
    t.clock.now = new Date('2026-04-01T09:00:00Z');
    const next = await search('q=12345');
    const thursday = next.items
      .find((o) => o.id === d.offices.innenstadt)!
      .days.find((day) => day.date === '2026-04-02')!;
    expect(thursday.slots).toMatchObject([
      { opensAt: '09:00', place: { organisationId: d.abh.id, name: d.abh.name }, room: 'Raum 0.14' },
    ]);
    t.clock.now = new Date('2026-03-25T09:00:00Z');
  });

  it('R-DIR-2: nothing the public sees contains a field that is not meant to be public', async () => {
    const allowed = keysOf(publicSearchResponse);
    const result = await search('q=12345');
    expect(result.items.length).toBeGreaterThan(0);
    const seen = keysIn(result);
    expect([...seen].filter((key) => !allowed.has(key))).toEqual([]);
    for (const forbidden of [
      'version',
      'allowedActions',
      'namePublic',
      'catchmentPostcodes',
      'serviceAges',
    ]) {
      expect(seen.has(forbidden), forbidden).toBe(false);
    }
    const body = JSON.stringify(result);
    expect(body).toContain('Amira Öffentlich');
    expect(body).not.toContain('Jonas Nichtöffentlich');

    const single = expectStatus<PublicOffice>(
      await nobody().get(`/api/public/offices/${d.offices.innenstadt}`),
      200,
    );
    expect([...keysIn(single)].filter((key) => !keysOf(publicOfficeSchema).has(key))).toEqual([]);
    expect(JSON.stringify(single)).not.toContain('Jonas Nichtöffentlich');
    expect(single.contacts.map((c) => c.name)).toEqual(['Amira Öffentlich', null]);
    expectProblem(
      await nobody().get('/api/public/offices/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
  });

  it('R-DIR-2: the languages offered are listed for the language choice', async () => {
    const languages = expectStatus<{ items: { code: string; de: string }[] }>(
      await nobody().get('/api/public/languages'),
      200,
    );
    expect(languages.items.map((l) => l.code)).toEqual(
      expect.arrayContaining(['ar', 'de', 'fa', 'ru', 'tr', 'uk']),
    );
    expect(languages.items.find((l) => l.code === 'fa')?.de).toBe('Persisch');
  });

  it('R-SEC-4: an invalid postcode, an unknown language code or a wrong age answer 400 with a German message', async () => {
    const cases: [string, string, RegExp][] = [
      ['q=1234', 'q', /fünfstellige Postleitzahl/],
      ['q=12a45', 'q', /fünfstellige Postleitzahl/],
      ['q=<script>', 'q', /Ortsnamen oder eine Postleitzahl/],
      ['q=12345&language=xx', 'language', /Unbekannter Sprachcode/],
      ['q=12345&age=abc', 'age', /Alter/],
      ['q=12345&age=130', 'age', /zwischen 0 und 120/],
      ['language=de', 'q', /Postleitzahl oder einen Ort/],
      ['q=12345&lat=52.5', 'lon', /Breiten- und Längengrad/],
    ];
    for (const [query, path, message] of cases) {
      const response = await nobody().get(`/api/public/offices?${query}`);
      expect(expectProblem(response, 400, 'validation_failed'), query).toContain(path);
      const errors = response.json<{ errors: { path: string; message: string }[] }>().errors;
      expect(errors.find((e) => e.path === path)?.message, query).toMatch(message);
    }
  });
});

describe(`R-DIR-2: the public search is rate-limited (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { publicRateLimit: 3 } });
  });
  afterAll(() => t.close());

  it('R-DIR-2: more requests than allowed per minute answer 429 with a German message', async () => {
    for (let i = 0; i < 3; i++)
      expect((await anonymous(t.app).get('/api/public/offices?q=12345')).statusCode).toBe(200);
    const limited = await anonymous(t.app).get('/api/public/offices?q=12345');
    expectProblem(limited, 429, 'rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
