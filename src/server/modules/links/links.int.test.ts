import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { pdfText } from '../../../../test/pdf.ts';
import { expectProblem, expectStatus, signedIn, type Person } from '../../../../test/api.ts';
import { mailBody, startSmtp, type TestSmtp } from '../../../../test/smtp.ts';
import { auditRows, readCase, registerClient, type Created } from '../cases/test-support.ts';
import type { sentSchema, teamSchema, threadSchema } from '../exchange/exchange.schemas.ts';
import type { linkListSchema, linkSchema, readingSchema } from './links.schemas.ts';

type Team = z.infer<typeof teamSchema>;
type Sent = z.infer<typeof sentSchema>;
type Thread = z.infer<typeof threadSchema>;
type Link = z.infer<typeof linkSchema>;
type Reading = z.infer<typeof readingSchema>;

describe(`one-time links for partners off the platform (${testDatabaseKind})`, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let provider: TestOrganisation;
  let school: TestOrganisation;
  let owner: Person;
  let colleagueElsewhere: Person;
  let schoolAdmin: Person;
  let team: Team;
  let amina: Created;

  /** A request of someone without an account: the answer page in a browser. */
  const anonymous = (method: 'GET' | 'POST', url: string, body?: unknown, cookie?: string) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  const readerCookie = (response: LightMyRequestResponse) => {
    const cookie = response.cookies.find((c) => c.name === 'koop_link');
    expect(cookie, 'reader cookie').toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    return `koop_link=${cookie!.value}`;
  };

  async function consentAndSend(direction = 'both', categories = ['identity_contact', 'language_courses']) {
    const consent = expectStatus<{ id: string }>(
      await owner.client.post(`/api/cases/${amina.caseId}/consents`, {
        recipientTeamId: team.id,
        purpose: 'course_participation',
        categories,
        direction,
        repetition: 'repeated',
        validFrom: '2026-03-01',
        validUntil: '2026-08-31',
        form: 'on_screen',
      }),
      201,
    );
    const sent = expectStatus<Sent & { thread: Thread }>(
      await owner.client.post(`/api/cases/${amina.caseId}/disclosures`, {
        consentId: consent.id,
        purpose: 'course_participation',
        kind: 'assessment_result',
        subject: 'Sprachstand für die Kursplanung',
        sections: [{ category: 'language_courses', text: 'Deutsch A2, Alphabetisierung abgeschlossen.' }],
      }),
      201,
    );
    return { consentId: consent.id, threadId: sent.thread.id };
  }

  async function emailLink(threadId: string, body: Record<string, unknown> = {}) {
    const before = smtp.mails.length;
    const link = expectStatus<Link>(await owner.client.post(`/api/threads/${threadId}/links`, body), 201);
    expect(smtp.mails.length).toBe(before + 1);
    const mail = mailBody(smtp.mails.at(-1)!);
    const token = /\/antwort#([A-Za-z0-9_-]{43})/.exec(mail)?.[1];
    expect(token, mail).toBeDefined();
    return { link, token: token!, mail };
  }

  async function letter(threadId: string) {
    const response = await owner.client.post(`/api/threads/${threadId}/letter.pdf`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
    const number = /Nummer (\d{6,9})/.exec(text)?.[1];
    const code = /Code ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text)?.[1];
    expect(number, text).toBeDefined();
    expect(code, text).toBeDefined();
    return { number: number!, code: code!, text };
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ mailer: smtp.mailer });
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    const db = t.database.db;
    provider = await buildOrganisation(db, { kind: 'welfare_provider', name: 'AWO Musterstadt' });
    school = await buildOrganisation(db, { kind: 'course_provider', name: 'Sprachschule Lingua' });
    const otherProvider = await buildOrganisation(db, { kind: 'welfare_provider' });
    owner = await signedIn(t.app, db, provider, ['counsellor']);
    colleagueElsewhere = await signedIn(t.app, db, otherProvider, ['counsellor']);
    schoolAdmin = await signedIn(t.app, db, school, ['org_admin']);
    // The school's office works without Koop accounts: a team with an address, no members.
    team = expectStatus<Team>(
      await schoolAdmin.client.post(`/api/organisations/${school.id}/teams`, {
        name: 'Kursbüro',
        email: 'kursbuero@lingua.example',
        memberIds: [],
      }),
      201,
    );
    amina = await registerClient(owner, { languages: ['ar', 'de'] }, { openedOn: '2026-02-02' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('R-REF-5, R-RED-4: an e-mailed link opens once without an account, and its answer lands in the case', async () => {
    const { threadId } = await consentAndSend();
    const { link, token, mail } = await emailLink(threadId);
    expect(link).toMatchObject({ channel: 'email', email: 'kursbuero@lingua.example', status: 'waiting' });
    expect(new Date(link.expiresAt).getTime() - t.clock.now.getTime()).toBe(14 * 86_400_000);
    // No personal data in the mail, and the secret only in the fragment.
    expect(mail).toContain('AWO Musterstadt');
    expect(mail).not.toContain('Amina');
    expect(mail).not.toContain('Haddad');
    expect(mail).not.toContain('Sprachstand');
    // Only the hash is stored.
    const stored = await sql<{
      token_hash: string;
    }>`SELECT token_hash FROM exchange_links WHERE id = ${link.id}`.execute(t.database.db);
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    expect(stored.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const opened = await anonymous('POST', '/api/public/links/open', { token });
    const reading = expectStatus<Reading>(opened, 200);
    expect(opened.headers['x-robots-tag']).toContain('noindex');
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(reading).toMatchObject({
      provider: 'AWO Musterstadt',
      team: 'Kursbüro',
      subject: 'Sprachstand für die Kursplanung',
    });
    expect(reading.messages).toHaveLength(1);
    expect(reading.messages[0]!.sections).toEqual([
      { category: 'language_courses', text: 'Deutsch A2, Alphabetisierung abgeschlossen.' },
    ]);
    expect(reading.answer?.categories).toEqual(['identity_contact', 'language_courses']);
    const cookie = readerCookie(opened);

    // The same browser reads again; anyone else with the same link does not.
    expectStatus<Reading>(await anonymous('GET', '/api/public/links/current', undefined, cookie), 200);
    expectProblem(await anonymous('POST', '/api/public/links/open', { token }), 409, 'link_used');

    const answered = await anonymous(
      'POST',
      '/api/public/links/answer',
      {
        name: 'Petra Lehmann',
        phone: '0123 998877',
        sections: [
          { category: 'language_courses', text: 'Platz im Kurs ab 1. April, Montag bis Freitag vormittags.' },
        ],
      },
      cookie,
    );
    expectStatus(answered, 200);
    expectProblem(
      await anonymous(
        'POST',
        '/api/public/links/answer',
        { name: 'Petra Lehmann', sections: [{ category: 'language_courses', text: 'Noch einmal.' }] },
        cookie,
      ),
      409,
      'link_used',
    );

    // The counsellor reads the answer in the case's thread, and sees the link answered.
    const thread = expectStatus<Thread>(await owner.client.get(`/api/threads/${threadId}`), 200);
    const last = thread.messages.at(-1)!;
    expect(last).toMatchObject({ kind: 'answer' });
    expect(JSON.stringify(last)).toContain('Platz im Kurs ab 1. April');
    expect(JSON.stringify(last)).toContain('Petra Lehmann');
    const links = expectStatus<z.infer<typeof linkListSchema>>(
      await owner.client.get(`/api/threads/${threadId}/links`),
      200,
    );
    expect(links.items[0]).toMatchObject({ id: link.id, status: 'answered' });
    const caseBody = await readCase(owner, amina.caseId);
    expect(caseBody).toBeDefined();
    // Every opening and the answer are audited in the recipient's name, without an account.
    const openedRows = await auditRows(t.database.db, 'link.opened', link.id);
    expect(openedRows).toHaveLength(1);
    expect(openedRows[0]!.actor_user_id).toBeNull();
    expect(await auditRows(t.database.db, 'link.answered', link.id)).toHaveLength(1);
  });

  it('R-REF-5: a link fails after expiry and after revocation, and only its creator side may revoke it', async () => {
    const { threadId } = await consentAndSend();
    const late = await emailLink(threadId, { validDays: 2 });
    t.clock.now = new Date('2026-03-12T09:00:01Z');
    expectProblem(
      await anonymous('POST', '/api/public/links/open', { token: late.token }),
      410,
      'link_expired',
    );
    t.clock.now = new Date('2026-03-10T09:00:00Z');

    const revoked = await emailLink(threadId);
    expectProblem(
      await colleagueElsewhere.client.post(`/api/links/${revoked.link.id}/revoke`),
      404,
      'not_found',
    );
    const view = expectStatus<Link>(await owner.client.post(`/api/links/${revoked.link.id}/revoke`), 200);
    expect(view.status).toBe('revoked');
    expectProblem(
      await anonymous('POST', '/api/public/links/open', { token: revoked.token }),
      410,
      'link_revoked',
    );
    expect(await auditRows(t.database.db, 'link.open_failed', revoked.link.id)).toHaveLength(1);
  });

  it('R-REF-5, R-CON-3: after the consent is withdrawn an unopened link shows nothing', async () => {
    const { consentId, threadId } = await consentAndSend();
    const { token } = await emailLink(threadId);
    expectStatus(
      await owner.client.post(`/api/consents/${consentId}/withdraw`, { note: 'Widerruf per Telefon' }),
      200,
    );
    const refused = await anonymous('POST', '/api/public/links/open', { token });
    expectProblem(refused, 410, 'link_revoked');
    expect(refused.body).not.toContain('Deutsch A2');
  });

  it('R-REF-5, R-EXC-2: the answer is held to the consent — no answer where it covers only one way, no other data', async () => {
    const both = await consentAndSend('both', ['identity_contact', 'language_courses']);
    const { token } = await emailLink(both.threadId);
    const cookie = readerCookie(await anonymous('POST', '/api/public/links/open', { token }));
    const outside = await anonymous(
      'POST',
      '/api/public/links/answer',
      { name: 'Petra Lehmann', sections: [{ category: 'health', text: 'Attest liegt vor.' }] },
      cookie,
    );
    expectProblem(outside, 422, 'disclosure_refused');
    // Nothing was written; the one answer is still open.
    expectStatus(
      await anonymous(
        'POST',
        '/api/public/links/answer',
        { name: 'Petra Lehmann', sections: [{ category: 'language_courses', text: 'Kurs bestätigt.' }] },
        cookie,
      ),
      200,
    );

    const oneWay = await consentAndSend('to_partner', ['identity_contact', 'language_courses']);
    const second = await emailLink(oneWay.threadId);
    const opened = await anonymous('POST', '/api/public/links/open', { token: second.token });
    expect(expectStatus<Reading>(opened, 200).answer).toBeNull();
    expectProblem(
      await anonymous(
        'POST',
        '/api/public/links/answer',
        { name: 'Petra Lehmann', sections: [{ category: 'language_courses', text: 'Kurs bestätigt.' }] },
        readerCookie(opened),
      ),
      422,
      'disclosure_refused',
    );
  });

  it('R-REF-5: a letter names the person and a code; the code with the birth year opens it, wrong codes are locked out', async () => {
    const { threadId } = await consentAndSend();
    const { number, code, text } = await letter(threadId);
    expect(text).toContain('Amina Haddad');
    expect(text).toContain('Geburtsjahr');
    expect(text).not.toContain('Deutsch A2');
    const open = (body: Record<string, unknown>) => anonymous('POST', '/api/public/links/letter', body);

    // The wrong birth year counts like a wrong code; five in a row lock the letter for an hour.
    expectProblem(await open({ number, code, birthYear: 1989 }), 422, 'link_code_wrong');
    for (let i = 0; i < 3; i += 1)
      expectProblem(await open({ number, code: 'AAAAA-AAAAA', birthYear: 1988 }), 422, 'link_code_wrong');
    expectProblem(await open({ number, code: 'AAAAA-AAAAA', birthYear: 1988 }), 429, 'link_locked');
    // Locked: even the right code waits.
    expectProblem(await open({ number, code, birthYear: 1988 }), 429, 'link_locked');
    t.clock.now = new Date('2026-03-10T10:00:01Z');
    const opened = await open({ number, code: code.toLowerCase().replace('-', ' '), birthYear: 1988 });
    const reading = expectStatus<Reading>(opened, 200);
    expect(String(reading.number)).toBe(number);
    expect(reading.messages[0]!.sections[0]!.text).toBe('Deutsch A2, Alphabetisierung abgeschlossen.');
    // Single use: the code does not open it a second time.
    expectProblem(await open({ number, code, birthYear: 1988 }), 409, 'link_used');
    // An unknown number answers like a wrong code.
    expectProblem(await open({ number: '999999', code, birthYear: 1988 }), 422, 'link_code_wrong');
    t.clock.now = new Date('2026-03-10T09:00:00Z');
  });

  it('R-REF-5: a letter needs the birth date, a thread needs a disclosure, bad input gets field errors', async () => {
    const noBirth = await registerClient(
      owner,
      { givenName: 'Samir', birthDate: null, ageGroup: '27_34' },
      { openedOn: '2026-02-02' },
    );
    const consent = expectStatus<{ id: string }>(
      await owner.client.post(`/api/cases/${noBirth.caseId}/consents`, {
        recipientTeamId: team.id,
        purpose: 'course_participation',
        categories: ['identity_contact', 'language_courses'],
        direction: 'both',
        repetition: 'repeated',
        validFrom: '2026-03-01',
        validUntil: '2026-08-31',
        form: 'on_screen',
      }),
      201,
    );
    const sent = expectStatus<{ thread: Thread }>(
      await owner.client.post(`/api/cases/${noBirth.caseId}/disclosures`, {
        consentId: consent.id,
        purpose: 'course_participation',
        kind: 'assessment_result',
        subject: 'Kursplanung',
        sections: [{ category: 'language_courses', text: 'A1' }],
      }),
      201,
    );
    expectProblem(
      await owner.client.post(`/api/threads/${sent.thread.id}/letter.pdf`, {}),
      422,
      'letter_needs_birth_date',
    );
    expect(
      expectProblem(
        await owner.client.post(`/api/threads/${sent.thread.id}/links`, { validDays: 90 }),
        400,
        'validation_failed',
      ),
    ).toEqual(['validDays']);
    expect(
      expectProblem(
        await anonymous('POST', '/api/public/links/open', { token: 'kurz' }),
        400,
        'validation_failed',
      ),
    ).toEqual(['token']);
    expectProblem(
      await anonymous('POST', '/api/public/links/open', { token: 'A'.repeat(43) }),
      404,
      'link_not_found',
    );
    expect(
      expectProblem(await anonymous('POST', '/api/public/letters/open', {}), 404, 'route_not_found'),
    ).toEqual([]);
    expect(
      expectProblem(
        await anonymous('POST', '/api/public/links/letter', { number: 'x', code: '', birthYear: 'neunzehn' }),
        400,
        'validation_failed',
      ).sort(),
    ).toEqual(['birthYear', 'code', 'number']);
    // Answering or reading again without the opening's cookie is refused.
    expectProblem(await anonymous('GET', '/api/public/links/current'), 409, 'link_used');
  });
});
