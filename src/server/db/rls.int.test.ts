import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTenantTransaction, type Database } from './database.ts';
import { createTestDatabase, testDatabaseKind } from '../../../test/test-database.ts';
import { buildOrganisation, buildUser, type TestOrganisation } from '../../../test/factories.ts';
import { recordAudit } from '../audit/audit.ts';

describe(`row-level security and the append-only audit log (${testDatabaseKind})`, () => {
  let database: Database;
  let a: TestOrganisation;
  let b: TestOrganisation;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await buildOrganisation(database.db);
    b = await buildOrganisation(database.db);
    await buildUser(database.db, a);
    await buildUser(database.db, a);
    await buildUser(database.db, b);
  });
  afterAll(() => database.close());

  const as = (organisationId: string | null) => ({ organisationId, userId: null, allOrganisations: false });

  it('R-SEC-2: a query that forgot its organisation filter sees only its own organisation', async () => {
    const rows = await inTenantTransaction(database.db, as(a.id), (trx) =>
      trx.selectFrom('users').select(['organisation_id']).execute(),
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.organisation_id === a.id)).toBe(true);
  });

  it('R-SEC-2: without an organisation context the application role sees no personal data at all', async () => {
    const rows = await inTenantTransaction(database.db, as(null), (trx) =>
      trx.selectFrom('users').selectAll().execute(),
    );
    expect(rows).toHaveLength(0);
    const sessions = await inTenantTransaction(database.db, as(null), (trx) =>
      trx.selectFrom('sessions').selectAll().execute(),
    );
    expect(sessions).toHaveLength(0);
  });

  it('R-SEC-2: a write into another organisation is refused by the database', async () => {
    await expect(
      inTenantTransaction(database.db, as(a.id), (trx) =>
        trx
          .insertInto('users')
          .values({
            organisation_id: b.id,
            email: 'eindringling@example.org',
            display_name: 'X',
            roles: ['counsellor'],
            function_title: null,
            phone: null,
            password_hash: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inTenantTransaction(database.db, as(a.id), (trx) =>
      trx
        .updateTable('users')
        .set({ display_name: 'geändert' })
        .where('organisation_id', '=', b.id)
        .executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
  });

  it('R-SEC-2: requests run as the role RLS applies to, not as the owner', async () => {
    const { rows } = await inTenantTransaction(database.db, as(a.id), (trx) =>
      sql<{ u: string }>`SELECT current_user AS u`.execute(trx),
    );
    expect(rows[0]?.u).toBe('koop_app');
  });

  it('R-SEC-1: the application role can insert audit rows but cannot change or delete them', async () => {
    const ctx = { organisationId: a.id, actorUserId: null, requestId: 'test-request' };
    await inTenantTransaction(database.db, as(a.id), (trx) =>
      recordAudit(trx, ctx, { action: 'user.read', entityType: 'user', entityId: 'x' }),
    );
    await expect(
      inTenantTransaction(database.db, as(a.id), (trx) =>
        trx.updateTable('audit_log').set({ action: 'user.updated' }).execute(),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      inTenantTransaction(database.db, as(a.id), (trx) => trx.deleteFrom('audit_log').execute()),
    ).rejects.toThrow(/permission denied|append-only/);
  });

  it('R-SEC-1: not even the database owner can change or delete audit rows', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(database.db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('R-SEC-1: an audit row written in a transaction that fails is rolled back with it', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(database.db);
    await expect(
      inTenantTransaction(database.db, as(a.id), async (trx) => {
        await recordAudit(
          trx,
          { organisationId: a.id, actorUserId: null, requestId: 'r' },
          { action: 'user.updated', entityType: 'user' },
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(database.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
