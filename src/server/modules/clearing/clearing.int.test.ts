import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { readPdf } from '../../../../test/pdf.ts';
import { buildOffice, buildOrganisation } from '../../../../test/factories.ts';
import { expectProblem, expectStatus, signedIn, type Person } from '../../../../test/api.ts';
import { buildDirectory, type DirectoryFixture } from '../../../../test/directory-fixture.ts';
import { inTenantTransaction } from '../../db/database.ts';
import type {
  contactResponse,
  offersResponse,
  reportSchema,
  rotaSchema,
  gapsSchema,
  settingsSchema,
} from './clearing.schemas.ts';
import { anonymous } from '../../../../test/test-app.ts';

type Contact = z.infer<typeof contactResponse>;
type Report = z.infer<typeof reportSchema>;
type Rota = z.infer<typeof rotaSchema>;
type Settings = z.infer<typeof settingsSchema>;
type Offers = z.infer<typeof offersResponse>;
type Gaps = z.infer<typeof gapsSchema>;

/** A contact as staff on duty record it: codes only. */
const contact = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  ageGroup: '27_44',
  gender: 'female',
  region: 'middle_east',
  language: 'ar',
  residence: 'family_reunification',
  topics: ['counselling_offer', 'integration_course'],
  wayIn: 'abh',
  referrals: ['mbe'],
  welcomePackage: true,
  ...overrides,
});

describe(`clearing office (${testDatabaseKind})`, () => {
  let t: TestApp;
  let d: DirectoryFixture;
  let staff: Person;
  let manager: Person;
  let counsellor: Person;
  let abhStaff: Person;
  let otherAbhStaff: Person;
  let abhOffice: string;

  const contactRows = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM clearing_contacts`.execute(t.database.db))
      .rows[0]!.n;
  const record = async (by: Person, body: Record<string, unknown>) =>
    by.client.post('/api/clearing/contacts', body);
  const reportOf = async (by: Person, query = 'year=2026&half=1') =>
    expectStatus<Report>(await by.client.get(`/api/clearing/report?${query}`), 200);
  const cellOf = (report: Report, key: string, label: string, value: string | null = null) =>
    report.dimensions.find((x) => x.key === key && x.value === value)!.items.find((i) => i.label === label)!
      .cell;

  beforeAll(async () => {
    t = await createTestApp({ config: { logLevel: 'error' } });
    // Wednesday 25 March 2026, 10:00 in Berlin.
    t.clock.now = new Date('2026-03-25T09:00:00Z');
    const db = t.database.db;
    d = await buildDirectory(t.app, db);
    staff = await signedIn(t.app, db, d.awo, ['clearing_staff']);
    manager = await signedIn(t.app, db, d.awo, ['team_lead']);
    counsellor = await signedIn(t.app, db, d.awo, ['counsellor']);
    abhStaff = d.abhStaff;
    const otherAbh = await buildOrganisation(db, { kind: 'abh' });
    otherAbhStaff = await signedIn(t.app, db, otherAbh, ['partner_staff']);
    abhOffice = (await buildOffice(db, d.abh, { name: 'Ausländerbehörde Musterstadt' })).id;
    await inTenantTransaction(
      db,
      { organisationId: d.abh.id, userId: null, allOrganisations: false },
      (trx) =>
        trx
          .insertInto('office_hours')
          .values([
            {
              organisation_id: d.abh.id,
              office_id: abhOffice,
              kind: 'opening',
              weekday: 1,
              opens_at: '08:00',
              closes_at: '12:00',
            },
            {
              organisation_id: d.abh.id,
              office_id: abhOffice,
              kind: 'opening',
              weekday: 3,
              opens_at: '08:00',
              closes_at: '16:00',
            },
          ])
          .execute(),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  describe('R-CLR-1: an anonymous contact', () => {
    it('R-CLR-1, R-CLR-4: staff on duty record a contact with the day only, and a retried POST counts once', async () => {
      const before = await contactRows();
      const body = contact({ wayIn: 'recommendation' });
      const first = expectStatus<Contact>(await record(staff, body), 201);
      expect(first).toEqual({ id: body.id, date: '2026-03-25', recorded: true });
      const again = expectStatus<Contact>(await record(staff, body), 200);
      expect(again).toEqual({ id: body.id, date: '2026-03-25', recorded: false });
      expect(await contactRows()).toBe(before + 1);
      const row = (
        await sql<Record<string, unknown>>`SELECT * FROM clearing_contacts WHERE id = ${body.id}`.execute(
          t.database.db,
        )
      ).rows[0]!;
      // No time of day, no person who recorded it, nothing but codes.
      expect(Object.keys(row).sort()).toEqual(
        [
          'age_group',
          'contact_date',
          'gender',
          'id',
          'language',
          'organisation_id',
          'other_topic',
          'referrals',
          'region',
          'residence',
          'topics',
          'way_in',
          'welcome_package',
        ].sort(),
      );
      expect(row.way_in).toBe('recommendation');
    });

    it('R-CLR-1, R-RED-3, R-CLR-2: the schema refuses any field not in the list and every free text', async () => {
      const before = await contactRows();
      for (const extra of [
        { name: 'Amina Haddad' },
        { note: 'Beratung zu Wohnung' },
        { counselling: true },
      ]) {
        expectProblem(await record(staff, contact(extra)), 400, 'validation_failed');
      }
      expect(await contactRows()).toBe(before);
    });

    it.each([
      ['ageGroup', 'Amina Haddad'],
      ['gender', 'Amina'],
      ['region', 'Haddad'],
      ['language', 'Amina Haddad'],
      ['residence', 'Amina Haddad'],
      ['wayIn', 'Herr Müller (ABH)'],
      ['topics', ['Amina Haddad']],
      ['referrals', ['Amina Haddad']],
      ['otherTopic', 'Amina Haddad'],
      ['welcomePackage', 'Amina Haddad'],
      ['date', 'Amina Haddad'],
    ])('R-CLR-1, R-RED-3: a name typed into %s is refused', async (field, value) => {
      const before = await contactRows();
      const body = contact({ [field]: value, ...(field === 'otherTopic' ? { topics: ['other'] } : {}) });
      const errors = expectProblem(await record(staff, body), 400, 'validation_failed');
      expect(errors.join(' ')).toContain(field);
      expect(await contactRows()).toBe(before);
    });

    it('R-CLR-1: an "other" topic comes from the office’s list, and only with the topic "other"', async () => {
      expectStatus(await record(staff, contact({ topics: ['other'], otherTopic: 'housing' })), 201);
      expectProblem(
        await record(staff, contact({ topics: ['other'], otherTopic: 'astrology' })),
        400,
        'validation_failed',
      );
      expectProblem(await record(staff, contact({ topics: ['other'] })), 400, 'validation_failed');
      expectProblem(await record(staff, contact({ otherTopic: 'housing' })), 400, 'validation_failed');
    });

    it('R-CLR-1: a contact that waited offline keeps its day, at most a week back and never ahead', async () => {
      expect(expectStatus<Contact>(await record(staff, contact({ date: '2026-03-20' })), 201).date).toBe(
        '2026-03-20',
      );
      expectProblem(await record(staff, contact({ date: '2026-03-26' })), 400, 'validation_failed');
      expectProblem(await record(staff, contact({ date: '2026-03-01' })), 400, 'validation_failed');
    });

    it('R-CLR-1: only the clearing office’s staff record; a counsellor, the ABH and another office’s id are refused', async () => {
      expectProblem(await record(counsellor, contact()), 403, 'forbidden');
      expectProblem(await record(abhStaff, contact()), 403, 'forbidden');
      const otherProvider = await buildOrganisation(t.database.db, { kind: 'welfare_provider' });
      const otherStaff = await signedIn(t.app, t.database.db, otherProvider, ['clearing_staff']);
      const body = contact();
      expectStatus(await record(staff, body), 201);
      // The same id from another organisation neither doubles nor reveals the first.
      expectProblem(await record(otherStaff, body), 409, 'contact_id_taken');
    });
  });

  describe('R-CLR-3: the rota', () => {
    it('R-CLR-3: the manager names the ABH’s premises and puts trained staff on duty; gaps in the opening hours show', async () => {
      const settings = expectStatus<Settings>(await manager.client.get('/api/clearing/settings'), 200);
      expect(settings.authorities.find((a) => a.id === d.abh.id)?.offices.map((o) => o.id)).toContain(
        abhOffice,
      );
      expectStatus(
        await manager.client.put('/api/clearing/settings', {
          abhOrganisationId: d.abh.id,
          abhOfficeId: abhOffice,
          otherTopics: settings.otherTopics,
          version: settings.version,
        }),
        200,
      );
      const rota = expectStatus<Rota>(
        await manager.client.put('/api/clearing/rota', {
          entries: [
            { userId: staff.user.id, weekday: 1, startsAt: '08:00', endsAt: '12:00' },
            { userId: staff.user.id, weekday: 3, startsAt: '09:00', endsAt: '12:00' },
            { userId: staff.user.id, weekday: 3, startsAt: '13:00', endsAt: '16:00' },
          ],
        }),
        200,
      );
      expect(rota.openingHours).toEqual([
        { weekday: 1, from: '08:00', to: '12:00' },
        { weekday: 3, from: '08:00', to: '16:00' },
      ]);
      expect(rota.gaps).toEqual([
        { weekday: 3, from: '08:00', to: '09:00' },
        { weekday: 3, from: '12:00', to: '13:00' },
      ]);
      expect(rota.staff.map((s) => s.id)).toEqual([staff.user.id]);
      // Staff on duty read the rota, but only the manager changes it.
      expect(expectStatus<Rota>(await staff.client.get('/api/clearing/rota'), 200).actions).toEqual([]);
      expectProblem(await staff.client.put('/api/clearing/rota', { entries: [] }), 403, 'forbidden');
    });

    it('R-CLR-3: only trained clearing staff can be put on duty; a broken time is refused, nothing changes', async () => {
      const before = expectStatus<Rota>(await manager.client.get('/api/clearing/rota'), 200).entries;
      expectProblem(
        await manager.client.put('/api/clearing/rota', {
          entries: [{ userId: counsellor.user.id, weekday: 2, startsAt: '08:00', endsAt: '10:00' }],
        }),
        400,
        'validation_failed',
      );
      expectProblem(
        await manager.client.put('/api/clearing/rota', {
          entries: [{ userId: staff.user.id, weekday: 2, startsAt: '10:00', endsAt: '09:00' }],
        }),
        400,
        'validation_failed',
      );
      expect(expectStatus<Rota>(await manager.client.get('/api/clearing/rota'), 200).entries).toEqual(before);
    });
  });

  describe('R-STAT-1: the half-year report', () => {
    beforeAll(async () => {
      // First half of 2026: twelve contacts in March (besides those above), one in February.
      for (let i = 0; i < 12; i += 1) {
        expectStatus(
          await record(
            staff,
            contact({
              gender: i < 6 ? 'female' : 'male',
              language: i < 10 ? 'ar' : 'ti',
              welcomePackage: i % 2 === 0,
            }),
          ),
          201,
        );
      }
      t.clock.now = new Date('2026-02-10T09:00:00Z');
      expectStatus(await record(staff, contact({ language: 'uk', region: 'europe_other' })), 201);
      t.clock.now = new Date('2026-03-25T09:00:00Z');
    });

    it('R-STAT-1, R-STAT-5: counts below k are hidden, with complementary cells, and the margins add up', async () => {
      const report = await reportOf(manager);
      expect(report.view).toBe('own');
      expect(report.threshold).toBe(5);
      expect(report.total.suppressed).toBe(false);
      const total = report.total.value!;
      // February has one contact: hidden, and so is another month, so that it cannot be worked out.
      expect(cellOf(report, 'month', '2026-02')).toMatchObject({ suppressed: true, reason: 'primary' });
      const months = report.dimensions.find((x) => x.key === 'month')!.items;
      expect(months.filter((m) => m.cell.suppressed && m.cell.reason === 'secondary').length).toBeGreaterThan(
        0,
      );
      // Tigrinya (2) and Ukrainian (1) are hidden; Arabic is shown.
      expect(cellOf(report, 'language', 'ti').suppressed).toBe(true);
      expect(cellOf(report, 'language', 'uk').suppressed).toBe(true);
      expect(cellOf(report, 'language', 'ar').suppressed).toBe(false);
      // Every shown dimension sums to the total where nothing is hidden.
      for (const dimension of report.dimensions) {
        const cells = dimension.items.map((i) => i.cell);
        if (cells.every((c) => !c.suppressed)) {
          expect(cells.reduce((sum, c) => sum + (c.value ?? 0), 0)).toBe(total);
        } else {
          expect(cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
        }
      }
      expect(report.labels['language:ti']?.de).toBe('Tigrinya');
    });

    it('R-STAT-1, R-STAT-5: the PDF and the CSV read back with the same hidden cells', async () => {
      const report = await reportOf(manager);
      const csv = await manager.client.get('/api/clearing/report.csv?year=2026&half=1');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.replace(/^\ufeff/, '').split(/\r?\n/);
      const csvCell = (heading: string, label: string) =>
        lines.find((l) => l.startsWith(`${heading};${label};`))?.split(';')[2];
      expect(csvCell('Kontakte nach Monat', 'Februar 2026')).toBe('•');
      expect(csvCell('Sprache', 'Tigrinya')).toBe('•');
      expect(csvCell('Sprache', 'Arabisch')).toBe(String(cellOf(report, 'language', 'ar').value));
      const hiddenInReport = report.dimensions
        .flatMap((x) => x.items)
        .filter((i) => i.cell.suppressed).length;
      expect(lines.filter((l) => l.endsWith(';•')).length).toBe(hiddenInReport);

      const pdf = await manager.client.get('/api/clearing/report.pdf?year=2026&half=1');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await readPdf(pdf.rawPayload)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Halbjahresbericht');
      expect(text).toContain(`Kontakte im Halbjahr: ${report.total.value}`);
      expect(text.split('•').length - 1).toBe(hiddenInReport + 1);
      expect(text).toContain(`Arabisch ${cellOf(report, 'language', 'ar').value}`);
    });

    it('R-STAT-1, R-STAT-5, R-RED-3: the partner ABH sees the clearing-office report only as suppressed aggregates', async () => {
      const own = await reportOf(manager);
      const partner = await reportOf(abhStaff);
      expect(partner.view).toBe('partner');
      expect(partner.total).toEqual(own.total);
      // The same cells are hidden, though the ABH's figures came withheld from the database.
      for (const [i, dimension] of own.dimensions.entries()) {
        expect(partner.dimensions[i]!.items.map((x) => x.cell.suppressed)).toEqual(
          dimension.items.map((x) => x.cell.suppressed),
        );
      }
      // The database function itself never returns a small count.
      const raw = await inTenantTransaction(
        t.database.db,
        { organisationId: d.abh.id, userId: abhStaff.user.id, allOrganisations: false },
        async (trx) => {
          const counts = await sql<{ contacts: number | null }>`
            SELECT contacts FROM koop_clearing_partner_report('2026-01-01', '2026-06-30', 5)`.execute(trx);
          const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM clearing_contacts`.execute(
            trx,
          );
          return { counts: counts.rows, rows: rows.rows[0]!.n };
        },
      );
      expect(raw.counts.every((c) => c.contacts === null || c.contacts === 0 || c.contacts >= 5)).toBe(true);
      expect(raw.counts.some((c) => c.contacts === null)).toBe(true);
      // RLS: the ABH reads no contact row.
      expect(raw.rows).toBe(0);
      // An ABH the clearing office does not name sees nothing.
      expect((await reportOf(otherAbhStaff)).total).toEqual({ suppressed: false, value: 0 });
      // The ABH never records, and a counsellor of the provider reads no report.
      expectProblem(await counsellor.client.get('/api/clearing/report?year=2026&half=1'), 403, 'forbidden');
    });

    it('R-STAT-5: the database function refuses a threshold below 3', async () => {
      await expect(
        inTenantTransaction(
          t.database.db,
          { organisationId: d.abh.id, userId: abhStaff.user.id, allOrganisations: false },
          (trx) =>
            sql`SELECT * FROM koop_clearing_partner_report('2026-01-01', '2026-06-30', 2)`.execute(trx),
        ),
      ).rejects.toThrow(/threshold/);
    });

    it('R-STAT-1: a bad half-year is refused with a problem, never a 500', async () => {
      expectProblem(
        await manager.client.get('/api/clearing/report?year=2026&half=3'),
        400,
        'validation_failed',
      );
      expectProblem(
        await manager.client.get('/api/clearing/report?year=abc&half=1'),
        400,
        'validation_failed',
      );
      expectProblem(await manager.client.get('/api/clearing/report.csv?half=1'), 400, 'validation_failed');
    });
  });

  describe('R-REF-2: offers near the person’s home', () => {
    it('R-REF-2: MBE and JMD offices by age and language, integration courses with free places, a slip in the person’s language', async () => {
      const young = expectStatus<Offers>(
        await staff.client.post('/api/clearing/offers', { place: '12346', language: 'de', age: 20 }),
        200,
      );
      expect(young.servicesForAge).toEqual(['JMD']);
      expect(young.offices.every((o) => o.suitableServices.includes('JMD'))).toBe(true);
      expect(young.offices.length).toBeGreaterThan(0);
      const slip = await staff.client.post('/api/clearing/slip.pdf', {
        place: '12346',
        language: 'ar',
        age: 40,
      });
      expect(slip.statusCode).toBe(200);
      const text = (await readPdf(slip.rawPayload)).text;
      expect(text).toMatch(/[\u0600-\u06FF]/);
      expectProblem(
        await abhStaff.client.post('/api/clearing/offers', { place: '12346', language: 'de', age: 20 }),
        403,
        'forbidden',
      );
      expectProblem(
        await staff.client.post('/api/clearing/offers', { place: '12346', language: 'Amina', age: 20 }),
        400,
        'validation_failed',
      );
    });
  });

  describe('R-STAT-4: gaps in the offer', () => {
    const gapRows = async () =>
      (
        await sql<{ month: string; language: string; service: string; area: string; searches: number }>`
          SELECT to_char(month, 'YYYY-MM-DD') AS month, language, service, area, searches FROM directory_search_gaps
          ORDER BY language, area`.execute(t.database.db)
      ).rows;

    it('R-STAT-4: a public search for Tigrinya counselling with no office counts as a gap, anonymously; a search with results does not', async () => {
      const before = await gapRows();
      const found = await anonymous(t.app).get('/api/public/offices?q=12345&language=ar');
      expect(found.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
      expect(await gapRows()).toEqual(before);
      for (let i = 0; i < 6; i += 1) {
        const r = await anonymous(t.app).get('/api/public/offices?q=12345&language=ti&age=40');
        expect(r.statusCode).toBe(200);
        expect(r.json<{ languageFallback: boolean }>().languageFallback).toBe(true);
      }
      for (let i = 0; i < 5; i += 1) await anonymous(t.app).get('/api/public/offices?q=99999&language=so');
      await anonymous(t.app).get('/api/public/offices?q=12345&language=am');
      const rows = await gapRows();
      // Month, language, service and postcode area only: no full postcode, no address, no IP.
      expect(rows).toContainEqual({
        month: '2026-03-01',
        language: 'ti',
        service: 'MBE',
        area: '123',
        searches: 6,
      });
      expect(rows).toContainEqual({
        month: '2026-03-01',
        language: 'so',
        service: 'any',
        area: '999',
        searches: 5,
      });
      expect(rows).toContainEqual({
        month: '2026-03-01',
        language: 'am',
        service: 'any',
        area: '123',
        searches: 1,
      });
      expect(JSON.stringify(rows)).not.toContain('12345');
    });

    it('R-STAT-4, R-STAT-5: the gap report shows demand by language, service and area through disclosure control', async () => {
      const report = expectStatus<Gaps>(await manager.client.get('/api/clearing/gaps'), 200);
      const byLanguage = report.searches.dimensions.find((x) => x.key === 'language')!;
      expect(byLanguage.items.find((i) => i.label === 'ti')?.cell).toEqual({ suppressed: false, value: 6 });
      // One search in Amharic is below k: hidden, and Somali with it, so the total does not give it away.
      expect(byLanguage.items.find((i) => i.label === 'am')?.cell).toMatchObject({
        suppressed: true,
        reason: 'primary',
      });
      expect(byLanguage.items.find((i) => i.label === 'so')?.cell).toMatchObject({
        suppressed: true,
        reason: 'secondary',
      });
      expect(report.searches.total).toEqual({ suppressed: false, value: 12 });
      const area = report.searches.dimensions.find((x) => x.key === 'area')!;
      expect(area.items.map((i) => [i.label, i.cell.value])).toEqual([
        ['123', 7],
        ['999', 5],
      ]);
      expect(report.languageNames.ti?.de).toBe('Tigrinya');
      // Clearing contacts in Tigrinya (no office offers it) are demand too; two of them: hidden.
      expect(report.clearing.items.find((i) => i.label === 'ti')?.cell.suppressed).toBe(true);
      expect(report.clearing.items.some((i) => i.label === 'ar')).toBe(false);
      expectProblem(await abhStaff.client.get('/api/clearing/gaps'), 403, 'forbidden');
      expectProblem(await manager.client.get('/api/clearing/gaps?months=0'), 400, 'validation_failed');
    });
  });
});
