import crypto from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Distinct statement texts that get a name; anything beyond runs unnamed, as before. */
export const maxPreparedStatements = 400;

/**
 * Hands Kysely a pool whose connections run each parameterised statement as a named prepared
 * statement: PostgreSQL parses and plans it once per connection instead of on every request
 * (plans still follow schema changes; PostgreSQL invalidates them itself). The number of names
 * is bounded, so statements whose text varies (lists of different lengths) cannot grow the
 * per-connection cache without limit; statements without parameters (BEGIN, COMMIT, DDL) stay
 * unnamed.
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
    const query = (text: string, parameters: readonly unknown[]) => {
      const name = parameters.length > 0 ? nameFor(text) : undefined;
      return name
        ? client.query({ name, text, values: [...parameters] })
        : client.query(text, [...parameters]);
    };
    return {
      // Kysely's client type also has a cursor overload; Koop never streams through cursors.
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
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
