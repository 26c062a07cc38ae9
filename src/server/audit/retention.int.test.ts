import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenantTransaction, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKind } from '../../../test/test-database.ts';
import { buildOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { forgetErasedCases, purgeAuditBefore } from './audit.ts';
import { auditCutoff, runAuditRetention } from './retention.ts';

describe(`retention of the audit log (${testDatabaseKind})`, () => {
  let database: Database;
  let a: TestOrganisation;
  let b: TestOrganisation;
  const now = new Date('2026-11-25T10:00:00Z');

  const as = (organisationId: string | null) => ({ organisationId, userId: null, allOrganisations: false });

  /** Writes an audit row at a given time, as the owner (inserting is what the log allows). */
  async function row(organisationId: string | null, occurredAt: string, action: string, reason?: string) {
    await sql`
      INSERT INTO audit_log (occurred_at, organisation_id, action, entity_type, entity_id, reason)
      VALUES (${occurredAt}::timestamptz, ${organisationId}, ${action}, 'case', ${'00000000-0000-4000-8000-000000000001'}, ${reason ?? null})`.execute(
      database.db,
    );
  }

  const count = async (action: string) =>
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(
        database.db,
      )
    ).rows[0]?.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await buildOrganisation(database.db);
    b = await buildOrganisation(database.db);
    for (const org of [a.id, b.id, null]) {
      await row(org, '2024-01-10T08:00:00Z', 'test.old');
      await row(org, '2024-11-24T08:00:00Z', 'test.old');
      await row(org, '2025-06-01T08:00:00Z', 'test.recent');
    }
  });
  afterAll(() => database.close());

  it('R-SEC-1: rows older than the audit retention period go, in every organisation; younger rows stay', async () => {
    expect(auditCutoff(now, 24).toISOString()).toBe('2024-11-25T10:00:00.000Z');
    expect(await runAuditRetention(database.db, now, 24)).toBe(6);
    expect(await count('test.old')).toBe(0);
    expect(await count('test.recent')).toBe(3);
    expect(await runAuditRetention(database.db, now, 24)).toBe(0);
  });

  it('R-SEC-1: the database refuses a cut-off younger than six months, so the log cannot be emptied', async () => {
    await expect(
      inTenantTransaction(database.db, as(a.id), (trx) =>
        purgeAuditBefore(trx, new Date(Date.now() - 24 * 3600 * 1000), 1000),
      ),
    ).rejects.toThrow(/at least six months/);
    expect(await count('test.recent')).toBe(3);
  });

  it('R-SEC-1: the application role still cannot change or delete audit rows, even with the retention switch set', async () => {
    await expect(
      inTenantTransaction(database.db, as(a.id), async (trx) => {
        await sql`SELECT set_config('koop.audit_retention', 'on', true)`.execute(trx);
        await trx.deleteFrom('audit_log').execute();
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenantTransaction(database.db, as(a.id), async (trx) => {
        await sql`SELECT set_config('koop.audit_retention', 'on', true)`.execute(trx);
        await trx.updateTable('audit_log').set({ reason: null }).execute();
      }),
    ).rejects.toThrow(/permission denied/);
    expect(await count('test.recent')).toBe(3);
  });

  it('R-SEC-1: with the switch set, even the owner may only clear a reason, never rewrite who did what', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('koop.audit_retention', 'on', true)`.execute(trx);
        await sql`UPDATE audit_log SET action = 'rewritten' WHERE action = 'test.recent'`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('R-CON-5: reasons are cleared only for erased cases and only in the own organisation', async () => {
    const existing = await sql<{ id: string }>`SELECT gen_random_uuid()::text AS id`.execute(database.db);
    const erasedId = '00000000-0000-4000-8000-000000000001';
    await row(a.id, now.toISOString(), 'test.reason', 'Frau Beispiel, Gerichtstermin');
    await row(b.id, now.toISOString(), 'test.reason', 'Herr Muster, Vertretung');
    const cleared = await inTenantTransaction(database.db, as(a.id), (trx) =>
      forgetErasedCases(trx, [erasedId, existing.rows[0]!.id]),
    );
    expect(cleared).toBe(1);
    const { rows } = await sql<{ organisation_id: string; reason: string | null; details: unknown }>`
      SELECT organisation_id, reason, details FROM audit_log WHERE action = 'test.reason'`.execute(
      database.db,
    );
    expect(rows.find((r) => r.organisation_id === a.id)).toMatchObject({
      reason: null,
      details: { reasonErased: true },
    });
    expect(rows.find((r) => r.organisation_id === b.id)?.reason).toBe('Herr Muster, Vertretung');
  });
});
