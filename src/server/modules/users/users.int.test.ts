import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, signIn, type TestApp } from '../../../../test/test-app.ts';
import { buildUser, type TestOrganisation, type TestUser } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import {
  expectProblem,
  expectStatus,
  organisationWithAdmin,
  signedIn,
  signedInSystemAdmin,
  type Page,
  type Person,
  type UserBody,
} from '../../../../test/api.ts';
import type { invitationResult } from './users.schemas.ts';

type Invitation = z.infer<typeof invitationResult>;

describe(`users API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let system: Person;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let counsellor: Person;
  let jobcenter: TestOrganisation;
  let jobcenterAdmin: Person;
  let caseWorker: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    system = await signedInSystemAdmin(t.app, db);
    ({ organisation: provider, admin: providerAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'welfare_provider',
    ));
    counsellor = await signedIn(t.app, db, provider, ['counsellor']);
    ({ organisation: jobcenter, admin: jobcenterAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'jobcenter',
    ));
    caseWorker = await buildUser(db, jobcenter, { roles: ['partner_staff'] });
  });
  afterAll(() => t.close());

  /** Re-reads a user through the API as someone who may see every organisation. */
  const read = async (id: string) => expectStatus<UserBody>(await system.client.get(`/api/users/${id}`), 200);
  const usersOf = async (organisationId: string, query = '') =>
    expectStatus<Page<UserBody>>(
      await system.client.get(`/api/organisations/${organisationId}/users?limit=200${query}`),
      200,
    );
  const invite = (as: Person, organisationId: string, body: Record<string, unknown>) =>
    as.client.post(`/api/organisations/${organisationId}/users`, body);
  const tokenOf = (invitation: Invitation) => invitation.invitationUrl.split('/einladung/')[1] ?? '';

  describe('authentication and input', () => {
    it('R-ORG-4: without credentials every user endpoint answers 401 and nothing changes', async () => {
      const nobody = anonymous(t.app);
      const before = await read(caseWorker.id);
      expectProblem(await nobody.get(`/api/organisations/${jobcenter.id}/users`), 401, 'not_authenticated');
      expectProblem(await nobody.get(`/api/users/${caseWorker.id}`), 401, 'not_authenticated');
      expectProblem(
        await nobody.post(`/api/organisations/${jobcenter.id}/users`, {
          email: 'fremd@example.org',
          displayName: 'Fremd',
          roles: ['partner_staff'],
        }),
        401,
        'not_authenticated',
      );
      expectProblem(
        await nobody.patch(`/api/users/${caseWorker.id}`, { version: before.version, displayName: 'Fremd' }),
        401,
        'not_authenticated',
      );
      expectProblem(
        await nobody.post(`/api/users/${caseWorker.id}/deactivate`, { version: before.version }),
        401,
        'not_authenticated',
      );
      expect(await read(caseWorker.id)).toEqual(before);
      expect((await usersOf(jobcenter.id, '&q=fremd%40example.org')).total).toBe(0);
    });

    it('R-SEC-4: an invitation with bad input answers 400 naming each field, and nobody is invited', async () => {
      const before = (await usersOf(provider.id)).total;
      const paths = expectProblem(
        await invite(providerAdmin, provider.id, { email: 'keine-adresse', displayName: 'A', roles: [] }),
        400,
        'validation_failed',
      );
      expect(paths).toEqual(expect.arrayContaining(['email', 'displayName', 'roles']));
      const unknownRole = expectProblem(
        await invite(providerAdmin, provider.id, {
          email: 'neu@example.org',
          displayName: 'Neu',
          roles: ['chef'],
        }),
        400,
        'validation_failed',
      );
      expect(unknownRole).toEqual(['roles.0']);
      expect((await usersOf(provider.id)).total).toBe(before);
    });

    it('R-SEC-4: a change or deactivation without version answers 400 and changes nothing', async () => {
      const before = await read(counsellor.user.id);
      expect(
        expectProblem(
          await providerAdmin.client.patch(`/api/users/${counsellor.user.id}`, { displayName: 'Umbenannt' }),
          400,
          'validation_failed',
        ),
      ).toContain('version');
      expect(
        expectProblem(
          await providerAdmin.client.post(`/api/users/${counsellor.user.id}/deactivate`, {}),
          400,
          'validation_failed',
        ),
      ).toContain('version');
      expectProblem(await providerAdmin.client.get('/api/users/keine-uuid'), 400, 'validation_failed');
      expect(await read(counsellor.user.id)).toEqual(before);
    });
  });

  describe('R-ORG-4: isolation between organisations', () => {
    it('R-ORG-4: an administrator of another organisation gets 404 for its users and nothing changes', async () => {
      const before = await read(caseWorker.id);
      const admin = providerAdmin.client;
      expectProblem(await admin.get(`/api/organisations/${jobcenter.id}/users`), 404, 'not_found');
      expectProblem(await admin.get(`/api/users/${caseWorker.id}`), 404, 'not_found');
      expectProblem(
        await admin.patch(`/api/users/${caseWorker.id}`, {
          version: before.version,
          displayName: 'Übernommen',
        }),
        404,
        'not_found',
      );
      expectProblem(
        await admin.patch(`/api/users/${caseWorker.id}`, { version: before.version, roles: ['counsellor'] }),
        404,
        'not_found',
      );
      expectProblem(
        await admin.post(`/api/users/${caseWorker.id}/deactivate`, { version: before.version }),
        404,
        'not_found',
      );
      expect(await read(caseWorker.id)).toEqual(before);
    });

    it('R-ORG-4: an administrator cannot invite into another organisation (404) and nobody is invited', async () => {
      const before = (await usersOf(jobcenter.id)).total;
      expectProblem(
        await invite(providerAdmin, jobcenter.id, {
          email: 'unterwandert@example.org',
          displayName: 'Unterwandert',
          roles: ['org_admin'],
        }),
        404,
        'not_found',
      );
      expect((await usersOf(jobcenter.id)).total).toBe(before);
    });

    it('R-ORG-4: a user id that does not exist answers 404 like a foreign one', async () => {
      expectProblem(
        await providerAdmin.client.get('/api/users/00000000-0000-4000-8000-000000000000'),
        404,
        'not_found',
      );
    });
  });

  describe('R-SEC-1: audit of reads', () => {
    it('R-SEC-1: reading a user writes one audit row in the record’s organisation; a refused or missing read writes none', async () => {
      const rows = async () =>
        (
          await sql<{ organisation_id: string; actor_user_id: string }>`
            SELECT organisation_id, actor_user_id FROM audit_log
            WHERE action = 'user.read' AND entity_id = ${caseWorker.id} ORDER BY id`.execute(t.database.db)
        ).rows;
      const before = (await rows()).length;
      expectStatus(await system.client.get(`/api/users/${caseWorker.id}`), 200);
      const after = await rows();
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toEqual({ organisation_id: jobcenter.id, actor_user_id: system.user.id });

      const staff = await signedIn(t.app, t.database.db, jobcenter, ['partner_staff']);
      expectProblem(await staff.client.get(`/api/users/${caseWorker.id}`), 403, 'forbidden');
      expectProblem(await providerAdmin.client.get(`/api/users/${caseWorker.id}`), 404, 'not_found');
      expect(await rows()).toHaveLength(before + 1);
    });
  });

  describe('R-ORG-4: invitations', () => {
    it('R-ORG-4: an administrator invites a person who accepts, sets a password and signs in', async () => {
      const invitation = expectStatus<Invitation>(
        await invite(providerAdmin, provider.id, {
          email: 'Neue.Beraterin@Example.org',
          displayName: 'Neue Beraterin',
          roles: ['counsellor'],
          functionTitle: 'Beraterin MBE',
        }),
        201,
      );
      expect(invitation.invitationUrl).toMatch(/\/einladung\/[A-Za-z0-9_-]{20,}$/);
      expect(invitation.user).toMatchObject({
        email: 'neue.beraterin@example.org',
        status: 'invited',
        roles: ['counsellor'],
        organisationId: provider.id,
      });
      expect(invitation.user.allowedActions).toContain('user.reinvite');

      const token = tokenOf(invitation);
      const shown = expectStatus<{ email: string; organisationName: string }>(
        await anonymous(t.app).get(`/api/auth/invitations/${token}`),
        200,
      );
      expect(shown).toMatchObject({ email: 'neue.beraterin@example.org', organisationName: provider.name });

      const accepted = await anonymous(t.app).post('/api/auth/invitations/accept', {
        token,
        password: 'Ein-sehr-sicheres-Passwort-7',
      });
      expect(accepted.statusCode, accepted.body).toBe(204);
      expectProblem(await anonymous(t.app).get(`/api/auth/invitations/${token}`), 404, 'invitation_invalid');

      const newcomer = await signIn(t.app, 'neue.beraterin@example.org', 'Ein-sehr-sicheres-Passwort-7');
      const session = expectStatus<{ user: { id: string; roles: string[] } }>(
        await newcomer.get('/api/auth/session'),
        200,
      );
      expect(session.user).toMatchObject({ id: invitation.user.id, roles: ['counsellor'] });
      expect((await read(invitation.user.id)).status).toBe('active');
    });

    it('R-ORG-4: an e-mail address already in use, in any organisation and any case, answers 409 email_taken', async () => {
      const before = (await usersOf(provider.id)).total;
      const own = expectProblem(
        await invite(providerAdmin, provider.id, {
          email: counsellor.user.email.toUpperCase(),
          displayName: 'Doppelt',
          roles: ['counsellor'],
        }),
        409,
        'email_taken',
      );
      expect(own).toEqual(['email']);
      expectProblem(
        await invite(providerAdmin, provider.id, {
          email: caseWorker.email,
          displayName: 'Doppelt',
          roles: ['counsellor'],
        }),
        409,
        'email_taken',
      );
      expect((await usersOf(provider.id)).total).toBe(before);
    });

    it('R-ORG-4: a role the organisation kind does not allow answers 422 role_not_allowed on invitation', async () => {
      const before = (await usersOf(jobcenter.id)).total;
      const paths = expectProblem(
        await invite(jobcenterAdmin, jobcenter.id, {
          email: 'berater-im-jobcenter@example.org',
          displayName: 'Falsch',
          roles: ['counsellor'],
        }),
        422,
        'role_not_allowed',
      );
      expect(paths).toEqual(['roles']);
      expect((await usersOf(jobcenter.id)).total).toBe(before);
    });

    it('R-ORG-4: a counsellor may not invite (403) and nobody is invited', async () => {
      const before = (await usersOf(provider.id)).total;
      expectProblem(
        await invite(counsellor, provider.id, {
          email: 'kollegin@example.org',
          displayName: 'Kollegin',
          roles: ['counsellor'],
        }),
        403,
        'forbidden',
      );
      expect((await usersOf(provider.id)).total).toBe(before);
    });
  });

  describe('R-ORG-4: roles', () => {
    it('R-ORG-4: an administrator assigns roles allowed for the organisation kind', async () => {
      const person = await buildUser(t.database.db, provider, { roles: ['counsellor'] });
      const { version } = await read(person.id);
      const updated = expectStatus<UserBody>(
        await providerAdmin.client.patch(`/api/users/${person.id}`, {
          version,
          roles: ['counsellor', 'team_lead'],
          functionTitle: 'Teamleitung',
        }),
        200,
      );
      expect(updated.version).toBe(version + 1);
      expect(await read(person.id)).toMatchObject({
        roles: ['counsellor', 'team_lead'],
        functionTitle: 'Teamleitung',
      });
    });

    it('R-ORG-4: a role not allowed for the organisation kind answers 422 role_not_allowed and changes nothing', async () => {
      const before = await read(counsellor.user.id);
      const paths = expectProblem(
        await providerAdmin.client.patch(`/api/users/${counsellor.user.id}`, {
          version: before.version,
          roles: ['partner_staff'],
        }),
        422,
        'role_not_allowed',
      );
      expect(paths).toEqual(['roles']);
      expectProblem(
        await providerAdmin.client.patch(`/api/users/${counsellor.user.id}`, {
          version: before.version,
          roles: ['system_admin'],
        }),
        422,
        'role_not_allowed',
      );
      expect(await read(counsellor.user.id)).toEqual(before);
    });

    it('R-ORG-4: a stale version answers 409 version_conflict and the first change is kept', async () => {
      const person = await buildUser(t.database.db, provider, { roles: ['counsellor'] });
      const { version } = await read(person.id);
      expectStatus(
        await providerAdmin.client.patch(`/api/users/${person.id}`, {
          version,
          displayName: 'Erste Änderung',
        }),
        200,
      );
      expectProblem(
        await providerAdmin.client.patch(`/api/users/${person.id}`, {
          version,
          displayName: 'Zweite Änderung',
          roles: ['org_admin'],
        }),
        409,
        'version_conflict',
      );
      const after = await read(person.id);
      expect(after).toMatchObject({
        displayName: 'Erste Änderung',
        roles: ['counsellor'],
        version: version + 1,
      });
    });
  });

  describe('R-ORG-4: deactivation and the last administrator', () => {
    it('R-ORG-4: a deactivated user is signed out at once and cannot sign in again', async () => {
      const victim = await signedIn(t.app, t.database.db, provider, ['counsellor']);
      expectStatus(await victim.client.get(`/api/users/${victim.user.id}`), 200);
      const { version } = await read(victim.user.id);

      const deactivated = expectStatus<UserBody>(
        await providerAdmin.client.post(`/api/users/${victim.user.id}/deactivate`, { version }),
        200,
      );
      expect(deactivated.status).toBe('deactivated');
      expect(deactivated.allowedActions).toContain('user.reactivate');

      expect((await victim.client.get(`/api/users/${victim.user.id}`)).statusCode).toBe(401);
      expect((await victim.client.get('/api/auth/session')).statusCode).toBe(401);
      await expect(signIn(t.app, victim.user.email)).rejects.toThrow(/401/);
      expect((await read(victim.user.id)).status).toBe('deactivated');
    });

    it('R-ORG-4: nobody deactivates themselves (403)', async () => {
      const { version, status } = await read(providerAdmin.user.id);
      expectProblem(
        await providerAdmin.client.post(`/api/users/${providerAdmin.user.id}/deactivate`, { version }),
        403,
        'forbidden',
      );
      expect((await read(providerAdmin.user.id)).status).toBe(status);
    });

    it('R-ORG-4: the last active administrator cannot give up the role (409 last_admin)', async () => {
      const before = await read(jobcenterAdmin.user.id);
      expectProblem(
        await jobcenterAdmin.client.patch(`/api/users/${jobcenterAdmin.user.id}`, {
          version: before.version,
          roles: ['partner_staff'],
        }),
        409,
        'last_admin',
      );
      expect(await read(jobcenterAdmin.user.id)).toEqual(before);
    });

    it('R-ORG-4: the last active administrator cannot be deactivated (409 last_admin), a second one can', async () => {
      const before = await read(jobcenterAdmin.user.id);
      expectProblem(
        await system.client.post(`/api/users/${jobcenterAdmin.user.id}/deactivate`, {
          version: before.version,
        }),
        409,
        'last_admin',
      );
      expect((await read(jobcenterAdmin.user.id)).status).toBe('active');

      const second = await buildUser(t.database.db, jobcenter, { roles: ['org_admin'] });
      const { version } = await read(second.id);
      expect(
        expectStatus<UserBody>(
          await jobcenterAdmin.client.post(`/api/users/${second.id}/deactivate`, { version }),
          200,
        ).status,
      ).toBe('deactivated');
      expectProblem(
        await system.client.post(`/api/users/${jobcenterAdmin.user.id}/deactivate`, {
          version: before.version,
        }),
        409,
        'last_admin',
      );
    });
  });

  describe('R-ORG-4: system administration', () => {
    it('R-ORG-4: the system administrator lists, invites, changes and deactivates users of another organisation', async () => {
      const listed = await usersOf(jobcenter.id);
      expect(listed.items.map((u) => u.id)).toEqual(
        expect.arrayContaining([jobcenterAdmin.user.id, caseWorker.id]),
      );

      const invitation = expectStatus<Invitation>(
        await invite(system, jobcenter.id, {
          email: 'zentrale@jobcenter.example',
          displayName: 'Zentrale Ansprechperson',
          roles: ['central_contact'],
        }),
        201,
      );
      expect(invitation.user).toMatchObject({
        organisationId: jobcenter.id,
        status: 'invited',
        roles: ['central_contact'],
      });

      const person = await buildUser(t.database.db, jobcenter, { roles: ['partner_staff'] });
      const { version } = await read(person.id);
      const changed = expectStatus<UserBody>(
        await system.client.patch(`/api/users/${person.id}`, {
          version,
          roles: ['partner_staff', 'central_contact'],
        }),
        200,
      );
      expect(changed.roles).toEqual(['partner_staff', 'central_contact']);
      expectStatus(
        await system.client.post(`/api/users/${person.id}/deactivate`, { version: changed.version }),
        200,
      );

      const seenByOwnAdmin = expectStatus<UserBody>(
        await jobcenterAdmin.client.get(`/api/users/${person.id}`),
        200,
      );
      expect(seenByOwnAdmin).toMatchObject({
        status: 'deactivated',
        roles: ['partner_staff', 'central_contact'],
      });
    });

    it('R-ORG-4: the system administrator also meets the organisation-kind rule (422)', async () => {
      const before = await read(caseWorker.id);
      expectProblem(
        await system.client.patch(`/api/users/${caseWorker.id}`, {
          version: before.version,
          roles: ['counsellor'],
        }),
        422,
        'role_not_allowed',
      );
      expect(await read(caseWorker.id)).toEqual(before);
    });
  });

  describe('R-ORG-4: allowed actions follow the policy', () => {
    it('R-ORG-4: a counsellor listing users gets no administrative actions', async () => {
      const page = expectStatus<Page<UserBody>>(
        await counsellor.client.get(`/api/organisations/${provider.id}/users`),
        200,
      );
      expect(page.items.length).toBeGreaterThan(1);
      for (const user of page.items) {
        expect(user.organisationId).toBe(provider.id);
        expect(user.allowedActions).toEqual([]);
      }
      expectProblem(
        await counsellor.client.patch(`/api/users/${providerAdmin.user.id}`, {
          version: 1,
          displayName: 'Chefin',
        }),
        403,
        'forbidden',
      );
    });

    it('R-ORG-4: an administrator may change and deactivate others, but not deactivate themselves', async () => {
      const page = expectStatus<Page<UserBody>>(
        await providerAdmin.client.get(`/api/organisations/${provider.id}/users?status=active`),
        200,
      );
      const self = page.items.find((u) => u.id === providerAdmin.user.id);
      const other = page.items.find((u) => u.id === counsellor.user.id);
      expect(self?.allowedActions).toEqual(['user.update']);
      expect(other?.allowedActions).toEqual(['user.update', 'user.deactivate']);
    });

    it('R-ORG-4: partner staff cannot list their colleagues (403)', async () => {
      const staff = await signIn(t.app, caseWorker.email);
      expectProblem(await staff.get(`/api/organisations/${jobcenter.id}/users`), 403, 'forbidden');
    });
  });
});
