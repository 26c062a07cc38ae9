import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildOffice, type TestOrganisation } from '../../../../test/factories.ts';
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
import type { officeSchema } from './offices.schemas.ts';

type Office = z.infer<typeof officeSchema>;

const newOffice = {
  name: 'Migrationsberatung Innenstadt',
  street: 'Domplatz 5',
  postcode: '50667',
  city: 'Köln',
  phone: '0221 123456',
  email: 'mbe-innenstadt@example.org',
  services: ['MBE', 'JMD'],
};

describe(`offices API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let system: Person;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let counsellor: Person;
  let otherProvider: TestOrganisation;
  let otherOffice: { id: string };
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
    ({ organisation: otherProvider } = await organisationWithAdmin(t.app, db, 'welfare_provider'));
    otherOffice = await buildOffice(db, otherProvider, { name: 'Beratungsstelle Nord' });
    ({ organisation: jobcenter, admin: jobcenterAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'jobcenter',
    ));
  });
  afterAll(() => t.close());

  const officesOf = async (organisationId: string, as: Person = system) =>
    expectStatus<Page<Office>>(await as.client.get(`/api/organisations/${organisationId}/offices`), 200);
  const officeIn = async (organisationId: string, id: string) =>
    (await officesOf(organisationId)).items.find((o) => o.id === id);
  const create = async (as: Person = providerAdmin, body: Record<string, unknown> = newOffice) =>
    expectStatus<Office>(await as.client.post(`/api/organisations/${provider.id}/offices`, body), 201);

  describe('authentication and input', () => {
    it('R-ORG-2: without credentials every office endpoint answers 401 and nothing changes', async () => {
      const nobody = anonymous(t.app);
      const before = await officesOf(otherProvider.id);
      expectProblem(
        await nobody.get(`/api/organisations/${otherProvider.id}/offices`),
        401,
        'not_authenticated',
      );
      expectProblem(
        await nobody.post(`/api/organisations/${otherProvider.id}/offices`, newOffice),
        401,
        'not_authenticated',
      );
      expectProblem(
        await nobody.patch(`/api/offices/${otherOffice.id}`, { version: 1, name: 'Fremd' }),
        401,
        'not_authenticated',
      );
      expectProblem(
        await nobody.delete(`/api/offices/${otherOffice.id}?version=1`),
        401,
        'not_authenticated',
      );
      expect(await officesOf(otherProvider.id)).toEqual(before);
    });

    it('R-SEC-4: an office with bad input answers 400 naming each field, and nothing is created', async () => {
      const before = (await officesOf(provider.id)).total;
      const paths = expectProblem(
        await providerAdmin.client.post(`/api/organisations/${provider.id}/offices`, {
          name: 'Beratungsstelle',
          street: 'Hauptstraße 1',
          postcode: '1234',
          city: 'K',
          services: [],
          email: 'keine-adresse',
        }),
        400,
        'validation_failed',
      );
      expect(paths).toEqual(expect.arrayContaining(['postcode', 'city', 'services', 'email']));
      expect(
        expectProblem(
          await providerAdmin.client.post(`/api/organisations/${provider.id}/offices`, {
            ...newOffice,
            services: ['Schuldnerberatung'],
          }),
          400,
          'validation_failed',
        ),
      ).toEqual(['services.0']);
      expect((await officesOf(provider.id)).total).toBe(before);
    });

    it('R-SEC-4: a change or deletion without version answers 400 and changes nothing', async () => {
      const office = await create();
      expect(
        expectProblem(
          await providerAdmin.client.patch(`/api/offices/${office.id}`, { name: 'Ohne Version' }),
          400,
          'validation_failed',
        ),
      ).toContain('version');
      expect(
        expectProblem(
          await providerAdmin.client.delete(`/api/offices/${office.id}`),
          400,
          'validation_failed',
        ),
      ).toContain('version');
      expect(await officeIn(provider.id, office.id)).toEqual({
        ...office,
        allowedActions: [...office.allowedActions],
      });
    });
  });

  describe('R-ORG-2: counselling offices of a provider', () => {
    it('R-ORG-2: an administrator creates, changes and deletes an office of their provider', async () => {
      const office = await create();
      expect(office).toMatchObject({ ...newOffice, organisationId: provider.id, version: 1 });
      expect(office.allowedActions).toEqual(['office.update', 'office.delete']);
      expect(await officeIn(provider.id, office.id)).toMatchObject(newOffice);

      const changed = expectStatus<Office>(
        await providerAdmin.client.patch(`/api/offices/${office.id}`, {
          version: 1,
          name: 'MBE und JMD Innenstadt',
          phone: null,
          services: ['JMD'],
        }),
        200,
      );
      expect(changed).toMatchObject({
        version: 2,
        name: 'MBE und JMD Innenstadt',
        phone: null,
        services: ['JMD'],
        street: newOffice.street,
      });
      expect(await officeIn(provider.id, office.id)).toMatchObject({
        name: 'MBE und JMD Innenstadt',
        phone: null,
        services: ['JMD'],
      });

      const deleted = await providerAdmin.client.delete(`/api/offices/${office.id}?version=2`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(await officeIn(provider.id, office.id)).toBeUndefined();
    });

    it('R-ORG-2: a stale version answers 409 version_conflict and the first change is kept', async () => {
      const office = await create();
      expectStatus(
        await providerAdmin.client.patch(`/api/offices/${office.id}`, { version: 1, city: 'Bonn' }),
        200,
      );
      expectProblem(
        await providerAdmin.client.patch(`/api/offices/${office.id}`, { version: 1, city: 'Aachen' }),
        409,
        'version_conflict',
      );
      expectProblem(
        await providerAdmin.client.delete(`/api/offices/${office.id}?version=1`),
        409,
        'version_conflict',
      );
      expect(await officeIn(provider.id, office.id)).toMatchObject({ city: 'Bonn', version: 2 });
    });

    it('R-ORG-2: offices exist only at welfare providers: a Jobcenter cannot create one', async () => {
      expectProblem(
        await jobcenterAdmin.client.post(`/api/organisations/${jobcenter.id}/offices`, newOffice),
        403,
        'forbidden',
      );
      const jobcenterOffices = await officesOf(jobcenter.id, jobcenterAdmin);
      expect(jobcenterOffices).toEqual({ items: [], total: 0 });
      expectProblem(
        await system.client.post(`/api/organisations/${jobcenter.id}/offices`, newOffice),
        404,
        'not_found',
      );
      expect((await officesOf(jobcenter.id)).total).toBe(0);
    });

    it('R-ORG-2: the system administrator maintains offices of any provider', async () => {
      const office = await create(system);
      expect(office.allowedActions).toEqual(['office.update', 'office.delete']);
      const changed = expectStatus<Office>(
        await system.client.patch(`/api/offices/${office.id}`, { version: 1, name: 'Außenstelle' }),
        200,
      );
      expect((await officeIn(provider.id, office.id))?.name).toBe('Außenstelle');
      const deleted = await system.client.delete(`/api/offices/${office.id}?version=${changed.version}`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(await officeIn(provider.id, office.id)).toBeUndefined();
    });

    it('R-ORG-2: counsellors and partners see the offices (directory data) but may not change them', async () => {
      const office = await create();
      const asCounsellor = await officesOf(provider.id, counsellor);
      expect(asCounsellor.items.find((o) => o.id === office.id)?.allowedActions).toEqual([]);
      const asPartner = await officesOf(provider.id, jobcenterAdmin);
      expect(asPartner.items.find((o) => o.id === office.id)?.allowedActions).toEqual([]);

      expectProblem(
        await counsellor.client.post(`/api/organisations/${provider.id}/offices`, newOffice),
        403,
        'forbidden',
      );
      expectProblem(
        await counsellor.client.patch(`/api/offices/${office.id}`, { version: 1, name: 'Umbenannt' }),
        403,
        'forbidden',
      );
      expectProblem(await counsellor.client.delete(`/api/offices/${office.id}?version=1`), 403, 'forbidden');
      expect(await officeIn(provider.id, office.id)).toMatchObject({ name: newOffice.name, version: 1 });
    });
  });

  describe('R-ORG-4: isolation between organisations', () => {
    it("R-ORG-4: another provider's administrator gets 404 for its offices and nothing changes", async () => {
      const before = await officesOf(otherProvider.id);
      const office = await officeIn(otherProvider.id, otherOffice.id);
      expect(office?.name).toBe('Beratungsstelle Nord');
      expectProblem(
        await providerAdmin.client.patch(`/api/offices/${otherOffice.id}`, {
          version: 1,
          name: 'Übernommen',
        }),
        404,
        'not_found',
      );
      expectProblem(
        await providerAdmin.client.delete(`/api/offices/${otherOffice.id}?version=1`),
        404,
        'not_found',
      );
      expectProblem(
        await providerAdmin.client.post(`/api/organisations/${otherProvider.id}/offices`, newOffice),
        404,
        'not_found',
      );
      expect(await officesOf(otherProvider.id)).toEqual(before);
    });

    it('R-ORG-4: an office id that does not exist answers 404', async () => {
      expectProblem(
        await providerAdmin.client.patch('/api/offices/00000000-0000-4000-8000-000000000000', {
          version: 1,
          name: 'Nirgendwo',
        }),
        404,
        'not_found',
      );
    });
  });
});
