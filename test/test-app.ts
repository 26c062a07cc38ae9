import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { buildApp, type App } from '../src/server/http/app.ts';
import { createMailer, type Mailer } from '../src/server/mail/mailer.ts';
import { createTestDatabase } from './test-database.ts';
import { testPassword } from './factories.ts';

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  /** The clock the app reads; tests move it to try expiry. */
  clock: { now: Date };
  close(): Promise<void>;
}

/** The whole application in-process on a fresh database; requests go through `inject`, no port. */
export async function createTestApp(
  overrides: { mailer?: Mailer; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ KOOP_DATA_DIR: '/nonexistent', KOOP_SECRET: 'test-secret' }),
    demo: false,
    loginRateLimit: 1000,
    ...overrides.config,
  };
  const clock = { now: new Date() };
  const app = await buildApp(
    {
      db: database.db,
      config,
      mailer: overrides.mailer ?? createMailer(undefined, config.mailFrom),
      now: () => new Date(clock.now),
    },
    { logger: false, webRoot: '/nonexistent' },
  );
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser: the session cookie and its CSRF token, or an API token. */
export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string | null;
  csrfToken: string | null;
}

function clientFor(
  app: App,
  headers: Record<string, string>,
  cookie: string | null,
  csrfToken: string | null,
): Client {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...headers,
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  return {
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    delete: (url) => send('DELETE', url),
    cookie,
    csrfToken,
  };
}

/** A client without credentials. */
export const anonymous = (app: App): Client => clientFor(app, {}, null, null);

/** A client authenticated by a personal API token. */
export const withToken = (app: App, token: string): Client =>
  clientFor(app, { authorization: `Bearer ${token}` }, null, null);

/** Signs in with e-mail and password and returns a client carrying the session. */
export async function signIn(app: App, email: string, password = testPassword): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'koop_session');
  if (!setCookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return clientFor(app, {}, `koop_session=${setCookie.value}`, csrfToken);
}

/** Asserts the RFC 9457 shape and returns the body. */
export function problem(response: LightMyRequestResponse): {
  code: string;
  detail: string;
  status: number;
  errors?: { path: string }[];
} {
  if (!response.headers['content-type']?.toString().startsWith('application/problem+json')) {
    throw new Error(
      `not a problem response: ${response.statusCode} ${String(response.headers['content-type'])} ${response.body}`,
    );
  }
  return response.json();
}
