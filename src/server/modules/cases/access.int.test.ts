import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  problem,
  signIn,
  withToken,
  type Client,
  type TestApp,
} from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus, type Person } from '../../../../test/api.ts';
import {
  auditRows,
  buildCaseWorld,
  clientBody,
  countRows,
  readCase,
  registerClient,
  type CaseBody,
  type CaseWorld,
  type Created,
  firstMessage,
} from './test-support.ts';

/** Everything a partner must never be able to reach (R-RED-2, R-RED-4). */
const caseRoutePrefixes = [
  '/api/clients',
  '/api/cases',
  '/api/caseload',
  '/api/case-settings',
  '/api/case-deletions',
];

describe(`case access: break the glass, partners, isolation, audit (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;
  let c: Created;
  let contactId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    w = await buildCaseWorld(t.app, t.database.db);
    c = await registerClient(
      w.owner,
      { givenName: 'Oksana', familyName: 'Bondarenko', birthDate: '1986-09-30' },
      { openedOn: '2026-01-12' },
    );
    const url = `/api/cases/${c.caseId}`;
    expectStatus(
      await w.owner.client.put(`${url}/analysis`, {
        germanLevel: 'A1',
        healthNote: 'Chronische Erkrankung, regelmäßige Arzttermine',
        livelihood: ['basic_income_support'],
      }),
      200,
    );
    expectStatus(
      await w.owner.client.put(`${url}/plan`, {
        reason: 'Arbeitssuche',
        goal: 'Teilzeitstelle',
        goals: [
          {
            title: 'Bewerbungen',
            steps: [{ title: 'Lebenslauf', responsible: 'client', dueOn: '2026-03-12' }],
          },
        ],
      }),
      200,
    );
    // Attendance facts that must never reach a partner (R-RED-2): a missed appointment.
    contactId = expectStatus<{ id: string }>(
      await w.owner.client.post(`${url}/contacts`, {
        startsAt: '2026-03-05T09:00:00+01:00',
        form: 'in_person',
        status: 'missed',
        note: 'Termin nicht wahrgenommen',
      }),
      201,
    ).id;
    activityId = expectStatus<{ id: string }>(
      await w.owner.client.post(`${url}/activities`, {
        kind: 'course_support',
        courseName: 'Integrationskurs A2',
      }),
      201,
    ).id;
  });
  afterAll(() => t.close());

  const caseReads = async () => (await auditRows(t.database.db, 'case.read', c.caseId)).length;

  describe('R-CON-8: break the glass', () => {
    it('R-CON-8: a colleague outside the caseload is refused until they state a reason; nothing is shown or audited as read', async () => {
      const before = await caseReads();
      const response = await w.colleague.client.get(`/api/cases/${c.caseId}`);
      expectProblem(response, 403, 'break_glass_required');
      expect(problem(response).detail).toContain('Begründung');
      expect(response.body).not.toContain('Bondarenko');
      expect(await caseReads()).toBe(before);
      const tooShort = await w.colleague.client.post(`/api/cases/${c.caseId}/break-glass`, {
        reason: 'weil',
      });
      expect(expectProblem(tooShort, 400, 'validation_failed')).toEqual(['reason']);
      expect(firstMessage(tooShort)).toContain('mindestens 10 Zeichen');
      expect(await countRows(t.database.db, 'case_access_grants')).toBe(0);
    });

    it('R-CON-8: breaking the glass is audited with the reason and opens the case, health included', async () => {
      const grant = expectStatus<{ reason: string; expiresAt: string }>(
        await w.colleague.client.post(`/api/cases/${c.caseId}/break-glass`, {
          reason: 'Vertretung: Klientin ruft wegen Frist beim Jobcenter an',
        }),
        201,
      );
      expect(new Date(grant.expiresAt).getTime() - t.clock.now.getTime()).toBe(12 * 3_600_000);
      const broken = await auditRows(t.database.db, 'case.glass_broken', c.caseId);
      expect(broken).toEqual([
        expect.objectContaining({
          actor_user_id: w.colleague.user.id,
          reason: 'Vertretung: Klientin ruft wegen Frist beim Jobcenter an',
        }),
      ]);
      const read = await readCase(w.colleague, c.caseId);
      expect(read.viaGrant?.reason).toBe('Vertretung: Klientin ruft wegen Frist beim Jobcenter an');
      expect(read.analysis?.health?.note).toBe('Chronische Erkrankung, regelmäßige Arzttermine');
      const lastRead = (await auditRows(t.database.db, 'case.read', c.caseId)).at(-1)!;
      expect(lastRead).toMatchObject({
        actor_user_id: w.colleague.user.id,
        reason: 'Vertretung: Klientin ruft wegen Frist beim Jobcenter an',
      });
      expect(lastRead.details).toMatchObject({ viaGrant: true, specialCategory: true });
    });

    it('R-CON-8: the owner sees who opened the case and why, in the case and in the caseload', async () => {
      const read = await readCase(w.owner, c.caseId);
      expect(read.accessGrants).toEqual([
        expect.objectContaining({
          userId: w.colleague.user.id,
          reason: 'Vertretung: Klientin ruft wegen Frist beim Jobcenter an',
        }),
      ]);
      const caseload = expectStatus<{ accessByOthers: { caseNumber: string; reason: string }[] }>(
        await w.owner.client.get('/api/caseload'),
        200,
      );
      expect(caseload.accessByOthers).toEqual([
        expect.objectContaining({
          caseNumber: c.caseNumber,
          reason: expect.stringContaining('Vertretung') as string,
        }),
      ]);
    });

    it('R-CON-8: a grant ends after a working day; then the reason is asked again', async () => {
      const saved = t.clock.now;
      t.clock.now = new Date(saved.getTime() + 12 * 3_600_000 + 60_000);
      try {
        // The session of the morning has ended too; the colleague signs in again.
        const later = await signIn(t.app, w.colleague.user.email);
        expectProblem(await later.get(`/api/cases/${c.caseId}`), 403, 'break_glass_required');
      } finally {
        t.clock.now = saved;
      }
    });

    it('R-CON-8: a team lead sees counts and due items but no content, and reads the case only after breaking the glass', async () => {
      const team = await w.teamLead.client.get('/api/caseload/team');
      const body = expectStatus<{
        counsellors: { userId: string; open: number; overdueSteps: number }[];
        dueItems: { caseNumber: string; kind: string }[];
      }>(team, 200);
      expect(body.counsellors.find((r) => r.userId === w.owner.user.id)).toMatchObject({ open: 1 });
      expect(body.dueItems).toEqual(
        expect.arrayContaining([expect.objectContaining({ caseNumber: c.caseNumber, kind: 'step' })]),
      );
      for (const secret of ['Bondarenko', 'Oksana', 'Lebenslauf', 'Arbeitssuche', 'Erkrankung']) {
        expect(team.body, secret).not.toContain(secret);
      }
      expectProblem(await w.teamLead.client.get(`/api/cases/${c.caseId}`), 403, 'break_glass_required');
      expectStatus(
        await w.teamLead.client.post(`/api/cases/${c.caseId}/break-glass`, {
          reason: 'Beschwerde der Klientin, Klärung durch die Leitung',
        }),
        201,
      );
      const read = await readCase(w.teamLead, c.caseId);
      expect(read.analysis?.health?.note).toContain('Chronische');
      expect(read.allowedActions).not.toContain('case.update');
      expectProblem(
        await w.teamLead.client.post(`/api/cases/${c.caseId}/contacts`, {
          startsAt: '2026-03-09T09:00:00+01:00',
          form: 'phone',
        }),
        403,
        'forbidden',
      );
    });

    it('R-CON-8: a substitute finds a case by its number without seeing its content', async () => {
      const found = expectStatus<{
        id: string;
        accessible: boolean;
        owner: { id: string };
        allowedActions: string[];
      }>(await w.teamLead.client.get(`/api/cases/lookup?caseNumber=${c.caseNumber}`), 200);
      expect(found).toMatchObject({ id: c.caseId, owner: { id: w.owner.user.id } });
      expect(JSON.stringify(found)).not.toContain('Bondarenko');
      expectProblem(
        await w.otherCounsellor.client.get(`/api/cases/lookup?caseNumber=${c.caseNumber}`),
        404,
        'not_found',
      );
    });
  });

  describe('R-CASE-3: special category (health, Art. 9 DSGVO)', () => {
    it('R-CASE-3: health data is withheld from a read-only API token even of the owner', async () => {
      const created = expectStatus<{ token: string }>(
        await w.owner.client.post('/api/auth/tokens', { name: 'Auswertung', scope: 'read' }),
        201,
      );
      const read = expectStatus<CaseBody>(
        await withToken(t.app, created.token).get(`/api/cases/${c.caseId}`),
        200,
      );
      expect(read.analysis?.health).toBeNull();
      expect(read.analysis?.healthWithheld).toBe(true);
      expect(JSON.stringify(read)).not.toContain('Chronische');
    });

    it('R-CASE-3: the case summary for the client leaves health data out', async () => {
      const pdf = await w.owner.client.get(`/api/cases/${c.caseId}/summary.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.includes(Buffer.from('Chronische'))).toBe(false);
    });
  });

  describe('R-SEC-2: isolation', () => {
    it('R-SEC-2: a counsellor of another provider gets 404 for the case and cannot break the glass into it', async () => {
      const other = w.otherCounsellor.client;
      expectProblem(await other.get(`/api/cases/${c.caseId}`), 404, 'not_found');
      expectProblem(
        await other.post(`/api/cases/${c.caseId}/break-glass`, { reason: 'Ich möchte hineinsehen, bitte' }),
        404,
        'not_found',
      );
      expectProblem(await other.get(`/api/clients/${c.client.id}/export`), 404, 'not_found');
    });

    it('R-SEC-2: system administration never sees case data (no operator scope on case tables)', async () => {
      expectProblem(await w.system.client.get(`/api/cases/${c.caseId}`), 404, 'not_found');
      expectProblem(await w.system.client.get(`/api/clients/${c.client.id}`), 404, 'not_found');
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_policies
        WHERE tablename IN ('clients','cases','case_analyses','case_contacts','support_plans','case_access_grants')
          AND (qual LIKE '%koop_all_orgs%' OR with_check LIKE '%koop_all_orgs%')`.execute(t.database.db);
      expect(rows[0]?.n).toBe(0);
    });

    it('R-ORG-4: the provider’s administration, clearing staff and colleagues cannot read the case', async () => {
      expectProblem(await w.providerAdmin.client.get(`/api/cases/${c.caseId}`), 403, 'forbidden');
      expectProblem(await w.clearing.client.get(`/api/cases/${c.caseId}`), 403, 'forbidden');
      expectProblem(await w.clearing.client.get('/api/caseload'), 403, 'forbidden');
      expectProblem(
        await w.providerAdmin.client.get(`/api/clients/${c.client.id}/export.pdf`),
        403,
        'forbidden',
      );
    });
  });

  describe('R-RED-4 and R-RED-2: partners', () => {
    type Operation = { method: string; path: string; hasBody: boolean };
    let operations: Operation[];

    beforeAll(async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
      }>();
      operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          hasBody: op.requestBody !== undefined,
        })),
      );
    });

    const consentDraft = {
      recipientTeamId: '00000000-0000-4000-8000-000000000002',
      purpose: 'integration_jobcenter',
      categories: ['identity_contact'],
      direction: 'to_partner',
      repetition: 'repeated',
      validFrom: '2026-03-01',
      validUntil: '2026-08-31',
    };
    const bodies: Record<string, unknown> = {
      'POST /api/clients': clientBody(),
      'PATCH /api/clients/{id}': { version: 1, phone: '0000' },
      'POST /api/clients/{id}/cases': { caseType: 'short_counselling', service: 'MBE' },
      'PATCH /api/cases/{id}': { version: 1, nextReviewOn: '2026-04-01' },
      'POST /api/cases/{id}/close': { version: 1, closedOn: '2026-03-01', closureReason: 'other' },
      'POST /api/cases/{id}/reopen': { version: 1 },
      'POST /api/cases/{id}/break-glass': { reason: 'Ich möchte den Fall gern sehen' },
      'POST /api/cases/{id}/legal-hold': { version: 1, hold: true, reason: 'Rechtsstreit anhängig' },
      'PUT /api/cases/{id}/intake': { heldOn: '2026-03-01', reason: 'Anlass' },
      'PUT /api/cases/{id}/analysis': { germanLevel: 'B1' },
      'PUT /api/cases/{id}/plan': { goal: 'Ziel' },
      'POST /api/cases/{id}/contacts': { startsAt: '2026-03-01T10:00:00+01:00', form: 'phone' },
      'PATCH /api/cases/{id}/contacts/{childId}': { version: 1, status: 'held' },
      'POST /api/cases/{id}/activities': { kind: 'childcare' },
      'PATCH /api/cases/{id}/activities/{childId}': { version: 1, status: 'done' },
      'PATCH /api/cases/{id}/responsibilities/{area}': { version: 1, responsible: 'jobcenter' },
      'PUT /api/case-settings': { version: 0, retentionYears: 1 },
      'POST /api/cases/{id}/consents': { ...consentDraft, form: 'on_screen' },
      'POST /api/cases/{id}/consent-form.pdf': consentDraft,
      'POST /api/cases/{id}/legal-bases': {
        recipientTeamId: '00000000-0000-4000-8000-000000000002',
        basis: 'child_protection',
        justification: 'Gewichtige Anhaltspunkte für eine Gefährdung des Kindes',
        categories: ['identity_contact'],
      },
      'POST /api/cases/{id}/disclosures': {
        consentId: '00000000-0000-4000-8000-000000000001',
        purpose: 'integration_jobcenter',
        kind: 'assessment_result',
        subject: 'Ergebnis',
        sections: [{ category: 'language_courses', text: 'B1' }],
      },
    };

    function urlFor(op: Operation): string {
      const id = op.path.startsWith('/api/clients') ? c.client.id : c.caseId;
      const child = op.path.includes('/contacts/') ? contactId : activityId;
      const query: Record<string, string> = {
        '/api/clients/search': '?q=Bondarenko',
        '/api/clients/service-suggestion': '?birthDate=1986-09-30',
        '/api/cases/lookup': `?caseNumber=${c.caseNumber}`,
      };
      return (
        op.path.replace('{id}', id).replace('{childId}', child).replace('{area}', 'benefits') +
        (query[op.path] ?? '')
      );
    }

    function send(client: Client, op: Operation) {
      const url = urlFor(op);
      const body = bodies[`${op.method} ${op.path}`];
      switch (op.method) {
        case 'GET':
          return client.get(url);
        case 'POST':
          return client.post(url, body);
        case 'PUT':
          return client.put(url, body);
        case 'PATCH':
          return client.patch(url, body);
        default:
          return client.delete(url);
      }
    }

    const snapshot = async () => ({
      clients: await countRows(t.database.db, 'clients'),
      cases: await countRows(t.database.db, 'cases'),
      contacts: await countRows(t.database.db, 'case_contacts'),
      grants: await countRows(t.database.db, 'case_access_grants'),
      settings: await countRows(t.database.db, 'case_settings'),
      plan: (await readCase(w.owner, c.caseId)).plan?.version,
    });

    it('R-RED-4: every case endpoint answers 404 to each partner role, and nothing changes', async () => {
      const caseOps = operations.filter((op) => caseRoutePrefixes.some((p) => op.path.startsWith(p)));
      expect(caseOps.length).toBeGreaterThanOrEqual(28);
      for (const op of caseOps.filter((o) => o.hasBody)) {
        expect(bodies, `valid body for ${op.method} ${op.path}`).toHaveProperty([`${op.method} ${op.path}`]);
      }
      const before = await snapshot();
      for (const { label, person } of w.partners) {
        for (const op of caseOps) {
          const response = await send(person.client, op);
          expect(response.statusCode, `${label}: ${op.method} ${op.path} ${response.body}`).toBe(404);
          expect(problem(response).code).toBe('not_found');
          expect(response.body).not.toContain('Bondarenko');
        }
      }
      expect(await snapshot()).toEqual(before);
      const partnerIds = w.partners.map((p) => p.person.user.id);
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM audit_log
        WHERE actor_user_id = ANY(${partnerIds}::uuid[]) AND (action LIKE 'case%' OR action LIKE 'client%')`.execute(
        t.database.db,
      );
      expect(rows[0]?.n).toBe(0);
    });

    it('R-RED-2: no partner role reaches attendance, non-attendance or drop-out of counselling anywhere in the API', async () => {
      // The case holds a missed appointment; close a second case as "ended by the client" / "no contact".
      const dropped = await registerClient(w.owner, { familyName: 'Abbruchfall', givenName: 'Ilya' });
      const read = await readCase(w.owner, dropped.caseId);
      expectStatus(
        await w.owner.client.post(`/api/cases/${dropped.caseId}/close`, {
          version: read.version,
          closedOn: '2026-03-10',
          closureReason: 'ended_by_client',
        }),
        200,
      );
      const secrets = [
        'Bondarenko',
        'Abbruchfall',
        c.caseNumber,
        dropped.caseNumber,
        'missed',
        'nicht wahrgenommen',
        'ended_by_client',
        'no_contact',
        'Termin nicht',
      ];
      const reachable = operations.filter((op) => op.method === 'GET');
      for (const { label, person } of w.partners) {
        for (const op of reachable) {
          const ids = op.path.includes('{')
            ? [c.caseId, c.client.id, dropped.caseId, person.user.organisationId]
            : [''];
          for (const id of ids) {
            const url = op.path.replace(/\{[^}]+\}/g, id);
            const response = await person.client.get(url);
            expect(response.statusCode, `${label}: GET ${url}`).not.toBe(500);
            for (const secret of secrets) {
              expect(response.body.includes(secret), `${label}: GET ${url} shows "${secret}"`).toBe(false);
            }
          }
        }
      }
      // Walks every GET of the whole API for seven partner roles: give it time on a busy machine.
    }, 240_000);

    it('R-RED-2: partners get no certificate of attendance: the only case documents are behind the 404', async () => {
      const documentRoutes = operations.filter(
        (op) => op.path.endsWith('.pdf') && caseRoutePrefixes.some((p) => op.path.startsWith(p)),
      );
      expect(documentRoutes.map((op) => op.path).sort()).toEqual([
        '/api/cases/{id}/consent-form.pdf',
        '/api/cases/{id}/summary.pdf',
        '/api/clients/{id}/export.pdf',
      ]);
      for (const { person } of w.partners) {
        for (const op of documentRoutes) expect((await send(person.client, op)).statusCode).toBe(404);
      }
    });
  });

  describe('R-SEC-1: every read of a case is audited', () => {
    const reader = (p: Person) => p.user.id;

    it('R-SEC-1: each read of the case, the caseload, the summary and the export writes an audit row', async () => {
      const count = async (action: string) =>
        (await auditRows(t.database.db, action)).filter((r) => r.actor_user_id === reader(w.owner)).length;
      const before = {
        read: await count('case.read'),
        caseload: await count('caseload.read'),
        summary: await count('case.summary_printed'),
        exported: await count('client.exported'),
      };
      await readCase(w.owner, c.caseId);
      await readCase(w.owner, c.caseId);
      expectStatus(await w.owner.client.get('/api/caseload'), 200);
      expect((await w.owner.client.get(`/api/cases/${c.caseId}/summary.pdf`)).statusCode).toBe(200);
      expectStatus(await w.owner.client.get(`/api/clients/${c.client.id}/export`), 200);
      expect(await count('case.read')).toBe(before.read + 2);
      expect(await count('caseload.read')).toBe(before.caseload + 1);
      expect(await count('case.summary_printed')).toBe(before.summary + 1);
      expect(await count('client.exported')).toBe(before.exported + 1);
    });
  });
});
