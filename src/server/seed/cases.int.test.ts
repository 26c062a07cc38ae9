import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus, type Page } from '../../../test/api.ts';
import type { caseloadSchema, caseSchema, searchHitSchema } from '../modules/cases/cases.schemas.ts';
import { demoPassword, seedDemo } from './demo.ts';

type Caseload = z.infer<typeof caseloadSchema>;
type Found = Page<z.infer<typeof searchHitSchema>>;

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The README's paragraph on case management in the demo, whitespace folded. */
const demoParagraph = (/\*\*Case management in the demo\*\*([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '').replace(
  /\s+/g,
  ' ',
);

describe(`the Musterstadt demo caseloads (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-CASE-5: the AWO counsellor’s caseload shows open cases, due steps and the team lead’s access', async () => {
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const caseload = expectStatus<Caseload>(await counsellor.get('/api/caseload'), 200);
    expect(caseload.openCases.map((c) => c.clientName).sort()).toEqual([
      'Amina Haddad',
      'Grace Okafor',
      'Klient K-17',
      'Oleksandr Kovalenko',
      'Swetlana Müller',
    ]);
    expect(caseload.dueSteps.some((s) => s.overdue)).toBe(true);
    expect(caseload.overdueReviews.map((r) => r.clientName)).toEqual(['Amina Haddad']);
    expect(caseload.accessByOthers).toEqual([expect.objectContaining({ userName: 'Lena Leitung' })]);

    const amina = caseload.openCases.find((c) => c.clientName === 'Amina Haddad')!;
    const read = expectStatus<z.infer<typeof caseSchema>>(
      await counsellor.get(`/api/cases/${amina.id}`),
      200,
    );
    expect(read.plan?.agreement.agreed).toBe(true);
    expect(read.activities[0]?.kind).toBe('childcare');
    expect(read.analysis?.health?.note).toContain('Rücken');
  });

  it('R-CASE-8: the AWO counsellor finds "Yıldız" by "yildiz", the closed case included', async () => {
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const hits = expectStatus<Page<z.infer<typeof searchHitSchema>>>(
      await counsellor.get('/api/clients/search?q=yildiz'),
      200,
    );
    expect(hits.items.map((h) => h.familyName)).toEqual(['Yıldız']);
    expect(hits.items[0]?.cases[0]?.status).toBe('closed');
  });

  it('R-CASE-5: the Caritas counsellor and the JMD counsellor have their own caseloads', async () => {
    const caritas = await signIn(t.app, 'berater@caritas.example', demoPassword);
    expect(
      expectStatus<Caseload>(await caritas.get('/api/caseload'), 200)
        .openCases.map((c) => c.clientName)
        .sort(),
    ).toEqual(['Elena Popescu', 'Samir Al-Hassan']);
    const jmd = await signIn(t.app, 'jmd@awo.example', demoPassword);
    expect(expectStatus<Caseload>(await jmd.get('/api/caseload'), 200).openCases).toEqual([
      expect.objectContaining({ clientName: 'Dariush Rahimi', service: 'JMD' }),
    ]);
  });

  it('R-CON-5: the AWO administration’s Löschprotokoll shows earlier erasures, without personal data', async () => {
    const admin = await signIn(t.app, 'admin@awo.example', demoPassword);
    const records = expectStatus<Page<{ rule: string; retentionYears: number; clientErased: boolean }>>(
      await admin.get('/api/case-deletions'),
      200,
    );
    expect(records.total).toBe(3);
    expect(records.items[0]).toMatchObject({ retentionYears: 3, clientErased: true });
    expect(JSON.stringify(records)).not.toMatch(/Haddad|Yıldız|Kovalenko|berater/);
  });

  it('R-RED-4: the Jobcenter’s demo staff see none of it', async () => {
    const partner = await signIn(t.app, 'pap@jobcenter.example', demoPassword);
    expect((await partner.get('/api/caseload')).statusCode).toBe(404);
    expect((await partner.get('/api/clients/search?q=Haddad')).statusCode).toBe(404);
  });

  it('R-CASE-3, R-CASE-5: the counsellor’s caseload has a case in each phase the README names, and a closed one', async () => {
    expect(demoParagraph).toContain('a case in each phase');
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const caseload = expectStatus<Caseload>(await counsellor.get('/api/caseload'), 200);
    const phases = new Set(caseload.openCases.map((c) => c.phase));
    for (const phase of ['intake', 'analysis', 'plan', 'implementation'])
      expect(phases, phase).toContain(phase);
    // Every name the README gives a phase is in that phase.
    for (const [name, phase] of [
      ['Swetlana Müller', 'intake'],
      ['Oleksandr Kovalenko', 'analysis'],
      ['Grace Okafor', 'plan'],
      ['Amina Haddad', 'implementation'],
    ] as const) {
      expect(demoParagraph).toContain(name);
      expect(caseload.openCases.find((c) => c.clientName.endsWith(name.split(' ')[1]!))?.phase, name).toBe(
        phase,
      );
    }
    const closed = expectStatus<Found>(await counsellor.get('/api/clients/search?q=yildiz'), 200);
    expect(closed.items.flatMap((i) => i.cases).some((c) => c.status === 'closed')).toBe(true);
  });

  it('R-CASE-5: Amina Haddad’s case has what the README promises on the Übersicht: an overdue step and an appointment today', async () => {
    expect(demoParagraph).toContain('an overdue step, an appointment today');
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const caseload = expectStatus<Caseload>(await counsellor.get('/api/caseload'), 200);
    expect(caseload.dueSteps.filter((s) => s.overdue).map((s) => s.clientName)).toContain('Amina Haddad');
    expect(caseload.appointmentsToday.map((a) => a.clientName)).toEqual(['Amina Haddad']);
    expect(caseload.counts.appointmentsToday).toBe(1);
  });

  it('R-CASE-8: every search hint of the README finds a client', async () => {
    const hints = [
      ...(/Try the search with ([^;]+);/.exec(demoParagraph)?.[1] ?? '').matchAll(/`([^`]+)`/g),
    ].map((m) => m[1]!);
    expect(hints.length).toBeGreaterThanOrEqual(2);
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    for (const hint of hints) {
      const found = expectStatus<Found>(
        await counsellor.get(`/api/clients/search?q=${encodeURIComponent(hint)}`),
        200,
      );
      expect(found.items.length, hint).toBeGreaterThan(0);
    }
  });
});
