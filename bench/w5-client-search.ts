import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import { buildApp, type App } from '../src/server/http/app.ts';
import { createMailer } from '../src/server/mail/mailer.ts';
import { parseSearch } from '../src/server/modules/cases/clients.service.ts';
import { buildOrganisation, buildUser, testPassword } from '../test/factories.ts';
import { emit, envNumber, freePort, machine, note, percentile, round } from './util.ts';
import { familyNames, givenNames, languagesByOrigin, searchTermFor, seededRandom } from './w5-synthetic.ts';

/**
 * W5: client search (R-CASE-8) over 1,000,000 synthetic clients of one provider on PostgreSQL,
 * and the caseload view (R-CASE-5) of a counsellor with 300 open cases.
 *
 * The search is measured through the API (GET /api/clients/search, personal API token, one
 * request at a time) and as the same SQL sent straight through `pg` in a transaction with the
 * same row-level-security context: the name search through koop_search_client_names (or the
 * date / case-number query), then the reachable-cases query the endpoint runs for the hits.
 * The difference is the application's own work: authentication, policy, audit row, HTTP, JSON.
 * API latency is reported twice: at the client (fetch in this process) and as server time
 * (Fastify's elapsed time from request to response), which the ratio to raw SQL uses.
 *
 * Data: 1,000,000 clients with one case each, spread over 1,000 counsellors (a caseload of about
 * a thousand clients each, 30 % of the cases open); the searching counsellor is one of them.
 * Tuning: BENCH_W5_CLIENTS (1000000), BENCH_W5_COUNSELLORS (1000), BENCH_W5_QUERIES (400).
 */

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Settings {
  baseUrl: string;
  clients: number;
  counsellors: number;
  queries: number;
}

function settings(): Settings {
  return {
    baseUrl: process.env.BENCH_DATABASE_URL || defaultUrl,
    clients: Math.round(envNumber('BENCH_W5_CLIENTS', 1_000_000)),
    counsellors: Math.round(envNumber('BENCH_W5_COUNSELLORS', 1000)),
    queries: Math.round(envNumber('BENCH_W5_QUERIES', 400)),
  };
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

interface Fixture {
  organisationId: string;
  searcherId: string;
  searcherEmail: string;
  caseloadId: string;
  caseloadEmail: string;
}

/** Generates the data in the database itself (INSERT … SELECT over generate_series). */
async function generate(url: string, s: Settings, fixture: Fixture): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query('SELECT setseed(0.4242)');
    const t0 = performance.now();
    // Other counsellors of the provider; the searcher is one of the caseload owners.
    await client.query(
      `INSERT INTO users (organisation_id, email, display_name, roles, status)
       SELECT $1, 'beratung-' || g || '@lastmessung.example', 'Beratung ' || g, '{counsellor}', 'active'
       FROM generate_series(2, $2::int) g`,
      [fixture.organisationId, s.counsellors],
    );
    const { rows: owners } = await client.query<{ id: string }>(
      `SELECT id FROM users WHERE organisation_id = $1 AND id <> $2 AND 'counsellor' = ANY(roles) ORDER BY email`,
      [fixture.organisationId, fixture.caseloadId],
    );
    const ownerIds = owners.map((o) => o.id);
    if (!ownerIds.includes(fixture.searcherId)) throw new Error('searcher missing among owners');
    // The trigram index is built once after the load: much faster than maintaining it row by row.
    await client.query('DROP INDEX clients_search_idx');
    const spread = s.clients - 300;
    await client.query(
      `INSERT INTO clients (organisation_id, given_name, family_name, pseudonymous, birth_date, gender, citizenship,
                            languages, arrival_year, residence_status_group, created_by)
       SELECT $1,
              CASE WHEN random() < 0.03 THEN NULL ELSE gv[1 + floor(random() * cardinality(gv))::int] END,
              fv[1 + floor(random() * cardinality(fv))::int]
                || CASE WHEN random() < 0.08 THEN '-' || fv[1 + floor(random() * cardinality(fv))::int] ELSE '' END,
              false,
              date '1950-01-01' + floor(random() * 21900)::int,
              (ARRAY['female','male','diverse','not_stated'])[1 + floor(random() * 4)::int],
              (ARRAY['SY','TR','UA','AF','IQ','RO','PL','ER','DE'])[1 + floor(random() * 9)::int],
              (SELECT array_agg(l) FROM jsonb_array_elements_text($4::jsonb -> floor(random() * $5::int)::int) l),
              2000 + floor(random() * 26)::int,
              (ARRAY['permanent','residence_family','residence_humanitarian','temporary_protection','toleration'])[1 + floor(random() * 5)::int],
              $6
       FROM (SELECT $2::text[] AS gv, $3::text[] AS fv) names, generate_series(1, $7::int) g`,
      [
        fixture.organisationId,
        givenNames,
        familyNames,
        JSON.stringify(languagesByOrigin),
        languagesByOrigin.length,
        fixture.searcherId,
        spread,
      ],
    );
    note(`W5: ${spread} clients in ${round((performance.now() - t0) / 1000, 1)} s`);
    await client.query(
      `INSERT INTO cases (organisation_id, client_id, case_number, case_type, service, suggested_service,
                          owner_user_id, status, phase, opened_on, closed_on, closure_reason, created_by)
       SELECT organisation_id, id,
              (2000 + rn / 100000)::text || '-' || lpad((rn % 100000)::text, 5, '0'),
              CASE WHEN rn % 3 = 0 THEN 'short_counselling' ELSE 'case_management' END, 'MBE', 'MBE',
              ($2::uuid[])[1 + (rn % $3::int)],
              CASE WHEN rn % 10 < 3 THEN 'open' ELSE 'closed' END,
              CASE WHEN rn % 3 <> 0 THEN 'implementation' END,
              date '2021-01-01' + (rn % 1500)::int,
              CASE WHEN rn % 10 < 3 THEN NULL ELSE date '2021-01-01' + (rn % 1500)::int + 60 END,
              CASE WHEN rn % 10 < 3 THEN NULL ELSE 'goals_reached' END,
              created_by
       FROM (SELECT c.*, row_number() OVER () AS rn FROM clients c WHERE organisation_id = $1) x`,
      [fixture.organisationId, ownerIds, ownerIds.length],
    );
    note(`W5: cases in ${round((performance.now() - t0) / 1000, 1)} s`);
    await generateCaseload(client, fixture);
    await client.query('CREATE INDEX clients_search_idx ON clients USING gin (search_text gin_trgm_ops)');
    await client.query('VACUUM ANALYZE');
    note(`W5: data ready in ${round((performance.now() - t0) / 1000, 1)} s`);
  } finally {
    await client.end();
  }
}

/** 300 open case-management cases with plans (2 goals, 3 steps each) and 5 contacts each. */
async function generateCaseload(client: pg.Client, fixture: Fixture): Promise<void> {
  await client.query(
    `WITH new_clients AS (
       INSERT INTO clients (organisation_id, given_name, family_name, birth_date, languages, created_by)
       SELECT $1, ($3::text[])[1 + (g % cardinality($3::text[]))], ($4::text[])[1 + (g * 7 % cardinality($4::text[]))],
              date '1960-01-01' + g * 37, '{de}', $2
       FROM generate_series(1, 300) g
       RETURNING id)
     INSERT INTO cases (organisation_id, client_id, case_number, case_type, service, suggested_service,
                        owner_user_id, status, phase, opened_on, next_review_on, created_by)
     SELECT $1, id, '2026-' || lpad(row_number() OVER ()::text, 5, '0'), 'case_management', 'MBE', 'MBE', $2,
            'open', 'implementation', current_date - (row_number() OVER ())::int,
            current_date + ((row_number() OVER ())::int % 40) - 10, $2
     FROM new_clients`,
    [fixture.organisationId, fixture.caseloadId, givenNames, familyNames],
  );
  await client.query(
    `INSERT INTO support_plans (case_id, organisation_id, reason, goal, agreed, agreed_on, agreement_method)
     SELECT id, organisation_id, 'Anlass', 'Ziel', true, opened_on, 'spoken' FROM cases WHERE owner_user_id = $1`,
    [fixture.caseloadId],
  );
  await client.query(
    `INSERT INTO plan_goals (organisation_id, case_id, position, title, status)
     SELECT organisation_id, case_id, p, 'Ziel ' || p, 'open' FROM support_plans, generate_series(0, 1) p
     WHERE case_id IN (SELECT id FROM cases WHERE owner_user_id = $1)`,
    [fixture.caseloadId],
  );
  await client.query(
    `INSERT INTO plan_steps (organisation_id, case_id, goal_id, position, title, responsible, due_on, status)
     SELECT g.organisation_id, g.case_id, g.id, s, 'Schritt ' || s, (ARRAY['client','counsellor','partner'])[s + 1],
            current_date + ((hashtext(g.id::text) % 30) + s * 7), CASE WHEN s = 0 THEN 'done' ELSE 'open' END
     FROM plan_goals g, generate_series(0, 2) s
     WHERE g.case_id IN (SELECT id FROM cases WHERE owner_user_id = $1)`,
    [fixture.caseloadId],
  );
  await client.query(
    `INSERT INTO case_contacts (organisation_id, case_id, starts_at, form, status, duration_minutes, topics)
     SELECT organisation_id, id, now() - make_interval(days => n * 9), 'in_person', 'held', 30, '{work_training}'
     FROM cases, generate_series(1, 5) n WHERE owner_user_id = $1`,
    [fixture.caseloadId],
  );
}

/** Signs in through the API and creates a personal read token, as a user would. */
async function apiToken(origin: string, email: string): Promise<string> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('koop_session='))!;
  const created = await fetch(`${origin}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'Lastmessung W5', scope: 'read' }),
  });
  if (created.status !== 201) throw new Error(`token: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

const nameSql = `SELECT c.id, c.given_name, c.family_name, c.pseudonymous, c.birth_date, c.age_group
  FROM koop_search_client_names($1, $2, $3) WITH ORDINALITY AS s(client_id, score, pos)
  JOIN clients c ON c.id = s.client_id ORDER BY s.pos`;
const exactSql = (
  match: string,
) => `SELECT c.id, c.given_name, c.family_name, c.pseudonymous, c.birth_date, c.age_group
  FROM clients c
  WHERE EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND ${match}
    AND (k.owner_user_id = $2 OR EXISTS (SELECT 1 FROM case_access_grants g
         WHERE g.case_id = k.id AND g.user_id = $2 AND g.expires_at > $3)))
  ORDER BY c.family_name, c.given_name, c.id LIMIT $4`;
const reachableSql = `SELECT k.id, k.client_id, k.case_number, k.status, k.service FROM cases AS k
  WHERE k.client_id = ANY($1::uuid[]) AND (k.owner_user_id = $2 OR EXISTS (
    SELECT g.id FROM case_access_grants AS g WHERE g.case_id = k.id AND g.user_id = $2 AND g.expires_at > $3))
  ORDER BY k.opened_on DESC`;

/** The endpoint's SQL, straight through pg: RLS context, search, reachable cases of the hits. */
async function rawSearch(client: pg.PoolClient, fixture: Fixture, q: string): Promise<number> {
  const now = new Date();
  const parsed = parseSearch(q);
  await client.query('BEGIN');
  try {
    await client.query(
      `SELECT set_config('role', 'koop_app', true), set_config('koop.org_id', $1, true), set_config('koop.user_id', $2, true)`,
      [fixture.organisationId, fixture.searcherId],
    );
    const { rows } = parsed.name
      ? await client.query<{ id: string }>(nameSql, [parsed.name, now, 20])
      : parsed.birthDate
        ? await client.query<{ id: string }>(exactSql('c.birth_date = $1::date'), [
            parsed.birthDate,
            fixture.searcherId,
            now,
            20,
          ])
        : await client.query<{ id: string }>(exactSql('k.case_number = $1'), [
            parsed.caseNumber,
            fixture.searcherId,
            now,
            20,
          ]);
    if (rows.length > 0) await client.query(reachableSql, [rows.map((r) => r.id), fixture.searcherId, now]);
    await client.query('COMMIT');
    return rows.length;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export async function runW5(): Promise<void> {
  const s = settings();
  const atStart = machine();
  const name = `koop_bench_w5_${crypto.randomBytes(6).toString('hex')}`;
  const url = databaseUrl(s.baseUrl, name);
  note(`W5: creating database ${name} with ${s.clients} clients`);
  await admin(s.baseUrl, `CREATE DATABASE ${name}`);
  const database = openPostgres(url, 10);
  let app: App | undefined;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await migrateToLatest(database.db);
    const organisation = await buildOrganisation(database.db, {
      name: 'Lastmessung Migrationsberatung e.V.',
    });
    const searcher = await buildUser(database.db, organisation, {
      roles: ['counsellor'],
      email: 'beratung-1@lastmessung.example',
    });
    const caseloadUser = await buildUser(database.db, organisation, {
      roles: ['counsellor'],
      email: 'fallbestand@lastmessung.example',
    });
    const fixture: Fixture = {
      organisationId: organisation.id,
      searcherId: searcher.id,
      searcherEmail: searcher.email,
      caseloadId: caseloadUser.id,
      caseloadEmail: caseloadUser.email,
    };
    await generate(url, s, fixture);

    const config = loadConfig({
      KOOP_DEMO: '0',
      KOOP_SECRET: 'bench-secret',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    app = await buildApp(
      { db: database.db, config, mailer: createMailer(undefined, config.mailFrom), now: () => new Date() },
      { logger: false },
    );
    const serverMs = new Map<string, number>();
    app.addHook('onResponse', (request, reply, done) => {
      serverMs.set(request.id, reply.elapsedTime);
      done();
    });
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${port}`;

    // What the counsellor types, drawn from their own clients (and some that match nobody).
    const { rows: own } = await pool.query<{
      given_name: string | null;
      family_name: string;
      birth_date: string;
      case_number: string;
    }>(
      `SELECT c.given_name, c.family_name, c.birth_date::text, k.case_number FROM cases k JOIN clients c ON c.id = k.client_id
       WHERE k.owner_user_id = $1 ORDER BY k.case_number`,
      [searcher.id],
    );
    const random = seededRandom(5);
    const queries = Array.from({ length: s.queries }, () =>
      searchTermFor(random, own[Math.floor(random() * own.length)]!),
    );
    note(`W5: searcher's caseload ${own.length} clients; ${queries.length} queries`);

    const token = await apiToken(origin, searcher.email);
    const headers = { authorization: `Bearer ${token}` };
    const apiSearch = async (q: string) => {
      const t0 = performance.now();
      const response = await fetch(`${origin}/api/clients/search?q=${encodeURIComponent(q)}`, { headers });
      const body = (await response.json()) as { total: number };
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`search ${q}: ${response.status} ${JSON.stringify(body)}`);
      return {
        ms,
        hits: body.total,
        server: serverMs.get(response.headers.get('x-request-id') ?? '') ?? Number.NaN,
      };
    };
    const rawClient = await pool.connect();
    try {
      note('W5: warm-up');
      for (const { q } of queries) {
        await apiSearch(q);
        await rawSearch(rawClient, fixture, q);
      }
      const api: number[] = [];
      const apiServer: number[] = [];
      const raw: number[] = [];
      let hits = 0;
      let misses = 0;
      for (const { q } of queries) {
        const a = await apiSearch(q);
        api.push(a.ms);
        apiServer.push(a.server);
        const t0 = performance.now();
        const n = await rawSearch(rawClient, fixture, q);
        raw.push(performance.now() - t0);
        if (n !== a.hits) throw new Error(`API and SQL disagree for "${q}": ${a.hits} vs ${n}`);
        if (n > 0) hits++;
        else misses++;
      }
      const a = stats(api);
      const r = stats(raw);
      const kinds = Object.fromEntries(
        [...new Set(queries.map((x) => x.kind))].map((k) => [k, queries.filter((x) => x.kind === k).length]),
      );
      emit({
        workload: 'W5',
        measure: 'client_search',
        database: 'postgres',
        endpoint: 'GET /api/clients/search (Bearer token, sequential)',
        clients: s.clients,
        counsellors: s.counsellors,
        searcher_caseload: own.length,
        queries: queries.length,
        query_kinds: kinds,
        queries_with_hits: hits,
        queries_without_hits: misses,
        api_p50_ms: a.p50,
        api_p95_ms: a.p95,
        api_p99_ms: a.p99,
        api_max_ms: a.max,
        api_server_p50_ms: stats(apiServer).p50,
        api_server_p95_ms: stats(apiServer).p95,
        raw_sql_p50_ms: r.p50,
        raw_sql_p95_ms: r.p95,
        raw_sql_p99_ms: r.p99,
        // Server time (Fastify, request received → response sent) against the SQL alone; the
        // client-side figure also holds the load generator's own HTTP client in this process.
        ratio_p95_server_to_raw_sql: round(stats(apiServer).p95 / r.p95, 3),
        ratio_p95_client_to_raw_sql: round(a.p95 / r.p95, 3),
        goal: 'api_p95_ms < 50 and ratio_p95_server_to_raw_sql <= 1.2',
        ...atStart,
      });

      // The caseload of a counsellor with 300 open cases, plans and contacts.
      const caseloadToken = await apiToken(origin, fixture.caseloadEmail);
      const caseload = async () => {
        const t0 = performance.now();
        const response = await fetch(`${origin}/api/caseload`, {
          headers: { authorization: `Bearer ${caseloadToken}` },
        });
        const body = (await response.json()) as { openCases: unknown[]; dueSteps: unknown[] };
        if (response.status !== 200 || body.openCases.length !== 300)
          throw new Error(`caseload: ${response.status}`);
        return {
          ms: performance.now() - t0,
          server: serverMs.get(response.headers.get('x-request-id') ?? '') ?? Number.NaN,
          due: body.dueSteps.length,
        };
      };
      for (let i = 0; i < 20; i++) await caseload();
      const client: number[] = [];
      const server: number[] = [];
      let due = 0;
      for (let i = 0; i < 200; i++) {
        const c = await caseload();
        client.push(c.ms);
        server.push(c.server);
        due = c.due;
      }
      const cs = stats(client);
      const ss = stats(server);
      emit({
        workload: 'W5',
        measure: 'caseload_view',
        database: 'postgres',
        endpoint: 'GET /api/caseload (Bearer token, sequential)',
        open_cases: 300,
        due_steps_listed: due,
        requests: client.length,
        server_p50_ms: ss.p50,
        server_p95_ms: ss.p95,
        server_max_ms: ss.max,
        client_p50_ms: cs.p50,
        client_p95_ms: cs.p95,
        goal: 'server_p95_ms < 100',
        ...atStart,
      });
    } finally {
      rawClient.release();
    }
  } finally {
    await app?.close();
    await pool.end();
    await database.close();
    await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    note(`W5: dropped database ${name}`);
  }
}
