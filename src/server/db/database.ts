import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import type { DB } from './schema.ts';
import { migrations } from './migrations/index.ts';
import { preparingPool } from './prepared-pool.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

// int8 and numeric come back as strings from pg but as numbers from PGlite; align them here
// so that counts and ids look the same on both databases.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
// A calendar date (birth date, due date) stays the 'YYYY-MM-DD' string it is in the database, on
// both: a JavaScript Date would shift it by the server's time zone.
pg.types.setTypeParser(1082, (v) => v);
const pgliteParsers = { 1082: (v: string) => v };

export const pgliteExtensions = { citext, pg_trgm, unaccent };

/** A database handle and how to close it. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance, for dumps in tests; absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `Das Datenverzeichnis wird bereits von einem anderen Koop-Prozess (PID ${pid}) verwendet. ` +
        `Beenden Sie diesen Prozess oder wählen Sie mit KOOP_DATA_DIR ein anderes Verzeichnis. (Sperrdatei: ${lockPath})`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no inter-process lock, and two writers on one directory lose data silently.
 * Take an exclusive lock file beside the directory; a stale lock of a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(pid) && processAlive(pid)) throw new DataDirLockedError(lockPath, pid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Sperrdatei ${lockPath} konnte nicht angelegt werden.`);
}

/** Opens embedded PostgreSQL (PGlite) in a data directory, or in memory from a dump. */
export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
}): Promise<Database> {
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  try {
    const client = await PGlite.create(options.dataDir ?? 'memory://', {
      extensions: pgliteExtensions,
      parsers: pgliteParsers,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      pglite: client,
      async close() {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens a pool on a real PostgreSQL server. */
export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection the server ends (restart, failover, a dropped test database) must not take
  // the process down; the pool replaces it on the next query.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.error(`PostgreSQL connection lost: ${err.code ?? ''} ${err.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Applies all pending migrations; safe when several instances start at once (Kysely locks). */
export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  // Fast path for an up-to-date database: the Migrator introspects the whole catalogue, which
  // costs a noticeable part of start-up on the embedded database.
  const { rows: tables } = await sql<{
    t: string | null;
  }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(db);
  if (tables[0]?.t) {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    if (Object.keys(migrations).every((name) => applied.has(name))) return;
  }
  // Numbers are reserved per feature and merged in any order: a migration with a lower number
  // than one already applied runs after it (each migration stands on its own).
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration fehlgeschlagen: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
}

/** The organisation context a transaction runs in; RLS policies read it. */
export interface TenantContext {
  organisationId: string | null;
  userId: string | null;
  /** Operator-wide scope, granted by the policy layer to system administration only. */
  allOrganisations: boolean;
}

/**
 * Runs `fn` in one transaction as the row-level-security role `koop_app`, with the tenant
 * context set for this transaction only. Every request and job goes through here.
 */
export async function inTenantTransaction<T>(
  db: Db,
  ctx: TenantContext,
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('role', 'koop_app', true),
                     set_config('koop.org_id', ${ctx.organisationId ?? ''}, true),
                     set_config('koop.user_id', ${ctx.userId ?? ''}, true),
                     set_config('koop.all_orgs', ${ctx.allOrganisations ? 'on' : 'off'}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Whether the database is reachable; used by the health endpoint. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Moves an open transaction into another organisation's context (seeding, operator jobs). */
export async function switchOrganisation(trx: Trx, organisationId: string): Promise<void> {
  await sql`SELECT set_config('koop.org_id', ${organisationId}, true)`.execute(trx);
}
