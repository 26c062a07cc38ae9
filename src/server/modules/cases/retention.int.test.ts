import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus } from '../../../../test/api.ts';
import { runRetention } from './retention.ts';
import {
  auditRows,
  buildCaseWorld,
  countRows,
  readCase,
  registerClient,
  type CaseWorld,
  type Created,
} from './test-support.ts';

describe(`retention of closed cases (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;
  const due: Created[] = [];
  let held: Created;
  let recent: Created;
  let sharedClientClosed: Created;
  let sharedClientOpen: Created;

  const at = (iso: string) => new Date(iso);

  async function close(person: CaseWorld['owner'], created: Created, closedOn: string) {
    const read = await readCase(person, created.caseId);
    expectStatus(
      await person.client.post(`/api/cases/${created.caseId}/close`, {
        version: read.version,
        closedOn,
        closureReason: 'goals_reached',
        situationEnd: { livelihood: 'employment', languageLevel: 'B1', work: 'employed' },
      }),
      200,
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = at('2023-01-16T09:00:00Z');
    w = await buildCaseWorld(t.app, t.database.db);
    for (const name of ['Erste', 'Zweite', 'Dritte']) {
      const created = await registerClient(
        w.owner,
        { familyName: `Frist${name}`, givenName: 'Eva' },
        {
          openedOn: '2023-01-02',
          situationStart: { livelihood: 'basic_income_support', languageLevel: 'A1' },
        },
      );
      expectStatus(
        await w.owner.client.post(`/api/cases/${created.caseId}/contacts`, {
          startsAt: '2023-01-10T10:00:00+01:00',
          form: 'in_person',
          topics: ['work_training'],
          note: `Vertrauliche Notiz ${name}`,
        }),
        201,
      );
      await close(w.owner, created, '2023-01-15');
      due.push(created);
    }
    held = await registerClient(
      w.owner,
      { familyName: 'Gesperrt', givenName: 'Hold' },
      { openedOn: '2023-01-02' },
    );
    await close(w.owner, held, '2023-01-15');
    const read = await readCase(w.owner, held.caseId);
    expectStatus(
      await w.teamLead.client.post(`/api/cases/${held.caseId}/legal-hold`, {
        version: read.version,
        hold: true,
        reason: 'Gerichtsverfahren anhängig',
      }),
      200,
    );
    sharedClientClosed = await registerClient(
      w.owner,
      { familyName: 'Zweifall', givenName: 'Zora' },
      { openedOn: '2023-01-02' },
    );
    await close(w.owner, sharedClientClosed, '2023-01-15');
    sharedClientOpen = expectStatus<Created>(
      await w.owner.client.post(`/api/clients/${sharedClientClosed.client.id}/cases`, {
        caseType: 'short_counselling',
        service: 'MBE',
      }),
      201,
    );
    t.clock.now = at('2025-06-02T09:00:00Z');
    const owner = await signIn(t.app, w.owner.user.email);
    recent = expectStatus<Created>(
      await owner.post('/api/clients', {
        familyName: 'Neulich',
        birthDate: '1970-01-01',
        case: { caseType: 'short_counselling', service: 'MBE' },
      }),
      201,
    );
    const r = expectStatus<{ version: number }>(await owner.get(`/api/cases/${recent.caseId}`), 200);
    expectStatus(
      await owner.post(`/api/cases/${recent.caseId}/close`, {
        version: r.version,
        closedOn: '2025-06-02',
        closureReason: 'moved_away',
      }),
      200,
    );
  });
  afterAll(() => t.close());

  const caseExists = async (id: string) => (await countRows(t.database.db, 'cases', sql`id = ${id}`)) === 1;

  it('R-CON-5: nothing is erased before three years after closure have passed', async () => {
    const result = await runRetention(t.database.db, at('2026-01-14T12:00:00Z'));
    expect(result).toEqual({ ran: true, erased: 0, clientsErased: 0 });
    for (const c of due) expect(await caseExists(c.caseId)).toBe(true);
  });

  it('R-CON-5: run concurrently twice on the day the period ends, the job erases each case once', async () => {
    const now = at('2026-01-15T06:00:00Z');
    const results = await Promise.all([runRetention(t.database.db, now), runRetention(t.database.db, now)]);
    expect(results.reduce((n, r) => n + r.erased, 0)).toBe(4);
    expect(results.some((r) => r.ran)).toBe(true);
    expect(await countRows(t.database.db, 'case_deletion_records')).toBe(4);
    expect(await countRows(t.database.db, 'case_statistics')).toBe(4);
    expect((await auditRows(t.database.db, 'case.erased')).length).toBe(4);
    // A third run finds nothing more.
    expect((await runRetention(t.database.db, now)).erased).toBe(0);
  });

  it('R-CON-5: erased cases are gone with everything in them; the client goes with their last case', async () => {
    for (const c of due) {
      expect(await caseExists(c.caseId)).toBe(false);
      expect(await countRows(t.database.db, 'clients', sql`id = ${c.client.id}`)).toBe(0);
      expect(await countRows(t.database.db, 'client_family_members', sql`client_id = ${c.client.id}`)).toBe(
        0,
      );
      expect(await countRows(t.database.db, 'case_contacts', sql`case_id = ${c.caseId}`)).toBe(0);
      expect(await countRows(t.database.db, 'case_responsibilities', sql`case_id = ${c.caseId}`)).toBe(0);
    }
    // A client with another, open case stays; only the closed case went.
    expect(await caseExists(sharedClientClosed.caseId)).toBe(false);
    expect(await caseExists(sharedClientOpen.caseId)).toBe(true);
    expect(await countRows(t.database.db, 'clients', sql`id = ${sharedClientClosed.client.id}`)).toBe(1);
  });

  it('R-CON-5: a legal hold keeps the case; a recently closed case stays too', async () => {
    expect(await caseExists(held.caseId)).toBe(true);
    expect(await caseExists(recent.caseId)).toBe(true);
  });

  it('R-CON-5: the anonymous statistics stay intact and hold no personal data', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT * FROM case_statistics WHERE organisation_id = ${w.provider.id}`.execute(t.database.db);
    expect(rows).toHaveLength(4);
    const withContact = rows.filter((r) => r.contacts === 1);
    expect(withContact).toHaveLength(3);
    expect(withContact[0]).toMatchObject({
      service: 'MBE',
      case_type: 'case_management',
      opened_month: '2023-01',
      closed_month: '2023-01',
      age_group: '27_34',
      gender: 'female',
      residence_status_group: 'residence_humanitarian',
      years_since_arrival: '3_or_more',
      closure_reason: 'goals_reached',
      family_members: 1,
      topics: ['work_training'],
      start_livelihood: 'basic_income_support',
      end_livelihood: 'employment',
      start_language_level: 'A1',
      end_language_level: 'B1',
    });
    const text = JSON.stringify(rows);
    for (const secret of [
      'Frist',
      'Eva',
      'Vertrauliche',
      'Yara',
      '1988-04-12',
      ...due.map((c) => c.caseNumber),
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    for (const c of due) expect(text).not.toContain(c.client.id);
  });

  it('R-CON-5: deletion records name no person and are shown to the provider’s administration only', async () => {
    t.clock.now = at('2026-01-15T09:00:00Z');
    const admin = await signIn(t.app, w.providerAdmin.user.email);
    const records = expectStatus<{
      items: { rule: string; closedMonth: string; recordsRemoved: number; clientErased: boolean }[];
      total: number;
    }>(await admin.get('/api/case-deletions'), 200);
    expect(records.total).toBe(4);
    expect(records.items.filter((r) => r.clientErased)).toHaveLength(3);
    expect(records.items[0]).toMatchObject({ closedMonth: '2023-01', retentionYears: 3 });
    expect(records.items.find((r) => r.clientErased)?.recordsRemoved).toBeGreaterThan(10);
    const text = JSON.stringify(records);
    for (const secret of [
      'Frist',
      'Eva',
      'Zweifall',
      ...due.map((c) => c.caseNumber),
      ...due.map((c) => c.caseId),
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    const owner = await signIn(t.app, w.owner.user.email);
    expectProblem(await owner.get('/api/case-deletions'), 403, 'forbidden');
  });

  it('R-CON-5: releasing the legal hold lets the next run erase the case; reasons leave the audit log with it', async () => {
    expect((await auditRows(t.database.db, 'case.legal_hold_set', held.caseId))[0]?.reason).toBe(
      'Gerichtsverfahren anhängig',
    );
    const lead = await signIn(t.app, w.teamLead.user.email);
    const lookup = expectStatus<{ id: string }>(
      await lead.get(`/api/cases/lookup?caseNumber=${held.caseNumber}`),
      200,
    );
    const { rows } = await sql<{
      version: number;
    }>`SELECT version FROM cases WHERE id = ${lookup.id}`.execute(t.database.db);
    expectStatus(
      await lead.post(`/api/cases/${held.caseId}/legal-hold`, { version: rows[0]!.version, hold: false }),
      200,
    );
    expect((await runRetention(t.database.db, at('2026-01-16T06:00:00Z'))).erased).toBe(1);
    expect(await caseExists(held.caseId)).toBe(false);
    // Who set the hold and when stays in the log; the typed reason, which may name the client, does not.
    const [holdRow] = await auditRows(t.database.db, 'case.legal_hold_set', held.caseId);
    expect(holdRow).toMatchObject({ reason: null, details: { reasonErased: true } });
    expect(holdRow?.actor_user_id).toBe(w.teamLead.user.id);
    const withReason = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${held.caseId} AND reason IS NOT NULL`.execute(
      t.database.db,
    );
    expect(withReason.rows[0]?.n).toBe(0);
  });

  it('R-CON-5: the period is configurable per provider: one year erases the case closed a year ago', async () => {
    expect(await caseExists(recent.caseId)).toBe(true);
    const admin = await signIn(t.app, w.providerAdmin.user.email);
    expectStatus(await admin.put('/api/case-settings', { version: 0, retentionYears: 1 }), 200);
    expect((await runRetention(t.database.db, at('2026-06-01T12:00:00Z'))).erased).toBe(0);
    expect((await runRetention(t.database.db, at('2026-06-02T12:00:00Z'))).erased).toBe(1);
    expect(await caseExists(recent.caseId)).toBe(false);
  });
});
