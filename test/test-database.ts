import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { migrateToLatest, openPglite, openPostgres, type Database } from '../src/server/db/database.ts';

/** Which database the integration suites run on: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one suite: a copy of the migrated PGlite dump in memory, or
 * a new database on the PostgreSQL server that is dropped again on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = fs.readFileSync(inject('pgliteDump'));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const name = `koop_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = openPostgres(serverUrl, 1);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 10);
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
      await admin.close();
    },
  };
}
