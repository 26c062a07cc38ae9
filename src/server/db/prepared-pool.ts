import crypto from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** What pg answers a statement with, as far as Kysely reads it. */
interface Result {
  command: string;
  rowCount: number | null;
  rows: unknown[];
}

/** Distinct statement texts that get a name; anything beyond runs unnamed, as before. */
export const maxPreparedStatements = 400;

/**
 * Hands Kysely a pool whose connections save round trips to PostgreSQL:
 *
 * - **Prepared statements.** Each parameterised statement runs as a named prepared statement, so
 *   PostgreSQL parses and plans it once per connection instead of on every request (plans still
 *   follow schema changes; PostgreSQL invalidates them itself). The number of names is bounded,
 *   so statements whose text varies (lists of different lengths) cannot grow the per-connection
 *   cache without limit; statements without parameters stay unnamed.
 * - **BEGIN travels with the first statement.** Kysely opens a transaction with `begin` and waits
 *   for the answer. Here `begin` is held back and sent together with the transaction's first
 *   statement when that statement has no parameters (one simple-protocol message, one round
 *   trip, same order); otherwise it goes out on its own just before. Every request's first
 *   statement is the parameter-free authentication (`auth.repository.ts`), so each authenticated
 *   request saves a round trip.
 *
 * An instance must be restarted after another one has migrated the schema (a rolling deploy does
 * that anyway): a prepared statement whose result columns changed is refused by PostgreSQL. A
 * connection pooler in transaction mode needs protocol-level prepared statements (PgBouncer ≥ 1.21).
 */
export function preparingPool(pool: pg.Pool, maxStatements = maxPreparedStatements): PostgresPool {
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < maxStatements) {
      name = `koop_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  // One wrapper per pooled client, so the driver keeps recognising the connection it set up.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let beginPending = false;
    const run = (text: string, parameters: readonly unknown[]) => {
      const name = parameters.length > 0 ? nameFor(text) : undefined;
      return name
        ? client.query({ name, text, values: [...parameters] })
        : client.query(text, [...parameters]);
    };
    const query = async (text: string, parameters: readonly unknown[]): Promise<Result> => {
      if (text === 'begin') {
        beginPending = true;
        return { command: 'SELECT', rowCount: 0, rows: [] };
      }
      if (!beginPending) return run(text, parameters);
      beginPending = false;
      if (text === 'commit' || text === 'rollback') {
        // Nothing ran in the transaction: there is nothing to end either.
        return { command: text === 'commit' ? 'COMMIT' : 'ROLLBACK', rowCount: 0, rows: [] };
      }
      if (parameters.length === 0) {
        // pg answers a message of several statements with one result each; the caller asked for the last.
        const results = (await client.query(`begin; ${text}`)) as unknown as Result | Result[];
        return Array.isArray(results) ? results[results.length - 1]! : results;
      }
      await client.query('begin');
      return run(text, parameters);
    };
    return {
      // Kysely's client type also has a cursor overload; Koop never streams through cursors.
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => {
        beginPending = false;
        client.release(destroy);
      },
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
