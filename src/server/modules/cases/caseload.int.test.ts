import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anonymous, createTestApp, problem, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus } from '../../../../test/api.ts';
import type { caseloadSchema, settingsSchema, teamSchema } from './cases.schemas.ts';
import { buildCaseWorld, readCase, registerClient, type CaseWorld, type Created } from './test-support.ts';

type Caseload = z.infer<typeof caseloadSchema>;
type Team = z.infer<typeof teamSchema>;
type Settings = z.infer<typeof settingsSchema>;

describe(`caseload, team view and category lists (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;
  let withPlan: Created;
  let shortOne: Created;
  let closedOne: Created;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    w = await buildCaseWorld(t.app, t.database.db);
    withPlan = await registerClient(
      w.owner,
      { familyName: 'Sahin', givenName: 'Emre' },
      { openedOn: '2026-01-05' },
    );
    shortOne = await registerClient(
      w.owner,
      { familyName: 'Ivanova', givenName: 'Mila' },
      { caseType: 'short_counselling' },
    );
    closedOne = await registerClient(
      w.owner,
      { familyName: 'Closed', givenName: 'Case' },
      { openedOn: '2026-01-05' },
    );
    await registerClient(w.colleague, { familyName: 'Fremdbestand', givenName: 'Nicht' });

    const read = await readCase(w.owner, withPlan.caseId);
    expectStatus(
      await w.owner.client.patch(`/api/cases/${withPlan.caseId}`, {
        version: read.version,
        nextReviewOn: '2026-03-01',
      }),
      200,
    );
    expectStatus(
      await w.owner.client.put(`/api/cases/${withPlan.caseId}/plan`, {
        goal: 'Ausbildung',
        goals: [
          {
            title: 'Ausbildungsplatz',
            steps: [
              { title: 'Zeugnisse beglaubigen', responsible: 'client', dueOn: '2026-03-05' },
              {
                title: 'Beratung Handwerkskammer',
                responsible: 'partner',
                partnerName: 'HWK',
                dueOn: '2026-03-18',
              },
              { title: 'Später', responsible: 'counsellor', dueOn: '2026-06-01' },
              { title: 'Erledigt', responsible: 'counsellor', dueOn: '2026-03-02', status: 'done' },
            ],
          },
        ],
      }),
      200,
    );
    expectStatus(
      await w.owner.client.post(`/api/cases/${withPlan.caseId}/contacts`, {
        startsAt: '2026-03-02T10:00:00+01:00',
        form: 'phone',
        durationMinutes: 20,
      }),
      201,
    );
    const closing = await readCase(w.owner, closedOne.caseId);
    expectStatus(
      await w.owner.client.post(`/api/cases/${closedOne.caseId}/close`, {
        version: closing.version,
        closedOn: '2026-03-01',
        closureReason: 'moved_away',
      }),
      200,
    );
  });
  afterAll(() => t.close());

  it('R-CASE-5: without credentials the caseload answers 401', async () => {
    expectProblem(await anonymous(t.app).get('/api/caseload'), 401, 'not_authenticated');
  });

  it('R-CASE-5: my caseload lists my open cases with the next due step and the last contact', async () => {
    const caseload = expectStatus<Caseload>(await w.owner.client.get('/api/caseload'), 200);
    expect(caseload.today).toBe('2026-03-10');
    expect(caseload.openCases.map((c) => c.caseNumber).sort()).toEqual(
      [withPlan.caseNumber, shortOne.caseNumber].sort(),
    );
    expect(caseload.counts).toEqual({
      open: 2,
      caseManagement: 1,
      shortCounselling: 1,
      overdueSteps: 1,
      stepsDueThisWeek: 0,
      overdueReviews: 1,
      appointmentsToday: 0,
    });
    expect(caseload).toMatchObject({ weekStart: '2026-03-09', weekEnd: '2026-03-15' });
    const planned = caseload.openCases.find((c) => c.id === withPlan.caseId)!;
    expect(planned).toMatchObject({
      clientName: 'Emre Sahin',
      nextReviewOn: '2026-03-01',
      reviewOverdue: true,
      nextStepDueOn: '2026-03-05',
      nextStepOverdue: true,
      phase: 'plan',
    });
    expect(planned.lastContactAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('R-CASE-5: the next due steps (overdue first) and overdue reviews; done and far-off steps stay out', async () => {
    const caseload = expectStatus<Caseload>(await w.owner.client.get('/api/caseload'), 200);
    expect(caseload.dueSteps.map((s) => [s.title, s.overdue])).toEqual([
      ['Zeugnisse beglaubigen', true],
      ['Beratung Handwerkskammer', false],
    ]);
    expect(caseload.overdueReviews).toEqual([
      {
        caseId: withPlan.caseId,
        caseNumber: withPlan.caseNumber,
        clientName: 'Emre Sahin',
        nextReviewOn: '2026-03-01',
      },
    ]);
    expect(JSON.stringify(caseload)).not.toContain('Fremdbestand');
  });

  it('R-CON-8: the team lead sees each counsellor’s caseload as counts only', async () => {
    const team = expectStatus<Team>(await w.teamLead.client.get('/api/caseload/team'), 200);
    expect(team.counsellors.find((c) => c.userId === w.owner.user.id)).toMatchObject({
      open: 2,
      caseManagement: 1,
      shortCounselling: 1,
      overdueReviews: 1,
      overdueSteps: 1,
      stepsDueThisWeek: 0,
    });
    expect(team.counsellors.find((c) => c.userId === w.colleague.user.id)).toMatchObject({ open: 1 });
    expect(
      team.dueItems
        .filter((d) => d.caseId === withPlan.caseId)
        .map((d) => d.kind)
        .sort(),
    ).toEqual(['review', 'step', 'step']);
    expect(JSON.stringify(team)).not.toMatch(/Sahin|Zeugnisse|Ausbildung/);
  });

  it('R-CASE-5, R-CON-8: counts and lists agree — two overdue steps of one case are counted twice and listed twice; this week ends on Sunday; appointments are today in Berlin', async () => {
    const own = await registerClient(
      w.owner,
      { familyName: 'Zweifach', givenName: 'Ada' },
      { openedOn: '2026-01-05' },
    );
    expectStatus(
      await w.owner.client.put(`/api/cases/${own.caseId}/plan`, {
        goal: 'Sprache',
        goals: [
          {
            title: 'Kurs',
            steps: [
              { title: 'Anmeldung', responsible: 'client', dueOn: '2026-03-03' },
              { title: 'Einstufung', responsible: 'counsellor', dueOn: '2026-03-09' },
              { title: 'Kursbeginn', responsible: 'client', dueOn: '2026-03-15' },
              { title: 'Nächste Woche', responsible: 'client', dueOn: '2026-03-16' },
            ],
          },
        ],
      }),
      200,
    );
    // Planned: one this morning, one late tonight (23:30 Berlin = 22:30 UTC), one tomorrow at 00:30 Berlin.
    for (const startsAt of [
      '2026-03-10T08:00:00+01:00',
      '2026-03-10T23:30:00+01:00',
      '2026-03-11T00:30:00+01:00',
    ]) {
      expectStatus(
        await w.owner.client.post(`/api/cases/${own.caseId}/contacts`, {
          startsAt,
          form: 'in_person',
          status: 'planned',
        }),
        201,
      );
    }
    try {
      const caseload = expectStatus<Caseload>(await w.owner.client.get('/api/caseload'), 200);
      const overdue = caseload.dueSteps.filter((s) => s.overdue);
      expect(overdue.filter((s) => s.caseId === own.caseId).map((s) => s.title)).toEqual([
        'Anmeldung',
        'Einstufung',
      ]);
      expect(caseload.counts.overdueSteps).toBe(overdue.length);
      expect(caseload.counts.stepsDueThisWeek).toBe(1); // Kursbeginn on Sunday; not Monday's step
      expect(caseload.openCases.find((c) => c.id === own.caseId)).toMatchObject({
        nextStepDueOn: '2026-03-03',
        nextStepOverdue: true,
      });
      expect(caseload.appointmentsToday.map((a) => a.startsAt)).toEqual([
        '2026-03-10T07:00:00.000Z',
        '2026-03-10T22:30:00.000Z',
      ]);
      expect(caseload.counts.appointmentsToday).toBe(2);

      const team = expectStatus<Team>(await w.teamLead.client.get('/api/caseload/team'), 200);
      const mine = team.counsellors.find((c) => c.userId === w.owner.user.id)!;
      const listed = team.dueItems.filter((d) => d.ownerName === mine.name);
      expect(mine.overdueSteps).toBe(listed.filter((d) => d.kind === 'step' && d.overdue).length);
      expect(mine.overdueSteps).toBe(3);
      expect(mine.overdueReviews).toBe(listed.filter((d) => d.kind === 'review' && d.overdue).length);
      expect(mine.stepsDueThisWeek).toBe(1);
      expect(new Set(team.dueItems.map((d) => d.itemId)).size).toBe(team.dueItems.length);
    } finally {
      const read = await readCase(w.owner, own.caseId);
      expectStatus(
        await w.owner.client.post(`/api/cases/${own.caseId}/close`, {
          version: read.version,
          closedOn: '2026-03-10',
          closureReason: 'moved_away',
        }),
        200,
      );
    }
  });

  it('R-CON-8: counsellors have no team view; team leads have no caseload of their own', async () => {
    expectProblem(await w.owner.client.get('/api/caseload/team'), 403, 'forbidden');
    expectProblem(await w.teamLead.client.get('/api/caseload'), 403, 'forbidden');
  });

  describe('category lists per installation', () => {
    it('R-STAT-2: the defaults come with current legal terms (Grundsicherungsgeld)', async () => {
      const settings = expectStatus<Settings>(await w.owner.client.get('/api/case-settings'), 200);
      expect(settings).toMatchObject({ isDefault: true, retentionYears: 3, version: 0 });
      expect(settings.categories.livelihood.find((e) => e.code === 'basic_income_support')?.de).toBe(
        'Grundsicherungsgeld',
      );
      expect(settings.categories.closureReasons.map((e) => e.code)).toEqual([
        'goals_reached',
        'moved_away',
        'handed_on',
        'ended_by_client',
        'no_contact',
        'other',
      ]);
      expect(settings.allowedActions).toEqual([]);
    });

    it('R-STAT-2: only the provider’s administration changes the lists; a stale version answers 409', async () => {
      const topics = [
        { code: 'residence_law', de: 'Aufenthaltsrecht', en: 'Residence law' },
        { code: 'housing', de: 'Wohnen', en: 'Housing', active: false },
        { code: 'digital_participation', de: 'Digitale Teilhabe', en: 'Digital participation' },
      ];
      expectProblem(
        await w.owner.client.put('/api/case-settings', { version: 0, categories: { topics } }),
        403,
        'forbidden',
      );
      const saved = expectStatus<Settings>(
        await w.providerAdmin.client.put('/api/case-settings', { version: 0, categories: { topics } }),
        200,
      );
      expect(saved).toMatchObject({ isDefault: false, version: 1 });
      expectProblem(
        await w.providerAdmin.client.put('/api/case-settings', { version: 0, retentionYears: 5 }),
        409,
        'version_conflict',
      );
      const duplicate = await w.providerAdmin.client.put('/api/case-settings', {
        version: 1,
        categories: { topics: [topics[0], topics[0]] },
      });
      expectProblem(duplicate, 400, 'validation_failed');
      expect(JSON.stringify(problem(duplicate).errors)).toContain('nur einmal');
    });

    it('R-CASE-5: a changed list applies at once: a new topic is accepted, a retired one refused', async () => {
      expectStatus(
        await w.owner.client.post(`/api/cases/${withPlan.caseId}/contacts`, {
          startsAt: '2026-03-09T10:00:00+01:00',
          form: 'message',
          topics: ['digital_participation'],
        }),
        201,
      );
      const refused = await w.owner.client.post(`/api/cases/${withPlan.caseId}/contacts`, {
        startsAt: '2026-03-09T10:00:00+01:00',
        form: 'message',
        topics: ['housing'],
      });
      expect(expectProblem(refused, 400, 'validation_failed')).toEqual(['topics.0']);
    });
  });
});
