import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus } from '../../../../test/api.ts';
import { pdfText } from '../../../../test/pdf.ts';
import { buildCaseWorld, readCase, registerClient, type CaseWorld, type Created } from './test-support.ts';

interface ExportBody {
  generatedAt: string;
  controller: { name: string };
  client: { familyName: string; familyMembers: unknown[] };
  cases: {
    caseNumber: string;
    analysis: { health: { note: string } | null } | null;
    plan: { goals: { title: string }[] } | null;
    contacts: { note: string | null }[];
  }[];
}

describe(`Art. 15 export and case summary (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;
  let c: Created;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    w = await buildCaseWorld(t.app, t.database.db);
    c = await registerClient(
      w.owner,
      { givenName: 'Amira', familyName: 'Al-Masri', birthDate: '1983-01-20', email: 'amira@example.org' },
      { openedOn: '2026-01-08' },
    );
    const url = `/api/cases/${c.caseId}`;
    expectStatus(
      await w.owner.client.put(`${url}/intake`, {
        heldOn: '2026-01-08',
        reason: 'Fragen zum Familiennachzug und zum Integrationskurs',
        topics: ['residence_law', 'integration_course'],
      }),
      200,
    );
    expectStatus(
      await w.owner.client.put(`${url}/analysis`, {
        germanLevel: 'A2',
        schooling: 'upper_secondary',
        otherLanguages: ['ku', 'fr'],
        healthNote: 'Schwangerschaft, Kursbeginn nach der Geburt',
        livelihood: ['basic_income_support'],
      }),
      200,
    );
    expectStatus(
      await w.owner.client.put(`${url}/plan`, {
        reason: 'Familiennachzug',
        goal: 'Integrationskurs mit Kinderbetreuung',
        agreement: { agreed: true, agreedOn: '2026-02-01', method: 'spoken' },
        goals: [
          {
            title: 'Kursplatz mit Kinderbetreuung',
            steps: [{ title: 'Kita anfragen', responsible: 'counsellor' }],
          },
        ],
      }),
      200,
    );
    expectStatus(
      await w.owner.client.post(`${url}/contacts`, {
        startsAt: '2026-02-01T10:00:00+01:00',
        form: 'in_person',
        durationMinutes: 60,
        note: 'Förderplan gemeinsam vereinbart',
      }),
      201,
    );
  });
  afterAll(() => t.close());

  it('R-CON-5: the client gets everything stored about them as JSON, health data included', async () => {
    const response = await w.owner.client.get(`/api/clients/${c.client.id}/export`);
    const body = expectStatus<ExportBody>(response, 200);
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(body.controller.name).toBe(w.provider.name);
    expect(body.client).toMatchObject({ familyName: 'Al-Masri' });
    expect(body.client.familyMembers).toHaveLength(1);
    expect(body.cases).toHaveLength(1);
    expect(body.cases[0]).toMatchObject({
      caseNumber: c.caseNumber,
      analysis: { health: { note: 'Schwangerschaft, Kursbeginn nach der Geburt' } },
      plan: { goals: [{ title: 'Kursplatz mit Kinderbetreuung' }] },
      contacts: [{ note: 'Förderplan gemeinsam vereinbart' }],
    });
  });

  it('R-CON-5: the same as a readable PDF, read back', async () => {
    const response = await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'Auskunft über Ihre gespeicherten Daten',
      'Art. 15',
      'Amira Al-Masri',
      '20.01.1983',
      'amira@example.org',
      `Fall ${c.caseNumber}`,
      'Sondierungsgespräch',
      'Fragen zum Familiennachzug',
      'Schwangerschaft',
      'Grundsicherungsgeld',
      'Kursplatz mit Kinderbetreuung',
      'Förderplan gemeinsam vereinbart',
      'Yara',
      '3 Jahre nach dem Abschluss',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('R-CON-5, R-UX-1: the PDF names countries, languages and school levels in words, never by their codes', async () => {
    const text = await pdfText(
      (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf`)).rawPayload,
    );
    for (const expected of [
      'Staatsangehörigkeit Syrien',
      'Arabisch, Deutsch',
      'Kurdisch, Französisch',
      'Abitur oder vergleichbar',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const code of ['upper_secondary', ' SY ', 'ar, de', 'ku, fr'])
      expect(text, code).not.toContain(code);
  });

  it('R-CON-5: the case summary for the client is no certificate of attendance and leaves health out', async () => {
    const response = await w.owner.client.get(`/api/cases/${c.caseId}/summary.pdf`);
    expect(response.statusCode).toBe(200);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain(`Fallzusammenfassung ${c.caseNumber}`);
    expect(text).toContain('Integrationskurs mit Kinderbetreuung');
    expect(text).toContain('keine Teilnahmebescheinigung');
    expect(text).not.toContain('Schwangerschaft');
    expect(text).not.toContain('Förderplan gemeinsam vereinbart');
  });

  it('R-CON-5: user text in a document stays text, never Typst markup', async () => {
    const tricky = await registerClient(w.owner, {
      givenName: '#read("/etc/passwd")',
      familyName: 'Test $x^2$ *fett* ]',
      birthDate: '1990-01-01',
    });
    const response = await w.owner.client.get(`/api/clients/${tricky.client.id}/export.pdf`);
    expect(response.statusCode).toBe(200);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('#read("/etc/passwd")');
    expect(text).toContain('$x^2$ *fett* ]');
    expect(text).not.toContain('root:');
  });

  it('R-CON-8: the export covers every case of the client, so each must be in reach first', async () => {
    expectStatus(
      await w.colleague.client.post(`/api/cases/${c.caseId}/break-glass`, {
        reason: 'Vertretung, neuer Fall nötig',
      }),
      201,
    );
    const second = expectStatus<Created>(
      await w.colleague.client.post(`/api/clients/${c.client.id}/cases`, {
        caseType: 'short_counselling',
        service: 'MBE',
      }),
      201,
    );
    expectProblem(await w.owner.client.get(`/api/clients/${c.client.id}/export`), 403, 'forbidden');
    expectStatus(
      await w.owner.client.post(`/api/cases/${second.caseId}/break-glass`, {
        reason: 'Auskunftsersuchen der Klientin nach Art. 15',
      }),
      201,
    );
    const body = expectStatus<ExportBody>(
      await w.owner.client.get(`/api/clients/${c.client.id}/export`),
      200,
    );
    expect(body.cases.map((x) => x.caseNumber).sort()).toEqual([c.caseNumber, second.caseNumber].sort());
    expect((await readCase(w.colleague, second.caseId)).owner.id).toBe(w.colleague.user.id);
  });
});
