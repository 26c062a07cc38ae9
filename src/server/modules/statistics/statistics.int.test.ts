import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  signedIn,
  signedInSystemAdmin,
  type Person,
} from '../../../../test/api.ts';
import { buildOffice, buildOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { readPdf } from '../../../../test/pdf.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { inTenantTransaction, switchOrganisation } from '../../db/database.ts';
import { auditRows, registerClient } from '../cases/test-support.ts';
import type { CounsellingStatisticsView, EvaluationView } from './statistics.schemas.ts';

/** A table's shown values by category code; hidden cells as null. */
const tableOf = (view: CounsellingStatisticsView, key: string) =>
  Object.fromEntries(view.tables.find((t) => t.key === key)!.items.map((i) => [i.code, i.cell.value]));

describe(`counselling statistics and evaluations (${testDatabaseKind})`, () => {
  let t: TestApp;
  let awo: TestOrganisation;
  let awoSouth: TestOrganisation;
  let caritas: TestOrganisation;
  let jobcenter: TestOrganisation;
  let awoOffice: { id: string };
  let caritasOffice: { id: string };
  let counsellor: Person;
  let teamLead: Person;
  let admin: Person;
  let southLead: Person;
  let caritasLead: Person;
  let jobcenterStaff: Person;
  let system: Person;

  const get = <T>(person: Person, url: string) => person.client.get(url).then((r) => expectStatus<T>(r, 200));

  beforeAll(async () => {
    t = await createTestApp();
    // Wednesday 25 March 2026 in Berlin.
    t.clock.now = new Date('2026-03-25T09:00:00Z');
    const db = t.database.db;
    awo = await buildOrganisation(db, { name: 'AWO Musterstadt' });
    awoSouth = await buildOrganisation(db, { name: 'AWO Südkreis' });
    caritas = await buildOrganisation(db, { name: 'Caritas Musterstadt' });
    jobcenter = await buildOrganisation(db, { kind: 'jobcenter', name: 'Jobcenter Musterstadt' });
    await sql`UPDATE organisations SET umbrella = 'AWO' WHERE id IN (${awo.id}, ${awoSouth.id})`.execute(db);
    awoOffice = await buildOffice(db, awo, { name: 'Beratung Innenstadt' });
    caritasOffice = await buildOffice(db, caritas);
    counsellor = await signedIn(t.app, db, awo, ['counsellor']);
    teamLead = await signedIn(t.app, db, awo, ['team_lead']);
    admin = await signedIn(t.app, db, awo, ['org_admin']);
    southLead = await signedIn(t.app, db, awoSouth, ['team_lead']);
    caritasLead = await signedIn(t.app, db, caritas, ['team_lead']);
    jobcenterStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);
    system = await signedInSystemAdmin(t.app, db);

    // AWO: 12 live cases this month — 5 women, 5 men, 2 diverse; each with a child alongside.
    const genders = [
      ...Array<string>(5).fill('female'),
      ...Array<string>(5).fill('male'),
      'diverse',
      'diverse',
    ];
    for (const [i, gender] of genders.entries()) {
      await registerClient(counsellor, { familyName: `Person ${i}`, gender }, { officeId: awoOffice.id });
    }
    // And three erased cases: only their anonymous facts are left (R-CON-5).
    await inTenantTransaction(
      db,
      { organisationId: awo.id, userId: null, allOrganisations: false },
      async (trx) => {
        await switchOrganisation(trx, awo.id);
        for (let i = 0; i < 3; i++) {
          await trx
            .insertInto('case_statistics')
            .values({
              organisation_id: awo.id,
              service: 'MBE',
              case_type: 'short_counselling',
              opened_month: '2025-11',
              closed_month: '2026-01',
              age_group: '35_44',
              gender: 'female',
              citizenship: 'UA',
              residence_status_group: 'temporary_protection',
              years_since_arrival: 'under_3',
              way_in: 'abh',
              closure_reason: 'goals_reached',
              contacts: 2,
              family_members: 0,
              topics: ['residence_law'],
              start_livelihood: null,
              end_livelihood: null,
              start_language_level: null,
              end_language_level: null,
              start_work: null,
              end_work: null,
              office_id: awoOffice.id,
            })
            .execute();
        }
      },
    );
    // AWO Südkreis: three cases — fewer than k.
    const southCounsellor = await signedIn(t.app, db, awoSouth, ['counsellor']);
    for (let i = 0; i < 3; i++) await registerClient(southCounsellor, { familyName: `Süd ${i}` });
    // Caritas: six cases.
    const caritasCounsellor = await signedIn(t.app, db, caritas, ['counsellor']);
    for (let i = 0; i < 6; i++) await registerClient(caritasCounsellor, { familyName: `Caritas ${i}` });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  describe('R-STAT-2: a provider reads its counselling statistics', () => {
    it('R-STAT-2, R-STAT-5: live and erased cases are counted, family members apart, small genders hidden with a complement', async () => {
      const view = await get<CounsellingStatisticsView>(
        teamLead,
        '/api/statistics/counselling?from=2026-01&to=2026-03',
      );
      expect(view.scope).toBe('own');
      expect(view.scopes).toEqual(['own', 'umbrella']);
      expect(view.total).toEqual({ suppressed: false, value: 15 });
      // Twelve children counselled alongside, counted apart from the fifteen cases.
      expect(view.familyMembers).toEqual({ suppressed: false, value: 12 });
      const gender = tableOf(view, 'gender');
      expect(gender.female).toBe(8);
      // Two diverse (primary) and the five men with them (complementary): neither follows from the total.
      expect(gender.diverse).toBeNull();
      expect(gender.male).toBeNull();
      const genderCells = view.tables.find((x) => x.key === 'gender')!.items;
      expect(genderCells.find((i) => i.code === 'diverse')!.cell).toMatchObject({ reason: 'primary' });
      expect(genderCells.find((i) => i.code === 'male')!.cell).toMatchObject({ reason: 'secondary' });
      // Words, not codes; the category lists of the case settings, zeros included.
      expect(genderCells.find((i) => i.code === 'female')!.label).toEqual({ de: 'weiblich', en: 'female' });
      const ways = view.tables.find((x) => x.key === 'way_in')!.items;
      expect(ways.map((w) => w.code)).toContain('own_initiative');
      // Three came through the ABH (hidden) — so the twelve through the Jobcenter are hidden too.
      expect(tableOf(view, 'way_in')).toMatchObject({ abh: null, jobcenter: null, own_initiative: 0 });
      // Citizenships below k are counted together: Syria (12) on its own, Ukraine (3) only among
      // "other countries" — hidden, and Syria with it, since the total would give it away.
      const citizenship = tableOf(view, 'citizenship');
      expect(Object.keys(citizenship)).toEqual(['SY', 'other_countries']);
      expect(citizenship).toEqual({ SY: null, other_countries: null });
      expect(tableOf(view, 'phase').closed).toBeNull();
      expect(tableOf(view, 'topics').residence_law).toBeNull();
      const audit = await auditRows(t.database.db, 'statistics.read');
      expect(audit.some((a) => a.actor_user_id === teamLead.user.id)).toBe(true);
    });

    it('R-STAT-2: the period, the service and the office filter the cases', async () => {
      const before = await get<CounsellingStatisticsView>(
        admin,
        '/api/statistics/counselling?from=2025-11&to=2025-12',
      );
      expect(before.total).toEqual({ suppressed: true, value: null, reason: 'primary' });
      const jmd = await get<CounsellingStatisticsView>(
        admin,
        '/api/statistics/counselling?service=JMD&from=2026-01',
      );
      expect(jmd.total).toEqual({ suppressed: false, value: 0 });
      const office = await get<CounsellingStatisticsView>(
        admin,
        `/api/statistics/counselling?officeId=${awoOffice.id}&from=2026-01&to=2026-03`,
      );
      expect(office.office).toEqual({ id: awoOffice.id, name: 'Beratung Innenstadt' });
      expect(office.total).toEqual({ suppressed: false, value: 15 });
      expect(office.offices.map((o) => o.name)).toEqual(['Beratung Innenstadt']);
    });

    it("R-STAT-2, R-SEC-4: bad filters answer problem+json, another organisation's office is not found", async () => {
      expectProblem(
        await admin.client.get('/api/statistics/counselling?from=2026-13'),
        400,
        'validation_failed',
      );
      expectProblem(
        await admin.client.get('/api/statistics/counselling?from=2026-03&to=2026-01'),
        400,
        'validation_failed',
      );
      expectProblem(
        await admin.client.get('/api/statistics/counselling?from=2020-01&to=2026-01'),
        400,
        'validation_failed',
      );
      expectProblem(
        await admin.client.get('/api/statistics/counselling?service=XYZ'),
        400,
        'validation_failed',
      );
      expectProblem(await admin.client.get('/api/statistics/counselling?zzz=1'), 400, 'validation_failed');
      expectProblem(
        await admin.client.get('/api/statistics/counselling?scope=everything'),
        400,
        'validation_failed',
      );
      expectProblem(
        await admin.client.get(`/api/statistics/counselling?officeId=${caritasOffice.id}`),
        404,
        'not_found',
      );
      expectProblem(
        await admin.client.get(`/api/statistics/counselling?scope=umbrella&officeId=${awoOffice.id}`),
        400,
        'statistics_office_own_only',
      );
    });

    it('R-STAT-2: a counsellor, partner staff and a provider without an umbrella may not read what is not theirs', async () => {
      expectProblem(await counsellor.client.get('/api/statistics/counselling'), 403, 'forbidden');
      expectProblem(await jobcenterStaff.client.get('/api/statistics/counselling'), 403, 'forbidden');
      expectProblem(
        await caritasLead.client.get('/api/statistics/counselling?scope=umbrella'),
        403,
        'forbidden',
      );
      expectProblem(await teamLead.client.get('/api/statistics/counselling?scope=all'), 403, 'forbidden');
      expectProblem(await system.client.get('/api/statistics/counselling'), 403, 'forbidden');
    });
  });

  describe('R-STAT-2, R-STAT-5: figures across organisations only as suppressed aggregates', () => {
    it("R-STAT-5: the umbrella figure adds the own cases only where the other providers' part is safe", async () => {
      const view = await get<CounsellingStatisticsView>(
        teamLead,
        '/api/statistics/counselling?scope=umbrella&from=2026-01&to=2026-03',
      );
      // AWO Südkreis has three cases: the umbrella total would give them away by subtraction.
      expect(view.total.suppressed).toBe(true);
      expect(view.umbrella).toBe('AWO');
      const south = await get<CounsellingStatisticsView>(
        southLead,
        '/api/statistics/counselling?scope=umbrella&from=2026-01&to=2026-03',
      );
      // From Südkreis the others are AWO Musterstadt's 15: safe, so 15 + 3 is shown.
      expect(south.total).toEqual({ suppressed: false, value: 18 });
    });

    it('R-STAT-2: the operator reads the region-wide figures of every provider', async () => {
      const view = await get<CounsellingStatisticsView>(
        system,
        '/api/statistics/counselling?scope=all&from=2026-01',
      );
      expect(view.total).toEqual({ suppressed: false, value: 24 });
      expect(view.offices).toEqual([]);
    });

    it('R-SEC-2, R-STAT-2: the database function decides whose cases it counts; the case tables stay closed', async () => {
      const count = (orgId: string, scope: string, allOrgs: boolean) =>
        inTenantTransaction(
          t.database.db,
          { organisationId: orgId, userId: null, allOrganisations: allOrgs },
          async (trx) => {
            const { rows } = await sql<{ cases: number }>`
            SELECT cases FROM koop_counselling_statistics(${scope}, '2026-01', '2026-03', NULL, NULL)
            WHERE dimension = 'total'`.execute(trx);
            const direct = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_statistics`.execute(
              trx,
            );
            return { cases: Number(rows[0]!.cases), direct: Number(direct.rows[0]!.n) };
          },
        );
      // Without the operator scope, "all" counts nothing; Caritas has no umbrella partners.
      expect(await count(caritas.id, 'all', false)).toEqual({ cases: 0, direct: 0 });
      expect(await count(caritas.id, 'umbrella_others', false)).toEqual({ cases: 0, direct: 0 });
      expect(await count(caritas.id, 'own', false)).toEqual({ cases: 6, direct: 0 });
      expect(await count(awoSouth.id, 'umbrella_others', false)).toEqual({ cases: 15, direct: 0 });
      expect((await count(awo.id, 'own', false)).direct).toBe(3);
    });
  });

  describe('R-STAT-5: CSV and PDF carry the same suppression', () => {
    it('R-STAT-2, R-STAT-5: the CSV and the PDF read back with the same hidden cells', async () => {
      const csv = await admin.client.get('/api/statistics/counselling.csv?from=2026-01&to=2026-03');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines).toContain('Geschlecht;weiblich;8');
      expect(lines).toContain('Geschlecht;divers;•');
      expect(lines).toContain('Geschlecht;männlich;•');
      expect(lines).toContain('Fälle;Gesamt;15');
      const english = await admin.client.get(
        '/api/statistics/counselling.csv?from=2026-01&to=2026-03&lang=en',
      );
      expect(english.body).toContain('Gender;female;8');

      const pdf = await admin.client.get('/api/statistics/counselling.pdf?from=2026-01&to=2026-03');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await readPdf(pdf.rawPayload)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Beratungsstatistik');
      expect(text).toContain('weiblich 8');
      expect(text).toContain('divers •');
      expect(text).toContain('männlich •');
      expect(text).not.toMatch(/divers [0-9]/);
      expect((await auditRows(t.database.db, 'statistics.exported')).length).toBe(3);
    });
  });

  describe('R-STAT-3: the evaluation of a cooperation', () => {
    beforeAll(async () => {
      const db = t.database.db;
      await inTenantTransaction(
        db,
        { organisationId: awo.id, userId: null, allOrganisations: false },
        async (trx) => {
          await switchOrganisation(trx, awo.id);
          // Erased referrals from the Jobcenter, counted by outcome (migration 0016).
          await trx
            .insertInto('referral_outcomes')
            .values([
              {
                organisation_id: awo.id,
                office_id: awoOffice.id,
                referrer_organisation_id: jobcenter.id,
                month: '2026-01-01',
                service: 'MBE',
                outcome: 'taken_up',
                referrals: 6,
              },
              {
                organisation_id: awo.id,
                office_id: awoOffice.id,
                referrer_organisation_id: jobcenter.id,
                month: '2026-02-01',
                service: 'MBE',
                outcome: 'not_taken_up',
                referrals: 2,
              },
              {
                organisation_id: awo.id,
                office_id: awoOffice.id,
                referrer_organisation_id: jobcenter.id,
                month: '2025-09-01',
                service: 'MBE',
                outcome: 'taken_up',
                referrals: 7,
              },
            ])
            .execute();
        },
      );
      // One live referral still undecided.
      await sql`
        INSERT INTO referrals (id, referrer_organisation_id, referrer_user_id, receiving_organisation_id,
          receiving_office_id, service, family_name, phone, language, topic, feedback_allowed,
          consent_language, consent_given_at, created_at)
        VALUES (gen_random_uuid(), ${jobcenter.id}, ${jobcenterStaff.user.id}, ${awo.id}, ${awoOffice.id}, 'MBE',
          'Haddad', '0176 1', 'ar', 'work_training', true, 'ar', now(), '2026-03-02T10:00:00Z')`.execute(db);
      // An agreement with the Jobcenter: six meetings held in 2026-H1, two of their actions done.
      const agreementId = randomUUID();
      await sql`INSERT INTO agreements (id, model, title, status, created_by_organisation_id)
        VALUES (${agreementId}, 'jobcenter', 'Kooperation Jobcenter', 'active', ${awo.id})`.execute(db);
      await sql`INSERT INTO agreement_parties (id, agreement_id, organisation_id, side)
        VALUES (${randomUUID()}, ${agreementId}, ${awo.id}, 'provider'),
               (${randomUUID()}, ${agreementId}, ${jobcenter.id}, 'partner')`.execute(db);
      const meetingIds = [1, 2, 3, 4, 5, 6].map(() => randomUUID());
      for (const [i, id] of meetingIds.entries()) {
        await sql`INSERT INTO agreement_meetings (id, agreement_id, kind, title, starts_at, status, created_by_organisation_id)
          VALUES (${id}, ${agreementId}, 'jobcenter_evaluation', 'Auswertung', ${`2026-0${i + 1}-10T09:00:00Z`}, 'held', ${awo.id})`.execute(
          db,
        );
      }
      for (const id of meetingIds.slice(0, 2)) {
        await sql`INSERT INTO agreement_actions (id, agreement_id, meeting_id, title, owner_name, due_on, done_at)
          VALUES (${randomUUID()}, ${agreementId}, ${id}, 'Liste abstimmen', 'Lea Leitung', '2026-05-01', '2026-04-20T10:00:00Z')`.execute(
          db,
        );
      }
    });

    it('R-STAT-3, R-STAT-5: referrals by outcome per half-year, live and erased, small cells hidden', async () => {
      const partners = await get<{ partners: { id: string; name: string }[] }>(
        teamLead,
        '/api/statistics/partners',
      );
      expect(partners.partners.map((p) => p.name)).toContain('Jobcenter Musterstadt');
      const view = await get<EvaluationView>(
        teamLead,
        `/api/statistics/evaluations/${jobcenter.id}?from=2025-H2&to=2026-H1`,
      );
      expect(view.halfYears).toEqual(['2025-H2', '2026-H1']);
      const referrals = view.sections.find((s) => s.key === 'referrals')!;
      expect(referrals.categories.map((c) => c.label.de)).toEqual([
        'angenommen',
        'nicht angenommen',
        'noch offen',
      ]);
      expect(referrals.cells[0]![0]).toEqual({ suppressed: false, value: 7 });
      expect(referrals.cells[1]![0]).toEqual({ suppressed: false, value: 6 });
      // Two not taken up and one undecided: hidden, and the row's total with them would not give them away.
      expect(referrals.cells[1]![1]).toMatchObject({ suppressed: true, reason: 'primary' });
      expect(referrals.cells[1]![2]).toMatchObject({ suppressed: true, reason: 'primary' });
      expect(referrals.total).toEqual({ suppressed: false, value: 16 });
      // Meetings held with the Jobcenter under a cooperation agreement, and their actions done.
      const meetings = view.sections.find((s) => s.key === 'meetings')!;
      expect(meetings.cells[1]![0]).toEqual({ suppressed: false, value: 6 });
      const actions = view.sections.find((s) => s.key === 'actions')!;
      expect(actions.cells[1]![0]).toMatchObject({ suppressed: true, reason: 'primary' });
      expect(view.sections.map((s) => s.key)).toEqual([
        'referrals',
        'consents',
        'disclosures',
        'notices',
        'conflicts',
        'meetings',
        'actions',
      ]);
      expect((await auditRows(t.database.db, 'evaluation.read', jobcenter.id)).length).toBe(1);

      const csv = await teamLead.client.get(
        `/api/statistics/evaluations/${jobcenter.id}/evaluation.csv?from=2025-H2&to=2026-H1`,
      );
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('2026-H1;nicht angenommen;•');
      expect(csv.body).toContain('2026-H1;angenommen;6');
      const pdf = await teamLead.client.get(
        `/api/statistics/evaluations/${jobcenter.id}/evaluation.pdf?from=2025-H2&to=2026-H1`,
      );
      expect(pdf.statusCode).toBe(200);
      const text = (await readPdf(pdf.rawPayload)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Jobcenter Musterstadt');
      expect(text).toContain('2026-H1 · angenommen 6');
      expect(text).toContain('2026-H1 · nicht angenommen •');
    });

    it("R-STAT-3: another provider sees nothing of AWO's cooperation, and refusals answer problem+json", async () => {
      const other = await get<EvaluationView>(
        caritasLead,
        `/api/statistics/evaluations/${jobcenter.id}?from=2025-H2&to=2026-H1`,
      );
      expect(other.sections.find((s) => s.key === 'referrals')!.total).toEqual({
        suppressed: false,
        value: 0,
      });
      expectProblem(
        await counsellor.client.get(`/api/statistics/evaluations/${jobcenter.id}`),
        403,
        'forbidden',
      );
      expectProblem(
        await jobcenterStaff.client.get(`/api/statistics/evaluations/${awo.id}`),
        403,
        'forbidden',
      );
      expectProblem(await teamLead.client.get(`/api/statistics/evaluations/${caritas.id}`), 403, 'forbidden');
      expectProblem(
        await teamLead.client.get(`/api/statistics/evaluations/${crypto.randomUUID()}`),
        404,
        'not_found',
      );
      expectProblem(
        await teamLead.client.get(`/api/statistics/evaluations/${jobcenter.id}?from=2026-H3`),
        400,
        'validation_failed',
      );
      expectProblem(
        await teamLead.client.get(`/api/statistics/evaluations/${jobcenter.id}?from=2026-H2&to=2026-H1`),
        400,
        'validation_failed',
      );
      expectProblem(
        await teamLead.client.get('/api/statistics/evaluations/not-a-uuid'),
        400,
        'validation_failed',
      );
      expectProblem(await counsellor.client.get('/api/statistics/partners'), 403, 'forbidden');
    });
  });
});
