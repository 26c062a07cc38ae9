import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus } from '../../../test/api.ts';
import type { gapsSchema, reportSchema, rotaSchema } from '../modules/clearing/clearing.schemas.ts';
import { berlinToday } from '../modules/directory/schedule.ts';
import { demoPassword, seedDemo } from './demo.ts';

describe(`the Musterstadt demo clearing office (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-CLR-3, R-STAT-1, R-STAT-4: Clara Clearing reads the rota with its gaps, the manager and the ABH the half-year report, the gaps show Tigrinya', async () => {
    const clara = await signIn(t.app, 'clearing@awo.example', demoPassword);
    const rota = expectStatus<z.infer<typeof rotaSchema>>(await clara.get('/api/clearing/rota'), 200);
    expect(rota.entries.map((e) => e.name)).toEqual(['Clara Clearing', 'Clara Clearing', 'Clara Clearing']);
    expect(rota.gaps.map((g) => g.weekday)).toEqual([3, 4, 5]);

    const today = berlinToday(new Date());
    const year = Number(today.slice(0, 4));
    const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
    const lead = await signIn(t.app, 'leitung@awo.example', demoPassword);
    const own = expectStatus<z.infer<typeof reportSchema>>(
      await lead.get(`/api/clearing/report?year=${year}&half=${half}`),
      200,
    );
    expect(own.total.suppressed).toBe(false);
    expect(own.total.value).toBeGreaterThan(20);
    const abh = await signIn(t.app, 'zentrale@abh.example', demoPassword);
    const partner = expectStatus<z.infer<typeof reportSchema>>(
      await abh.get(`/api/clearing/report?year=${year}&half=${half}`),
      200,
    );
    expect(partner.view).toBe('partner');
    expect(partner.total).toEqual(own.total);

    const gaps = expectStatus<z.infer<typeof gapsSchema>>(await lead.get('/api/clearing/gaps'), 200);
    const ti = gaps.searches.dimensions
      .find((d) => d.key === 'language')!
      .items.find((i) => i.label === 'ti');
    expect(ti?.cell).toEqual({ suppressed: false, value: 7 });
  });
});
