import crypto from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../../test/test-database.ts';
import { buildOrganisation, buildUser, type TestOrganisation } from '../../../test/factories.ts';
import { inTenantTransaction, openPostgres, type Database } from './database.ts';
import { preparingPool } from './prepared-pool.ts';
import type { DB } from './schema.ts';

/**
 * On PostgreSQL every parameterised statement runs prepared, and BEGIN travels with a first
 * statement without parameters (prepared-pool.ts). A plan reused on one connection for another
 * organisation must still apply that organisation's row-level security, and a transaction opened
 * that way must behave like any other.
 */
describe.skipIf(testDatabaseKind !== 'postgres')('prepared statements on PostgreSQL', () => {
  let database: Database;
  let single: Database;
  let a: TestOrganisation;
  let b: TestOrganisation;
  let testUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await buildOrganisation(database.db);
    b = await buildOrganisation(database.db);
    for (let i = 0; i < 3; i++) await buildUser(database.db, a);
    await buildUser(database.db, b);
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${rows[0]!.name}`;
    // One connection, so every run below reuses the same prepared statement.
    testUrl = url.toString();
    single = openPostgres(testUrl, 1);
  });
  afterAll(async () => {
    await single.close();
    await database.close();
  });

  const usersOf = (organisationId: string) =>
    inTenantTransaction(single.db, { organisationId, userId: null, allOrganisations: false }, (trx) =>
      trx.selectFrom('users').select('organisation_id').where('status', '=', 'active').execute(),
    );

  it('R-SEC-2: a statement prepared once answers each organisation with its own rows, also after the generic plan', async () => {
    // PostgreSQL switches to a generic plan after five executions; alternate well past that.
    for (let i = 0; i < 8; i++) {
      const forA = await usersOf(a.id);
      const forB = await usersOf(b.id);
      expect(forA).toHaveLength(3);
      expect(forA.every((r) => r.organisation_id === a.id)).toBe(true);
      expect(forB).toHaveLength(1);
      expect(forB[0]?.organisation_id).toBe(b.id);
    }
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'koop_%'`.execute(single.db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('R-SEC-2: statements beyond the limit of names still run, unnamed, and the cache stays bounded', async () => {
    const pool = new pg.Pool({ connectionString: testUrl, max: 1 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool, 2) }) });
    try {
      const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
      // Five texts: IN lists of one to five parameters.
      for (let n = 1; n <= ids.length; n++) {
        const rows = await db.selectFrom('users').select('id').where('id', 'in', ids.slice(0, n)).execute();
        expect(rows).toHaveLength(0);
      }
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'koop_%'`.execute(db);
      expect(rows[0]?.n).toBe(2);
    } finally {
      await db.destroy();
    }
  });

  it('R-SEC-2: BEGIN sent with a first statement without parameters still opens the transaction', async () => {
    // The first statement carries no parameters, so BEGIN travels with it in one message.
    const seen = await single.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('role', 'koop_app', true), set_config('koop.org_id', ${sql.lit(a.id)}, true)`.execute(
        trx,
      );
      // Transaction-local settings survive into the next statement only inside a transaction.
      const setting = await sql<{ org: string }>`SELECT current_setting('koop.org_id', true) AS org`.execute(
        trx,
      );
      const users = await trx.selectFrom('users').select('organisation_id').execute();
      return { org: setting.rows[0]?.org, users };
    });
    expect(seen.org).toBe(a.id);
    expect(seen.users).toHaveLength(3);
    expect(seen.users.every((u) => u.organisation_id === a.id)).toBe(true);
    const after = await sql<{
      org: string | null;
    }>`SELECT current_setting('koop.org_id', true) AS org`.execute(single.db);
    expect(after.rows[0]?.org ?? '').toBe('');
  });

  it('R-SEC-4: a transaction that fails after such a first statement leaves nothing behind; an empty one commits', async () => {
    const marker = `test.pipelined.${crypto.randomUUID()}`;
    await expect(
      single.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO audit_log (action, entity_type) VALUES (${sql.lit(marker)}, 'test')`.execute(
          trx,
        );
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${marker}`.execute(single.db);
    expect(rows[0]?.n).toBe(0);
    await expect(single.db.transaction().execute(() => Promise.resolve('leer'))).resolves.toBe('leer');
    const alive = await sql<{ one: number }>`SELECT 1 AS one`.execute(single.db);
    expect(alive.rows[0]?.one).toBe(1);
  });
});
