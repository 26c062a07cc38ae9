import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { readPdf } from '../../../../test/pdf.ts';
import { startSmtp, type TestSmtp } from '../../../../test/smtp.ts';
import { expectProblem, expectStatus, signedIn, type Person } from '../../../../test/api.ts';
import { inTenantTransaction } from '../../db/database.ts';
import { auditRows, countRows, readCase, registerClient, type Created } from '../cases/test-support.ts';
import type {
  caseExchangeSchema,
  conflictSchema,
  conflictsResponse,
  consentSchema,
  inboxResponse,
  sentSchema,
  teamSchema,
  threadSchema,
} from './exchange.schemas.ts';
import { dataCategories, messageKinds } from './exchange.values.ts';

type Consent = z.infer<typeof consentSchema>;
type Thread = z.infer<typeof threadSchema>;
type Sent = z.infer<typeof sentSchema>;
type Exchange = z.infer<typeof caseExchangeSchema>;
type Inbox = z.infer<typeof inboxResponse>;
type Conflict = z.infer<typeof conflictSchema>;
type Team = z.infer<typeof teamSchema>;

/** A tiny PNG and PDF, as a scanner would deliver them (magic bytes first). */
const pngBase64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString(
  'base64',
);
const pdfBase64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

/** A send that names a consent and a legal basis at once, which the schema refuses. */
const expectBothBodies = (message: Record<string, unknown>) => ({
  ...message,
  consentId: '00000000-0000-4000-8000-00000000abcd',
});

/** The problem answer with its field errors' codes and messages. */
const fullProblem = (response: { json: <T>() => T }) =>
  response.json<{ detail: string; errors?: { path: string; code: string; message: string }[] }>();

describe(`consent-gated exchange (${testDatabaseKind})`, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let provider: TestOrganisation;
  let jobcenter: TestOrganisation;
  let courses: TestOrganisation;
  let owner: Person;
  let colleague: Person;
  let providerCentral: Person;
  let otherCounsellor: Person;
  let jcStaff: Person;
  let jcOtherTeamStaff: Person;
  let jcCentral: Person;
  let jcAdmin: Person;
  let courseStaff: Person;
  let team: Team;
  let otherTeam: Team;
  let courseTeam: Team;
  let amina: Created;
  let second: Created;

  const draft = (overrides: Record<string, unknown> = {}) => ({
    recipientTeamId: team.id,
    purpose: 'integration_jobcenter',
    purposeText: 'Abstimmung der Unterstützung bei der Arbeitssuche',
    categories: ['identity_contact', 'language_courses', 'analysis_results', 'plan_goals'],
    direction: 'both',
    repetition: 'repeated',
    validFrom: '2026-03-01',
    validUntil: '2026-08-31',
    ...overrides,
  });

  async function give(overrides: Record<string, unknown> = {}, caseId = amina.caseId): Promise<Consent> {
    return expectStatus<Consent>(
      await owner.client.post(`/api/cases/${caseId}/consents`, { ...draft(overrides), form: 'on_screen' }),
      201,
    );
  }

  const disclosure = (consentId: string, overrides: Record<string, unknown> = {}) => ({
    consentId,
    purpose: 'integration_jobcenter',
    kind: 'assessment_result',
    subject: 'Ergebnis der Kompetenzanalyse',
    sections: [
      { category: 'language_courses', text: 'Deutsch B1, Integrationskurs abgeschlossen.' },
      { category: 'analysis_results', text: 'Stärken im Umgang mit Kundschaft; Bedarf: Anerkennung.' },
    ],
    ...overrides,
  });

  const send = (consentId: string, overrides: Record<string, unknown> = {}, caseId = amina.caseId) =>
    owner.client.post(`/api/cases/${caseId}/disclosures`, disclosure(consentId, overrides));

  function expectRefused(response: Awaited<ReturnType<typeof send>>, reason: string): string {
    expectProblem(response, 422, 'disclosure_refused');
    const body = fullProblem(response);
    expect(body.errors?.[0]?.code).toBe(reason);
    return body.detail;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ mailer: smtp.mailer });
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    const db = t.database.db;
    provider = await buildOrganisation(db, { kind: 'welfare_provider', name: 'AWO Musterstadt' });
    jobcenter = await buildOrganisation(db, { kind: 'jobcenter', name: 'Jobcenter Musterstadt' });
    courses = await buildOrganisation(db, { kind: 'course_provider', name: 'Sprachschule Musterstadt' });
    const otherProvider = await buildOrganisation(db, { kind: 'welfare_provider' });
    owner = await signedIn(t.app, db, provider, ['counsellor']);
    colleague = await signedIn(t.app, db, provider, ['counsellor']);
    providerCentral = await signedIn(t.app, db, provider, ['team_lead', 'central_contact']);
    otherCounsellor = await signedIn(t.app, db, otherProvider, ['counsellor']);
    jcStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);
    jcOtherTeamStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);
    jcCentral = await signedIn(t.app, db, jobcenter, ['central_contact']);
    jcAdmin = await signedIn(t.app, db, jobcenter, ['org_admin']);
    courseStaff = await signedIn(t.app, db, courses, ['partner_staff', 'org_admin']);
    team = expectStatus<Team>(
      await jcAdmin.client.post(`/api/organisations/${jobcenter.id}/teams`, {
        name: 'Team Integration',
        phone: '0123 4569-310',
        memberIds: [jcStaff.user.id],
      }),
      201,
    );
    otherTeam = expectStatus<Team>(
      await jcAdmin.client.post(`/api/organisations/${jobcenter.id}/teams`, {
        name: 'Team Leistung',
        memberIds: [jcOtherTeamStaff.user.id],
      }),
      201,
    );
    courseTeam = expectStatus<Team>(
      await courseStaff.client.post(`/api/organisations/${courses.id}/teams`, {
        name: 'Kursbüro',
        memberIds: [courseStaff.user.id],
      }),
      201,
    );
    amina = await registerClient(owner, { languages: ['ar', 'de'] }, { openedOn: '2026-02-02' });
    second = await registerClient(owner, {
      givenName: 'Oksana',
      familyName: 'Bondarenko',
      languages: ['uk'],
    });
    void otherCounsellor;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('partner teams', () => {
    it('R-CON-1: a partner administration keeps its teams; members are its own active staff only', async () => {
      expect(team.members.map((m) => m.id)).toEqual([jcStaff.user.id]);
      expect(team.organisationName).toBe('Jobcenter Musterstadt');
      const foreign = await jcAdmin.client.post(`/api/organisations/${jobcenter.id}/teams`, {
        name: 'Team Fremd',
        memberIds: [owner.user.id],
      });
      expect(expectProblem(foreign, 400, 'validation_failed')).toEqual(['memberIds']);
      const twice = await jcAdmin.client.post(`/api/organisations/${jobcenter.id}/teams`, {
        name: 'Team Integration',
      });
      expect(expectProblem(twice, 400, 'validation_failed')).toEqual(['name']);
      // Nobody manages another organisation's teams, and a counselling provider has none.
      expectProblem(
        await jcAdmin.client.post(`/api/organisations/${courses.id}/teams`, { name: 'X-Team' }),
        404,
        'not_found',
      );
      expectProblem(
        await owner.client.post(`/api/organisations/${provider.id}/teams`, { name: 'X-Team' }),
        403,
        'forbidden',
      );
      const partners = expectStatus<{
        items: { id: string; teams: Team[]; centralContacts: { id: string }[] }[];
      }>(await owner.client.get('/api/exchange/partners'), 200);
      const jc = partners.items.find((p) => p.id === jobcenter.id)!;
      expect(jc.teams.map((x) => x.name).sort()).toEqual(['Team Integration', 'Team Leistung']);
      expect(jc.centralContacts.map((c) => c.id)).toEqual([jcCentral.user.id]);
    });
  });

  describe('R-CON-1: taking a consent', () => {
    it('R-CON-1: records recipient team, purpose, categories, direction, repetition, validity, form, language and who took it', async () => {
      const consent = await give();
      expect(consent).toMatchObject({
        recipient: {
          organisationId: jobcenter.id,
          teamId: team.id,
          teamName: 'Team Integration',
          userId: null,
        },
        purpose: 'integration_jobcenter',
        categories: ['identity_contact', 'language_courses', 'analysis_results', 'plan_goals'],
        direction: 'both',
        repetition: 'repeated',
        validFrom: '2026-03-01',
        validUntil: '2026-08-31',
        form: 'on_screen',
        formLanguage: 'ar',
        takenBy: { id: owner.user.id },
        state: 'valid',
        events: [{ event: 'given' }],
      });
      expect(consent.allowedActions).toContain('consent.withdraw');
      expect(await auditRows(t.database.db, 'consent.given', consent.id)).toHaveLength(1);
    });

    it('R-CON-1, R-SEC-4: a paper consent needs its scan, of the type it claims; a consent lasts at most twelve months', async () => {
      const noScan = await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
        ...draft(),
        form: 'paper',
      });
      expect(expectProblem(noScan, 400, 'validation_failed')).toEqual(['document']);
      const wrongType = await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
        ...draft(),
        form: 'paper',
        document: { contentType: 'application/pdf', base64: pngBase64 },
      });
      expect(expectProblem(wrongType, 400, 'validation_failed')).toEqual(['document']);
      const tooLong = await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
        ...draft({ validUntil: '2027-03-01' }),
        form: 'on_screen',
      });
      expect(expectProblem(tooLong, 400, 'validation_failed')).toEqual(['validUntil']);
      expect(fullProblem(tooLong).errors?.[0]?.message).toContain('höchstens 12 Monate');
      const notAPartner = await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
        ...draft({ recipientTeamId: '00000000-0000-4000-8000-000000000009', recipientUserId: owner.user.id }),
        form: 'on_screen',
      });
      expect(expectProblem(notAPartner, 400, 'validation_failed')).toEqual(['recipientTeamId']);
      const personOutsideTeam = await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
        ...draft({ recipientUserId: jcOtherTeamStaff.user.id }),
        form: 'on_screen',
      });
      expect(expectProblem(personOutsideTeam, 400, 'validation_failed')).toEqual(['recipientUserId']);
      const paper = expectStatus<Consent>(
        await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
          ...draft(),
          form: 'paper',
          document: { contentType: 'application/pdf', base64: pdfBase64 },
        }),
        201,
      );
      expect(paper.hasDocument).toBe(true);
      const scan = await owner.client.get(`/api/consents/${paper.id}/document`);
      expect(scan.statusCode).toBe(200);
      expect(scan.headers['content-type']).toBe('application/pdf');
      expect(scan.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      expect(await auditRows(t.database.db, 'consent.document_read', paper.id)).toHaveLength(1);
    });

    it('R-CON-2, R-UX-1: the form prints from the draft in German and the client language, naming the team', async () => {
      const response = await owner.client.post(`/api/cases/${amina.caseId}/consent-form.pdf`, draft());
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = await readPdf(response.rawPayload);
      expect(pdf.text).toContain('Team Integration');
      expect(pdf.text).toContain('Jobcenter Musterstadt');
      expect(pdf.text).toContain('Haddad');
      expect(pdf.fonts.some((f) => f.startsWith('NotoSansArabic'))).toBe(true);
      const ukrainian = await owner.client.post(
        `/api/cases/${amina.caseId}/consent-form.pdf?language=uk`,
        draft(),
      );
      expect(ukrainian.statusCode).toBe(200);
      expect((await readPdf(ukrainian.rawPayload)).text).toMatch(/[а-яі]{4}/);
    });
  });

  describe('R-CON-3, R-RED-1: a disclosure goes only under a covering consent', () => {
    it('R-RED-1, R-CON-3: refused without any consent (an unknown id)', async () => {
      expectRefused(await send('00000000-0000-4000-8000-00000000abcd'), 'no_consent');
    });

    it('R-CON-3: refused under a consent for another team of the same partner', async () => {
      const consent = await give({ recipientTeamId: team.id });
      const detail = expectRefused(
        await send(consent.id, { recipientTeamId: otherTeam.id }),
        'consent_other_recipient',
      );
      expect(detail).toContain('anderen Empfänger');
      expectRefused(await send(consent.id, { recipientTeamId: courseTeam.id }), 'consent_other_recipient');
      expectStatus(await send(consent.id, { recipientTeamId: team.id }), 201);
    });

    it('R-CON-3: refused for another purpose', async () => {
      const consent = await give();
      expect(
        expectRefused(await send(consent.id, { purpose: 'residence_matters' }), 'consent_other_purpose'),
      ).toContain('anderen Zweck');
    });

    it('R-CON-3: refused when a data category lies outside the consent, naming what is missing', async () => {
      const consent = await give({ categories: ['identity_contact', 'language_courses'] });
      const detail = expectRefused(
        await send(consent.id, {
          sections: [
            { category: 'language_courses', text: 'B1' },
            { category: 'health', text: 'Arzttermine' },
            { category: 'family_situation', text: 'Drei Kinder' },
          ],
        }),
        'category_not_covered',
      );
      expect(detail).toContain('Gesundheit');
      expect(detail).toContain('Familiäre Situation');
      // Identity is part of every disclosure: a consent without it covers none.
      const noIdentity = await give({ categories: ['language_courses'] });
      expect(
        expectRefused(
          await send(noIdentity.id, { sections: [{ category: 'language_courses', text: 'B1' }] }),
          'category_not_covered',
        ),
      ).toContain('Name und Kontaktdaten');
    });

    it('R-CON-3: refused when expired or not yet valid', async () => {
      const expired = await give({ validFrom: '2026-02-08', validUntil: '2026-03-09' });
      expect(expired.state).toBe('expired');
      expectRefused(await send(expired.id), 'consent_expired');
      const future = await give({ validFrom: '2026-03-11', validUntil: '2026-04-30' });
      expectRefused(await send(future.id), 'consent_not_yet_valid');
    });

    it('R-CON-3: refused when withdrawn a second before; the withdrawal is one step and appends an event', async () => {
      const consent = await give();
      const withdrawn = expectStatus<Consent>(
        await owner.client.post(`/api/consents/${consent.id}/withdraw`, { note: 'Am Telefon widerrufen' }),
        200,
      );
      expect(withdrawn.state).toBe('withdrawn');
      expect(withdrawn.events.map((e) => e.event)).toEqual(['given', 'withdrawn']);
      t.clock.now = new Date(t.clock.now.getTime() + 1000);
      expectRefused(await send(consent.id), 'consent_withdrawn');
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/withdraw`, {}), 403, 'forbidden');
    });

    it('R-CON-3: a once-only consent is used by its first disclosure and refuses the second', async () => {
      const consent = await give({ repetition: 'once' });
      expectStatus(await send(consent.id), 201);
      expect(expectRefused(await send(consent.id), 'consent_used')).toContain('einmalige');
    });

    it('R-CON-3: refused under a direction that does not cover it', async () => {
      const consent = await give({ direction: 'from_partner' });
      expectRefused(await send(consent.id), 'direction_not_covered');
    });

    it('R-CON-3, R-RED-1: a forged consent id of another client or of another organisation is refused', async () => {
      const ofSecond = await give({}, second.caseId);
      expectRefused(await send(ofSecond.id), 'consent_other_client');
      // Another provider's consent is invisible under RLS: as if there were none.
      const foreign = await registerClient(otherCounsellor);
      const otherTeamId = team.id;
      const foreignConsent = expectStatus<Consent>(
        await otherCounsellor.client.post(`/api/cases/${foreign.caseId}/consents`, {
          ...draft({ recipientTeamId: otherTeamId }),
          form: 'on_screen',
        }),
        201,
      );
      expectRefused(await send(foreignConsent.id), 'no_consent');
      expectProblem(
        await owner.client.post(`/api/consents/${foreignConsent.id}/withdraw`, {}),
        404,
        'not_found',
      );
    });

    it('R-CON-3, R-SEC-4: a refusal writes nothing — no thread, no message, no copy', async () => {
      const before = {
        threads: await countRows(t.database.db, 'exchange_threads'),
        messages: await countRows(t.database.db, 'exchange_messages'),
        copies: await countRows(t.database.db, 'client_copies'),
      };
      expectRefused(await send('00000000-0000-4000-8000-00000000abcd'), 'no_consent');
      expect({
        threads: await countRows(t.database.db, 'exchange_threads'),
        messages: await countRows(t.database.db, 'exchange_messages'),
        copies: await countRows(t.database.db, 'client_copies'),
      }).toEqual(before);
    });
  });

  describe('R-RED-5, R-CON-4: every disclosure has its client copy', () => {
    let consent: Consent;
    let sent: Sent;

    beforeAll(async () => {
      consent = await give({
        categories: [
          'identity_contact',
          'language_courses',
          'analysis_results',
          'plan_goals',
          'course_attendance',
        ],
      });
      sent = expectStatus<Sent>(await send(consent.id), 201);
    });

    it('R-EXC-1, R-RED-5, R-CON-4: an assessment result goes with its copy in the client language, logged with consent and sender', async () => {
      expect(sent.thread.messages).toHaveLength(1);
      const [message] = sent.thread.messages;
      expect(message!.copy).toMatchObject({ id: sent.copyId, language: 'ar', handover: null });
      expect(message!.author.name).toBeTruthy();
      const audit = await auditRows(t.database.db, 'disclosure.sent', sent.thread.id);
      expect(audit[0]).toMatchObject({ actor_user_id: owner.user.id });
      expect(audit[0]!.details).toMatchObject({
        consentId: consent.id,
        recipientOrganisationId: jobcenter.id,
      });
      const copy = await owner.client.get(`/api/client-copies/${sent.copyId}/pdf`);
      expect(copy.statusCode).toBe(200);
      const pdf = await readPdf(copy.rawPayload);
      expect(pdf.text).toContain('Deutsch B1, Integrationskurs abgeschlossen.');
      expect(pdf.text).toContain('Team Integration');
      expect(pdf.fonts.some((f) => f.startsWith('NotoSansArabic'))).toBe(true);
      const handed = expectStatus<{ handover: string }>(
        await owner.client.post(`/api/client-copies/${sent.copyId}/handover`, { method: 'in_person' }),
        200,
      );
      expect(handed.handover).toBe('in_person');
      expect(await auditRows(t.database.db, 'client_copy.handed_over', sent.copyId)).toHaveLength(1);
    });

    it('R-EXC-2, R-RED-5: a drop-out notice, a serious change and an answer each go with a copy', async () => {
      for (const kind of ['dropout_notice', 'serious_change', 'answer']) {
        const posted = expectStatus<{ copyId: string }>(
          await owner.client.post(`/api/threads/${sent.thread.id}/messages`, {
            kind,
            sections: [{ category: 'course_attendance', text: `Mitteilung: ${kind}` }],
          }),
          201,
        );
        expect(posted.copyId).toBeTruthy();
      }
      const messages = await countRows(
        t.database.db,
        'exchange_messages',
        sql`author_organisation_id = ${provider.id}::uuid`,
      );
      expect(await countRows(t.database.db, 'client_copies')).toBe(messages);
    });

    it('R-RED-5: the database refuses a disclosure without its copy when the transaction commits', async () => {
      const attempt = inTenantTransaction(
        t.database.db,
        { organisationId: provider.id, userId: owner.user.id, allOrganisations: false },
        (trx) =>
          trx
            .insertInto('exchange_messages')
            .values({
              thread_id: sent.thread.id,
              provider_organisation_id: provider.id,
              partner_organisation_id: jobcenter.id,
              author_organisation_id: provider.id,
              author_user_id: owner.user.id,
              author_name: 'Ohne Kopie',
              kind: 'answer',
              sections: JSON.stringify([{ category: 'language_courses', text: 'x' }]),
              categories: ['identity_contact', 'language_courses'],
              consent_id: consent.id,
            })
            .execute(),
      );
      await expect(attempt).rejects.toThrow(/client copy/);
      expect(await countRows(t.database.db, 'exchange_messages', sql`author_name = 'Ohne Kopie'`)).toBe(0);
    });

    it('R-RED-4, R-EXC-4: the partner team reads it in its inbox with scope, validity, independence and direct contacts', async () => {
      const inbox = expectStatus<Inbox>(await jcStaff.client.get('/api/inbox'), 200);
      expect(inbox.independenceNotice).toContain('unabhängig');
      const item = inbox.items.find((i) => i.id === sent.thread.id)!;
      expect(item.clientLabel).toContain('Haddad');
      expect(item.consent).toMatchObject({
        validUntil: '2026-08-31',
        purpose: 'integration_jobcenter',
        withdrawn: false,
      });
      expect(item.unread).toBe(4);
      const thread = expectStatus<Thread>(await jcStaff.client.get(`/api/threads/${sent.thread.id}`), 200);
      expect(thread.messages[0]!.sections[0]!.text).toBe('Deutsch B1, Integrationskurs abgeschlossen.');
      expect(thread.messages.every((m) => m.copy === null)).toBe(true);
      expect(thread.centralContacts.partner.map((c) => c.id)).toEqual([jcCentral.user.id]);
      expect(thread.centralContacts.provider.map((c) => c.id)).toEqual([providerCentral.user.id]);
      expect(thread.partner.teamPhone).toBe('0123 4569-310');
      expect(thread.independenceNotice).toContain('freiwillig');
      // Read receipts for the counselling side.
      const onCase = expectStatus<Exchange>(
        await owner.client.get(`/api/cases/${amina.caseId}/exchange`),
        200,
      );
      const mine = onCase.threads.find((x) => x.id === sent.thread.id)!;
      expect(mine.messages.every((m) => m.readAt !== null)).toBe(true);
    });

    it('R-RED-4: another team of the same partner, another partner and a counsellor outside the case see nothing', async () => {
      expect(expectStatus<Inbox>(await jcOtherTeamStaff.client.get('/api/inbox'), 200).items).toEqual([]);
      expectProblem(await jcOtherTeamStaff.client.get(`/api/threads/${sent.thread.id}`), 404, 'not_found');
      expectProblem(await courseStaff.client.get(`/api/threads/${sent.thread.id}`), 404, 'not_found');
      expectProblem(await jcCentral.client.get(`/api/threads/${sent.thread.id}`), 404, 'not_found');
      expectProblem(await otherCounsellor.client.get(`/api/threads/${sent.thread.id}`), 404, 'not_found');
      // A colleague in the same organisation must break the glass for the case first.
      expectProblem(
        await colleague.client.get(`/api/threads/${sent.thread.id}`),
        403,
        'break_glass_required',
      );
      expectProblem(await jcStaff.client.get(`/api/cases/${amina.caseId}/exchange`), 404, 'not_found');
      expectProblem(await jcStaff.client.get(`/api/client-copies/${sent.copyId}/pdf`), 404, 'not_found');
    });

    it('R-EXC-2: the partner answers and sends a notice in the same thread; both land in the case', async () => {
      for (const kind of ['answer', 'dropout_notice']) {
        expectStatus(
          await jcStaff.client.post(`/api/threads/${sent.thread.id}/messages`, {
            kind,
            sections: [{ category: 'course_attendance', text: `Vom Jobcenter: ${kind}` }],
          }),
          201,
        );
      }
      const onCase = expectStatus<Exchange>(
        await owner.client.get(`/api/cases/${amina.caseId}/exchange`),
        200,
      );
      const thread = onCase.threads.find((x) => x.id === sent.thread.id)!;
      const fromPartner = thread.messages.filter((m) => m.fromPartner);
      expect(fromPartner.map((m) => m.kind)).toEqual(['answer', 'dropout_notice']);
      expect(fromPartner[0]!.author.name).toBeTruthy();
      expect(fromPartner.every((m) => m.copy === null)).toBe(true);
      expect(thread.unread).toBe(2);
      // Seen on the case page once, the answers are read (a receipt for the partner).
      const again = expectStatus<Exchange>(
        await owner.client.get(`/api/cases/${amina.caseId}/exchange`),
        200,
      );
      expect(again.threads.find((x) => x.id === sent.thread.id)!.unread).toBe(0);
      expect(again.allowedActions).toEqual(['consent.give', 'disclosure.send']);
      // Kinds that only the counselling side sends are refused to the partner.
      const wrongKind = await jcStaff.client.post(`/api/threads/${sent.thread.id}/messages`, {
        kind: 'assessment_result',
        sections: [{ category: 'course_attendance', text: 'x' }],
      });
      expect(expectProblem(wrongKind, 400, 'validation_failed')).toEqual(['kind']);
    });

    it('R-EXC-2: a partner notice is refused unless the consent covers that direction', async () => {
      const oneWay = await give({
        direction: 'to_partner',
        recipientTeamId: courseTeam.id,
        purpose: 'course_participation',
      });
      const thread = expectStatus<Sent>(
        await send(oneWay.id, {
          purpose: 'course_participation',
          sections: [{ category: 'language_courses', text: 'Kurs B1 ab April' }],
        }),
        201,
      ).thread;
      const seen = expectStatus<Thread>(await courseStaff.client.get(`/api/threads/${thread.id}`), 200);
      expect(seen.allowedActions).not.toContain('message.send');
      const notice = await courseStaff.client.post(`/api/threads/${thread.id}/messages`, {
        kind: 'special_problem',
        sections: [{ category: 'course_attendance', text: 'Fehlt oft' }],
      });
      expectRefused(notice, 'direction_not_covered');
    });

    it('R-CON-3, R-SEC-4: attachments are type-checked, size-limited and covered by the consent like the text', async () => {
      const file = {
        category: 'analysis_results',
        filename: 'Kompetenzanalyse.pdf',
        contentType: 'application/pdf',
      };
      const withFile = expectStatus<Sent>(
        await send(consent.id, { attachments: [{ ...file, base64: pdfBase64 }] }),
        201,
      );
      const [attached] = withFile.thread.messages[0]!.attachments;
      expect(attached).toMatchObject({ filename: 'Kompetenzanalyse.pdf', category: 'analysis_results' });
      const copy = await readPdf(
        (await owner.client.get(`/api/client-copies/${withFile.copyId}/pdf`)).rawPayload,
      );
      expect(copy.text).toContain('Kompetenzanalyse.pdf');
      const read = await jcStaff.client.get(`/api/attachments/${attached!.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('application/pdf');
      expect(read.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      expectProblem(await jcOtherTeamStaff.client.get(`/api/attachments/${attached!.id}`), 404, 'not_found');
      const disguised = await send(consent.id, { attachments: [{ ...file, base64: pngBase64 }] });
      expect(expectProblem(disguised, 400, 'validation_failed')).toEqual(['attachments.0.base64']);
      const tooMany = await send(consent.id, {
        attachments: [1, 2, 3, 4].map(() => ({ ...file, base64: pdfBase64 })),
      });
      expect(expectProblem(tooMany, 400, 'validation_failed')).toEqual(['attachments']);
      const uncovered = await send(consent.id, {
        attachments: [{ ...file, category: 'health', base64: pdfBase64 }],
      });
      expect(expectRefused(uncovered, 'category_not_covered')).toContain('Gesundheit');
    });

    it('R-CON-3: after a withdrawal the partner sees only that the consent was withdrawn', async () => {
      const own = await give({ recipientTeamId: team.id });
      const thread = expectStatus<Sent>(
        await send(own.id, {
          attachments: [
            {
              category: 'analysis_results',
              filename: 'Analyse.pdf',
              contentType: 'application/pdf',
              base64: pdfBase64,
            },
          ],
        }),
        201,
      ).thread;
      const attachmentId = thread.messages[0]!.attachments[0]!.id;
      expectStatus(await owner.client.post(`/api/consents/${own.id}/withdraw`, {}), 200);
      const read = expectStatus<Thread>(await jcStaff.client.get(`/api/threads/${thread.id}`), 200);
      expect(read.withdrawn).toBe(true);
      expect(read.messages).toEqual([]);
      expect(read).toMatchObject({ subject: '', clientLabel: '', allowedActions: [] });
      expect(JSON.stringify(read)).not.toContain('Integrationskurs abgeschlossen');
      expectProblem(await jcStaff.client.get(`/api/attachments/${attachmentId}`), 404, 'not_found');
      const inbox = expectStatus<Inbox>(await jcStaff.client.get('/api/inbox'), 200);
      expect(inbox.items.find((i) => i.id === thread.id)).toMatchObject({ withdrawn: true, unread: 0 });
      expectRefused(
        await jcStaff.client.post(`/api/threads/${thread.id}/messages`, {
          kind: 'answer',
          sections: [{ category: 'language_courses', text: 'Danke' }],
        }),
        'consent_withdrawn',
      );
    });

    it('R-EXC-3: a conflict reaches the central contacts of both sides, who see it with its thread and resolve it', async () => {
      smtp.mails.length = 0;
      const conflict = expectStatus<Conflict>(
        await jcStaff.client.post(`/api/threads/${sent.thread.id}/conflicts`, {
          description: 'Wir sehen den Vorrang des Sprachkurses vor der Arbeitsaufnahme anders.',
        }),
        201,
      );
      expect(conflict).toMatchObject({ status: 'open', raisedBy: { side: 'partner' } });
      expect(smtp.mails).toHaveLength(2);
      for (const mail of smtp.mails) expect(mail).not.toContain('Haddad');
      const listed = expectStatus<z.infer<typeof conflictsResponse>>(
        await jcCentral.client.get('/api/conflicts'),
        200,
      );
      expect(listed.items.map((c) => c.id)).toEqual([conflict.id]);
      expect(listed.items[0]!.thread.subject).toBe('Ergebnis der Kompetenzanalyse');
      const viaConflict = expectStatus<Thread>(
        await providerCentral.client.get(`/api/threads/${sent.thread.id}`),
        200,
      );
      expect(viaConflict.conflicts.map((c) => c.id)).toEqual([conflict.id]);
      // The case itself stays closed to the central contact.
      expect((await providerCentral.client.get(`/api/cases/${amina.caseId}`)).statusCode).toBe(403);
      expectStatus(
        await owner.client.post(`/api/conflicts/${conflict.id}/notes`, { text: 'Gespräch am Donnerstag?' }),
        200,
      );
      expectProblem(
        await jcStaff.client.post(`/api/conflicts/${conflict.id}/resolve`, { outcome: 'x', version: 1 }),
        403,
        'forbidden',
      );
      expectProblem(await jcOtherTeamStaff.client.get(`/api/threads/${sent.thread.id}`), 404, 'not_found');
      const resolved = expectStatus<Conflict>(
        await jcCentral.client.post(`/api/conflicts/${conflict.id}/resolve`, {
          outcome: 'Sprachkurs zuerst, Bewerbungen parallel ab Juni.',
          version: conflict.version,
        }),
        200,
      );
      expect(resolved).toMatchObject({ status: 'resolved', notes: [{ side: 'provider' }] });
      for (const action of ['conflict.raised', 'conflict.noted', 'conflict.resolved']) {
        expect(await auditRows(t.database.db, action, conflict.id)).toHaveLength(1);
      }
    });

    it('R-CON-5, R-CON-4: the client’s Art. 15 document lists every consent and every disclosure made about them', async () => {
      const exported = expectStatus<{
        information: {
          recipients: { disclosures: { recipient: string; data: string }[] };
          consents: { items: { recipient: string; withdrawn: string | null }[] };
        };
      }>(await owner.client.get(`/api/clients/${amina.client.id}/export`), 200);
      const { recipients, consents } = exported.information;
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM exchange_messages m JOIN exchange_thread_cases tc ON tc.thread_id = m.thread_id
        WHERE tc.client_id = ${amina.client.id}::uuid AND m.author_organisation_id = ${provider.id}::uuid`.execute(
        t.database.db,
      );
      const sentCount = rows[0]!.n;
      expect(recipients.disclosures).toHaveLength(sentCount);
      expect(recipients.disclosures[0]).toMatchObject({
        recipient: 'Jobcenter Musterstadt, Team Integration',
      });
      expect(recipients.disclosures[0]!.data).toContain('Sprachstand');
      const given = await countRows(t.database.db, 'consents', sql`client_id = ${amina.client.id}::uuid`);
      expect(consents.items).toHaveLength(given);
      expect(consents.items.some((c) => c.withdrawn?.startsWith('widerrufen am'))).toBe(true);
      const pdf = await readPdf(
        (await owner.client.get(`/api/clients/${amina.client.id}/export.pdf`)).rawPayload,
      );
      expect(pdf.text).toContain('Ihre Einwilligungen in die Weitergabe von Daten');
      expect(pdf.text).toContain('Team Integration');
    });

    it('R-RED-4: the waiting-message mail to the partner carries no personal data', async () => {
      smtp.mails.length = 0;
      expectStatus(await send(consent.id), 201);
      expect(smtp.mails.length).toBeGreaterThan(0);
      for (const mail of smtp.mails) {
        expect(mail).not.toContain('Haddad');
        expect(mail).not.toContain('B1');
      }
    });
  });

  describe('R-RED-1: a legal basis other than consent is its own record, decided by a team lead', () => {
    it('R-RED-1, R-RED-5: a team lead records it with a justification; one disclosure goes under it, with its copy', async () => {
      const teamLead = await signedIn(t.app, t.database.db, provider, ['team_lead']);
      const body = {
        recipientTeamId: team.id,
        basis: 'child_protection',
        justification: 'Gewichtige Anhaltspunkte für eine Gefährdung des Kindes; Abstimmung nötig.',
        categories: ['identity_contact', 'family_situation'],
      };
      // The counsellor cannot decide it; the team lead reaches the case only by breaking the glass.
      expectProblem(
        await owner.client.post(`/api/cases/${second.caseId}/legal-bases`, body),
        403,
        'forbidden',
      );
      expectProblem(
        await teamLead.client.post(`/api/cases/${second.caseId}/legal-bases`, body),
        403,
        'break_glass_required',
      );
      expectStatus(
        await teamLead.client.post(`/api/cases/${second.caseId}/break-glass`, {
          reason: 'Prüfung einer Rechtsgrundlage ohne Einwilligung',
        }),
        201,
      );
      const short = await teamLead.client.post(`/api/cases/${second.caseId}/legal-bases`, {
        ...body,
        justification: 'weil',
      });
      expect(expectProblem(short, 400, 'validation_failed')).toEqual(['justification']);
      const basis = expectStatus<{ id: string; label: string; norm: string }>(
        await teamLead.client.post(`/api/cases/${second.caseId}/legal-bases`, body),
        201,
      );
      expect(basis).toMatchObject({
        label: 'Schutzauftrag bei Kindeswohlgefährdung',
        norm: '§ 8a SGB VIII, § 4 KKG',
      });
      const audit = await auditRows(t.database.db, 'legal_basis.recorded', second.caseId);
      expect(audit[0]).toMatchObject({ actor_user_id: teamLead.user.id });
      const message = {
        legalBasisId: basis.id,
        purpose: 'other',
        kind: 'serious_change',
        subject: 'Gefährdung des Kindes',
        sections: [
          { category: 'family_situation', text: 'Die Tochter ist seit zwei Wochen nicht in der Schule.' },
        ],
      };
      expectRefused(
        await owner.client.post(`/api/cases/${second.caseId}/disclosures`, {
          ...message,
          sections: [{ category: 'health', text: 'x' }],
        }),
        'legal_basis_category',
      );
      expectRefused(
        await owner.client.post(`/api/cases/${amina.caseId}/disclosures`, message),
        'legal_basis_other_client',
      );
      const sent = expectStatus<Sent>(
        await owner.client.post(`/api/cases/${second.caseId}/disclosures`, message),
        201,
      );
      expect(sent.thread).toMatchObject({ consent: null, legalBasis: { basis: 'child_protection' } });
      expectRefused(
        await owner.client.post(`/api/cases/${second.caseId}/disclosures`, message),
        'legal_basis_used',
      );
      const copy = await readPdf(
        (await owner.client.get(`/api/client-copies/${sent.copyId}/pdf`)).rawPayload,
      );
      expect(copy.text).toContain('Warum ohne Ihre Einwilligung');
      expect(copy.text).toContain('§ 8a SGB VIII');
      expect(copy.text).toContain('Die Tochter ist seit zwei Wochen nicht in der Schule.');
      const read = expectStatus<Thread>(await jcStaff.client.get(`/api/threads/${sent.thread.id}`), 200);
      expect(read).toMatchObject({ withdrawn: false, legalBasis: { norm: '§ 8a SGB VIII, § 4 KKG' } });
      expect(read.messages).toHaveLength(1);
      const both = expectBothBodies(message);
      expectProblem(
        await owner.client.post(`/api/cases/${second.caseId}/disclosures`, both),
        400,
        'validation_failed',
      );
    });
  });

  describe('R-CON-6, R-RED-2: voluntariness and no attendance reports', () => {
    it('R-CON-6: a client without any consent gets exactly the same case functions, and nothing nags or counts', async () => {
      const without = await registerClient(owner, { givenName: 'Ohne', familyName: 'Einwilligung' });
      const withConsent = await readCase(owner, amina.caseId);
      const plain = await readCase(owner, without.caseId);
      expect(plain.allowedActions).toEqual(withConsent.allowedActions);
      const exchange = expectStatus<Exchange>(
        await owner.client.get(`/api/cases/${without.caseId}/exchange`),
        200,
      );
      const { consentRules, ...rest } = exchange;
      expect(rest).toEqual({
        consents: [],
        legalBases: [],
        threads: [],
        allowedActions: ['consent.give', 'disclosure.send'],
      });
      // The provider's rules for a new consent are the same whoever the client is.
      const withRules = expectStatus<Exchange>(
        await owner.client.get(`/api/cases/${amina.caseId}/exchange`),
        200,
      );
      expect(consentRules).toEqual(withRules.consentRules);
      const caseload = await owner.client.get('/api/caseload');
      expect(caseload.body).not.toMatch(/consent/i);
    });

    it('R-RED-2: no data category and no message kind reports attendance of counselling, and partners see no case state', () => {
      for (const code of [...dataCategories, ...messageKinds]) {
        expect(code).not.toMatch(/counsel|attend(ance)?_?counsel|missed|no_show|beratung/i);
      }
    });

    it('R-RED-2: what a partner reads of a thread holds no case number, case status or contact history', async () => {
      const thread = expectStatus<Thread>(
        await jcStaff.client.get(
          `/api/threads/${(await jcStaff.client.get('/api/inbox')).json<Inbox>().items[0]!.id}`,
        ),
        200,
      );
      const body = JSON.stringify(thread);
      expect(body).not.toContain(amina.caseNumber);
      expect(body).not.toContain(amina.caseId);
      expect(body).not.toContain(amina.client.id);
      expect(body).not.toMatch(/"status":"(open|closed)"|missed|held/);
    });
  });

  it.runIf(testDatabaseKind === 'postgres')(
    'R-CON-3: a withdrawal committed while a send waits for the consent row wins; the send is refused',
    async () => {
      const consent = await give();
      let sendResult: Awaited<ReturnType<typeof send>> | undefined;
      await t.database.db.transaction().execute(async (trx) => {
        await sql`UPDATE consents SET withdrawn_at = now(), withdrawn_by = ${owner.user.id}::uuid WHERE id = ${consent.id}::uuid`.execute(
          trx,
        );
        const pending = send(consent.id).then((r) => (sendResult = r));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(sendResult, 'the send waits for the row lock').toBeUndefined();
        void pending;
      });
      await expect.poll(() => sendResult, { timeout: 5000 }).toBeDefined();
      expectRefused(sendResult!, 'consent_withdrawn');
      expect(await countRows(t.database.db, 'exchange_messages', sql`consent_id = ${consent.id}::uuid`)).toBe(
        0,
      );
    },
  );

  it.runIf(testDatabaseKind === 'postgres')(
    'R-CON-3: a withdrawal during a send waits for it; the message then shows the partner only the withdrawal',
    async () => {
      const consent = await give();
      // The sender holds the row (as the send does) while the withdrawal arrives.
      let withdrawal: Awaited<ReturnType<typeof owner.client.post>> | undefined;
      const sent = expectStatus<Sent>(await send(consent.id), 201);
      await t.database.db.transaction().execute(async (trx) => {
        await sql`SELECT id FROM consents WHERE id = ${consent.id}::uuid FOR UPDATE`.execute(trx);
        void owner.client.post(`/api/consents/${consent.id}/withdraw`, {}).then((r) => (withdrawal = r));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(withdrawal, 'the withdrawal waits for the send').toBeUndefined();
      });
      await expect.poll(() => withdrawal, { timeout: 5000 }).toBeDefined();
      expect(withdrawal!.statusCode).toBe(200);
      const read = expectStatus<Thread>(await jcStaff.client.get(`/api/threads/${sent.thread.id}`), 200);
      expect(read).toMatchObject({ withdrawn: true, messages: [] });
    },
  );
});
