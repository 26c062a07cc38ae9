import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus } from '../../../test/api.ts';
import type { CounsellingStatisticsView, EvaluationView } from '../modules/statistics/statistics.schemas.ts';
import { demoPassword, seedDemo } from './demo.ts';

describe(`the Musterstadt demo statistics (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-STAT-2, R-STAT-3, R-STAT-5: the AWO team lead sees figures, some hidden, and an evaluation with the Jobcenter', async () => {
    const lena = await signIn(t.app, 'leitung@awo.example', demoPassword);
    const stats = expectStatus<CounsellingStatisticsView>(await lena.get('/api/statistics/counselling'), 200);
    expect(stats.total.suppressed).toBe(false);
    expect(stats.total.value).toBeGreaterThanOrEqual(60);
    const cells = stats.tables.flatMap((x) => x.items.map((i) => i.cell));
    expect(cells.some((c) => !c.suppressed && c.value >= 5)).toBe(true);
    expect(cells.some((c) => c.suppressed)).toBe(true);
    const { partners } = expectStatus<{ partners: { id: string; name: string }[] }>(
      await lena.get('/api/statistics/partners'),
      200,
    );
    const jobcenter = partners.find((p) => p.name === 'Jobcenter Musterstadt')!;
    const evaluation = expectStatus<EvaluationView>(
      await lena.get(`/api/statistics/evaluations/${jobcenter.id}`),
      200,
    );
    const referrals = evaluation.sections.find((s) => s.key === 'referrals')!;
    expect(referrals.total.suppressed).toBe(false);
    expect(referrals.total.value).toBeGreaterThanOrEqual(50);
  });
});
