import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, type TestApp } from '../../../../test/test-app.ts';
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
} from '../../../../test/api.ts';

interface AuditEntry {
  id: number;
  occurredAt: string;
  organisationId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
}

describe(`audit log API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let system: Person;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let counsellor: Person;
  let colleague: TestUser;
  let otherProvider: TestOrganisation;
  let otherAdmin: Person;

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
    colleague = await buildUser(db, provider, { roles: ['counsellor'], displayName: 'Clara Kollegin' });
    ({ organisation: otherProvider, admin: otherAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'welfare_provider',
    ));
  });
  afterAll(() => t.close());

  /** Reads the audit log with these filters as the given person. */
  const audit = async (as: Person, filter: Record<string, string>) =>
    expectStatus<Page<AuditEntry>>(
      await as.client.get(`/api/audit?${new URLSearchParams({ limit: '200', ...filter }).toString()}`),
      200,
    );
  const requestIdOf = (response: { headers: Record<string, unknown> }) =>
    String(response.headers['x-request-id']);

  describe('authentication, input and who may read', () => {
    it('R-SEC-1: without credentials the audit log answers 401', async () => {
      expectProblem(await anonymous(t.app).get('/api/audit'), 401, 'not_authenticated');
    });

    it('R-SEC-4: bad filters answer 400 naming each field', async () => {
      const paths = expectProblem(
        await providerAdmin.client.get('/api/audit?organisationId=keine-uuid&from=gestern&limit=0'),
        400,
        'validation_failed',
      );
      expect(paths).toEqual(expect.arrayContaining(['organisationId', 'from', 'limit']));
      const reversed = expectProblem(
        await providerAdmin.client.get('/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
        400,
        'validation_failed',
      );
      expect(reversed).toContain('to');
      expectProblem(await providerAdmin.client.get('/api/audit?secret=1'), 400, 'validation_failed');
    });

    it('R-SEC-1: counsellors may not read the audit log (403)', async () => {
      expectProblem(await counsellor.client.get('/api/audit'), 403, 'forbidden');
      expectProblem(
        await counsellor.client.get(`/api/audit?organisationId=${provider.id}`),
        403,
        'forbidden',
      );
    });

    it("R-SEC-1: an administrator asking for another organisation's log gets 404, and it leaves no trace there", async () => {
      const before = (await audit(system, { organisationId: otherProvider.id, action: 'audit.read' })).total;
      expectProblem(
        await providerAdmin.client.get(`/api/audit?organisationId=${otherProvider.id}`),
        404,
        'not_found',
      );
      const after = await audit(system, { organisationId: otherProvider.id, action: 'audit.read' });
      expect(after.total).toBe(before + 1); // the system administrator's first look; nothing from the refused request
      expect(after.items[0]?.actorUserId).toBe(system.user.id);
    });
  });

  describe('R-SEC-1: every read of personal data is logged', () => {
    it('R-SEC-1: reading one user writes an audit row, found by entity type and id', async () => {
      const response = await providerAdmin.client.get(`/api/users/${colleague.id}`);
      expect(response.statusCode).toBe(200);
      const page = await audit(providerAdmin, { entityType: 'user', entityId: colleague.id });
      const row = page.items.find((r) => r.requestId === requestIdOf(response));
      expect(row).toMatchObject({
        action: 'user.read',
        entityType: 'user',
        entityId: colleague.id,
        organisationId: provider.id,
        actorUserId: providerAdmin.user.id,
      });
      expect(row?.actorName).toEqual(expect.any(String));
      expect(page.items.every((r) => r.entityType === 'user' && r.entityId === colleague.id)).toBe(true);
    });

    it("R-SEC-1: listing users writes an audit row, found by the reader's id", async () => {
      const response = await counsellor.client.get(`/api/organisations/${provider.id}/users`);
      expect(response.statusCode).toBe(200);
      const page = await audit(providerAdmin, { actorUserId: counsellor.user.id });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((r) => r.actorUserId === counsellor.user.id)).toBe(true);
      expect(page.items.find((r) => r.requestId === requestIdOf(response))).toMatchObject({
        action: 'user.listed',
        entityType: 'organisation',
        entityId: provider.id,
      });
    });

    it("R-SEC-1: reading an organisation's central contacts is logged as a read of users", async () => {
      const contact = await buildUser(t.database.db, provider, { roles: ['central_contact'] });
      const response = await providerAdmin.client.get(`/api/organisations/${provider.id}`);
      const detail = expectStatus<{ centralContacts: { id: string }[] }>(response, 200);
      expect(detail.centralContacts.map((c) => c.id)).toContain(contact.id);
      const page = await audit(providerAdmin, {
        entityType: 'organisation',
        entityId: provider.id,
        action: 'user.listed',
      });
      expect(page.items.some((r) => r.requestId === requestIdOf(response))).toBe(true);
    });

    it('R-SEC-1: a refused read writes nothing', async () => {
      const response = await counsellor.client.get(`/api/users/${otherAdmin.user.id}`);
      expectProblem(response, 404, 'not_found');
      const everywhere = await audit(system, {
        organisationId: otherProvider.id,
        actorUserId: counsellor.user.id,
      });
      const own = await audit(providerAdmin, { actorUserId: counsellor.user.id });
      expect([...everywhere.items, ...own.items].some((r) => r.requestId === requestIdOf(response))).toBe(
        false,
      );
    });

    it('R-SEC-1: the time range selects the rows of that period only', async () => {
      const start = new Date(Date.now() - 1000);
      const response = await providerAdmin.client.get(`/api/users/${colleague.id}`);
      expect(response.statusCode).toBe(200);
      const end = new Date(Date.now() + 1000);
      const inRange = await audit(providerAdmin, {
        entityId: colleague.id,
        from: start.toISOString(),
        to: end.toISOString(),
      });
      expect(inRange.items.map((r) => r.requestId)).toContain(requestIdOf(response));
      for (const row of inRange.items) {
        expect(new Date(row.occurredAt).getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(new Date(row.occurredAt).getTime()).toBeLessThan(end.getTime());
      }
      const later = await audit(providerAdmin, { entityId: colleague.id, from: end.toISOString() });
      expect(later.total).toBe(0);
      const earlier = await audit(providerAdmin, { entityId: colleague.id, to: start.toISOString() });
      expect(earlier.items.map((r) => r.requestId)).not.toContain(requestIdOf(response));
    });

    it('R-SEC-1: reading the audit log is itself logged', async () => {
      const response = await providerAdmin.client.get(`/api/audit?entityId=${colleague.id}`);
      expect(response.statusCode).toBe(200);
      const page = await audit(providerAdmin, { action: 'audit.read', actorUserId: providerAdmin.user.id });
      expect(page.items.find((r) => r.requestId === requestIdOf(response))).toMatchObject({
        entityType: 'audit_log',
        organisationId: provider.id,
      });
    });
  });

  describe('R-SEC-1: whose log each administrator sees', () => {
    it("R-SEC-1: an organisation administrator sees only their own organisation's rows", async () => {
      const foreignRead = await otherAdmin.client.get(`/api/users/${otherAdmin.user.id}`);
      expect(foreignRead.statusCode).toBe(200);
      const own = await audit(providerAdmin, {});
      expect(own.total).toBeGreaterThan(0);
      expect(own.items.every((r) => r.organisationId === provider.id)).toBe(true);
      expect((await audit(providerAdmin, { actorUserId: otherAdmin.user.id })).total).toBe(0);
      expect((await audit(providerAdmin, { entityId: otherAdmin.user.id })).total).toBe(0);

      const theirs = await audit(otherAdmin, { entityId: otherAdmin.user.id });
      expect(theirs.items.map((r) => r.requestId)).toContain(requestIdOf(foreignRead));
    });

    it("R-SEC-1: the system administrator reads any organisation's log", async () => {
      const response = await otherAdmin.client.get(`/api/organisations/${otherProvider.id}/users`);
      expect(response.statusCode).toBe(200);
      const page = await audit(system, { organisationId: otherProvider.id, actorUserId: otherAdmin.user.id });
      expect(page.items.find((r) => r.requestId === requestIdOf(response))).toMatchObject({
        action: 'user.listed',
        organisationId: otherProvider.id,
      });
      expect(
        (await audit(system, { organisationId: provider.id })).items.every(
          (r) => r.organisationId === provider.id,
        ),
      ).toBe(true);
    });

    it('R-SEC-1: the audit log offers no way to change or delete rows', async () => {
      const before = (await audit(providerAdmin, { entityId: colleague.id })).total;
      expect(before).toBeGreaterThan(0);
      expectProblem(await providerAdmin.client.delete('/api/audit'), 404, 'route_not_found');
      expectProblem(
        await providerAdmin.client.patch('/api/audit', { action: 'nichts' }),
        404,
        'route_not_found',
      );
      expect((await audit(providerAdmin, { entityId: colleague.id })).total).toBe(before);
    });
  });
});
