import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus } from '../../../../test/api.ts';
import { pdfText, readPdf } from '../../../../test/pdf.ts';
import { buildCaseWorld, readCase, registerClient, type CaseWorld, type Created } from './test-support.ts';

interface Art15Information {
  controller: { name: string; applicableLaw: string; dataProtectionContact: string };
  purposes: string[];
  dataCategories: string[];
  recipients: { disclosures: unknown[]; statement: string; possibleRecipients: string[] };
  storagePeriod: { retentionYears: number; rule: string };
  rights: { rectification: string; erasure: string; restriction: string; objection: string };
  complaint: { statement: string; authority: { name: string; url: string | null } };
  sources: string[];
  automatedDecisionMaking: string;
  thirdCountryTransfers: string;
}

interface ExportBody {
  generatedAt: string;
  language: string;
  controller: { name: string };
  information: Art15Information;
  translation: { language: string; information: Art15Information } | null;
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
    const response = await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=de`);
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
      (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=de`)).rawPayload,
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
    const response = await w.owner.client.get(`/api/cases/${c.caseId}/summary.pdf?language=de`);
    expect(response.statusCode).toBe(200);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain(`Fallzusammenfassung ${c.caseNumber}`);
    expect(text).toContain('Integrationskurs mit Kinderbetreuung');
    expect(text).toContain('keine Teilnahmebescheinigung');
    expect(text).not.toContain('Schwangerschaft');
    expect(text).not.toContain('Förderplan gemeinsam vereinbart');
  });

  it('R-CON-5: the Art. 15 PDF holds every element of Art. 15 (1) a–h and (2) beside the data', async () => {
    const text = await pdfText(
      (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=de`)).rawPayload,
    );
    for (const expected of [
      'Verantwortliche Stelle',
      w.provider.name,
      'Geltendes Datenschutzrecht',
      'Zwecke der Verarbeitung (Art. 15 Abs. 1 lit. a)',
      'Beratung und Begleitung',
      'Kategorien der Daten (Art. 15 Abs. 1 lit. b)',
      'Angaben zur Gesundheit (besondere Kategorie nach Art. 9 DSGVO)',
      'Empfänger (Art. 15 Abs. 1 lit. c)',
      'Bisher wurden keine Daten über Sie an andere Stellen weitergegeben.',
      'Ausländerbehörde',
      'Speicherdauer (Art. 15 Abs. 1 lit. d)',
      '3 Jahre nach dem Abschluss gelöscht',
      'Ihre Rechte (Art. 15 Abs. 1 lit. e)',
      'Berichtigung (Art. 16)',
      'Löschung (Art. 17)',
      'Einschränkung der Verarbeitung (Art. 18)',
      'Widerspruch (Art. 21)',
      'Beschwerde bei der Aufsichtsbehörde (Art. 15 Abs. 1 lit. f)',
      'die Datenschutzaufsichtsbehörde des Landes',
      'Herkunft der Daten (Art. 15 Abs. 1 lit. g)',
      'Sie haben sie in der Beratung genannt',
      'Von Partnerstellen haben wir keine Daten über Sie erhalten.',
      'Automatisierte Entscheidungen (Art. 15 Abs. 1 lit. h)',
      'kein Profiling',
      'Übermittlung in Drittländer (Art. 15 Abs. 2)',
      'nicht in Länder außerhalb der Europäischen Union',
      'Ihre gespeicherten Daten',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // German only when asked: no Arabic letters at all.
    expect(text).not.toMatch(/[\u0600-\u06FF]/);
  });

  it('R-CON-5: the JSON names every Art. 15 element as a field of its own', async () => {
    const body = expectStatus<ExportBody>(
      await w.owner.client.get(`/api/clients/${c.client.id}/export?language=de`),
      200,
    );
    const info = body.information;
    expect(body.language).toBe('de');
    expect(body.translation).toBeNull();
    expect(info.controller.name).toBe(w.provider.name);
    expect(info.purposes.length).toBeGreaterThan(0);
    expect(info.dataCategories.join(' ')).toContain('Gesundheit');
    expect(info.recipients.disclosures).toEqual([]);
    expect(info.recipients.statement).toContain('keine Daten');
    expect(info.recipients.possibleRecipients.join(' ')).toContain('Jobcenter');
    expect(info.storagePeriod).toMatchObject({ retentionYears: 3 });
    expect(info.storagePeriod.rule).toContain('3 Jahre');
    for (const right of ['rectification', 'erasure', 'restriction', 'objection'] as const)
      expect(info.rights[right], right).toMatch(/Art\. (16|17|18|21)/);
    expect(info.complaint.authority.name).toContain('Datenschutzaufsichtsbehörde des Landes');
    expect(info.complaint.authority.url).toMatch(/^https:\/\//);
    expect(info.sources.length).toBe(2);
    expect(info.automatedDecisionMaking).toContain('keine automatisierte Entscheidungsfindung');
    expect(info.thirdCountryTransfers).toContain('Europäischen Union');
  });

  it("R-CON-5, R-CON-7: the supervisory authority follows the provider's data protection law", async () => {
    const setLaw = (law: 'dsgvo' | 'kdg' | 'dsg_ekd' | null) =>
      t.database.db
        .updateTable('organisations')
        .set({ data_protection_law: law })
        .where('id', '=', w.provider.id)
        .execute();
    const cases = [
      {
        law: 'kdg',
        authority: 'Katholische Datenschutzaufsicht',
        applicable: 'Kirchlichen Datenschutz (KDG)',
      },
      { law: 'dsg_ekd', authority: 'Der Beauftragte für den Datenschutz der EKD', applicable: 'DSG-EKD' },
      {
        law: 'dsgvo',
        authority: 'Datenschutzaufsichtsbehörde des Landes',
        applicable: 'Datenschutz-Grundverordnung',
      },
    ] as const;
    try {
      for (const expected of cases) {
        await setLaw(expected.law);
        const body = expectStatus<ExportBody>(
          await w.owner.client.get(`/api/clients/${c.client.id}/export?language=de`),
          200,
        );
        expect(body.information.complaint.authority.name, expected.law).toContain(expected.authority);
        expect(body.information.controller.applicableLaw, expected.law).toContain(expected.applicable);
        const text = await pdfText(
          (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=de`)).rawPayload,
        );
        expect(text, expected.law).toContain(expected.authority);
      }
      expect(
        expectStatus<ExportBody>(await w.owner.client.get(`/api/clients/${c.client.id}/export`), 200)
          .information.complaint.authority.url,
      ).toBe('https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/Laender-node.html');
      await setLaw('dsg_ekd');
      expect(
        expectStatus<ExportBody>(await w.owner.client.get(`/api/clients/${c.client.id}/export`), 200)
          .information.complaint.authority.url,
      ).toBe('https://datenschutz.ekd.de');
    } finally {
      await setLaw(null);
    }
  });

  it('R-CON-5, R-CON-7: under the DSGVO the Art. 15 document names the state authority of the provider’s Land', async () => {
    const setFramework = (law: 'dsgvo' | null, state: 'BY' | null) =>
      t.database.db
        .updateTable('organisations')
        .set({ data_protection_law: law, state })
        .where('id', '=', w.provider.id)
        .execute();
    try {
      await setFramework('dsgvo', 'BY');
      const body = expectStatus<ExportBody>(
        await w.owner.client.get(`/api/clients/${c.client.id}/export?language=de`),
        200,
      );
      expect(body.information.complaint.authority).toEqual({
        name: 'Bayerisches Landesamt für Datenschutzaufsicht',
        url: 'https://www.lda.bayern.de',
      });
      const text = await pdfText(
        (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=de`)).rawPayload,
      );
      expect(text).toContain('Bayerisches Landesamt für Datenschutzaufsicht');
    } finally {
      await setFramework(null, null);
    }
  });

  it('R-CON-5, R-UX-1: an Arabic-speaking client gets German and Arabic, set in the Arabic font', async () => {
    const response = await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf`);
    expect(response.statusCode).toBe(200);
    const pdf = await readPdf(response.rawPayload);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Auskunft über Ihre gespeicherten Daten');
    // "معلومات عن بياناتك المخزنة" – the Arabic title; its first word comes back as it is.
    expect(text).toContain('معلومات');
    expect(text).toContain('Amira Al-Masri');
    expect(pdf.fonts.some((f) => f.startsWith('NotoSansArabic'))).toBe(true);
    const body = expectStatus<ExportBody>(
      await w.owner.client.get(`/api/clients/${c.client.id}/export`),
      200,
    );
    expect(body.language).toBe('ar');
    expect(body.translation?.language).toBe('ar');
    expect(body.translation?.information.thirdCountryTransfers).toMatch(/[\u0600-\u06FF]/);
    expect(body.information.thirdCountryTransfers).toContain('Europäischen Union');
  });

  it('R-UX-1, R-CON-5: another supported language is chosen explicitly, for the summary too', async () => {
    const art15 = await pdfText(
      (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=uk`)).rawPayload,
    );
    expect(art15).toContain('Auskunft über Ihre gespeicherten Daten');
    expect(art15).toContain('Інформація про ваші збережені дані');
    expect(art15).toContain('Скарга до наглядового органу');
    expect(art15).not.toMatch(/[\u0600-\u06FF]/);
    const romanian = await pdfText(
      (await w.owner.client.get(`/api/clients/${c.client.id}/export.pdf?language=ro`)).rawPayload,
    );
    expect(romanian).toContain('Informații despre datele dumneavoastră stocate');
    expect(romanian).toContain('Drepturile dumneavoastră');
    const summary = await pdfText(
      (await w.owner.client.get(`/api/cases/${c.caseId}/summary.pdf?language=tr`)).rawPayload,
    );
    expect(summary).toContain('keine Teilnahmebescheinigung');
    expect(summary).toContain(`Dosya özeti ${c.caseNumber}`);
    expect(summary).toContain('Katılım belgesi değildir');
    expect(summary).not.toContain('Schwangerschaft');
  });

  it('R-UX-1: a client without a language Koop has texts for gets the documents in German only', async () => {
    const other = await registerClient(w.owner, {
      givenName: 'Rojin',
      familyName: 'Demir',
      birthDate: '1991-05-04',
      languages: ['ku', 'de'],
    });
    const body = expectStatus<ExportBody>(
      await w.owner.client.get(`/api/clients/${other.client.id}/export`),
      200,
    );
    expect(body.language).toBe('de');
    expect(body.translation).toBeNull();
    const text = await pdfText(
      (await w.owner.client.get(`/api/cases/${other.caseId}/summary.pdf`)).rawPayload,
    );
    expect(text).toContain(`Fallzusammenfassung ${other.caseNumber}`);
    expect(text).not.toMatch(/[\u0600-\u06FF\u0400-\u04FF]/);
  });

  it('R-UX-1, R-SEC-4: a document language Koop has no texts for is refused as problem+json', async () => {
    for (const url of [
      `/api/clients/${c.client.id}/export.pdf?language=ku`,
      `/api/clients/${c.client.id}/export?language=xx`,
      `/api/cases/${c.caseId}/summary.pdf?language=fr`,
    ]) {
      const response = await w.owner.client.get(url);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
      expect(expectProblem(response, 400, 'validation_failed'), url).toContain('language');
    }
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
