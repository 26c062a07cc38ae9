import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus, type Page } from '../../../test/api.ts';
import type { hostedHoursResponse, publicSearchResponse } from '../modules/directory/directory.schemas.ts';
import type { offerSchema } from '../modules/offers/offers.schemas.ts';
import { demoPassword, seedDemo } from './demo.ts';

describe(`the Musterstadt demo directory (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-DIR-2, R-DIR-3: the public finds the Musterstadt offices, with counselling hours in the ABH', async () => {
    const result = expectStatus<z.infer<typeof publicSearchResponse>>(
      await anonymous(t.app).get('/api/public/offices?q=12349&language=ar'),
      200,
    );
    expect(result.items.filter((o) => o.match === 'catchment').map((o) => o.name)).toEqual([
      'Migrationsberatung Innenstadt',
    ]);
    const all = expectStatus<z.infer<typeof publicSearchResponse>>(
      await anonymous(t.app).get('/api/public/offices?q=12349'),
      200,
    );
    expect(all.items.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Migrationsberatung Innenstadt', 'Migrationsberatung Südstadt']),
    );
    const inAbh = all.items
      .flatMap((o) => o.days.flatMap((d) => d.slots))
      .filter((s) => s.place?.name === 'Ausländerbehörde Musterstadt');
    expect(inAbh.length).toBeGreaterThan(0);
  });

  it('R-OFF-1..3: counsellors see the offers of both course providers, the Jobcenter and the ABH', async () => {
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const offers = expectStatus<Page<z.infer<typeof offerSchema>>>(await counsellor.get('/api/offers'), 200);
    expect(new Set(offers.items.map((o) => o.organisationName))).toEqual(
      new Set([
        'Sprachschule Musterstadt gGmbH',
        'Volkshochschule Musterstadt',
        'Jobcenter Musterstadt',
        'Ausländerbehörde Musterstadt',
      ]),
    );
  });
  it('R-DIR-3: the demo Jobcenter sees the JMD hours in its premises, next Monday’s cancelled by a training day', async () => {
    const staff = await signIn(t.app, 'pap@jobcenter.example', demoPassword);
    const session = expectStatus<{ user: { organisation: { id: string } } }>(
      await staff.get('/api/auth/session'),
      200,
    );
    const view = expectStatus<z.infer<typeof hostedHoursResponse>>(
      await staff.get(`/api/organisations/${session.user.organisation.id}/hosted-hours`),
      200,
    );
    expect(view.organisationName).toBe('Jobcenter Musterstadt');
    expect(view.offices.map((o) => o.name)).toEqual(['Jugendmigrationsdienst Nordstadt']);
    const mondays = [view.days[0]!, view.days[7]!].map((d) =>
      d.slots.map((s) => [s.opensAt, s.service, s.room, s.cancelled?.note ?? null]),
    );
    expect(mondays).toEqual([
      [['10:00', 'JMD', 'Raum 1.12 (U25-Team)', null]],
      [['10:00', 'JMD', 'Raum 1.12 (U25-Team)', 'Teamfortbildung']],
    ]);
  });
});
