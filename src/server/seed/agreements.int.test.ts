import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus } from '../../../test/api.ts';
import type {
  agreementListResponse,
  agreementSchema,
  overdueActionsResponse,
} from '../modules/agreements/agreements.schemas.ts';
import { demoPassword, seedDemo } from './demo.ts';

describe(`the Musterstadt demo cooperations (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-AGR-1, R-AGR-4, R-AGR-6: the ABH agreement with clearing office is in force for AWO, Caritas and the ABH; the Jobcenter draft waits', async () => {
    const lead = await signIn(t.app, 'leitung@awo.example', demoPassword);
    const list = expectStatus<z.infer<typeof agreementListResponse>>(await lead.get('/api/agreements'), 200);
    expect(list.items.map((i) => [i.model, i.status]).sort()).toEqual([
      ['abh_clearing', 'active'],
      ['jobcenter', 'draft'],
    ]);
    const abhAgreement = list.items.find((i) => i.model === 'abh_clearing');
    const abhUser = await signIn(t.app, 'sachbearbeitung@abh.example', demoPassword);
    const seen = expectStatus<z.infer<typeof agreementSchema>>(
      await abhUser.get(`/api/agreements/${abhAgreement?.id}`),
      200,
    );
    expect(seen.parties.map((p) => p.name).sort()).toEqual([
      'AWO Kreisverband Musterstadt e.V.',
      'Ausländerbehörde Musterstadt',
      'Caritasverband Musterstadt e.V.',
    ]);
    expect(seen.meetings.filter((m) => m.kind === 'clearing_coordination')).toHaveLength(2);
    const overdue = expectStatus<z.infer<typeof overdueActionsResponse>>(
      await lead.get('/api/agreement-actions/overdue'),
      200,
    );
    expect(overdue.items).toHaveLength(1);
  });
});
