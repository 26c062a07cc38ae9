import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus, type Page } from '../../../test/api.ts';
import type { publicSearchResponse } from '../modules/directory/directory.schemas.ts';
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
});
