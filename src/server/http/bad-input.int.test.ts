import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, problem, signIn, type Client, type TestApp } from '../../../test/test-app.ts';
import { buildOrganisation, buildUser, type TestOrganisation } from '../../../test/factories.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { apiOperations, publicOperations, withParams } from '../../../test/operations.ts';
import { errorCatalogue } from './errors.ts';
import { bodyLimit } from './app.ts';

function expectCleanProblem(response: LightMyRequestResponse, label: string): void {
  expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${label}: ${response.body}`).toBeLessThan(500);
  const body = problem(response);
  expect(Object.keys(errorCatalogue), label).toContain(body.code);
  expect(typeof body.detail).toBe('string');
  expect(response.body, label).not.toMatch(/\bat .+\.(ts|js):\d+|SELECT |INSERT |UPDATE |stack/i);
}

describe(`bad input gets a clear 4xx problem, never a 500 or a partial write (${testDatabaseKind})`, () => {
  let t: TestApp;
  let org: TestOrganisation;
  let admin: Client;
  let sysadmin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganisation(t.database.db);
    const operator = await buildOrganisation(t.database.db, { kind: 'operator' });
    const a = await buildUser(t.database.db, org, { roles: ['org_admin'] });
    const s = await buildUser(t.database.db, operator, { roles: ['system_admin'] });
    admin = await signIn(t.app, a.email);
    sysadmin = await signIn(t.app, s.email);
  });
  afterAll(() => t.close());

  const countUsers = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(t.database.db)).rows[0]!.n;

  it('R-SEC-4: malformed JSON answers 400 malformed_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/users`,
      headers: {
        cookie: admin.cookie!,
        'x-csrf-token': admin.csrfToken!,
        'content-type': 'application/json',
      },
      payload: '{"email": "a@example.org",',
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).code).toBe('malformed_json');
  });

  it('R-SEC-4: wrong types answer 400 with the field they concern, in German', async () => {
    const response = await admin.post(`/api/organisations/${org.id}/users`, {
      email: 42,
      displayName: ['x'],
      roles: 'counsellor',
    });
    expect(response.statusCode).toBe(400);
    const body = problem(response);
    expect(body.code).toBe('validation_failed');
    expect(body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['email', 'displayName', 'roles']),
    );
    expect(JSON.stringify(body.errors)).toMatch(/Ungültig|erwartet/);
  });

  it('R-SEC-4: unknown fields are refused, not ignored', async () => {
    const response = await admin.post(`/api/organisations/${org.id}/users`, {
      email: 'x@example.org',
      displayName: 'X Y',
      roles: ['counsellor'],
      isAdmin: true,
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).code).toBe('validation_failed');
  });

  it('R-SEC-4: an oversized body answers 413 before any handler runs', async () => {
    const before = await countUsers();
    const response = await admin.post(`/api/organisations/${org.id}/users`, {
      email: 'big@example.org',
      displayName: 'x'.repeat(bodyLimit + 10),
      roles: ['counsellor'],
    });
    expect(response.statusCode).toBe(413);
    expect(problem(response).code).toBe('payload_too_large');
    expect(await countUsers()).toBe(before);
  });

  it('R-SEC-4: an invalid id in the path answers 400', async () => {
    const response = await admin.get('/api/users/not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.[0]?.path).toBe('id');
  });

  it('R-SEC-4: a body that is not JSON answers 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/users`,
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken!, 'content-type': 'text/plain' },
      payload: 'email=x',
    });
    expect(response.statusCode).toBe(415);
    expect(problem(response).code).toBe('unsupported_media_type');
  });

  it('R-SEC-4: a missing CSRF token answers 403 and writes nothing', async () => {
    const before = await countUsers();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/users`,
      headers: { cookie: admin.cookie!, 'content-type': 'application/json' },
      payload: { email: 'csrf@example.org', displayName: 'C S', roles: ['counsellor'] },
    });
    expect(response.statusCode).toBe(403);
    expect(problem(response).code).toBe('csrf_failed');
    expect(await countUsers()).toBe(before);
  });

  it('R-SEC-4: an expired or forged session answers 401 session_expired', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'koop_session=forged-token-value' },
    });
    expect(response.statusCode).toBe(401);
    expect(problem(response).code).toBe('session_expired');
  });

  it('R-SEC-4: a refused change leaves nothing half-saved', async () => {
    const before = await countUsers();
    const beforeAudit = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.invited'`.execute(t.database.db)
    ).rows[0]!.n;
    const response = await admin.post(`/api/organisations/${org.id}/users`, {
      email: 'rolle@example.org',
      displayName: 'R R',
      roles: ['partner_staff'],
    });
    expect(response.statusCode).toBe(422);
    expect(problem(response).errors?.[0]?.path).toBe('roles');
    expect(await countUsers()).toBe(before);
    const afterAudit = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.invited'`.execute(t.database.db)
    ).rows[0]!.n;
    expect(afterAudit).toBe(beforeAudit);
  });

  it('R-SEC-4: an over-long path segment answers 414 and a broken percent-encoding 400, both problem+json', async () => {
    const long = await admin.get(`/api/organisations/${'a'.repeat(5000)}`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(problem(long).code).toBe('uri_too_long');
    expectCleanProblem(long, 'long path segment');
    const broken = await admin.get('/api/organisations/%E0%A4%A');
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expectCleanProblem(broken, 'broken percent-encoding');
  });

  it('R-SEC-4: an unknown route answers 404 problem+json', async () => {
    const response = await admin.get('/api/gibt-es-nicht');
    expect(response.statusCode).toBe(404);
    expect(problem(response).code).toBe('route_not_found');
  });

  it('R-SEC-4: answers carry the security headers (CSP, no framing, no sniffing, no referrer leak)', async () => {
    for (const response of [await admin.get('/api/health'), await admin.get('/api/gibt-es-nicht')]) {
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('R-SEC-4: every operation of the OpenAPI document answers malformed input with a clean 4xx problem', async () => {
    const operations = await apiOperations(t.app);
    expect(operations.length).toBeGreaterThan(25);
    let checked = 0;
    for (const { key, path, method, hasQuery, hasBody } of operations) {
      const hasParams = path.includes('{');
      const send = (client: Client | null, url: string, payload?: string, contentType = 'application/json') =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: {
            ...(client ? { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! } : {}),
            ...(payload !== undefined ? { 'content-type': contentType } : {}),
          },
          ...(payload !== undefined ? { payload } : {}),
        });
      const withIds = (value: string) => withParams(path, value);
      const validId = crypto.randomUUID();

      if (!publicOperations.has(key)) {
        const anonymousResponse = await send(null, withIds(validId));
        expect(anonymousResponse.statusCode, key).toBe(401);
        expectCleanProblem(anonymousResponse, `${key} without credentials`);
      }
      // Signing out would end the session the rest of the walk uses; the sign-in suite covers it.
      if (path.startsWith('/api/auth/logout')) {
        checked++;
        continue;
      }
      if (hasParams) {
        expectCleanProblem(await send(sysadmin, withIds('%27%3B--')), `${key} invalid path id`);
        expectCleanProblem(await send(sysadmin, withIds('x'.repeat(5000))), `${key} over-long path segment`);
      }
      const url = withIds(validId);
      if (hasQuery)
        expectCleanProblem(await send(sysadmin, `${url}?offset=-1&limit=abc&zzz=1`), `${key} bad query`);
      if (hasBody) {
        expectCleanProblem(await send(sysadmin, url, '{"unterminated": '), `${key} malformed JSON`);
        expectCleanProblem(await send(sysadmin, url, '[1,2,3]'), `${key} array body`);
        expectCleanProblem(
          await send(sysadmin, url, '{"zzzUnknown": {"deep": [null]}}'),
          `${key} unknown field`,
        );
        expectCleanProblem(await send(sysadmin, url, '"\\u0000"'), `${key} NUL string`);
      }
      checked++;
    }
    expect(checked).toBe(operations.length);
  });
});
