import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus } from '../../../../test/api.ts';
import {
  auditRows,
  buildCaseWorld,
  countRows,
  readCase,
  registerClient,
  type CaseBody,
  type CaseWorld,
  type Created,
  firstMessage,
} from './test-support.ts';

type Plan = NonNullable<CaseBody['plan']>;

const planBody = (overrides: Record<string, unknown> = {}) => ({
  reason: 'Anerkennung des Pflegeabschlusses und Arbeitssuche',
  goal: 'Arbeit als Pflegefachkraft',
  course: 'Anerkennungsverfahren begleiten, Sprachkurs B2 Pflege, Bewerbungen',
  agreement: { agreed: true, agreedOn: '2026-03-02', method: 'signed_paper' },
  goals: [
    {
      title: 'Berufsanerkennung',
      status: 'in_progress',
      steps: [
        { title: 'Unterlagen übersetzen lassen', responsible: 'client', dueOn: '2026-03-20', status: 'open' },
        {
          title: 'Antrag bei der Anerkennungsstelle stellen',
          responsible: 'counsellor',
          dueOn: '2026-04-01',
        },
      ],
    },
    {
      title: 'Deutsch B2',
      steps: [
        {
          title: 'Berufssprachkurs beantragen',
          responsible: 'partner',
          partnerName: 'Jobcenter Musterstadt',
          dueOn: '2026-04-15',
        },
      ],
    },
  ],
  ...overrides,
});

describe(`cases API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;
  let c: Created;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    w = await buildCaseWorld(t.app, t.database.db);
    c = await registerClient(w.owner, {}, { openedOn: '2026-02-16' });
  });
  afterAll(() => t.close());

  const url = (suffix = '') => `/api/cases/${c.caseId}${suffix}`;

  describe('R-CASE-3: the phases of case management', () => {
    it('R-CASE-3: a new case-management case starts in the Sondierungsgespräch with the seed’s responsibilities', async () => {
      const read = await readCase(w.owner, c.caseId);
      expect(read).toMatchObject({
        caseType: 'case_management',
        phase: 'intake',
        status: 'open',
        openedOn: '2026-02-16',
        owner: { id: w.owner.user.id },
        intake: null,
        analysis: null,
        plan: null,
      });
      expect(read.client.familyName).toBe('Haddad');
      expect(read.allowedActions).toEqual(expect.arrayContaining(['case.update', 'case.close']));
    });

    it('R-CASE-7: who is responsible for what is visible per case, as the source text divides it', async () => {
      const { responsibilities } = await readCase(w.owner, c.caseId);
      const byArea = Object.fromEntries(responsibilities.map((r) => [r.area, r.responsible]));
      expect(byArea).toEqual({
        first_counselling: 'counselling',
        recognition: 'counselling',
        course_counselling: 'counselling',
        course_support: 'counselling',
        childcare: 'counselling',
        language_assessment: 'course_provider_or_clearing',
        work_placement: 'jobcenter',
        benefits: 'jobcenter',
        course_obligation: 'jobcenter_or_abh',
      });
      const benefits = responsibilities.find((r) => r.area === 'benefits')!;
      expect(benefits.label).toContain('Grundsicherungsgeld');
      expect(responsibilities.find((r) => r.area === 'course_obligation')?.label).toContain('§ 44a AufenthG');
      expect(benefits.source).toContain('Leistungsbezugs');
    });

    it('R-CASE-7: a case may divide a task differently; the change is marked and versioned', async () => {
      const [first] = expectStatus<CaseBody['responsibilities']>(
        await w.owner.client.patch(url('/responsibilities/language_assessment'), {
          version: 1,
          responsible: 'counselling',
          note: 'Einstufung durch die Clearingstelle entfällt, Kurs bereits begonnen.',
        }),
        200,
      ).filter((r) => r.area === 'language_assessment');
      expect(first).toMatchObject({ responsible: 'counselling', isDefault: false, version: 2 });
      expectProblem(
        await w.owner.client.patch(url('/responsibilities/language_assessment'), {
          version: 1,
          responsible: 'abh',
        }),
        409,
        'version_conflict',
      );
    });

    it('R-CASE-3: the Sondierungsgespräch records reason, concerns, next steps and topics', async () => {
      const intake = expectStatus<NonNullable<CaseBody['intake']>>(
        await w.owner.client.put(url('/intake'), {
          heldOn: '2026-02-16',
          reason: 'Fragen zur Anerkennung als Pflegefachkraft',
          concerns: 'Lebensunterhalt sichern, Deutschkurs',
          agreedNextSteps: 'Unterlagen mitbringen',
          topics: ['recognition', 'work_training'],
        }),
        200,
      );
      expect(intake).toMatchObject({ version: 1, topics: ['recognition', 'work_training'] });
      expectProblem(
        await w.owner.client.put(url('/intake'), { heldOn: '2026-02-16', reason: 'nochmal neu angelegt' }),
        409,
        'version_conflict',
      );
    });

    it('R-CASE-3: the analysis is structured; health is marked as special category and shown to the owner', async () => {
      const analysis = expectStatus<NonNullable<CaseBody['analysis']>>(
        await w.owner.client.put(url('/analysis'), {
          germanLevel: 'A2',
          otherLanguages: ['ar', 'en'],
          schooling: 'upper_secondary',
          schoolingYears: 12,
          qualifications: [
            {
              type: 'vocational_training',
              title: 'Krankenpflege',
              country: 'SY',
              recognition: 'not_started',
            },
          ],
          workExperience: 'Sechs Jahre Krankenhaus in Aleppo',
          familySituation: 'Alleinerziehend, eine Tochter',
          housing: 'own_flat',
          healthNote: 'Rückenbeschwerden, keine Nachtschichten',
          residenceStatusGroup: 'residence_humanitarian',
          livelihood: ['basic_income_support'],
        }),
        200,
      );
      expect(analysis.health).toEqual({
        note: 'Rückenbeschwerden, keine Nachtschichten',
        specialCategory: true,
      });
      const read = await readCase(w.owner, c.caseId);
      expect(read.phase).toBe('analysis');
      expect(read.analysis?.qualifications[0]).toMatchObject({
        title: 'Krankenpflege',
        recognition: 'not_started',
      });
      const { rows } = await sql<{ d: string }>`
        SELECT col_description('case_analyses'::regclass, attnum) AS d FROM pg_attribute
        WHERE attrelid = 'case_analyses'::regclass AND attname = 'health_note'`.execute(t.database.db);
      expect(rows[0]?.d).toContain('Art. 9 DSGVO');
    });

    it('R-CASE-4: a plan marked agreed without the client’s agreement details answers 400 and nothing is saved', async () => {
      const response = await w.owner.client.put(url('/plan'), planBody({ agreement: { agreed: true } }));
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(
        expect.arrayContaining(['agreement.agreedOn', 'agreement.method']),
      );
      expect(JSON.stringify(problem(response).errors)).toContain('zugestimmt');
      expect(await countRows(t.database.db, 'support_plans', sql`case_id = ${c.caseId}`)).toBe(0);
      expect(await countRows(t.database.db, 'plan_goals', sql`case_id = ${c.caseId}`)).toBe(0);
    });

    it('R-CASE-4: the support plan records goals, steps, who does them, due dates and the client’s agreement', async () => {
      const plan = expectStatus<Plan>(await w.owner.client.put(url('/plan'), planBody()), 200);
      expect(plan.agreement).toEqual({
        agreed: true,
        agreedOn: '2026-03-02',
        method: 'signed_paper',
        note: null,
      });
      expect(plan.goals.map((g) => g.title)).toEqual(['Berufsanerkennung', 'Deutsch B2']);
      expect(plan.goals[1]?.steps[0]).toMatchObject({
        responsible: 'partner',
        partnerName: 'Jobcenter Musterstadt',
      });
      expect((await readCase(w.owner, c.caseId)).phase).toBe('implementation');
      const audit = (await auditRows(t.database.db, 'case.plan_saved', c.caseId)).at(-1);
      expect(audit?.details).toMatchObject({ agreed: true, goals: 2, steps: 3 });
    });

    it('R-CASE-4: two counsellors editing the same plan — the second gets 409 and nothing is lost', async () => {
      // The colleague stands in (break the glass) and loads the same plan as the owner.
      expectStatus(
        await w.colleague.client.post(url('/break-glass'), { reason: 'Vertretung während des Urlaubs' }),
        201,
      );
      const loadedByOwner = (await readCase(w.owner, c.caseId)).plan!;
      const loadedByColleague = (await readCase(w.colleague, c.caseId)).plan!;
      expect(loadedByColleague.version).toBe(loadedByOwner.version);

      const ownersGoals = loadedByOwner.goals.map((g) => ({
        id: g.id,
        title: g.title,
        status: g.status,
        steps: g.steps.map((s) =>
          s.title === 'Unterlagen übersetzen lassen' ? { ...s, status: 'done', doneOn: '2026-03-09' } : s,
        ),
      }));
      const saved = expectStatus<Plan>(
        await w.owner.client.put(
          url('/plan'),
          planBody({ version: loadedByOwner.version, goals: ownersGoals }),
        ),
        200,
      );
      const conflict = await w.colleague.client.put(
        url('/plan'),
        planBody({ version: loadedByColleague.version, goals: [{ title: 'Ganz anderes Ziel', steps: [] }] }),
      );
      expectProblem(conflict, 409, 'version_conflict');
      expect(problem(conflict).detail).toContain('Es wurde nichts überschrieben');

      const now = (await readCase(w.owner, c.caseId)).plan!;
      expect(now.version).toBe(saved.version);
      expect(now.goals.map((g) => g.title)).toEqual(['Berufsanerkennung', 'Deutsch B2']);
      expect(now.goals[0]?.steps[0]).toMatchObject({ status: 'done', doneOn: '2026-03-09' });
      // Step ids survive a save, so the caseload's due items stay the same steps.
      expect(now.goals[0]?.steps.map((s) => s.id)).toEqual(loadedByOwner.goals[0]?.steps.map((s) => s.id));
    });

    it('R-CASE-5: contacts record date, form, duration, topics and family members present', async () => {
      const familyMember = (await readCase(w.owner, c.caseId)).client.familyMembers[0]!;
      const contact = expectStatus<CaseBody['contacts'][number]>(
        await w.owner.client.post(url('/contacts'), {
          startsAt: '2026-03-02T10:00:00+01:00',
          form: 'in_person',
          durationMinutes: 45,
          topics: ['recognition', 'benefits'],
          familyMemberIds: [familyMember.id],
          note: 'Förderplan besprochen und unterschrieben.',
        }),
        201,
      );
      expect(contact).toMatchObject({ form: 'in_person', status: 'held', durationMinutes: 45 });
      const appointment = expectStatus<CaseBody['contacts'][number]>(
        await w.owner.client.post(url('/contacts'), {
          startsAt: '2026-04-02T10:00:00+02:00',
          form: 'video',
          status: 'planned',
          topics: ['work_training'],
        }),
        201,
      );
      const held = expectStatus<CaseBody['contacts'][number]>(
        await w.owner.client.patch(url(`/contacts/${appointment.id}`), { version: 1, status: 'cancelled' }),
        200,
      );
      expect(held.status).toBe('cancelled');
      expect((await readCase(w.owner, c.caseId)).contacts).toHaveLength(2);
    });

    it('R-CASE-5: a held contact in the future, an unknown topic or an oversized note answer 400 and nothing is saved', async () => {
      const before = await countRows(t.database.db, 'case_contacts');
      const future = await w.owner.client.post(url('/contacts'), {
        startsAt: '2026-05-01T10:00:00+02:00',
        form: 'phone',
      });
      expect(expectProblem(future, 400, 'validation_failed')).toEqual(['startsAt']);
      const unknown = await w.owner.client.post(url('/contacts'), {
        startsAt: '2026-03-03T10:00:00+01:00',
        form: 'phone',
        topics: ['recognition', 'erfunden'],
      });
      expect(expectProblem(unknown, 400, 'validation_failed')).toEqual(['topics.1']);
      expect(firstMessage(unknown)).toBe('Unbekannter Wert „erfunden“ in der Auswahlliste „Themen“.');
      const oversized = await w.owner.client.post(url('/contacts'), {
        startsAt: '2026-03-03T10:00:00+01:00',
        form: 'phone',
        note: 'x'.repeat(4001),
      });
      expect(expectProblem(oversized, 400, 'validation_failed')).toEqual(['note']);
      expect(firstMessage(oversized)).toBe('Der Text ist zu lang (höchstens 4000 Zeichen).');
      expect(await countRows(t.database.db, 'case_contacts')).toBe(before);
    });

    it('R-CASE-6: support during the integration course and arranging childcare are case activities', async () => {
      const support = expectStatus<CaseBody['activities'][number]>(
        await w.owner.client.post(url('/activities'), {
          kind: 'course_support',
          status: 'active',
          courseProviderName: 'Volkshochschule Musterstadt',
          courseName: 'Integrationskurs B1, Modul 4',
          startsOn: '2026-03-01',
        }),
        201,
      );
      const childcare = expectStatus<CaseBody['activities'][number]>(
        await w.owner.client.post(url('/activities'), {
          kind: 'childcare',
          childrenCount: 1,
          childcarePlace: 'Kita Sonnenblume (Kursbegleitende Betreuung)',
          startsOn: '2026-03-01',
          endsOn: '2026-07-31',
        }),
        201,
      );
      expect(childcare).toMatchObject({ kind: 'childcare', status: 'planned', childrenCount: 1 });
      expectProblem(
        await w.owner.client.patch(url(`/activities/${support.id}`), {
          version: 1,
          endsOn: '2026-02-01',
        }),
        400,
        'validation_failed',
      );
      expect(
        expectStatus<CaseBody['activities'][number]>(
          await w.owner.client.patch(url(`/activities/${support.id}`), { version: 1, status: 'done' }),
          200,
        ).status,
      ).toBe('done');
    });

    it('R-CASE-3: a closure before the opening answers 400 in German and the case stays open', async () => {
      const current = await readCase(w.owner, c.caseId);
      const response = await w.owner.client.post(url('/close'), {
        version: current.version,
        closedOn: '2026-02-01',
        closureReason: 'goals_reached',
      });
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['closedOn']);
      expect(firstMessage(response)).toBe(
        'Der Abschluss darf nicht vor der Eröffnung des Falls (16.02.2026) liegen.',
      );
      expect((await readCase(w.owner, c.caseId)).status).toBe('open');
    });

    it('R-CASE-3: closing records the reason and the situation at the end beside the start', async () => {
      const current = await readCase(w.owner, c.caseId);
      await w.owner.client.patch(url(), {
        version: current.version,
        situationStart: { livelihood: 'basic_income_support', languageLevel: 'A2', work: 'job_seeking' },
      });
      const before = await readCase(w.owner, c.caseId);
      const closed = expectStatus<CaseBody>(
        await w.owner.client.post(url('/close'), {
          version: before.version,
          closedOn: '2026-03-09',
          closureReason: 'goals_reached',
          situationEnd: { livelihood: 'employment', languageLevel: 'B1', work: 'employed' },
        }),
        200,
      );
      expect(closed).toMatchObject({
        status: 'closed',
        closedOn: '2026-03-09',
        closureReason: 'goals_reached',
        situationStart: { livelihood: 'basic_income_support', languageLevel: 'A2', work: 'job_seeking' },
        situationEnd: { livelihood: 'employment', languageLevel: 'B1', work: 'employed' },
        retentionEndsOn: '2029-03-09',
      });
      expect(closed.allowedActions).toContain('case.reopen');
      expect(closed.allowedActions).not.toContain('case.update');
    });

    it('R-CASE-3: a closed case is read-only until it is reopened', async () => {
      const closed = await readCase(w.owner, c.caseId);
      expectProblem(
        await w.owner.client.post(url('/contacts'), { startsAt: '2026-03-09T10:00:00+01:00', form: 'phone' }),
        409,
        'case_closed',
      );
      const reopened = expectStatus<CaseBody>(
        await w.owner.client.post(url('/reopen'), { version: closed.version }),
        200,
      );
      expect(reopened).toMatchObject({ status: 'open', closedOn: null, closureReason: null });
    });

    it('R-CASE-3: short counselling has contacts only and is counted apart', async () => {
      const short = await registerClient(
        w.owner,
        { familyName: 'Nowak', givenName: 'Marta', birthDate: '1975-05-05' },
        { caseType: 'short_counselling' },
      );
      const read = await readCase(w.owner, short.caseId);
      expect(read).toMatchObject({ caseType: 'short_counselling', phase: null });
      expectProblem(
        await w.owner.client.patch(`/api/cases/${short.caseId}`, {
          version: read.version,
          phase: 'analysis',
        }),
        400,
        'validation_failed',
      );
    });

    it('R-SEC-1: every change of a case is audited', async () => {
      for (const action of [
        'case.intake_saved',
        'case.analysis_saved',
        'case.plan_saved',
        'case.contact_recorded',
        'case.activity_recorded',
        'case.responsibility_updated',
        'case.closed',
        'case.reopened',
      ]) {
        expect((await auditRows(t.database.db, action, c.caseId)).length, action).toBeGreaterThan(0);
      }
    });
  });

  describe('R-SEC-4, R-CASE-3: implausible dates are refused at the edge', () => {
    // The clock stands at 10.03.2026: plans may reach to 10.03.2031, not a day further.
    let d: Created;
    const caseUrl = (suffix = '') => `/api/cases/${d.caseId}${suffix}`;
    const errorsOf = (response: LightMyRequestResponse): [string, string][] => {
      problem(response);
      const { errors } = response.json<{ errors?: { path: string; message: string }[] }>();
      return (errors ?? []).map((e): [string, string] => [e.path, e.message]);
    };
    const stepDue = (dueOn: string) =>
      planBody({
        agreement: { agreed: false },
        goals: [
          { title: 'Berufsanerkennung', steps: [{ title: 'Antrag stellen', responsible: 'client', dueOn }] },
        ],
      });

    beforeAll(async () => {
      d = await registerClient(w.owner, { familyName: 'Datumsprobe', birthDate: '1990-06-01' });
    });

    it('R-SEC-4: refuses a plan step due in 1800 with a German message at the field and saves nothing', async () => {
      const response = await w.owner.client.put(caseUrl('/plan'), stepDue('1800-01-01'));
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['goals.0.steps.0.dueOn']);
      expect(firstMessage(response)).toBe(
        'Das Datum darf nicht vor dem 01.01.2000 liegen. Bitte das Datum prüfen.',
      );
      expect(await countRows(t.database.db, 'support_plans', sql`case_id = ${d.caseId}`)).toBe(0);
      expect(await countRows(t.database.db, 'plan_goals', sql`case_id = ${d.caseId}`)).toBe(0);
    });

    it('R-SEC-4, R-CASE-3: refuses a plan step due more than five years ahead; the last plannable day is accepted', async () => {
      const tooFar = await w.owner.client.put(caseUrl('/plan'), stepDue('2031-03-11'));
      expect(expectProblem(tooFar, 400, 'validation_failed')).toEqual(['goals.0.steps.0.dueOn']);
      expect(firstMessage(tooFar)).toBe(
        'Das Datum liegt zu weit in der Zukunft (höchstens 5 Jahre, bis 10.03.2031). Bitte das Datum prüfen.',
      );
      expect(await countRows(t.database.db, 'plan_goals', sql`case_id = ${d.caseId}`)).toBe(0);

      const saved = expectStatus<Plan>(
        await w.owner.client.put(caseUrl('/plan'), stepDue('2031-03-10')),
        200,
      );
      expect(saved.goals[0]?.steps[0]?.dueOn).toBe('2031-03-10');
    });

    it('R-SEC-4, R-CASE-3: refuses a conversation in 1800, a step done in the future and a review beyond five years', async () => {
      const intake = await w.owner.client.put(caseUrl('/intake'), {
        heldOn: '1800-01-01',
        reason: 'Arbeitssuche',
      });
      expect(expectProblem(intake, 400, 'validation_failed')).toEqual(['heldOn']);
      expect(firstMessage(intake)).toContain('01.01.2000');
      expect(await countRows(t.database.db, 'case_intakes', sql`case_id = ${d.caseId}`)).toBe(0);

      const read = await readCase(w.owner, d.caseId);
      const done = await w.owner.client.put(
        caseUrl('/plan'),
        planBody({
          version: read.plan!.version,
          agreement: { agreed: false },
          goals: [
            {
              title: 'Berufsanerkennung',
              steps: [
                { title: 'Antrag stellen', responsible: 'client', status: 'done', doneOn: '2026-03-11' },
              ],
            },
          ],
        }),
      );
      expect(expectProblem(done, 400, 'validation_failed')).toEqual(['goals.0.steps.0.doneOn']);
      expect((await readCase(w.owner, d.caseId)).plan?.version).toBe(read.plan!.version);

      const review = await w.owner.client.patch(caseUrl(), {
        version: read.version,
        nextReviewOn: '2040-01-01',
      });
      expect(expectProblem(review, 400, 'validation_failed')).toEqual(['nextReviewOn']);
      expect(firstMessage(review)).toContain('zu weit in der Zukunft');
      expect((await readCase(w.owner, d.caseId)).nextReviewOn).toBeNull();
    });

    it('R-SEC-4, R-CASE-3: refuses a contact before 2000 or planned beyond five years, and records nothing', async () => {
      const before = await countRows(t.database.db, 'case_contacts', sql`case_id = ${d.caseId}`);
      const early = await w.owner.client.post(caseUrl('/contacts'), {
        startsAt: '1800-01-01T10:00:00+01:00',
        form: 'phone',
      });
      expect(expectProblem(early, 400, 'validation_failed')).toEqual(['startsAt']);
      expect(firstMessage(early)).toBe(
        'Der Kontakt darf nicht vor dem 01.01.2000 liegen. Bitte das Datum prüfen.',
      );
      const farAhead = await w.owner.client.post(caseUrl('/contacts'), {
        startsAt: '2035-01-01T10:00:00+01:00',
        form: 'video',
        status: 'planned',
      });
      expect(expectProblem(farAhead, 400, 'validation_failed')).toEqual(['startsAt']);
      expect(firstMessage(farAhead)).toContain('zu weit in der Zukunft');
      const heldTomorrow = await w.owner.client.post(caseUrl('/contacts'), {
        startsAt: '2026-03-11T10:00:00+01:00',
        form: 'phone',
        status: 'held',
      });
      expect(errorsOf(heldTomorrow)).toEqual([
        ['startsAt', 'Ein stattgefundener Kontakt kann nicht in der Zukunft liegen.'],
      ]);
      expect(await countRows(t.database.db, 'case_contacts', sql`case_id = ${d.caseId}`)).toBe(before);
    });

    it('R-SEC-4, R-CASE-3: refuses activity dates in 1800, beyond five years, or in the future for what has happened', async () => {
      const activities = () => countRows(t.database.db, 'case_activities', sql`case_id = ${d.caseId}`);
      const before = await activities();
      const early = await w.owner.client.post(caseUrl('/activities'), {
        kind: 'course_support',
        startsOn: '1800-01-01',
      });
      expect(expectProblem(early, 400, 'validation_failed')).toEqual(['startsOn']);
      expect(firstMessage(early)).toContain('01.01.2000');
      const farAhead = await w.owner.client.post(caseUrl('/activities'), {
        kind: 'childcare',
        startsOn: '2026-04-01',
        endsOn: '2045-07-31',
      });
      expect(expectProblem(farAhead, 400, 'validation_failed')).toEqual(['endsOn']);
      const doneLater = await w.owner.client.post(caseUrl('/activities'), {
        kind: 'course_support',
        status: 'done',
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
      });
      expect(errorsOf(doneLater)).toEqual([
        ['endsOn', 'Eine abgeschlossene Aktivität kann nicht erst in der Zukunft enden.'],
      ]);
      expect(await activities()).toBe(before);

      const planned = expectStatus<CaseBody['activities'][number]>(
        await w.owner.client.post(caseUrl('/activities'), { kind: 'course_support', startsOn: '2026-04-01' }),
        201,
      );
      const started = await w.owner.client.patch(caseUrl(`/activities/${planned.id}`), {
        version: planned.version,
        status: 'active',
      });
      expect(expectProblem(started, 400, 'validation_failed')).toEqual(['startsOn']);
      expect(firstMessage(started)).toBe(
        'Eine laufende oder abgeschlossene Aktivität kann nicht erst in der Zukunft beginnen.',
      );
      expect((await readCase(w.owner, d.caseId)).activities.find((a) => a.id === planned.id)).toMatchObject({
        status: 'planned',
        version: planned.version,
      });
    });
  });
});
