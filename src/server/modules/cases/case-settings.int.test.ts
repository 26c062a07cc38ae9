import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus, type Page } from '../../../../test/api.ts';
import type { deletionRecordSchema, settingsSchema } from './cases.schemas.ts';
import { buildCaseWorld, firstMessage, type CaseWorld } from './test-support.ts';

type Settings = z.infer<typeof settingsSchema>;
type DeletionRecord = z.infer<typeof deletionRecordSchema>;

describe(`case settings and deletion records for the administration's screens (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCaseWorld(t.app, t.database.db);
  });
  afterAll(() => t.close());

  const settings = async () =>
    expectStatus<Settings>(await w.providerAdmin.client.get('/api/case-settings'), 200);

  it('R-CON-5: an invalid retention period is refused with a clear German message at the field, and nothing is stored', async () => {
    for (const retentionYears of [0, 31, 2.5, -1, 'drei', null]) {
      const response = await w.providerAdmin.client.put('/api/case-settings', { version: 0, retentionYears });
      expect(expectProblem(response, 400, 'validation_failed'), String(retentionYears)).toEqual([
        'retentionYears',
      ]);
      expect(firstMessage(response)).toBe(
        'Die Aufbewahrungsfrist bitte als ganze Zahl von Jahren angeben, mindestens 1 und höchstens 30.',
      );
    }
    expect(await settings()).toMatchObject({ retentionYears: 3, version: 0, isDefault: true });
  });

  it('R-CASE-5: the answer names the lists the organisation adapted; the others stay the defaults', async () => {
    expect((await settings()).customisedLists).toEqual([]);
    const topics = (await settings()).categories.topics.map((e) =>
      e.code === 'housing' ? { ...e, de: 'Wohnen und Wohnungssuche' } : e,
    );
    const saved = expectStatus<Settings>(
      await w.providerAdmin.client.put('/api/case-settings', { version: 0, categories: { topics } }),
      200,
    );
    expect(saved.customisedLists).toEqual(['topics']);
    const later = expectStatus<Settings>(
      await w.providerAdmin.client.put('/api/case-settings', { version: saved.version, retentionYears: 5 }),
      200,
    );
    expect(later).toMatchObject({
      customisedLists: ['topics'],
      retentionYears: 5,
      version: saved.version + 1,
    });
    expect(later.categories.topics.find((e) => e.code === 'housing')?.de).toBe('Wohnen und Wohnungssuche');
    // Counsellors read the same lists; only the administration may change them.
    const read = expectStatus<Settings>(await w.owner.client.get('/api/case-settings'), 200);
    expect(read).toMatchObject({ customisedLists: ['topics'], allowedActions: [] });
    expect((await settings()).allowedActions).toEqual(['case_settings.update']);
  });

  it('R-CASE-5: a list keeps at least one active entry', async () => {
    const current = await settings();
    const response = await w.providerAdmin.client.put('/api/case-settings', {
      version: current.version,
      categories: { closureReasons: current.categories.closureReasons.map((e) => ({ ...e, active: false })) },
    });
    expect(expectProblem(response, 400, 'validation_failed')).toEqual(['categories.closureReasons']);
    expect(firstMessage(response)).toBe('Mindestens ein Eintrag der Auswahlliste muss aktiv bleiben.');
    expect((await settings()).version).toBe(current.version);
  });

  it('R-CON-5: deletion records come newest first, page by page, and only the organisation’s own', async () => {
    const insert = (organisationId: string, erasedAt: string, closedMonth: string) =>
      sql`INSERT INTO case_deletion_records
            (organisation_id, erased_at, rule, retention_years, closed_month, service, case_type,
             records_removed, client_erased)
          VALUES (${organisationId}, ${erasedAt}, 'Aufbewahrungsfrist nach Fallabschluss', 3,
                  ${closedMonth}, 'MBE', 'case_management', 12, true)`.execute(t.database.db);
    await insert(w.provider.id, '2026-01-10T06:00:00Z', '2022-12');
    await insert(w.provider.id, '2026-02-10T06:00:00Z', '2023-01');
    await insert(w.provider.id, '2026-03-10T06:00:00Z', '2023-02');
    await insert(w.otherProvider.id, '2026-03-11T06:00:00Z', '2023-02');

    const first = expectStatus<Page<DeletionRecord>>(
      await w.providerAdmin.client.get('/api/case-deletions?limit=2'),
      200,
    );
    expect(first.total).toBe(3);
    expect(first.items.map((r) => r.closedMonth)).toEqual(['2023-02', '2023-01']);
    const second = expectStatus<Page<DeletionRecord>>(
      await w.providerAdmin.client.get('/api/case-deletions?offset=2&limit=2'),
      200,
    );
    expect(second).toMatchObject({ total: 3, items: [{ closedMonth: '2022-12', clientErased: true }] });
    expectProblem(
      await w.providerAdmin.client.get('/api/case-deletions?limit=500'),
      400,
      'validation_failed',
    );
  });
});
