import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, signIn, type TestApp } from '../../../../test/test-app.ts';
import { buildUser, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import {
  expectProblem,
  expectStatus,
  organisationWithAdmin,
  postWithoutCsrf,
  signedIn,
  signedInSystemAdmin,
  type Page,
  type Person,
  type UserBody,
} from '../../../../test/api.ts';
import type { organisationDetailSchema, organisationSchema } from './organisations.schemas.ts';

type Organisation = z.infer<typeof organisationSchema>;
type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

describe(`organisations API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let system: Person;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let counsellor: Person;
  let jobcenter: TestOrganisation;
  let jobcenterAdmin: Person;

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
  });
  afterAll(() => t.close());

  const read = async (id: string, as: Person = system) =>
    expectStatus<OrganisationDetail>(await as.client.get(`/api/organisations/${id}`), 200);
  const count = async () =>
    expectStatus<Page<Organisation>>(await system.client.get('/api/organisations?limit=1'), 200).total;

  describe('authentication and input', () => {
    it('R-ORG-4: without credentials every organisation endpoint answers 401', async () => {
      const nobody = anonymous(t.app);
      expectProblem(await nobody.get('/api/organisations'), 401, 'not_authenticated');
      expectProblem(await nobody.get(`/api/organisations/${provider.id}`), 401, 'not_authenticated');
      expectProblem(
        await nobody.post('/api/organisations', { name: 'Neu', kind: 'abh' }),
        401,
        'not_authenticated',
      );
      expectProblem(
        await nobody.patch(`/api/organisations/${provider.id}`, { version: 1, name: 'Neuer Name' }),
        401,
        'not_authenticated',
      );
      expect((await read(provider.id)).name).toBe(provider.name);
    });

    it('R-SEC-4: bad input answers 400 problem+json naming each field, and nothing is created', async () => {
      const before = await count();
      const paths = expectProblem(
        await system.client.post('/api/organisations', {
          name: 'X',
          kind: 'bank',
          postcode: '1234',
          email: 'keine-adresse',
        }),
        400,
        'validation_failed',
      );
      expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'postcode', 'email']));
      expectProblem(await system.client.get('/api/organisations/keine-uuid'), 400, 'validation_failed');
      expect(
        expectProblem(await system.client.get('/api/organisations?kind=bank'), 400, 'validation_failed'),
      ).toContain('kind');
      const malformed = await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: {
          cookie: system.client.cookie ?? '',
          'x-csrf-token': system.client.csrfToken ?? '',
          'content-type': 'application/json',
        },
        payload: '{"name": "Kaputt",',
      });
      expectProblem(malformed, 400, 'malformed_json');
      expect(await count()).toBe(before);
    });

    it('R-SEC-4: a change without version answers 400 and changes nothing', async () => {
      const before = await read(provider.id);
      const paths = expectProblem(
        await providerAdmin.client.patch(`/api/organisations/${provider.id}`, { name: 'Ohne Version' }),
        400,
        'validation_failed',
      );
      expect(paths).toContain('version');
      const after = await read(provider.id);
      expect(after.name).toBe(before.name);
      expect(after.version).toBe(before.version);
    });

    it('R-SEC-4: a POST without the CSRF header answers 403 csrf_failed and creates nothing', async () => {
      const before = await count();
      const name = 'Ausländerbehörde ohne CSRF';
      expectProblem(
        await postWithoutCsrf(t.app, system.client, '/api/organisations', { name, kind: 'abh' }),
        403,
        'csrf_failed',
      );
      expect(await count()).toBe(before);
      const found = expectStatus<Page<Organisation>>(
        await system.client.get(`/api/organisations?q=${encodeURIComponent(name)}`),
        200,
      );
      expect(found.total).toBe(0);
    });
  });

  describe('R-ORG-1: organisations of every kind', () => {
    const kinds = [
      {
        name: 'Caritasverband Musterstadt',
        kind: 'welfare_provider',
        services: ['MBE'],
        funding: 'federal',
        dataProtectionLaw: 'kdg',
      },
      {
        name: 'Jugendmigrationsdienst Diakonie',
        kind: 'welfare_provider',
        services: ['JMD'],
        funding: 'federal_and_state',
        dataProtectionLaw: 'dsg_ekd',
      },
      { name: 'Jobcenter Musterstadt', kind: 'jobcenter' },
      { name: 'Ausländerbehörde Musterstadt', kind: 'abh', hostsClearingOffice: true },
      { name: 'Volkshochschule Musterstadt', kind: 'course_provider' },
      { name: 'Sozialamt Musterstadt', kind: 'other', subtype: 'regeldienst' },
      { name: 'Stadtteilzentrum Nord', kind: 'other', subtype: 'stadtteilzentrum' },
      { name: 'Agentur für Arbeit Musterstadt', kind: 'other', subtype: 'bundesagentur' },
      { name: 'Gemeinsame Clearingstelle AWO/DRK', kind: 'other', subtype: 'clearing_office_joint' },
    ] as const;

    it.each(kinds)('R-ORG-1: the system administrator creates $kind $name', async (input) => {
      const created = expectStatus<Organisation>(await system.client.post('/api/organisations', input), 201);
      expect(created).toMatchObject({ ...input, version: 1, deactivatedAt: null });
      const stored = await read(created.id);
      expect(stored).toMatchObject(input);
      const listed = expectStatus<Page<Organisation>>(
        await system.client.get(`/api/organisations?kind=${input.kind}`),
        200,
      );
      expect(listed.items.map((o) => o.id)).toContain(created.id);
      expect(listed.items.every((o) => o.kind === input.kind)).toBe(true);
    });

    it('R-ORG-1: a second organisation with the same name (any case) answers 409 name_taken', async () => {
      const before = await count();
      const paths = expectProblem(
        await system.client.post('/api/organisations', { name: 'JOBCENTER MUSTERSTADT', kind: 'jobcenter' }),
        409,
        'name_taken',
      );
      expect(paths).toEqual(['name']);
      expect(await count()).toBe(before);
    });

    it('R-ORG-1: an organisation administrator cannot create organisations (403) and nothing is created', async () => {
      const before = await count();
      const response = await providerAdmin.client.post('/api/organisations', {
        name: 'Eigenmächtig gegründet',
        kind: 'abh',
      });
      expectProblem(response, 403, 'forbidden');
      expect(await count()).toBe(before);
    });
  });

  describe('changes', () => {
    it('R-ORG-4: an administrator changes their own organisation', async () => {
      const before = await read(provider.id, providerAdmin);
      const updated = expectStatus<Organisation>(
        await providerAdmin.client.patch(`/api/organisations/${provider.id}`, {
          version: before.version,
          street: 'Am Markt 3',
          postcode: '50667',
          city: 'Köln',
          dataProtectionLaw: 'kdg',
        }),
        200,
      );
      expect(updated.version).toBe(before.version + 1);
      expect(await read(provider.id)).toMatchObject({
        street: 'Am Markt 3',
        postcode: '50667',
        city: 'Köln',
        dataProtectionLaw: 'kdg',
      });
    });

    it('R-CON-7, R-SEC-4: an administrator records the Land once; an unknown Land is refused at its field', async () => {
      const before = await read(provider.id, providerAdmin);
      expect(
        expectProblem(
          await providerAdmin.client.patch(`/api/organisations/${provider.id}`, {
            version: before.version,
            state: 'XX',
          }),
          400,
          'validation_failed',
        ),
      ).toEqual(['state']);
      const updated = expectStatus<Organisation>(
        await providerAdmin.client.patch(`/api/organisations/${provider.id}`, {
          version: before.version,
          state: 'NW',
        }),
        200,
      );
      expect(updated.state).toBe('NW');
      expect((await read(provider.id)).state).toBe('NW');
    });

    it('R-ORG-4: an administrator of another organisation gets 404 and nothing changes', async () => {
      const before = await read(jobcenter.id);
      expectProblem(
        await providerAdmin.client.patch(`/api/organisations/${jobcenter.id}`, {
          version: before.version,
          name: 'Übernommen',
        }),
        404,
        'not_found',
      );
      const after = await read(jobcenter.id);
      expect(after.name).toBe(before.name);
      expect(after.version).toBe(before.version);
    });

    it('R-ORG-4: a counsellor cannot change their organisation (403) and nothing changes', async () => {
      const before = await read(provider.id);
      expectProblem(
        await counsellor.client.patch(`/api/organisations/${provider.id}`, {
          version: before.version,
          city: 'Bonn',
        }),
        403,
        'forbidden',
      );
      expect((await read(provider.id)).city).toBe(before.city);
    });

    it('R-ORG-4: a stale version answers 409 version_conflict and the first change is kept', async () => {
      const { version } = await read(jobcenter.id);
      expectStatus(
        await jobcenterAdmin.client.patch(`/api/organisations/${jobcenter.id}`, {
          version,
          phone: '0221 111',
        }),
        200,
      );
      expectProblem(
        await jobcenterAdmin.client.patch(`/api/organisations/${jobcenter.id}`, {
          version,
          phone: '0221 222',
        }),
        409,
        'version_conflict',
      );
      const after = await read(jobcenter.id);
      expect(after.phone).toBe('0221 111');
      expect(after.version).toBe(version + 1);
    });

    it('R-ORG-4: the system administrator changes any organisation and deactivates it; its staff are signed out', async () => {
      const organisation = expectStatus<Organisation>(
        await system.client.post('/api/organisations', { name: 'Kursträger Süd', kind: 'course_provider' }),
        201,
      );
      const staff = await buildUser(t.database.db, organisation, { roles: ['partner_staff'] });
      const staffClient = await signIn(t.app, staff.email);
      expectStatus(await staffClient.get(`/api/organisations/${organisation.id}`), 200);

      const updated = expectStatus<Organisation>(
        await system.client.patch(`/api/organisations/${organisation.id}`, {
          version: organisation.version,
          deactivated: true,
        }),
        200,
      );
      expect(updated.deactivatedAt).not.toBeNull();
      expect((await staffClient.get(`/api/organisations/${organisation.id}`)).statusCode).toBe(401);
    });
  });

  describe('R-ORG-3: central contacts', () => {
    it('R-ORG-3: a partner organisation without a central contact is flagged until a user holds the role', async () => {
      const staff = await buildUser(t.database.db, jobcenter, {
        roles: ['partner_staff'],
        displayName: 'Petra Fallmanagerin',
      });
      const before = await read(jobcenter.id, jobcenterAdmin);
      expect(before.centralContacts).toEqual([]);
      expect(before.centralContactMissing).toBe(true);

      const user = expectStatus<UserBody>(await jobcenterAdmin.client.get(`/api/users/${staff.id}`), 200);
      expectStatus(
        await jobcenterAdmin.client.patch(`/api/users/${staff.id}`, {
          version: user.version,
          roles: ['partner_staff', 'central_contact'],
        }),
        200,
      );

      const after = await read(jobcenter.id, jobcenterAdmin);
      expect(after.centralContactMissing).toBe(false);
      expect(after.centralContacts.map((c) => [c.id, c.displayName])).toEqual([
        [staff.id, 'Petra Fallmanagerin'],
      ]);
      expect((await read(jobcenter.id, system)).centralContactMissing).toBe(false);
    });

    it.each(['abh', 'course_provider'] as const)(
      'R-ORG-3: a new %s organisation starts without a central contact',
      async (kind) => {
        const created = expectStatus<Organisation>(
          await system.client.post('/api/organisations', { name: `Partner ${kind} ohne Kontakt`, kind }),
          201,
        );
        const detail = await read(created.id);
        expect(detail.centralContactMissing).toBe(true);
        expect(detail.centralContacts).toEqual([]);
      },
    );

    it('R-ORG-3: a welfare provider needs no central contact', async () => {
      const detail = await read(provider.id, providerAdmin);
      expect(detail.centralContactMissing).toBe(false);
    });
  });

  describe('R-ORG-4: allowed actions follow the policy', () => {
    it('R-ORG-4: the administrator may administer their own organisation, not another', async () => {
      const own = await read(provider.id, providerAdmin);
      expect(own.allowedActions).toEqual(
        expect.arrayContaining(['organisation.update', 'user.invite', 'office.create', 'audit.read']),
      );
      const other = await read(jobcenter.id, providerAdmin);
      expect(other.allowedActions).toEqual([]);
    });

    it('R-ORG-4: a counsellor gets no administrative actions; the system administrator gets them everywhere', async () => {
      const asCounsellor = await read(provider.id, counsellor);
      expect(asCounsellor.allowedActions).not.toContain('organisation.update');
      expect(asCounsellor.allowedActions).not.toContain('user.invite');
      expect(asCounsellor.allowedActions).toContain('user.list');
      const asSystem = await read(jobcenter.id, system);
      expect(asSystem.allowedActions).toEqual(
        expect.arrayContaining(['organisation.update', 'user.invite', 'audit.read']),
      );
      expect(asSystem.allowedActions).not.toContain('office.create');
    });
  });
});
