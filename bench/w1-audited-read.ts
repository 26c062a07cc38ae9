import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openPostgres, type Database } from '../src/server/db/database.ts';
import type { App } from '../src/server/http/app.ts';
import { buildOrganisation, buildUser, testPassword } from '../test/factories.ts';
import { emit, envNumber, listenBenchApp, machine, note, percentile, round } from './util.ts';

/**
 * W1: an authorised, audited read of one record — GET /api/users/:id with a personal API token —
 * against the same work sent straight through `pg` (BEGIN; select the user row; insert the audit
 * row; COMMIT), both at the same concurrency on a fresh PostgreSQL database. The goal's ratio is
 * against that SQL as plain `pg` sends it (unnamed statements); the ratio against the same SQL as
 * named prepared statements is printed beside it. The HTTP load comes from wrk in its own process
 * when installed (`apt-get install wrk`), else from autocannon in a worker thread. The app and the
 * raw side share this process and its flags (`npm run bench` sets `--max-semi-space-size=64`,
 * as `npm start` does for the server).
 */

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Settings {
  baseUrl: string;
  connections: number;
  durationS: number;
  warmupS: number;
}

interface Fixture {
  organisationId: string;
  userId: string;
}

function settings(): Settings {
  return {
    baseUrl: process.env.BENCH_DATABASE_URL || defaultUrl,
    connections: Math.round(envNumber('BENCH_CONNECTIONS', 64)),
    durationS: envNumber('BENCH_DURATION_S', 10),
    warmupS: envNumber('BENCH_WARMUP_S', 2),
  };
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status)
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** Signs in through the API and creates a personal read token the way a user would. */
async function createApiToken(origin: string, email: string): Promise<string> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  await expectStatus(login, 200, 'sign-in');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('koop_session='));
  if (!session) throw new Error('sign-in returned no session cookie');
  const created = await fetch(`${origin}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'Lastmessung', scope: 'read' }),
  });
  await expectStatus(created, 201, 'token creation');
  return ((await created.json()) as { token: string }).token;
}

/** wrk (Debian package `wrk`), if installed: a load generator in C, in its own process. */
function hasWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/** Parses wrk's latency values ("812.00us", "12.34ms", "1.02s") into milliseconds. */
function wrkMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) throw new Error(`unexpected wrk latency ${value}`);
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

async function loadWithWrk(
  url: string,
  token: string,
  connections: number,
  durationS: number,
): Promise<Measured> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      'wrk',
      [
        '-t1',
        `-c${connections}`,
        `-d${durationS}s`,
        '--latency',
        '-H',
        `authorization: Bearer ${token}`,
        url,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`))));
  });
  const field = (pattern: RegExp) => pattern.exec(output)?.[1];
  const requests = Number(field(/(\d+) requests in/));
  const seconds = wrkMs(field(/requests in ([\d.]+m?s)/) ?? 'NaN');
  const non2xx = Number(field(/Non-2xx or 3xx responses: (\d+)/) ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socketErrors ? socketErrors.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
  return {
    throughputRps: (requests - non2xx) / (seconds / 1000),
    p50Ms: wrkMs(field(/ 50%\s+(\S+)/) ?? 'NaN'),
    p99Ms: wrkMs(field(/ 99%\s+(\S+)/) ?? 'NaN'),
    completed: requests - non2xx,
    failed: non2xx + errors,
  };
}

async function loadWithAutocannon(
  url: string,
  token: string,
  connections: number,
  durationS: number,
): Promise<Measured> {
  const result: Result = await autocannon({
    url,
    headers: { authorization: `Bearer ${token}` },
    connections,
    duration: durationS,
    // Without wrk the load generator gets its own thread at least.
    workers: 1,
  });
  return {
    throughputRps: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    completed: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * The HTTP load: wrk in its own process when it is installed, so the load generator costs as
 * little CPU as possible on the machine under test; otherwise autocannon in a worker thread.
 */
function load(url: string, token: string, connections: number, durationS: number): Promise<Measured> {
  return loadGenerator === 'wrk'
    ? loadWithWrk(url, token, connections, durationS)
    : loadWithAutocannon(url, token, connections, durationS);
}

const loadGenerator: 'wrk' | 'autocannon' = hasWrk() ? 'wrk' : 'autocannon';

interface Measured {
  throughputRps: number;
  p50Ms: number;
  p99Ms: number;
  completed: number;
  failed: number;
}

async function measureApi(
  database: Database,
  s: Settings,
  fixture: Fixture,
  email: string,
): Promise<Measured> {
  let app: App | undefined;
  try {
    const listening = await listenBenchApp(database);
    app = listening.app;
    const origin = listening.origin;
    const token = await createApiToken(origin, email);
    const url = `${origin}/api/users/${fixture.userId}`;
    const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await expectStatus(check, 200, 'GET /api/users/:id');
    if (((await check.json()) as { id: string }).id !== fixture.userId)
      throw new Error('GET /api/users/:id returned another record');

    note(
      `API: warm-up ${s.warmupS} s, then ${s.durationS} s with ${s.connections} connections on ${url} (${loadGenerator})`,
    );
    await load(url, token, s.connections, s.warmupS);
    const measured = await load(url, token, s.connections, s.durationS);
    const audited = await countReadAudits(database);
    note(`API: ${audited} user.read audit rows written (every answered read leaves one)`);
    if (measured.failed > 0) note(`API: ${measured.failed} failed requests`);
    return measured;
  } finally {
    await app?.close();
  }
}

async function countReadAudits(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'user.read')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const userSql = `SELECT id, organisation_id, email, display_name, function_title, phone, roles, status, totp_secret,
                        last_login_at, version, invitation_hash
                 FROM users WHERE id = $1`;
const auditSql = `INSERT INTO audit_log (organisation_id, actor_user_id, action, entity_type, entity_id, reason, request_id, details)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

/**
 * The floor: the same transaction as the endpoint's, with nothing in between. `prepared` names
 * the statements, so PostgreSQL parses and plans them once per connection, as Koop's own
 * connections do (src/server/db/prepared-pool.ts).
 */
async function rawRead(pool: pg.Pool, fixture: Fixture, prepared: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const userValues = [fixture.userId];
    const { rows } = await (prepared
      ? client.query({ name: 'w1_user', text: userSql, values: userValues })
      : client.query(userSql, userValues));
    if (rows.length !== 1) throw new Error('user row not found');
    const auditValues = [
      fixture.organisationId,
      fixture.userId,
      'user.read',
      'user',
      fixture.userId,
      null,
      crypto.randomUUID(),
      '{}',
    ];
    await (prepared
      ? client.query({ name: 'w1_audit', text: auditSql, values: auditValues })
      : client.query(auditSql, auditValues));
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function rawPhase(
  pool: pg.Pool,
  fixture: Fixture,
  connections: number,
  durationS: number,
  prepared: boolean,
): Promise<Measured> {
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const deadline = start + durationS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await rawRead(pool, fixture, prepared);
          latencies.push(performance.now() - t0);
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsedS = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    throughputRps: latencies.length / elapsedS,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    completed: latencies.length,
    failed,
  };
}

async function measureRaw(url: string, s: Settings, fixture: Fixture, prepared: boolean): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: url, max: s.connections });
  const label = prepared ? 'raw SQL, prepared' : 'raw SQL';
  try {
    note(
      `${label}: warm-up ${s.warmupS} s, then ${s.durationS} s with ${s.connections} loops on a pool of ${s.connections}`,
    );
    await rawPhase(pool, fixture, s.connections, s.warmupS, prepared);
    const measured = await rawPhase(pool, fixture, s.connections, s.durationS, prepared);
    if (measured.failed > 0) note(`${label}: ${measured.failed} failed transactions`);
    return measured;
  } finally {
    await pool.end();
  }
}

export async function runW1(): Promise<void> {
  const s = settings();
  const atStart = machine();
  const name = `koop_bench_${crypto.randomBytes(6).toString('hex')}`;
  const url = databaseUrl(s.baseUrl, name);
  note(`W1: creating database ${name}`);
  await admin(s.baseUrl, `CREATE DATABASE ${name}`);
  try {
    // The app's pool as deployed (KOOP_DB_POOL_MAX, default 10): the 64 client connections share
    // it and wait for a connection inside the app, as they would in production. On a small
    // machine more server processes than cores mostly add switching between them.
    const appPoolMax = loadConfig({ KOOP_DB_POOL_MAX: process.env.KOOP_DB_POOL_MAX }).dbPoolMax;
    const database = openPostgres(url, appPoolMax);
    let api: Measured;
    let fixture: Fixture;
    try {
      await migrateToLatest(database.db);
      const organisation = await buildOrganisation(database.db, { name: 'Lastmessung e.V.' });
      const user = await buildUser(database.db, organisation, {
        roles: ['counsellor'],
        email: 'lastmessung@example.org',
      });
      fixture = { organisationId: organisation.id, userId: user.id };
      api = await measureApi(database, s, fixture, user.email);
    } finally {
      // Closed before the raw side opens its own pool, so both never hold connections at once.
      await database.close();
    }
    const raw = await measureRaw(url, s, fixture, false);
    const rawPrepared = await measureRaw(url, s, fixture, true);
    emit({
      workload: 'W1',
      database: 'postgres',
      endpoint: 'GET /api/users/:id (Bearer token)',
      connections: s.connections,
      duration_s: s.durationS,
      app_pool_max: appPoolMax,
      throughput_rps: round(api.throughputRps, 1),
      p50_ms: round(api.p50Ms),
      p99_ms: round(api.p99Ms),
      failed_requests: api.failed,
      raw_sql_throughput_rps: round(raw.throughputRps, 1),
      raw_sql_p50_ms: round(raw.p50Ms),
      raw_sql_p99_ms: round(raw.p99Ms),
      raw_sql_failed: raw.failed,
      ratio_to_raw_sql: round(api.throughputRps / raw.throughputRps, 3),
      goal: 'ratio >= 0.60',
      raw_sql_prepared_throughput_rps: round(rawPrepared.throughputRps, 1),
      ratio_to_raw_sql_prepared: round(api.throughputRps / rawPrepared.throughputRps, 3),
      load_generator: loadGenerator,
      node_options: process.env.NODE_OPTIONS ?? '',
      ...atStart,
    });
  } finally {
    await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    note(`W1: dropped database ${name}`);
  }
}
