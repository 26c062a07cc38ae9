import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openPostgres, type Db } from '../src/server/db/database.ts';
import { buildApp, type App } from '../src/server/http/app.ts';
import { createMailer } from '../src/server/mail/mailer.ts';
import type { PublicSearchQuery } from '../src/server/modules/directory/directory.schemas.ts';
import { publicSearchStatement } from '../src/server/modules/directory/search.repository.ts';
import { searchParamsFor } from '../src/server/modules/directory/search.service.ts';
import { emit, envNumber, freePort, machine, note, percentile, round } from './util.ts';

/**
 * W6: the public search (GET /api/public/offices) on PostgreSQL at national scale — 2,000 offices
 * (about 1,400 MBE and 450 JMD sites, the rest both) with 20,000 weekly schedule entries — against
 * the same SQL sent straight through `pg`: the transaction the request runs (role and tenant
 * settings, the search statement, the language fallback where it applies), nothing else.
 * Goal: p95 under 20 ms.
 */

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Settings {
  baseUrl: string;
  offices: number;
  hoursPerOffice: number;
  concurrency: number;
  requests: number;
  warmup: number;
}

export function settings(): Settings {
  return {
    baseUrl: process.env.BENCH_DATABASE_URL || defaultUrl,
    offices: Math.round(envNumber('BENCH_W6_OFFICES', 2000)),
    hoursPerOffice: Math.round(envNumber('BENCH_W6_HOURS_PER_OFFICE', 10)),
    concurrency: Math.round(envNumber('BENCH_W6_CONCURRENCY', 8)),
    requests: Math.round(envNumber('BENCH_W6_REQUESTS', 2000)),
    warmup: Math.round(envNumber('BENCH_W6_WARMUP', 500)),
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

/** A deterministic pseudo-random sequence, so every run loads the same directory. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const languagePool = [
  'en',
  'ar',
  'tr',
  'ru',
  'uk',
  'fa',
  'prs',
  'pl',
  'ro',
  'bg',
  'ku',
  'fr',
  'es',
  'ti',
  'so',
];
const syllables = [
  'al',
  'ber',
  'dorf',
  'en',
  'feld',
  'hau',
  'kir',
  'lin',
  'mar',
  'nau',
  'ro',
  'sen',
  'tal',
  'wei',
];
/** 500 distinct town names made of letters only, as real ones are. */
const towns = Array.from({ length: 500 }, (_, i) => {
  const a = syllables[i % syllables.length]!;
  const b = syllables[Math.floor(i / syllables.length) % syllables.length]!;
  const c = syllables[Math.floor(i / syllables.length ** 2) % syllables.length]!;
  return `${a.charAt(0).toUpperCase()}${a.slice(1)}${b}${c}heim`;
});

interface Loaded {
  postcodes: string[];
  towns: string[];
  points: [number, number][];
}

async function insertRows(client: pg.PoolClient, table: string, columns: string[], rows: unknown[][]) {
  const batch = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const values = chunk
      .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

/** Loads providers, partner authorities, offices, contacts, weekly hours and exceptions as the owner (no RLS). */
export async function loadDirectory(url: string, s: Settings): Promise<Loaded> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const providers = Array.from({ length: Math.max(1, Math.round(s.offices / 10)) }, (_, i) => [
      crypto.randomUUID(),
      `Träger ${i + 1} e.V.`,
      'welfare_provider',
      ['MBE', 'JMD'],
      pick(['AWO', 'Caritas', 'Diakonie', 'DRK', 'Paritätischer', 'ZWST']),
    ]);
    const authorities = Array.from({ length: 100 }, (_, i) => [
      crypto.randomUUID(),
      `Ausländerbehörde ${i + 1}`,
      'abh',
      [],
      null,
    ]);
    await insertRows(
      client,
      'organisations',
      ['id', 'name', 'kind', 'services', 'umbrella'],
      [...providers, ...authorities],
    );

    const postcodes: string[] = [];
    const points: [number, number][] = [];
    const offices: unknown[][] = [];
    for (let i = 0; i < s.offices; i++) {
      const postcode = String(1067 + Math.floor((i * 98_000) / s.offices)).padStart(5, '0');
      const lat = 47.3 + rnd() * 7.7;
      const lon = 6 + rnd() * 9;
      const services = i < s.offices * 0.7 ? ['MBE'] : i < s.offices * 0.925 ? ['JMD'] : ['MBE', 'JMD'];
      const town = towns[i % towns.length]!;
      const catchment = [0, 1, 2, 3, 4].map((k) => String(Number(postcode) + k).padStart(5, '0'));
      postcodes.push(...catchment);
      points.push([lat, lon]);
      offices.push([
        crypto.randomUUID(),
        providers[i % providers.length]![0],
        `Beratungsstelle ${i + 1}`,
        `Hauptstraße ${(i % 120) + 1}`,
        postcode,
        town,
        `0${100 + (i % 900)} ${100000 + i}`,
        services,
        lat,
        lon,
        ['de', ...new Set([pick(languagePool), pick(languagePool), pick(languagePool)])],
        'Stufenloser Zugang',
        JSON.stringify([{ platform: 'mbeon', url: 'https://www.mbeon.de', label: 'mbeon' }]),
        catchment,
        [town, towns[(i + 1) % towns.length]!],
      ]);
    }
    await insertRows(
      client,
      'offices',
      [
        'id',
        'organisation_id',
        'name',
        'street',
        'postcode',
        'city',
        'phone',
        'services',
        'latitude',
        'longitude',
        'languages',
        'accessibility',
        'online_links',
        'catchment_postcodes',
        'catchment_municipalities',
      ],
      offices,
    );

    const hours: unknown[][] = [];
    const contacts: unknown[][] = [];
    const exceptions: unknown[][] = [];
    const slots = [
      ['09:00', '12:00'],
      ['13:00', '16:00'],
    ];
    for (const office of offices) {
      const [officeId, organisationId] = office as [string, string];
      for (let h = 0; h < s.hoursPerOffice; h++) {
        const weekday = (h % 5) + 1;
        const [opens, closes] = slots[Math.floor(h / 5) % 2]!;
        const inPartner = h === s.hoursPerOffice - 1 && rnd() < 0.3;
        hours.push([
          organisationId,
          officeId,
          h,
          Math.floor(h / 5) % 2 === 0 ? 'counselling' : 'opening',
          weekday,
          opens,
          closes,
          inPartner ? pick(authorities)[0] : null,
          inPartner ? 'Raum 0.14' : null,
        ]);
      }
      contacts.push([organisationId, officeId, 0, 'Beratung MBE', null, false, '0123 456789']);
      contacts.push([organisationId, officeId, 1, 'Leitung', 'Name Öffentlich', true, '0123 456780']);
      exceptions.push([organisationId, officeId, 'holiday', '2026-12-25', '2026-12-26', 'Weihnachten']);
    }
    await insertRows(
      client,
      'office_hours',
      [
        'organisation_id',
        'office_id',
        'position',
        'kind',
        'weekday',
        'opens_at',
        'closes_at',
        'partner_organisation_id',
        'room',
      ],
      hours,
    );
    await insertRows(
      client,
      'office_contacts',
      ['organisation_id', 'office_id', 'position', 'function_title', 'name', 'name_public', 'phone'],
      contacts,
    );
    await insertRows(
      client,
      'office_hour_exceptions',
      ['organisation_id', 'office_id', 'kind', 'starts_on', 'ends_on', 'note'],
      exceptions,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const counts = await client.query<{ offices: number; hours: number }>(
      'SELECT (SELECT count(*) FROM offices)::int AS offices, (SELECT count(*) FROM office_hours)::int AS hours',
    );
    note(`W6: loaded ${counts.rows[0]!.offices} offices and ${counts.rows[0]!.hours} schedule entries`);
    return { postcodes, towns, points };
  } finally {
    client.release();
    await pool.end();
  }
}

/** The query mix: postcodes, towns and browser coordinates, half with a language, half with an age. */
export function queries(loaded: Loaded, count: number): PublicSearchQuery[] {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, () => {
    const r = rnd();
    const base: PublicSearchQuery =
      r < 0.6
        ? { q: pick(loaded.postcodes), limit: 20 }
        : r < 0.8
          ? { q: pick(loaded.towns), limit: 20 }
          : (() => {
              const [lat, lon] = pick(loaded.points);
              return { lat: lat + 0.01, lon: lon - 0.01, limit: 20 };
            })();
    if (rnd() < 0.5) base.language = pick(['ar', 'uk', 'tr', 'fa', 'ru']);
    if (rnd() < 0.5) base.age = Math.floor(12 + rnd() * 60);
    return base;
  });
}

function queryString(q: PublicSearchQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

interface Measured {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  throughputRps: number;
  failed: number;
}

async function run(
  work: readonly PublicSearchQuery[],
  concurrency: number,
  once: (q: PublicSearchQuery) => Promise<void>,
): Promise<Measured> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const q = work[next++]!;
        const t0 = performance.now();
        try {
          await once(q);
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
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    throughputRps: latencies.length / elapsedS,
    failed,
  };
}

/** Measures each phase in turn: warm-up, then the timed requests at the phase's concurrency. */
async function phases(
  label: string,
  levels: readonly number[],
  work: readonly PublicSearchQuery[],
  warmup: readonly PublicSearchQuery[],
  once: (q: PublicSearchQuery) => Promise<void>,
): Promise<Measured[]> {
  const results: Measured[] = [];
  for (const concurrency of levels) {
    note(
      `${label}: warm-up ${warmup.length}, then ${work.length} requests with ${concurrency} concurrent clients`,
    );
    await run(warmup, concurrency, once);
    results.push(await run(work, concurrency, once));
  }
  return results;
}

async function measureApi(
  db: Db,
  levels: readonly number[],
  work: PublicSearchQuery[],
  warmup: PublicSearchQuery[],
) {
  const config = loadConfig({
    KOOP_DEMO: '0',
    KOOP_SECRET: 'bench-secret',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KOOP_PUBLIC_RATE_LIMIT: String(1_000_000_000),
  });
  let app: App | undefined;
  try {
    app = await buildApp(
      { db, config, mailer: createMailer(undefined, config.mailFrom), now: () => new Date() },
      { logger: false },
    );
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${port}`;
    let results = 0;
    let answers = 0;
    const once = async (q: PublicSearchQuery) => {
      const response = await fetch(`${origin}/api/public/offices?${queryString(q)}`);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      results += ((await response.json()) as { items: unknown[] }).items.length;
      answers++;
    };
    const measured = await phases('API', levels, work, warmup, once);
    note(`API: ${(results / answers).toFixed(1)} offices per answer on average`);
    return measured;
  } finally {
    await app?.close();
  }
}

/** The floor: the same transaction through `pg` — tenant settings, the search, the fallback. */
async function measureRaw(
  url: string,
  db: Db,
  levels: readonly number[],
  work: PublicSearchQuery[],
  warmup: PublicSearchQuery[],
) {
  const pool = new pg.Pool({ connectionString: url, max: Math.max(...levels) });
  const now = new Date();
  const once = async (q: PublicSearchQuery) => {
    const params = searchParamsFor(q, now);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('role', 'koop_app', true), set_config('koop.org_id', '', true),
                set_config('koop.user_id', '', true), set_config('koop.all_orgs', 'off', true)`,
      );
      const statement = publicSearchStatement(params).compile(db);
      const { rows } = await client.query(statement.sql, statement.parameters as unknown[]);
      if (rows.length === 0 && params.language !== null) {
        const fallback = publicSearchStatement(params, false).compile(db);
        await client.query(fallback.sql, fallback.parameters as unknown[]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  try {
    return await phases('raw SQL', levels, work, warmup, once);
  } finally {
    await pool.end();
  }
}

export async function runW6(): Promise<void> {
  const s = settings();
  const atStart = machine();
  const levels = [...new Set([1, s.concurrency])];
  const name = `koop_bench_${crypto.randomBytes(6).toString('hex')}`;
  const url = databaseUrl(s.baseUrl, name);
  note(`W6: creating database ${name}`);
  await admin(s.baseUrl, `CREATE DATABASE ${name}`);
  try {
    const database = openPostgres(url, s.concurrency);
    let api: Measured[];
    let raw: Measured[];
    try {
      await migrateToLatest(database.db);
      const loaded = await loadDirectory(url, s);
      const work = queries(loaded, s.requests);
      const warmup = queries(loaded, s.warmup);
      api = await measureApi(database.db, levels, work, warmup);
      raw = await measureRaw(url, database.db, levels, work, warmup);
    } finally {
      await database.close();
    }
    levels.forEach((concurrency, i) => {
      const a = api[i]!;
      const r = raw[i]!;
      emit({
        workload: 'W6',
        database: 'postgres',
        endpoint: 'GET /api/public/offices',
        offices: s.offices,
        schedule_entries: s.offices * s.hoursPerOffice,
        concurrency,
        requests: s.requests,
        p50_ms: round(a.p50Ms),
        p95_ms: round(a.p95Ms),
        p99_ms: round(a.p99Ms),
        throughput_rps: round(a.throughputRps, 1),
        failed_requests: a.failed,
        raw_sql_p50_ms: round(r.p50Ms),
        raw_sql_p95_ms: round(r.p95Ms),
        raw_sql_p99_ms: round(r.p99Ms),
        raw_sql_throughput_rps: round(r.throughputRps, 1),
        raw_sql_failed: r.failed,
        p95_ratio_to_raw_sql: round(a.p95Ms / r.p95Ms, 2),
        throughput_ratio_to_raw_sql: round(a.throughputRps / r.throughputRps, 3),
        goal: 'p95_ms < 20',
        goal_met: a.p95Ms < 20,
        ...atStart,
      });
    });
  } finally {
    await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    note(`W6: dropped database ${name}`);
  }
}
