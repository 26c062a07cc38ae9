import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { createTestApp, problem, withToken, type Client, type TestApp } from '../../../../test/test-app.ts';
import { testPassword } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus } from '../../../../test/api.ts';
import { apiOperations, publicOperations, withParams, type Operation } from '../../../../test/operations.ts';
import { buildCaseWorld, registerClient, type CaseWorld, type Created } from '../cases/test-support.ts';
import { currentTotp } from './auth.crypto.ts';

/** The operations that manage how an account signs in: the browser session only (R-SEC-3). */
const credentialOperations = [
  'POST /api/auth/login/totp',
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/password',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/confirm',
  'POST /api/auth/totp/disable',
  'POST /api/auth/recovery-codes',
  'GET /api/auth/tokens',
  'POST /api/auth/tokens',
  'DELETE /api/auth/tokens/{id}',
];

/** A fingerprint of every table's rows, read as the database owner (past row-level security). */
async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ digest: string | null }>`
      SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(name)} t`.execute(db);
    fingerprint[name] = rows[0]?.digest ?? '';
  }
  return fingerprint;
}

/** Sends the operation with the token and nothing else: no body, every path parameter a fresh id. */
function call(t: TestApp, token: string, op: Operation) {
  return t.app.inject({
    method: op.method as 'POST',
    url: withParams(op.path, crypto.randomUUID()),
    headers: { authorization: `Bearer ${token}` },
  });
}

describe(`what a credential may do: read-only tokens read, no token manages credentials (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;
  let c: Created;
  let owner: Client;
  let readToken: string;
  let fullToken: string;
  let operations: Operation[];

  const mint = async (client: Client, scope: 'read' | 'write') =>
    expectStatus<{ token: string }>(
      await client.post('/api/auth/tokens', { name: `Skript ${scope}`, scope }),
      201,
    ).token;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCaseWorld(t.app, t.database.db);
    c = await registerClient(w.owner, { givenName: 'Amal', familyName: 'Haddad', birthDate: '1990-04-02' });
    owner = w.owner.client;
    readToken = await mint(owner, 'read');
    fullToken = await mint(owner, 'write');
    // First use stamps the tokens' last use, so the walks below start from a settled database.
    expectStatus(await withToken(t.app, readToken).get('/api/auth/session'), 200);
    expectStatus(await withToken(t.app, fullToken).get('/api/auth/session'), 200);
    operations = await apiOperations(t.app);
  });
  afterAll(() => t.close());

  it('R-SEC-3, R-ORG-4: a read-only token is refused every non-GET operation of the API with 403, and nothing in the database changes', async () => {
    const writes = operations.filter((op) => op.method !== 'GET' && !publicOperations.has(op.key));
    expect(writes.length).toBeGreaterThan(40);
    const before = await databaseFingerprint(t.database.db);
    for (const op of writes) {
      const response = await call(t, readToken, op);
      expect(response.statusCode, `${op.key}: ${response.body}`).toBe(403);
      const expected = credentialOperations.includes(op.key) ? 'session_required' : 'token_read_only';
      expect(problem(response).code, op.key).toBe(expected);
    }
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    // The owner's browser session is untouched.
    expectStatus(await owner.get('/api/auth/session'), 200);
  });

  it('R-SEC-3: a read-only token is refused the writes of the report — profile, second factor, sign-out everywhere — even with valid input', async () => {
    const read = withToken(t.app, readToken);
    expectProblem(await read.patch('/api/auth/me', { locale: 'en' }), 403, 'token_read_only');
    expectProblem(
      await read.post('/api/auth/totp/setup', { password: testPassword }),
      403,
      'session_required',
    );
    expectProblem(await read.post('/api/auth/totp/confirm', { code: '123456' }), 403, 'session_required');
    expectProblem(
      await read.post('/api/auth/totp/disable', { code: '123456', password: testPassword }),
      403,
      'session_required',
    );
    expectProblem(await read.post('/api/auth/logout-everywhere'), 403, 'session_required');
    const { rows } = await sql<{ pending: string | null; locale: string }>`
      SELECT totp_pending_secret AS pending, locale FROM users WHERE id = ${w.owner.user.id}`.execute(
      t.database.db,
    );
    expect(rows[0]).toEqual({ pending: null, locale: 'de' });
    expectStatus(await owner.get('/api/auth/session'), 200);
  });

  it('R-SEC-3: a full-access token cannot manage credentials — password, second factor, recovery codes, API tokens, sessions answer 403', async () => {
    // The API document names them: these operations accept the browser session only.
    const sessionOnly = operations.filter((op) => op.security?.join() === 'session').map((op) => op.key);
    expect(sessionOnly.sort()).toEqual([...credentialOperations].sort());
    const before = await databaseFingerprint(t.database.db);
    for (const key of credentialOperations) {
      const op = operations.find((o) => o.key === key)!;
      const response = await call(t, fullToken, op);
      expect(response.statusCode, `${key}: ${response.body}`).toBe(403);
      expect(problem(response).code, key).toBe('session_required');
    }
    const full = withToken(t.app, fullToken);
    expectProblem(
      await full.post('/api/auth/password', {
        currentPassword: testPassword,
        newPassword: 'Ein-Ganz-Neues-2026',
      }),
      403,
      'session_required',
    );
    expectProblem(
      await full.post('/api/auth/tokens', { name: 'noch eins', scope: 'write' }),
      403,
      'session_required',
    );
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    expectStatus(await owner.get('/api/auth/session'), 200);
  });

  it('R-SEC-3: a full-access token still does the work it was made for — its owner’s profile, their cases', async () => {
    const full = withToken(t.app, fullToken);
    const before = expectStatus<{ user: { displayName: string } }>(await owner.get('/api/auth/session'), 200);
    const changed = expectStatus<{ user: { displayName: string } }>(
      await full.patch('/api/auth/me', { displayName: 'Beraterin per Skript' }),
      200,
    );
    expect(changed.user.displayName).toBe('Beraterin per Skript');
    expectStatus(await full.patch('/api/auth/me', { displayName: before.user.displayName }), 200);
    expectStatus(await full.get(`/api/cases/${c.caseId}`), 200);
  });

  it('R-SEC-3: setting up or switching off the second factor and new recovery codes take the password entered again', async () => {
    const person = w.colleague.client;
    expectProblem(await person.post('/api/auth/totp/setup'), 400, 'validation_failed');
    const wrong = await person.post('/api/auth/totp/setup', { password: 'nicht-das-Passwort' });
    expect(expectProblem(wrong, 400, 'validation_failed')).toEqual(['password']);
    const pending = async () =>
      (
        await sql<{ pending: string | null }>`
          SELECT totp_pending_secret AS pending FROM users WHERE id = ${w.colleague.user.id}`.execute(
          t.database.db,
        )
      ).rows[0]?.pending ?? null;
    expect(await pending()).toBeNull();

    const { secret } = expectStatus<{ secret: string }>(
      await person.post('/api/auth/totp/setup', { password: testPassword }),
      200,
    );
    expectStatus(await person.post('/api/auth/totp/confirm', { code: currentTotp(secret) }), 200);

    const code = currentTotp(secret, 1);
    const refused = await person.post('/api/auth/recovery-codes', { code, password: 'nicht-das-Passwort' });
    expect(expectProblem(refused, 400, 'validation_failed')).toEqual(['password']);
    expectProblem(await person.post('/api/auth/totp/disable', { code }), 400, 'validation_failed');
    const disableWrong = await person.post('/api/auth/totp/disable', {
      code,
      password: 'nicht-das-Passwort',
    });
    expect(expectProblem(disableWrong, 400, 'validation_failed')).toEqual(['password']);
    expect((await person.get('/api/auth/session')).json()).toMatchObject({ user: { totpEnabled: true } });

    // The refusals consumed no code: the same one, with the password, renews the recovery codes.
    const renewed = expectStatus<{ recoveryCodes: string[] }>(
      await person.post('/api/auth/recovery-codes', { code, password: testPassword }),
      200,
    );
    expect(renewed.recoveryCodes).toHaveLength(10);

    // Switching off, with the password, works the same way (another person, a fresh code).
    const lead = w.teamLead.client;
    const second = expectStatus<{ secret: string }>(
      await lead.post('/api/auth/totp/setup', { password: testPassword }),
      200,
    ).secret;
    expectStatus(await lead.post('/api/auth/totp/confirm', { code: currentTotp(second) }), 200);
    const off = await lead.post('/api/auth/totp/disable', {
      code: currentTotp(second, 1),
      password: testPassword,
    });
    expect(off.statusCode, off.body).toBe(204);
    expect((await lead.get('/api/auth/session')).json()).toMatchObject({ user: { totpEnabled: false } });
  });

  it('R-RED-4, R-SEC-2: system administration sees who, what and when of a provider’s case entries, never a case id or a typed reason', async () => {
    const reason = 'Vertretung für Frau Haddad wegen Frist beim Jobcenter';
    expectStatus(await w.colleague.client.post(`/api/cases/${c.caseId}/break-glass`, { reason }), 201);
    expectStatus(await w.colleague.client.get(`/api/cases/${c.caseId}`), 200);
    const legalHold = 'Klage von Frau Haddad gegen den Bescheid anhängig';
    const { version } = expectStatus<{ version: number }>(
      await w.owner.client.get(`/api/cases/${c.caseId}`),
      200,
    );
    expectStatus(
      await w.providerAdmin.client.post(`/api/cases/${c.caseId}/legal-hold`, {
        version,
        hold: true,
        reason: legalHold,
      }),
      200,
    );

    type Entry = { action: string; entityType: string; entityId: string | null; reason: string | null };
    const read = async (client: Client, query = '') =>
      expectStatus<{ items: Entry[] }>(
        await client.get(`/api/audit?organisationId=${w.provider.id}&limit=200${query}`),
        200,
      ).items;

    const operator = await read(w.system.client);
    const caseEntries = operator.filter((e) => ['client', 'case', 'caseload'].includes(e.entityType));
    expect(caseEntries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.glass_broken', 'case.read', 'case.legal_hold_set', 'client.created']),
    );
    expect(caseEntries.every((e) => e.entityId === null && e.reason === null)).toBe(true);
    const body = JSON.stringify(operator);
    expect(body).not.toContain(c.caseId);
    expect(body).not.toContain(c.client.id);
    expect(body).not.toContain('Haddad');
    // Nor can the operator find out whether a case id occurs by searching for it.
    expect(await read(w.system.client, `&entityType=case&entityId=${c.caseId}`)).toEqual([]);
    // Non-case entries keep their ids: the operator still sees which user or office was changed.
    expect(operator.some((e) => e.entityType === 'api_token' && e.entityId !== null)).toBe(true);

    // The provider's own administration sees the full entries of its organisation.
    const own = await read(w.providerAdmin.client);
    expect(own).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'case.glass_broken', entityId: c.caseId, reason }),
        expect.objectContaining({ action: 'case.legal_hold_set', entityId: c.caseId, reason: legalHold }),
      ]),
    );
  });
});
