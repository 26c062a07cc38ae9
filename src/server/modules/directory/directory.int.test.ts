import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
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
  type Person,
} from '../../../../test/api.ts';
import { inTenantTransaction } from '../../db/database.ts';
import type { officeSchema } from '../offices/offices.schemas.ts';
import type { hostedHoursResponse, overviewResponse, scheduleSchema } from './directory.schemas.ts';
import { berlinToday, mondayOf } from './schedule.ts';

type Office = z.infer<typeof officeSchema>;
type Schedule = z.infer<typeof scheduleSchema>;
type Overview = z.infer<typeof overviewResponse>;
type HostedHours = z.infer<typeof hostedHoursResponse>;

const officeBody = {
  name: 'Migrationsberatung am Markt',
  street: 'Marktplatz 5',
  postcode: '12345',
  city: 'Musterstadt',
  phone: '0123 4567-110',
  email: 'mbe-markt@example.org',
  services: ['MBE', 'JMD'],
  description: 'Beratung für Zugewanderte und junge Menschen.',
  website: 'https://beratung.example.org',
  latitude: 52.52,
  longitude: 13.405,
  languages: ['de', 'ar', 'uk', 'fa'],
  accessibility: 'Stufenloser Zugang, Aufzug, barrierefreies WC.',
  onlineLinks: [
    { platform: 'mbeon', url: 'https://www.mbeon.de', label: 'mbeon – Migrationsberatung online' },
  ],
  serviceAges: { JMD: { minAge: 14, maxAge: 26 } },
  catchmentPostcodes: ['12345', '12346'],
  catchmentMunicipalities: ['Musterstadt', 'Kleindorf'],
  contacts: [
    {
      functionTitle: 'Beratung MBE',
      name: 'Amira Haddad',
      namePublic: true,
      phone: '0123 4567-111',
      languages: ['ar', 'de'],
    },
    { functionTitle: 'Beratung JMD', name: 'Jonas Verborgen', namePublic: false, email: 'jmd@example.org' },
  ],
};

describe(`office details, hours and the partner overview (${testDatabaseKind})`, () => {
  let t: TestApp;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let teamLead: Person;
  let counsellor: Person;
  let otherProvider: TestOrganisation;
  let otherAdmin: Person;
  let abh: TestOrganisation;
  let abhStaff: Person;
  let jobcenterStaff: Person;
  let system: Person;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    system = await signedInSystemAdmin(t.app, db);
    ({ organisation: provider, admin: providerAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'welfare_provider',
    ));
    teamLead = await signedIn(t.app, db, provider, ['team_lead']);
    counsellor = await signedIn(t.app, db, provider, ['counsellor']);
    ({ organisation: otherProvider, admin: otherAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'welfare_provider',
    ));
    ({ organisation: abh } = await organisationWithAdmin(t.app, db, 'abh'));
    abhStaff = await signedIn(t.app, db, abh, ['partner_staff']);
    const { organisation: jobcenter } = await organisationWithAdmin(t.app, db, 'jobcenter');
    jobcenterStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);
  });
  afterAll(() => t.close());

  const createOffice = async (body: Record<string, unknown> = officeBody, as = providerAdmin) =>
    expectStatus<Office>(await as.client.post(`/api/organisations/${provider.id}/offices`, body), 201);
  const scheduleOf = async (officeId: string, as: Person = counsellor) =>
    expectStatus<Schedule>(await as.client.get(`/api/offices/${officeId}/schedule`), 200);
  const count = async (
    table: 'office_hours' | 'office_hour_exceptions' | 'office_contacts',
    officeId: string,
  ) =>
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE office_id = ${officeId}`.execute(
        t.database.db,
      )
    ).rows[0]!.n;

  const weekly = {
    kind: 'counselling',
    service: null,
    weekday: 1,
    opensAt: '09:00',
    closesAt: '12:00',
  };

  describe('R-ORG-2: office details', () => {
    it('R-ORG-2: a provider records coordinates, catchment area, languages, age ranges, accessibility, online links and contacts by function', async () => {
      const office = await createOffice();
      expect(office).toMatchObject({
        latitude: 52.52,
        longitude: 13.405,
        languages: ['de', 'ar', 'uk', 'fa'],
        serviceAges: { JMD: { minAge: 14, maxAge: 26 } },
        catchmentPostcodes: ['12345', '12346'],
        catchmentMunicipalities: ['Musterstadt', 'Kleindorf'],
        accessibility: officeBody.accessibility,
        onlineLinks: [
          { platform: 'mbeon', url: 'https://www.mbeon.de', label: 'mbeon – Migrationsberatung online' },
        ],
      });
      expect(office.contacts.map((c) => [c.functionTitle, c.name, c.namePublic])).toEqual([
        ['Beratung MBE', 'Amira Haddad', true],
        ['Beratung JMD', 'Jonas Verborgen', false],
      ]);
      const read = expectStatus<Office>(await counsellor.client.get(`/api/offices/${office.id}`), 200);
      expect(read).toMatchObject({ id: office.id, contacts: office.contacts, allowedActions: [] });

      const changed = expectStatus<Office>(
        await providerAdmin.client.patch(`/api/offices/${office.id}`, {
          version: office.version,
          languages: ['de', 'tr'],
          contacts: [{ functionTitle: 'Leitung', name: null }],
        }),
        200,
      );
      expect(changed.languages).toEqual(['de', 'tr']);
      expect(changed.contacts).toHaveLength(1);
      expect(await count('office_contacts', office.id)).toBe(1);
    });

    it('R-SEC-4: an unknown language code, an invalid postcode or half a coordinate pair answer 400 in German and store nothing', async () => {
      const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM offices`.execute(t.database.db))
        .rows[0]!.n;
      const response = await providerAdmin.client.post(`/api/organisations/${provider.id}/offices`, {
        ...officeBody,
        languages: ['de', 'xx'],
        catchmentPostcodes: ['12345', '1234'],
        latitude: 52.5,
        longitude: undefined,
        contacts: [{ functionTitle: 'Beratung', languages: ['klingonisch'] }],
      });
      const paths = expectProblem(response, 400, 'validation_failed');
      expect(paths).toEqual(
        expect.arrayContaining([
          'languages.1',
          'catchmentPostcodes.1',
          'longitude',
          'contacts.0.languages.0',
        ]),
      );
      const body = response.json<{ errors: { path: string; message: string }[] }>();
      expect(body.errors.find((e) => e.path === 'languages.1')?.message).toMatch(/Unbekannter Sprachcode/);
      expect(body.errors.find((e) => e.path === 'catchmentPostcodes.1')?.message).toMatch(
        /fünfstellige Postleitzahl/,
      );
      const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM offices`.execute(t.database.db))
        .rows[0]!.n;
      expect(after).toBe(before);
    });

    it('R-ORG-2: a team lead maintains the directory entry; a counsellor may not change it', async () => {
      const office = await createOffice();
      expectStatus(
        await teamLead.client.patch(`/api/offices/${office.id}`, {
          version: office.version,
          accessibility: 'Aufzug',
        }),
        200,
      );
      expectProblem(
        await counsellor.client.patch(`/api/offices/${office.id}`, {
          version: office.version + 1,
          accessibility: 'x',
        }),
        403,
        'forbidden',
      );
    });
  });

  describe('R-ORG-2: weekly hours with exceptions', () => {
    it('R-ORG-2: without credentials the schedule endpoints answer 401', async () => {
      const office = await createOffice();
      expectProblem(
        await anonymous(t.app).get(`/api/offices/${office.id}/schedule`),
        401,
        'not_authenticated',
      );
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/offices/${office.id}/schedule`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ version: 1, hours: [] }),
      });
      expectProblem(response, 401, 'not_authenticated');
    });

    it('R-ORG-2: a provider sets weekly counselling and opening hours, closures, holidays and extra dates', async () => {
      const office = await createOffice();
      const saved = expectStatus<Schedule>(
        await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [
            { ...weekly, kind: 'opening', opensAt: '08:00', closesAt: '16:00' },
            { ...weekly, service: 'MBE' },
            {
              ...weekly,
              weekday: 3,
              opensAt: '14:00',
              closesAt: '17:30',
              service: 'JMD',
              byAppointment: true,
            },
            {
              ...weekly,
              weekday: 4,
              partnerOrganisationId: abh.id,
              room: 'Raum 0.14',
              note: 'Sprechstunde in der ABH',
            },
          ],
          exceptions: [
            { kind: 'holiday', startsOn: '2026-12-25', endsOn: '2026-12-26', note: 'Weihnachten' },
            { kind: 'closed', startsOn: '2026-08-03', endsOn: '2026-08-14', note: 'Sommerschließung' },
            { kind: 'extra', startsOn: '2026-09-05', opensAt: '10:00', closesAt: '13:00', note: 'Infotag' },
          ],
        }),
        200,
      );
      expect(saved.version).toBe(office.version + 1);
      expect(saved.hours).toHaveLength(4);
      expect(saved.hours.find((h) => h.weekday === 4)).toMatchObject({
        partnerOrganisationId: abh.id,
        place: { organisationId: abh.id, name: abh.name },
        room: 'Raum 0.14',
      });
      expect(saved.exceptions.map((e) => [e.kind, e.startsOn, e.endsOn])).toEqual([
        ['closed', '2026-08-03', '2026-08-14'],
        ['extra', '2026-09-05', '2026-09-05'],
        ['holiday', '2026-12-25', '2026-12-26'],
      ]);
      expect(await scheduleOf(office.id)).toEqual({ ...saved, allowedActions: [] });
    });

    it('R-ORG-2: hours that end before they start answer 400 in German and nothing is stored', async () => {
      const office = await createOffice();
      const response = await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
        version: office.version,
        hours: [weekly, { ...weekly, weekday: 2, opensAt: '14:00', closesAt: '13:00' }],
        exceptions: [{ kind: 'closed', startsOn: '2026-05-10', endsOn: '2026-05-01' }],
      });
      expect(expectProblem(response, 400, 'validation_failed')).toEqual([
        'hours.1.closesAt',
        'exceptions.0.endsOn',
      ]);
      expect(JSON.stringify(response.json())).toContain('muss nach dem Beginn (14:00) liegen');
      expect(await count('office_hours', office.id)).toBe(0);
      expect(await count('office_hour_exceptions', office.id)).toBe(0);
    });

    it('R-ORG-2: overlapping hours answer 422 naming both rows, and the previous schedule stays as it was', async () => {
      const office = await createOffice();
      const first = expectStatus<Schedule>(
        await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [weekly],
        }),
        200,
      );
      const response = await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
        version: first.version,
        hours: [
          weekly,
          { ...weekly, weekday: 2 },
          { ...weekly, opensAt: '11:30', closesAt: '13:00', validFrom: '2026-01-01' },
        ],
      });
      expect(expectProblem(response, 422, 'hours_overlap')).toEqual(['hours.2']);
      const problem = response.json<{ detail: string; errors: { message: string }[] }>();
      expect(problem.detail).toMatch(/überschneiden sich/);
      expect(problem.errors[0]!.message).toBe(
        'Zeile 3 (Montag 11:30–13:00) überschneidet sich mit Zeile 1 (Montag 09:00–12:00).',
      );
      expect(await scheduleOf(office.id)).toEqual({ ...first, allowedActions: [] });
    });

    it('R-ORG-2: the same time at another place, in another period or for another kind is no overlap', async () => {
      const office = await createOffice();
      expectStatus<Schedule>(
        await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [
            { ...weekly, validTo: '2026-06-30' },
            { ...weekly, validFrom: '2026-07-01' },
            { ...weekly, kind: 'opening' },
            { ...weekly, partnerOrganisationId: abh.id },
          ],
        }),
        200,
      );
      expect(await count('office_hours', office.id)).toBe(4);
    });

    it('R-DIR-3: hours in partner premises must lie at a partner organisation', async () => {
      const office = await createOffice();
      const response = await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
        version: office.version,
        hours: [{ ...weekly, partnerOrganisationId: otherProvider.id }],
      });
      expect(expectProblem(response, 422, 'partner_premises_invalid')).toEqual([
        'hours.0.partnerOrganisationId',
      ]);
      expect(await count('office_hours', office.id)).toBe(0);
    });

    it('R-ORG-4: only the owning provider edits hours: another provider gets 404, a partner 403, and RLS refuses direct writes', async () => {
      const office = await createOffice();
      const body = { version: office.version, hours: [weekly] };
      expectProblem(
        await otherAdmin.client.put(`/api/offices/${office.id}/schedule`, body),
        404,
        'not_found',
      );
      expectProblem(await abhStaff.client.put(`/api/offices/${office.id}/schedule`, body), 404, 'not_found');
      expectProblem(
        await counsellor.client.put(`/api/offices/${office.id}/schedule`, body),
        403,
        'forbidden',
      );
      expect(await count('office_hours', office.id)).toBe(0);

      // Underneath the policy layer, the database refuses another organisation's writes.
      const asOther = { organisationId: otherProvider.id, userId: null, allOrganisations: false };
      await expect(
        inTenantTransaction(t.database.db, asOther, (trx) =>
          trx
            .insertInto('office_hours')
            .values({
              organisation_id: provider.id,
              office_id: office.id,
              kind: 'counselling',
              weekday: 1,
              opens_at: '09:00',
              closes_at: '10:00',
              service: null,
              valid_from: null,
              valid_to: null,
              partner_organisation_id: null,
              room: null,
              note: null,
            })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
      const deleted = await inTenantTransaction(t.database.db, asOther, (trx) =>
        trx.deleteFrom('office_contacts').where('office_id', '=', office.id).executeTakeFirst(),
      );
      expect(Number(deleted.numDeletedRows)).toBe(0);
      expect(await count('office_contacts', office.id)).toBe(2);
    });

    it('R-ORG-2: the system administrator maintains hours of any provider', async () => {
      const office = await createOffice();
      expectStatus(
        await system.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [weekly],
        }),
        200,
      );
      expect(await count('office_hours', office.id)).toBe(1);
    });

    it('R-ORG-2: a stale version answers 409 and keeps the newer schedule', async () => {
      const office = await createOffice();
      expectStatus(
        await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [weekly],
        }),
        200,
      );
      expectProblem(
        await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [],
        }),
        409,
        'version_conflict',
      );
      expect(await count('office_hours', office.id)).toBe(1);
    });
  });

  describe('R-DIR-1: the always-current overview for partners', () => {
    it('R-DIR-1: without sign-in the overview answers 401', async () => {
      expectProblem(await anonymous(t.app).get('/api/directory/overview'), 401, 'not_authenticated');
      expectProblem(await anonymous(t.app).get('/api/directory/overview.pdf'), 401, 'not_authenticated');
    });

    it('R-DIR-1, R-DIR-3: Jobcenter and ABH staff see every office with counsellors, addresses and hours, including hours in the ABH', async () => {
      const office = await createOffice({ ...officeBody, name: 'Beratung mit ABH-Sprechstunde' });
      expectStatus(
        await providerAdmin.client.put(`/api/offices/${office.id}/schedule`, {
          version: office.version,
          hours: [weekly, { ...weekly, weekday: 4, partnerOrganisationId: abh.id, room: 'Raum 0.14' }],
        }),
        200,
      );
      const other = await buildOffice(t.database.db, otherProvider, { name: 'Beratungsstelle ohne Zeiten' });
      for (const partner of [abhStaff, jobcenterStaff]) {
        const overview = expectStatus<Overview>(await partner.client.get('/api/directory/overview'), 200);
        const entry = overview.offices.find((o) => o.id === office.id);
        expect(entry).toMatchObject({ providerName: provider.name, street: 'Marktplatz 5' });
        expect(entry!.contacts.map((c) => c.name)).toContain('Jonas Verborgen');
        expect(entry!.hours.map((h) => [h.weekday, h.opensAt, h.closesAt, h.place?.name ?? null])).toEqual([
          [1, '09:00', '12:00', null],
          [4, '09:00', '12:00', abh.name],
        ]);
        expect(overview.offices.some((o) => o.id === other.id)).toBe(true);
      }
      const abhView = expectStatus<Overview>(await abhStaff.client.get('/api/directory/overview'), 200);
      expect(abhView.hoursInYourPremises).toBeGreaterThanOrEqual(1);
      const filtered = expectStatus<Overview>(
        await abhStaff.client.get(`/api/directory/overview?organisationId=${otherProvider.id}`),
        200,
      );
      expect(filtered.offices.every((o) => o.providerId === otherProvider.id)).toBe(true);
    });
  });
  describe('R-DIR-3: counselling hours in the premises of a partner', () => {
    let jobcenter: TestOrganisation;
    let jobcenterAdmin: Person;
    let jobcenterContact: Person;
    let jobcenterPartnerStaff: Person;
    let nordOffice: Office;
    let marktOffice: Office;

    // Week of Monday 23 March 2026 and the following one.
    const week = '2026-03-25';
    const hostedHoursOf = (organisationId: string, query = `?week=${week}`) =>
      `/api/organisations/${organisationId}/hosted-hours${query}`;

    beforeAll(async () => {
      const db = t.database.db;
      ({ organisation: jobcenter, admin: jobcenterAdmin } = await organisationWithAdmin(
        t.app,
        db,
        'jobcenter',
      ));
      jobcenterContact = await signedIn(t.app, db, jobcenter, ['central_contact']);
      jobcenterPartnerStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);

      marktOffice = await createOffice({ ...officeBody, name: 'Migrationsberatung am Markt (Jobcenter)' });
      expectStatus(
        await providerAdmin.client.put(`/api/offices/${marktOffice.id}/schedule`, {
          version: marktOffice.version,
          hours: [
            weekly,
            { ...weekly, service: 'MBE', partnerOrganisationId: jobcenter.id, room: 'Raum 2.07' },
            { ...weekly, weekday: 2, partnerOrganisationId: abh.id },
            // Ended before the weeks shown: not listed.
            { ...weekly, weekday: 5, partnerOrganisationId: jobcenter.id, validTo: '2026-02-28' },
          ],
          exceptions: [
            { kind: 'closed', startsOn: '2026-03-30', endsOn: '2026-04-03', note: 'Osterschließung' },
            {
              kind: 'extra',
              startsOn: '2026-03-26',
              opensAt: '13:00',
              closesAt: '15:00',
              partnerOrganisationId: jobcenter.id,
              note: 'Infonachmittag für Neuzugewanderte',
            },
          ],
        }),
        200,
      );
      nordOffice = expectStatus<Office>(
        await otherAdmin.client.post(`/api/organisations/${otherProvider.id}/offices`, {
          ...officeBody,
          name: 'Jugendmigrationsdienst Nord',
          services: ['JMD'],
          contacts: [],
        }),
        201,
      );
      expectStatus(
        await otherAdmin.client.put(`/api/offices/${nordOffice.id}/schedule`, {
          version: nordOffice.version,
          hours: [
            {
              ...weekly,
              service: 'JMD',
              weekday: 3,
              opensAt: '14:00',
              closesAt: '16:00',
              partnerOrganisationId: jobcenter.id,
              byAppointment: true,
            },
          ],
        }),
        200,
      );
    });

    it('R-DIR-3: without credentials the view of hours in partner premises answers 401', async () => {
      expectProblem(await anonymous(t.app).get(hostedHoursOf(jobcenter.id)), 401, 'not_authenticated');
    });

    it('R-DIR-3, R-SEC-4: an invalid week, an unknown parameter or a malformed id answer 400', async () => {
      for (const [query, paths] of [
        ['?week=2026-02-30', ['week']],
        ['?office=x', ['']],
      ] as const) {
        const response = await jobcenterPartnerStaff.client.get(hostedHoursOf(jobcenter.id, query));
        expect(expectProblem(response, 400, 'validation_failed'), query).toEqual(paths);
      }
      expectProblem(
        await jobcenterPartnerStaff.client.get('/api/organisations/kein-jobcenter/hosted-hours'),
        400,
        'validation_failed',
      );
    });

    it('R-DIR-3, R-ORG-4: another organisation’s premises answer 404; a provider, hosting nothing, gets 403', async () => {
      expectProblem(await jobcenterPartnerStaff.client.get(hostedHoursOf(abh.id)), 404, 'not_found');
      expectProblem(await abhStaff.client.get(hostedHoursOf(jobcenter.id)), 404, 'not_found');
      expectProblem(await counsellor.client.get(hostedHoursOf(jobcenter.id)), 404, 'not_found');
      expectProblem(
        await jobcenterPartnerStaff.client.get(hostedHoursOf('00000000-0000-4000-8000-000000000000')),
        404,
        'not_found',
      );
      expectProblem(await providerAdmin.client.get(hostedHoursOf(provider.id)), 403, 'forbidden');
      expectProblem(await counsellor.client.get(hostedHoursOf(provider.id)), 403, 'forbidden');
    });

    it('R-DIR-1, R-DIR-3: Jobcenter staff see the counselling hours held in their premises this week and next, with provider, office, service, times and cancelled dates', async () => {
      for (const person of [jobcenterPartnerStaff, jobcenterContact, jobcenterAdmin]) {
        const view = expectStatus<HostedHours>(await person.client.get(hostedHoursOf(jobcenter.id)), 200);
        expect(view).toMatchObject({
          organisationId: jobcenter.id,
          organisationName: jobcenter.name,
          from: '2026-03-23',
          until: '2026-04-05',
        });
        expect(view.days).toHaveLength(14);
        expect(view.offices.map((o) => [o.name, o.providerName, o.services]).sort()).toEqual([
          ['Jugendmigrationsdienst Nord', otherProvider.name, ['JMD']],
          ['Migrationsberatung am Markt (Jobcenter)', provider.name, ['MBE', 'JMD']],
        ]);
        const markt = view.offices.find((o) => o.id === marktOffice.id)!;
        expect(markt.hours.map((h) => [h.weekday, h.service, h.opensAt, h.room])).toEqual([
          [1, 'MBE', '09:00', 'Raum 2.07'],
        ]);

        const held = view.days
          .filter((d) => d.slots.length > 0)
          .map((d) => [
            d.date,
            d.slots.map((s) => [
              s.opensAt,
              s.closesAt,
              s.kind,
              s.service,
              s.officeName,
              s.providerName,
              s.cancelled ? `${s.cancelled.kind}: ${s.cancelled.note}` : null,
            ]),
          ]);
        expect(held).toEqual([
          [
            '2026-03-23',
            [
              [
                '09:00',
                '12:00',
                'counselling',
                'MBE',
                'Migrationsberatung am Markt (Jobcenter)',
                provider.name,
                null,
              ],
            ],
          ],
          [
            '2026-03-25',
            [
              [
                '14:00',
                '16:00',
                'counselling',
                'JMD',
                'Jugendmigrationsdienst Nord',
                otherProvider.name,
                null,
              ],
            ],
          ],
          [
            '2026-03-26',
            [
              [
                '13:00',
                '15:00',
                'extra',
                null,
                'Migrationsberatung am Markt (Jobcenter)',
                provider.name,
                null,
              ],
            ],
          ],
          [
            '2026-03-30',
            [
              [
                '09:00',
                '12:00',
                'counselling',
                'MBE',
                'Migrationsberatung am Markt (Jobcenter)',
                provider.name,
                'closed: Osterschließung',
              ],
            ],
          ],
          [
            '2026-04-01',
            [
              [
                '14:00',
                '16:00',
                'counselling',
                'JMD',
                'Jugendmigrationsdienst Nord',
                otherProvider.name,
                null,
              ],
            ],
          ],
        ]);
        const extra = view.days[3]!.slots[0]!;
        expect(extra.note).toBe('Infonachmittag für Neuzugewanderte');
        expect(view.days[2]!.slots[0]!.byAppointment).toBe(true);
      }

      // The hours in the ABH never show up at the Jobcenter, and the ABH sees its own.
      const abhView = expectStatus<HostedHours>(await abhStaff.client.get(hostedHoursOf(abh.id)), 200);
      expect(abhView.offices.map((o) => o.id)).toContain(marktOffice.id);
      expect(abhView.offices.map((o) => o.id)).not.toContain(nordOffice.id);

      // Without a week the current one is shown; the system administration may look at any partner.
      const current = expectStatus<HostedHours>(
        await system.client.get(hostedHoursOf(jobcenter.id, '')),
        200,
      );
      // The week is Berlin's: shortly after midnight in Berlin it is already Monday while UTC still says Sunday.
      expect(current.from).toBe(mondayOf(berlinToday(new Date(current.generatedAt))));
      expect(current.days).toHaveLength(14);
    });
  });
});
