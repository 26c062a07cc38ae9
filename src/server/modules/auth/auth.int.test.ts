import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import {
  createTestApp,
  anonymous,
  problem,
  signIn,
  withToken,
  type TestApp,
  type Client,
} from '../../../../test/test-app.ts';
import {
  buildOrganisation,
  buildUser,
  testPassword,
  type TestOrganisation,
} from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { createMailer } from '../../mail/mailer.ts';
import { currentTotp } from './auth.crypto.ts';

async function auditActions(t: TestApp, userId: string): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    SELECT action FROM audit_log WHERE actor_user_id = ${userId} OR entity_id = ${userId} ORDER BY id`.execute(
    t.database.db,
  );
  return rows.map((r) => r.action);
}

const minutes = (t: TestApp, n: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + n * 60_000);
};

describe(`sign-in, sessions, second factor and API tokens (${testDatabaseKind})`, () => {
  let t: TestApp;
  let org: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganisation(t.database.db);
    await buildUser(t.database.db, org, { roles: ['org_admin'] });
  });
  afterAll(() => t.close());

  it('R-SEC-3: signs in with e-mail and password into an HttpOnly, SameSite session cookie stored server-side', async () => {
    const user = await buildUser(t.database.db, org);
    const response = await anonymous(t.app).post('/api/auth/login', {
      email: user.email.toUpperCase(),
      password: testPassword,
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'koop_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${user.id}`.execute(t.database.db);
    expect(rows[0]?.n).toBe(1);
    const client = await signIn(t.app, user.email);
    const session = await client.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      state: 'active',
      user: { email: user.email, roles: ['counsellor'] },
    });
    expect(await auditActions(t, user.id)).toContain('auth.login_succeeded');
  });

  it('R-SEC-3: stores only argon2id password hashes', async () => {
    const user = await buildUser(t.database.db, org);
    const { rows } = await sql<{
      h: string;
    }>`SELECT password_hash AS h FROM users WHERE id = ${user.id}`.execute(t.database.db);
    expect(rows[0]?.h).toMatch(/^\$argon2id\$/);
  });

  it('R-SEC-3: a wrong password or unknown account answers the same 401 and is audited', async () => {
    const user = await buildUser(t.database.db, org);
    const wrong = await anonymous(t.app).post('/api/auth/login', {
      email: user.email,
      password: 'falsch-falsch-falsch',
    });
    const unknown = await anonymous(t.app).post('/api/auth/login', {
      email: 'niemand@example.org',
      password: 'falsch-falsch-falsch',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(problem(wrong).code).toBe('invalid_credentials');
    expect(problem(unknown).detail).toBe(problem(wrong).detail);
    expect(await auditActions(t, user.id)).toContain('auth.login_failed');
  });

  it('R-SEC-3: locks the account after five failures, audits it, and unlocks after the lock period', async () => {
    const user = await buildUser(t.database.db, org);
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await anonymous(t.app).post('/api/auth/login', {
            email: user.email,
            password: 'falsch-falsch-falsch',
          })
        ).statusCode,
      ).toBe(401);
    }
    const fifth = await anonymous(t.app).post('/api/auth/login', {
      email: user.email,
      password: 'falsch-falsch-falsch',
    });
    expect(fifth.statusCode).toBe(423);
    expect(problem(fifth).code).toBe('account_locked');
    const correctWhileLocked = await anonymous(t.app).post('/api/auth/login', {
      email: user.email,
      password: testPassword,
    });
    expect(correctWhileLocked.statusCode).toBe(423);
    expect(await auditActions(t, user.id)).toContain('auth.login_locked');
    minutes(t, 16);
    expect(
      (await anonymous(t.app).post('/api/auth/login', { email: user.email, password: testPassword }))
        .statusCode,
    ).toBe(200);
  });

  it('R-SEC-3: refuses a state-changing request without the CSRF token and changes nothing', async () => {
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: { cookie: client.cookie! },
    });
    expect(response.statusCode).toBe(403);
    expect(problem(response).code).toBe('csrf_failed');
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('R-SEC-3: a session ends after 30 idle minutes, and the expiry is audited', async () => {
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    minutes(t, 20);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    minutes(t, 20);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    minutes(t, 31);
    const expired = await client.get('/api/auth/session');
    expect(expired.statusCode).toBe(401);
    expect(problem(expired).code).toBe('session_expired');
    expect(await auditActions(t, user.id)).toContain('auth.session_expired');
  });

  it('R-SEC-3: a session ends after 12 hours however active it is', async () => {
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    for (let i = 0; i < 25; i++) {
      minutes(t, 29);
      const r = await client.get('/api/auth/session');
      if (r.statusCode !== 200) {
        expect(i * 29).toBeGreaterThanOrEqual(11 * 60);
        expect(problem(r).code).toBe('session_expired');
        return;
      }
    }
    expect.unreachable('the session outlived its absolute limit');
  });

  it('R-SEC-3: "sign out everywhere" ends every session of the person', async () => {
    const user = await buildUser(t.database.db, org);
    const laptop = await signIn(t.app, user.email);
    const phone = await signIn(t.app, user.email);
    expect((await laptop.post('/api/auth/logout-everywhere')).statusCode).toBe(204);
    expect((await laptop.get('/api/auth/session')).statusCode).toBe(401);
    expect((await phone.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('R-SEC-3: sign-out ends this session only', async () => {
    const user = await buildUser(t.database.db, org);
    const a = await signIn(t.app, user.email);
    const b = await signIn(t.app, user.email);
    expect((await a.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
  });

  async function enrolTotp(client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await client.post('/api/auth/totp/setup', { password: testPassword });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json<{ secret: string; otpauthUri: string; qrSvg: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Koop:/);
    expect(qrSvg).toContain('<svg');
    const wrong = await client.post('/api/auth/totp/confirm', {
      code: '000000' === currentTotp(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    const confirm = await client.post('/api/auth/totp/confirm', { code: currentTotp(secret) });
    expect(confirm.statusCode).toBe(200);
    return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
  }

  it('R-SEC-3: enrols TOTP with a QR code and recovery codes; sign-in then needs the second factor, and a code works only once', async () => {
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    const { secret, recoveryCodes } = await enrolTotp(client);
    expect(recoveryCodes).toHaveLength(10);

    const login = await anonymous(t.app).post('/api/auth/login', {
      email: user.email,
      password: testPassword,
    });
    expect(login.json()).toMatchObject({ state: 'mfa_pending' });
    const cookie = `koop_session=${login.cookies.find((c) => c.name === 'koop_session')!.value}`;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf };
    const blocked = await t.app.inject({ method: 'GET', url: `/api/organisations/${org.id}`, headers });
    expect(blocked.statusCode).toBe(403);
    expect(problem(blocked).code).toBe('mfa_required');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers,
      payload: { code: '123456' === currentTotp(secret) ? '654321' : '123456' },
    });
    expect(bad.statusCode).toBe(401);
    // The enrolment used the current step's code; a code is accepted only once, so take the next step's.
    const code = currentTotp(secret, 1);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers,
      payload: { code },
    });
    expect(good.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/organisations/${org.id}`, headers })).statusCode,
    ).toBe(200);
    expect(await auditActions(t, user.id)).toEqual(
      expect.arrayContaining(['auth.totp_enabled', 'auth.totp_failed', 'auth.totp_succeeded']),
    );

    // The same code again, in a new sign-in, is refused: codes cannot be replayed.
    const again = await anonymous(t.app).post('/api/auth/login', {
      email: user.email,
      password: testPassword,
    });
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: {
        cookie: `koop_session=${again.cookies.find((c) => c.name === 'koop_session')!.value}`,
        'x-csrf-token': again.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('R-SEC-3: a recovery code signs in once and never again', async () => {
    const user = await buildUser(t.database.db, org);
    const { recoveryCodes } = await enrolTotp(await signIn(t.app, user.email));
    const code = recoveryCodes[0]!.toLowerCase();
    const useOnce = async () => {
      const login = await anonymous(t.app).post('/api/auth/login', {
        email: user.email,
        password: testPassword,
      });
      const cookie = `koop_session=${login.cookies.find((c) => c.name === 'koop_session')!.value}`;
      return t.app.inject({
        method: 'POST',
        url: '/api/auth/login/totp',
        headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
        payload: { recoveryCode: code },
      });
    };
    expect((await useOnce()).statusCode).toBe(200);
    expect((await useOnce()).statusCode).toBe(401);
  });

  it('R-SEC-3: an organisation can require TOTP; its staff must enrol before doing anything else', async () => {
    const strict = await buildOrganisation(t.database.db);
    const admin = await buildUser(t.database.db, strict, { roles: ['org_admin'] });
    const user = await buildUser(t.database.db, strict);
    const adminClient = await signIn(t.app, admin.email);
    const current = (await adminClient.get(`/api/organisations/${strict.id}`)).json<{ version: number }>();
    const patch = await adminClient.patch(`/api/organisations/${strict.id}`, {
      version: current.version,
      requireTotp: true,
    });
    expect(patch.statusCode).toBe(200);

    const client = await signIn(t.app, user.email);
    expect((await client.get('/api/auth/session')).json()).toMatchObject({
      state: 'enrolment_required',
      navigation: ['account'],
    });
    const blocked = await client.get(`/api/organisations/${strict.id}/offices`);
    expect(problem(blocked).code).toBe('mfa_enrolment_required');
    await enrolTotp(client);
    expect((await client.get('/api/auth/session')).json()).toMatchObject({ state: 'active' });
    expect((await client.get(`/api/organisations/${strict.id}/offices`)).statusCode).toBe(200);
    const disable = await client.post('/api/auth/totp/disable', { code: '123456', password: testPassword });
    expect(problem(disable).code).toBe('totp_required_by_organisation');
  });

  it('R-SEC-3: a counsellor cannot require TOTP for the organisation', async () => {
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    const current = (await client.get(`/api/organisations/${org.id}`)).json<{
      version: number;
      requireTotp: boolean;
    }>();
    const patch = await client.patch(`/api/organisations/${org.id}`, {
      version: current.version,
      requireTotp: true,
    });
    expect(patch.statusCode).toBe(403);
    expect((await client.get(`/api/organisations/${org.id}`)).json()).toMatchObject({ requireTotp: false });
  });

  it('R-SEC-3: personal API tokens are stored hashed, carry no more rights than their user, and can be revoked', async () => {
    const admin = await buildUser(t.database.db, org, { roles: ['org_admin'] });
    const client = await signIn(t.app, admin.email);
    const read = (await client.post('/api/auth/tokens', { name: 'Auswertung', scope: 'read' })).json<{
      token: string;
      item: { id: string };
    }>();
    const write = (
      await client.post('/api/auth/tokens', { name: 'Import', scope: 'write', expiresInDays: 30 })
    ).json<{ token: string; item: { id: string } }>();
    const { rows } = await sql<{
      token_hash: string;
    }>`SELECT token_hash FROM api_tokens WHERE user_id = ${admin.id}`.execute(t.database.db);
    expect(rows.map((r) => r.token_hash)).not.toContain(read.token);

    expect((await withToken(t.app, read.token).get(`/api/organisations/${org.id}/users`)).statusCode).toBe(
      200,
    );
    const refused = await withToken(t.app, read.token).post(`/api/organisations/${org.id}/users`, {
      email: 'neu@example.org',
      displayName: 'Neu',
      roles: ['counsellor'],
    });
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe('token_read_only');
    const allowed = await withToken(t.app, write.token).post(`/api/organisations/${org.id}/users`, {
      email: 'neu@example.org',
      displayName: 'Neu',
      roles: ['counsellor'],
    });
    expect(allowed.statusCode).toBe(201);

    const counsellor = await buildUser(t.database.db, org);
    const cClient = await signIn(t.app, counsellor.email);
    const cToken = (await cClient.post('/api/auth/tokens', { name: 'x', scope: 'write' })).json<{
      token: string;
    }>().token;
    const beyond = await withToken(t.app, cToken).post(`/api/organisations/${org.id}/users`, {
      email: 'noch@example.org',
      displayName: 'Noch',
      roles: ['counsellor'],
    });
    expect(beyond.statusCode).toBe(403);

    expect((await client.delete(`/api/auth/tokens/${read.item.id}`)).statusCode).toBe(204);
    expect((await withToken(t.app, read.token).get(`/api/organisations/${org.id}/users`)).statusCode).toBe(
      401,
    );
    expect((await withToken(t.app, 'koop_nonsense').get('/api/auth/session')).statusCode).toBe(401);
  });

  it('R-SEC-3: a token cannot mint further tokens', async () => {
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    const token = (await client.post('/api/auth/tokens', { name: 'x', scope: 'write' })).json<{
      token: string;
    }>().token;
    expect(
      (await withToken(t.app, token).post('/api/auth/tokens', { name: 'y', scope: 'write' })).statusCode,
    ).toBe(403);
  });

  it('R-SEC-3: changing the password ends the other sessions', async () => {
    const user = await buildUser(t.database.db, org);
    const here = await signIn(t.app, user.email);
    const elsewhere = await signIn(t.app, user.email);
    const weak = await here.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'kurz',
    });
    expect(problem(weak).code).toBe('password_too_weak');
    expect(
      (
        await here.post('/api/auth/password', {
          currentPassword: testPassword,
          newPassword: 'Ein-neues-langes-Passwort',
        })
      ).statusCode,
    ).toBe(204);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (
        await anonymous(t.app).post('/api/auth/login', {
          email: user.email,
          password: 'Ein-neues-langes-Passwort',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('R-SEC-3: without credentials the session endpoint answers 401 problem+json', async () => {
    const response = await anonymous(t.app).get('/api/auth/session');
    expect(response.statusCode).toBe(401);
    expect(problem(response).code).toBe('not_authenticated');
  });
});

describe(`sign-in rate limit and secure cookies (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { loginRateLimit: 10, secureCookies: true } });
  });
  afterAll(() => t.close());

  it('R-SEC-3: limits sign-in attempts per client and audits the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await anonymous(t.app).post('/api/auth/login', {
            email: 'x@example.org',
            password: 'falsch-falsch-falsch',
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await anonymous(t.app).post('/api/auth/login', {
      email: 'x@example.org',
      password: 'falsch-falsch-falsch',
    });
    expect(limited.statusCode).toBe(429);
    expect(problem(limited).code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    await new Promise((r) => setTimeout(r, 100));
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.rate_limited'`.execute(t.database.db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('R-SEC-3: marks the session cookie Secure behind TLS', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, org);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: testPassword },
      remoteAddress: '10.0.0.9',
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'koop_session')?.secure).toBe(true);
  });
});

describe(`invitations by e-mail over SMTP (${testDatabaseKind})`, () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          inbox.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    t = await createTestApp({ mailer: createMailer(`smtp://127.0.0.1:${port}`, 'Koop <koop@example.org>') });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('R-SEC-3: an invited person receives the link by e-mail, sets a password and signs in', async () => {
    const org = await buildOrganisation(t.database.db, {
      name: 'Jobcenter Beispielstadt',
      kind: 'jobcenter',
    });
    const admin = await buildUser(t.database.db, org, { roles: ['org_admin'] });
    const client = await signIn(t.app, admin.email);
    const invite = await client.post(`/api/organisations/${org.id}/users`, {
      email: 'paula@example.org',
      displayName: 'Paula Müller',
      roles: ['partner_staff'],
    });
    expect(invite.statusCode).toBe(201);
    const { invitationUrl, mailed } = invite.json<{ invitationUrl: string; mailed: boolean }>();
    expect(mailed).toBe(true);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!.replace(/=\r?\n/g, '');
    expect(mail).toContain('paula@example.org');
    const token = invitationUrl.split('/').pop()!;
    expect(mail).toContain(token);

    expect(
      (
        await anonymous(t.app).post('/api/auth/login', {
          email: 'paula@example.org',
          password: 'irgendein-passwort',
        })
      ).statusCode,
    ).toBe(401);
    const info = await anonymous(t.app).get(`/api/auth/invitations/${token}`);
    expect(info.json()).toMatchObject({
      email: 'paula@example.org',
      organisationName: 'Jobcenter Beispielstadt',
    });
    expect(
      (
        await anonymous(t.app).post('/api/auth/invitations/accept', {
          token,
          password: 'Sicheres-Kennwort-2026',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await anonymous(t.app).post('/api/auth/invitations/accept', {
          token,
          password: 'Sicheres-Kennwort-2026',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await anonymous(t.app).post('/api/auth/login', {
          email: 'paula@example.org',
          password: 'Sicheres-Kennwort-2026',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe(`own profile (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('R-UX-1: a person switches the interface language and changes the own display name', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, org);
    const client = await signIn(t.app, user.email);
    const changed = await client.patch('/api/auth/me', { locale: 'en', displayName: 'Neuer Name' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ user: { locale: 'en', displayName: 'Neuer Name' } });
    expect((await client.get('/api/auth/session')).json()).toMatchObject({
      user: { locale: 'en', displayName: 'Neuer Name' },
    });
    expect(problem(await client.patch('/api/auth/me', { locale: 'fr' })).code).toBe('validation_failed');
    expect(problem(await client.patch('/api/auth/me', {})).code).toBe('validation_failed');
  });
});
