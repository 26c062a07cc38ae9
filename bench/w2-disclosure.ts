import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openPostgres, type Database } from '../src/server/db/database.ts';
import { documentLanguages, type DocumentLanguage } from '../src/server/documents/languages.ts';
import type { App } from '../src/server/http/app.ts';
import { addDays } from '../src/server/modules/cases/cases.rules.ts';
import { berlinToday } from '../src/server/modules/directory/schedule.ts';
import { renderClientCopy, type ClientCopyData } from '../src/server/modules/exchange/exchange.pdf.ts';
import { buildOffice, buildOrganisation, buildUser, testPassword } from '../test/factories.ts';
import { emit, envNumber, listenBenchApp, machine, note, percentile, round } from './util.ts';

/**
 * W2: sending a disclosure — POST /api/cases/:id/disclosures as a counsellor's browser sends it
 * (session cookie and CSRF token): the consent check under the locked consent row, the thread,
 * the message, the client's copy rendered as a bilingual PDF (`renderClientCopy`), the consent's
 * use and the audit row, all in one transaction — against rendering the same copies alone, in
 * the same process, on a fresh PostgreSQL database. Goal: the whole send reaches at least 80 %
 * of the PDF-only throughput.
 *
 * The world is built through the API: a Jobcenter's administrator creates a team, a counsellor
 * registers BENCH_W2_CASES clients with a case each and records an on-screen consent per case
 * (repeated, valid from today for six months), so every send is allowed and concurrent sends
 * rarely wait for the same consent row. Each load connection starts at another case and goes
 * round-robin over all of them; the body has two sections of a few hundred characters with a
 * reference that autocannon makes fresh for every request (`idReplacement`), so every copy is a
 * document of its own, as in use. Typst keeps what it laid out in one compiler per process and
 * reuses it for a document it has seen: copies that repeat (BENCH_W2_DISTINCT=0: the same
 * document per case) measure that reuse instead of rendering.
 *
 * In a send the copy is set on the render thread (documents/typst.ts) while the event loop does
 * the rest; one thread renders one copy at a time. The PDF-only side therefore renders one copy
 * after another in-process (renders per second, the rate one thread sets copies), over
 * the same data, case by case, with the send time of the moment and a fresh reference of the same
 * form — what the send renders —, half of its time before the sends and half after. The HTTP load
 * comes from autocannon in a worker thread, as in W1 without wrk; its requests differ per case,
 * which wrk could only send through a script.
 */

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Settings {
  baseUrl: string;
  cases: number;
  connections: number;
  durationS: number;
  warmupS: number;
  language: DocumentLanguage;
  /** Every send's copy a document of its own (default), or the cases' documents over and over. */
  distinct: boolean;
}

function settings(): Settings {
  const language = process.env.BENCH_W2_LANGUAGE || 'ar';
  if (!(documentLanguages as readonly string[]).includes(language))
    throw new Error(`BENCH_W2_LANGUAGE must be one of ${documentLanguages.join(', ')}, got ${language}`);
  return {
    baseUrl: process.env.BENCH_DATABASE_URL || defaultUrl,
    cases: Math.round(envNumber('BENCH_W2_CASES', 50)),
    connections: Math.round(envNumber('BENCH_W2_CONNECTIONS', 16)),
    durationS: envNumber('BENCH_DURATION_S', 10),
    warmupS: envNumber('BENCH_WARMUP_S', 2),
    language: language as DocumentLanguage,
    distinct: process.env.BENCH_W2_DISTINCT !== '0',
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

// ---------------------------------------------------------------------------------------------
// What is sent

const purpose = 'integration_jobcenter';
const purposeText = 'Abstimmung der Unterstützung bei der Arbeitssuche und der Anerkennung';
const kind = 'assessment_result';
const subject = 'Ergebnis der Kompetenzanalyse';
/**
 * The two sections, a few hundred characters each, with the note's reference in both: distinct
 * per send by default, as every real disclosure says something of its own.
 */
function sectionsWith(reference: string): ClientCopyData['sections'] {
  return [
    {
      category: 'language_courses',
      text:
        `Vermerk ${reference}: Integrationskurs mit dem Deutsch-Test für Zuwanderer auf Niveau B1 ` +
        'abgeschlossen (Zertifikat liegt vor). Seit März besucht sie einen Berufssprachkurs B2 mit ' +
        'Schwerpunkt Pflege an drei Vormittagen in der Woche; die Kursleitung bescheinigt regelmäßige ' +
        'Teilnahme und gute Fortschritte im mündlichen Ausdruck. Prüfung voraussichtlich im Herbst.',
    },
    {
      category: 'analysis_results',
      text:
        'Kompetenzanalyse vom Februar: mehrjährige Berufserfahrung als Pflegehelferin im ' +
        'Herkunftsland, sicherer Umgang mit Patientinnen und Angehörigen, Grundkenntnisse in ' +
        'Dokumentation am Computer. Bedarf: Anerkennung der Ausbildung (Antrag bei der ' +
        `Anerkennungsstelle gestellt), Kinderbetreuung am Nachmittag, Bewerbungsunterlagen (${reference}).`,
    },
  ];
}

/** Where autocannon puts a fresh id into each request's body (`idReplacement`). */
const idPlaceholder = '[<id>]';

let idCounter = 0;

/** A reference shaped like autocannon's ids (hyperid, URL-safe, fixed length: 33 characters). */
function freshReference(): string {
  return `${crypto.randomBytes(16).toString('base64url').slice(0, 22)}-${String(idCounter++).padStart(10, '0')}`;
}

/** The reference of a case's notes when documents repeat (BENCH_W2_DISTINCT=0). */
const repeatedReference = (index: number) => `B-${String(index).padStart(4, '0')}`;

const consentCategories = ['identity_contact', 'language_courses', 'analysis_results', 'plan_goals'];

const givenNames = [
  'Amina',
  'Oksana',
  'Yusuf',
  'Fatima',
  'Dmytro',
  'Leyla',
  'Samir',
  'Olena',
  'Reza',
  'Mariam',
];
const familyNames = ['Haddad', 'Bondarenko', 'Yilmaz', 'Rahimi', 'Kovalenko', 'Nasser', 'Karimi', 'Aziz'];

interface CaseFixture {
  index: number;
  caseId: string;
  consentId: string;
  clientName: string;
  birthDate: string;
}

interface Fixture {
  providerName: string;
  officeName: string;
  partnerName: string;
  teamName: string;
  sender: { name: string; email: string };
  validUntil: string;
  cases: CaseFixture[];
}

function sendBody(c: CaseFixture, reference: string): string {
  return JSON.stringify({
    consentId: c.consentId,
    purpose,
    kind,
    subject,
    sections: sectionsWith(reference),
  });
}

/** The client's copy as `disclose` renders it for this case. */
function copyData(
  f: Fixture,
  c: CaseFixture,
  language: DocumentLanguage,
  reference: string,
  sentAt: Date,
): ClientCopyData {
  return {
    language,
    client: { name: c.clientName, birthDate: c.birthDate },
    provider: { name: f.providerName, dataProtectionLaw: null, state: null },
    sender: { name: f.sender.name, office: f.officeName, phone: null, email: f.sender.email },
    recipient: { organisationName: f.partnerName, teamName: f.teamName },
    sentAt: sentAt.toISOString(),
    kind,
    subject,
    sections: sectionsWith(reference),
    consent: {
      purpose: {
        code: purpose,
        label: {
          de: 'Abstimmung mit dem Jobcenter zur Integration',
          en: 'Coordination with the Jobcenter on integration',
        },
        text: purposeText,
      },
      validUntil: f.validUntil,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Building the world through the API

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(origin: string, email: string): Promise<Session> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  if (login.status !== 200) throw new Error(`sign-in: HTTP ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('koop_session='));
  if (!cookie) throw new Error('sign-in returned no session cookie');
  return { cookie, csrfToken };
}

function sessionHeaders(session: Session): Record<string, string> {
  return {
    'content-type': 'application/json',
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
  };
}

async function post<T>(origin: string, session: Session, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: sessionHeaders(session),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function buildWorld(
  database: Database,
  origin: string,
  s: Settings,
): Promise<{ fixture: Fixture; counsellor: Session }> {
  const db = database.db;
  const providerName = 'Migrationsberatung Lastmessung e.V.';
  const officeName = 'Beratungsstelle Mitte';
  const partnerName = 'Jobcenter Lastmessung';
  const teamName = 'Team Integration';
  const provider = await buildOrganisation(db, { kind: 'welfare_provider', name: providerName });
  const office = await buildOffice(db, provider, { name: officeName });
  const jobcenter = await buildOrganisation(db, { kind: 'jobcenter', name: partnerName });
  const sender = { name: 'Miriam Sander', email: 'beratung.lastmessung@example.org' };
  await buildUser(db, provider, { roles: ['counsellor'], email: sender.email, displayName: sender.name });
  const jcStaff = await buildUser(db, jobcenter, { roles: ['partner_staff'] });
  const jcAdmin = await buildUser(db, jobcenter, {
    roles: ['org_admin'],
    email: 'verwaltung.lastmessung@example.org',
  });

  const counsellor = await signIn(origin, sender.email);
  const partnerAdmin = await signIn(origin, jcAdmin.email);
  const team = await post<{ id: string }>(origin, partnerAdmin, `/api/organisations/${jobcenter.id}/teams`, {
    name: teamName,
    phone: '0123 4569-310',
    memberIds: [jcStaff.id],
  });

  const today = berlinToday(new Date());
  const validUntil = addDays(today, 180);
  const cases: CaseFixture[] = [];
  for (let i = 0; i < s.cases; i++) {
    const givenName = givenNames[i % givenNames.length]!;
    const familyName = familyNames[Math.floor(i / givenNames.length) % familyNames.length]!;
    const birthDate = `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`;
    const created = await post<{ caseId: string }>(origin, counsellor, '/api/clients', {
      givenName,
      familyName,
      birthDate,
      gender: 'female',
      languages: [s.language, 'de'],
      phone: '0151 2345678',
      case: { caseType: 'case_management', service: 'MBE', wayIn: 'jobcenter', officeId: office.id },
    });
    const consent = await post<{ id: string }>(origin, counsellor, `/api/cases/${created.caseId}/consents`, {
      recipientTeamId: team.id,
      purpose,
      purposeText,
      categories: consentCategories,
      direction: 'both',
      repetition: 'repeated',
      validFrom: today,
      validUntil,
      language: s.language,
      form: 'on_screen',
    });
    cases.push({
      index: i,
      caseId: created.caseId,
      consentId: consent.id,
      clientName: `${givenName} ${familyName}`,
      birthDate,
    });
  }
  return {
    fixture: { providerName, officeName, partnerName, teamName, sender, validUntil, cases },
    counsellor,
  };
}

// ---------------------------------------------------------------------------------------------
// The HTTP load: autocannon in a worker thread

interface Measured {
  throughputRps: number;
  p50Ms: number;
  p95Ms: number;
  completed: number;
  failed: number;
}

interface LoadResult {
  ok: number;
  durationS: number;
  failed: number;
  latencies: number[];
  statusCodes: Record<string, number>;
}

/**
 * Runs in the worker thread: every connection starts at another case (spread evenly over them)
 * and then goes round-robin through all of them; latencies of the 201 answers are kept whole,
 * so p95 is exact.
 */
const loadScript = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const { url, headers, requests, idReplacement, connections, duration } = workerData;
let next = 0;
const latencies = [];
const instance = autocannon(
  {
    url,
    method: 'POST',
    headers,
    connections,
    duration,
    requests,
    idReplacement,
    setupClient(client) {
      const start = Math.floor((next++ * requests.length) / connections) % requests.length;
      client.setRequests([...requests.slice(start), ...requests.slice(0, start)]);
    },
  },
  (error, result) => {
    if (error) throw error;
    const statusCodes = {};
    for (const [code, stats] of Object.entries(result.statusCodeStats)) statusCodes[code] = stats.count;
    parentPort.postMessage({
      ok: result['2xx'],
      durationS: result.duration,
      failed: result.non2xx + result.errors + result.timeouts,
      latencies,
      statusCodes,
    });
  },
);
instance.on('response', (_client, statusCode, _bytes, ms) => {
  if (statusCode === 201) latencies.push(ms);
});
`;

const autocannonPath = createRequire(import.meta.url).resolve('autocannon');

function load(
  origin: string,
  session: Session,
  fixture: Fixture,
  s: Settings,
  durationS: number,
): Promise<LoadResult> {
  const requests = fixture.cases.map((c) => ({
    method: 'POST',
    path: `/api/cases/${c.caseId}/disclosures`,
    body: sendBody(c, s.distinct ? idPlaceholder : repeatedReference(c.index)),
  }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(loadScript, {
      eval: true,
      workerData: {
        autocannon: autocannonPath,
        url: origin,
        headers: sessionHeaders(session),
        requests,
        idReplacement: s.distinct,
        connections: s.connections,
        duration: durationS,
      },
    });
    let result: LoadResult | undefined;
    worker.once('message', (message: LoadResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

function measured(result: LoadResult): Measured {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    throughputRps: result.ok / result.durationS,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    completed: result.ok,
    failed: result.failed,
  };
}

async function countCopies(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('client_copies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface SendSide {
  send: Measured;
  eventLoopUtilization: number;
  statusCodes: Record<string, number>;
  sentPdfBytes: number;
  /** The same copy rendered alone, with another reference of the same length. */
  alonePdfBytes: number;
  pdfBefore: Renders;
  fixture: Fixture;
}

async function measureSends(database: Database, s: Settings): Promise<SendSide> {
  let app: App | undefined;
  try {
    const listening = await listenBenchApp(database);
    app = listening.app;
    const origin = listening.origin;
    note(`W2: ${s.cases} clients with a case and a consent each, through the API`);
    const started = performance.now();
    const { fixture, counsellor } = await buildWorld(database, origin, s);
    note(`W2: world built in ${round((performance.now() - started) / 1000, 1)} s`);

    // One send checked by hand: answered 201 with its copy, whose PDF the PDF-only side matches.
    const first = fixture.cases[0]!;
    const sent = await post<{ copyId: string }>(
      origin,
      counsellor,
      `/api/cases/${first.caseId}/disclosures`,
      sendBody(first, referenceFor(s, first)),
    );
    const copy = await database.db
      .selectFrom('client_copies')
      .select((eb) => eb.fn<number>('octet_length', ['pdf']).as('bytes'))
      .where('id', '=', sent.copyId)
      .executeTakeFirstOrThrow();

    const alonePdfBytes = renderClientCopy(
      copyData(fixture, first, s.language, referenceFor(s, first), new Date()),
    ).length;
    // Half of the PDF-only time before the sends and half after, so a machine that gets busier
    // or quieter meanwhile weighs on both sides alike; the app is idle while it renders.
    note(`PDF only: warm-up ${s.warmupS} s, then ${s.durationS / 2} s of renderClientCopy one after another`);
    renderPhase(fixture, s, s.warmupS);
    const pdfBefore = renderPhase(fixture, s, s.durationS / 2);

    note(
      `send: warm-up ${s.warmupS} s, then ${s.durationS} s with ${s.connections} connections over ${s.cases} cases (autocannon, worker thread)`,
    );
    await load(origin, counsellor, fixture, s, s.warmupS);
    const before = await countCopies(database);
    const elu = performance.eventLoopUtilization();
    const result = await load(origin, counsellor, fixture, s, s.durationS);
    const eventLoopUtilization = performance.eventLoopUtilization(elu).utilization;
    const copies = (await countCopies(database)) - before;
    note(`send: ${copies} client copies written in the measured phase, ${result.ok} answered 201`);
    if (result.failed > 0)
      note(`send: ${result.failed} failed requests: ${JSON.stringify(result.statusCodes)}`);
    return {
      send: measured(result),
      eventLoopUtilization,
      statusCodes: result.statusCodes,
      sentPdfBytes: Number(copy.bytes),
      alonePdfBytes,
      pdfBefore,
      fixture,
    };
  } finally {
    await app?.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The PDF alone

/** A copy's reference: fresh for every document, or the case's own when documents repeat. */
function referenceFor(s: Settings, c: CaseFixture): string {
  return s.distinct ? freshReference() : repeatedReference(c.index);
}

interface Renders {
  latencies: number[];
  elapsedS: number;
}

/** Renders the cases' copies one after another, round-robin, for `durationS` seconds. */
function renderPhase(fixture: Fixture, s: Settings, durationS: number): Renders {
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + durationS * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const c = fixture.cases[i % fixture.cases.length]!;
    const t0 = performance.now();
    renderClientCopy(copyData(fixture, c, s.language, referenceFor(s, c), new Date()));
    latencies.push(performance.now() - t0);
  }
  return { latencies, elapsedS: (performance.now() - start) / 1000 };
}

function rendered(...phases: Renders[]): Measured {
  const latencies = phases.flatMap((p) => p.latencies).sort((a, b) => a - b);
  return {
    throughputRps: latencies.length / phases.reduce((sum, p) => sum + p.elapsedS, 0),
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    completed: latencies.length,
    failed: 0,
  };
}

export async function runW2(): Promise<void> {
  const s = settings();
  const atStart = machine();
  const name = `koop_bench_${crypto.randomBytes(6).toString('hex')}`;
  const url = databaseUrl(s.baseUrl, name);
  note(`W2: creating database ${name}`);
  await admin(s.baseUrl, `CREATE DATABASE ${name}`);
  try {
    const appPoolMax = loadConfig({ KOOP_DB_POOL_MAX: process.env.KOOP_DB_POOL_MAX }).dbPoolMax;
    const database = openPostgres(url, appPoolMax);
    let sends: SendSide;
    try {
      await migrateToLatest(database.db);
      sends = await measureSends(database, s);
    } finally {
      // Closed before the second half of the PDF-only side, so nothing else runs in the process.
      await database.close();
    }
    note(`PDF only: ${s.durationS / 2} s more of renderClientCopy one after another`);
    const pdfAfter = renderPhase(sends.fixture, s, s.durationS / 2);
    const pdf = rendered(sends.pdfBefore, pdfAfter);
    const pdfBytes = sends.alonePdfBytes;
    if (Math.abs(pdfBytes - sends.sentPdfBytes) > 0.02 * sends.sentPdfBytes)
      note(
        `PDF only: ${pdfBytes} bytes against ${sends.sentPdfBytes} bytes of the sent copy — not the same document`,
      );
    const ratio = sends.send.throughputRps / pdf.throughputRps;
    emit({
      workload: 'W2',
      database: 'postgres',
      endpoint: 'POST /api/cases/:id/disclosures (session)',
      document_language: s.language,
      distinct_documents: s.distinct,
      cases: s.cases,
      connections: s.connections,
      duration_s: s.durationS,
      app_pool_max: appPoolMax,
      send_throughput_rps: round(sends.send.throughputRps, 1),
      send_p50_ms: round(sends.send.p50Ms),
      send_p95_ms: round(sends.send.p95Ms),
      send_completed: sends.send.completed,
      send_failed: sends.send.failed,
      send_event_loop_utilization: round(sends.eventLoopUtilization, 3),
      pdf_only_throughput_rps: round(pdf.throughputRps, 1),
      pdf_only_p50_ms: round(pdf.p50Ms),
      pdf_only_p95_ms: round(pdf.p95Ms),
      pdf_only_completed: pdf.completed,
      pdf_only_before_sends_rps: round(rendered(sends.pdfBefore).throughputRps, 1),
      pdf_only_after_sends_rps: round(rendered(pdfAfter).throughputRps, 1),
      pdf_bytes_sent: sends.sentPdfBytes,
      pdf_bytes_alone: pdfBytes,
      ratio: round(ratio, 3),
      goal: 'ratio >= 0.80',
      goal_met: ratio >= 0.8,
      pdf_rendering: 'one copy at a time: on the render thread in the send, sequential in-process alone',
      load_generator: 'autocannon',
      node_options: process.env.NODE_OPTIONS ?? '',
      ...atStart,
      load_avg_1m_at_end: round(machine().load_avg_1m, 2),
      rss_mb_at_end: Math.round(process.memoryUsage().rss / 1e6),
    });
  } finally {
    await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    note(`W2: dropped database ${name}`);
  }
}
