import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildUser, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import {
  expectStatus,
  organisationWithAdmin,
  signedIn,
  signedInSystemAdmin,
  type Page,
  type Person,
  type UserBody,
} from '../../../../test/api.ts';

/**
 * The requests one visit of the web page "Benutzer" (src/web/pages/users/UsersPage.tsx) sends
 * for the person's own organisation: the session, the roles the person can assign (whether to
 * offer an invitation) and the first page of the staff list.
 */
async function visitUsersPage(as: Person, organisationId: string) {
  expectStatus(await as.client.get('/api/auth/session'), 200);
  const roles = expectStatus<{ roles: string[] }>(
    await as.client.get(`/api/organisations/${organisationId}/roles`),
    200,
  );
  const users = expectStatus<Page<UserBody>>(
    await as.client.get(`/api/organisations/${organisationId}/users?offset=0&limit=25`),
    200,
  );
  return { roles: roles.roles, users };
}

describe(`one visit of the users page: its audit and what it shows (${testDatabaseKind})`, () => {
  let t: TestApp;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let counsellor: Person;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ({ organisation: provider, admin: providerAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'welfare_provider',
    ));
    counsellor = await signedIn(t.app, db, provider, ['counsellor']);
    // A central contact: reading the organisation's detail would show (and audit) them too.
    await buildUser(db, provider, { roles: ['central_contact'], displayName: 'Zora Zentral' });
  });
  afterAll(() => t.close());

  /** The `user.listed` rows the person has caused so far. */
  const listedRows = async (person: Person) =>
    (
      await sql<{ entity_type: string; entity_id: string; organisation_id: string; details: unknown }>`
        SELECT entity_type, entity_id, organisation_id, details FROM audit_log
        WHERE action = 'user.listed' AND actor_user_id = ${person.user.id}
        ORDER BY id`.execute(t.database.db)
    ).rows;

  it('R-SEC-1: one visit of the users page writes exactly one user.listed row, naming the users shown', async () => {
    const before = await listedRows(providerAdmin);
    const { roles, users } = await visitUsersPage(providerAdmin, provider.id);
    expect(roles.length).toBeGreaterThan(0); // the administrator is offered an invitation
    const after = await listedRows(providerAdmin);
    expect(after).toHaveLength(before.length + 1);
    const row = after.at(-1);
    expect(row).toMatchObject({
      entity_type: 'organisation',
      entity_id: provider.id,
      organisation_id: provider.id,
    });
    const details = (typeof row?.details === 'string' ? JSON.parse(row.details) : row?.details) as {
      userIds: string[];
    };
    expect([...details.userIds].sort()).toEqual(users.items.map((u) => u.id).sort());
  });

  it('R-SEC-1: a counsellor’s visit also writes one user.listed row, and no roles to hand out', async () => {
    const before = await listedRows(counsellor);
    const { roles } = await visitUsersPage(counsellor, provider.id);
    expect(roles).toEqual([]); // so the page offers no invitation
    expect(await listedRows(counsellor)).toHaveLength(before.length + 1);
  });

  it('R-SEC-1: the system administration working on another organisation’s staff also writes one row, and learns its name', async () => {
    const sys = await signedInSystemAdmin(t.app, t.database.db);
    const before = await listedRows(sys);
    const roles = expectStatus<{ organisation: { id: string; name: string }; roles: string[] }>(
      await sys.client.get(`/api/organisations/${provider.id}/roles`),
      200,
    );
    expect(roles.organisation).toEqual({ id: provider.id, name: provider.name });
    await visitUsersPage(sys, provider.id);
    const after = await listedRows(sys);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ entity_id: provider.id, organisation_id: provider.id });
  });

  it('R-SEC-1: the assignable roles show no personal data and write no audit row', async () => {
    const count = async () =>
      Number(
        (
          await sql<{ n: string }>`
            SELECT count(*) AS n FROM audit_log WHERE actor_user_id = ${providerAdmin.user.id}`.execute(
            t.database.db,
          )
        ).rows[0]?.n,
      );
    const before = await count();
    expectStatus(await providerAdmin.client.get(`/api/organisations/${provider.id}/roles`), 200);
    expect(await count()).toBe(before);
  });

  it('R-SEC-1: reading the organisation with its central contacts is still audited as a real read', async () => {
    const before = await listedRows(providerAdmin);
    const detail = expectStatus<{ centralContacts: { id: string }[] }>(
      await providerAdmin.client.get(`/api/organisations/${provider.id}`),
      200,
    );
    expect(detail.centralContacts).toHaveLength(1);
    const after = await listedRows(providerAdmin);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.details).toMatchObject({ purpose: 'central_contacts' });
  });

  it('R-ORG-4: a counsellor sees colleagues’ names and contact details, not their sign-in times or second factor', async () => {
    const { users } = await visitUsersPage(counsellor, provider.id);
    expect(users.items.length).toBeGreaterThanOrEqual(2);
    for (const user of users.items) {
      expect(user).toHaveProperty('displayName');
      expect(user).toHaveProperty('email');
      expect(user).not.toHaveProperty('lastLoginAt');
      expect(user).not.toHaveProperty('totpEnabled');
    }
    const one = expectStatus<UserBody>(
      await counsellor.client.get(`/api/users/${providerAdmin.user.id}`),
      200,
    );
    expect(one).not.toHaveProperty('lastLoginAt');
    expect(one).not.toHaveProperty('totpEnabled');
  });

  it('R-ORG-4: the administration sees when each person last signed in and whether the second factor is set up', async () => {
    const { users } = await visitUsersPage(providerAdmin, provider.id);
    const seen = users.items.find((u) => u.id === counsellor.user.id);
    expect(seen?.totpEnabled).toBe(false);
    // The counsellor signed in for this test, so the sign-in time is known.
    expect(typeof seen?.lastLoginAt).toBe('string');
  });
});
