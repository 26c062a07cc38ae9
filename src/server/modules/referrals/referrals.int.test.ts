import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { mailBody, startSmtp, type TestSmtp } from '../../../../test/smtp.ts';
import { runReferralRetention } from './referrals.retention.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { readPdf } from '../../../../test/pdf.ts';
import { expectProblem, expectStatus, keysIn, signedIn, type Person } from '../../../../test/api.ts';
import { buildDirectory, type DirectoryFixture } from '../../../../test/directory-fixture.ts';
import { documentTexts } from '../../documents/texts/index.ts';
import { auditRows, countRows, readCase } from '../cases/test-support.ts';
import type {
  acceptResponse,
  inboxResponse,
  referralSchema,
  sentReferralSchema,
  sentReferralsResponse,
  suitableOfficesResponse,
} from './referrals.schemas.ts';
import { referrerOutcomes } from './referrals.values.ts';

type Offices = z.infer<typeof suitableOfficesResponse>;
type Sent = z.infer<typeof sentReferralSchema>;
type SentList = z.infer<typeof sentReferralsResponse>;
type Inbox = z.infer<typeof inboxResponse>;
type Referral = z.infer<typeof referralSchema>;
type Accepted = z.infer<typeof acceptResponse>;

/** What the person says at the Jobcenter counter. */
const asked = (overrides: Record<string, unknown> = {}) => ({
  place: '12346',
  language: 'ar',
  age: 40,
  topic: 'work_training',
  ...overrides,
});

describe(`referrals (${testDatabaseKind})`, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let d: DirectoryFixture;
  let jobcenter: Person;
  let abh: Person;
  let awoCounsellor: Person;
  let caritasCounsellor: Person;

  const named = (overrides: Record<string, unknown> = {}) => ({
    officeId: d.offices.innenstadt,
    service: 'MBE',
    givenName: 'Amina',
    familyName: 'Haddad',
    phone: '0176 1234567',
    language: 'ar',
    age: 34,
    topic: 'work_training',
    callFirst: true,
    consent: { given: true, feedbackAllowed: true, language: 'ar' },
    ...overrides,
  });

  const send = async (by: Person, overrides: Record<string, unknown> = {}) =>
    expectStatus<Sent>(await by.client.post('/api/referrals', named(overrides)), 201);

  const open = (by: Person, id: string) => by.client.get(`/api/referrals/${id}`);

  /** The office opens the referral and accepts it as a new client. */
  const acceptAsNew = async (id: string) => {
    const referral = expectStatus<Referral>(await open(awoCounsellor, id), 200);
    return expectStatus<Accepted>(
      await awoCounsellor.client.post(`/api/referrals/${id}/accept`, {
        version: referral.version,
        caseType: 'short_counselling',
      }),
      200,
    );
  };

  const sentList = async (by: Person) =>
    expectStatus<SentList>(await by.client.get('/api/referrals/sent'), 200).items;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ mailer: smtp.mailer });
    // Wednesday 25 March 2026, 10:00 in Berlin.
    t.clock.now = new Date('2026-03-25T09:00:00Z');
    d = await buildDirectory(t.app, t.database.db);
    jobcenter = d.jobcenterStaff;
    abh = d.abhStaff;
    awoCounsellor = await signedIn(t.app, t.database.db, d.awo, ['counsellor']);
    caritasCounsellor = await signedIn(t.app, t.database.db, d.caritas, ['counsellor']);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('R-REF-1: the anonymous slip', () => {
    it('R-REF-1: a slip for a 20-year-old lists JMD offices, for a 40-year-old MBE offices', async () => {
      const young = expectStatus<Offices>(
        await jobcenter.client.post('/api/referrals/offices', asked({ age: 20, language: 'de' })),
        200,
      );
      expect(young.servicesForAge).toEqual(['JMD']);
      expect(young.items.map((o) => o.name)).toEqual([
        'Migrationsberatung Innenstadt',
        'Jugendmigrationsdienst Nordstadt',
      ]);
      expect(young.items.every((o) => o.suitableServices.includes('JMD'))).toBe(true);

      const adult = expectStatus<Offices>(
        await jobcenter.client.post('/api/referrals/offices', asked({ age: 40, language: 'de' })),
        200,
      );
      expect(adult.servicesForAge).toEqual(['MBE']);
      expect(adult.items.map((o) => o.name)).toEqual([
        'Migrationsberatung Südstadt',
        'Migrationsberatung Innenstadt',
      ]);

      const slip = await jobcenter.client.post('/api/referrals/slip.pdf', asked({ age: 20, language: 'de' }));
      expect(slip.statusCode).toBe(200);
      expect(slip.headers['content-type']).toBe('application/pdf');
      const text = (await readPdf(slip.rawPayload)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Jugendmigrationsdienst Nordstadt');
      expect(text).toContain('Migrationsberatung Innenstadt');
      expect(text).not.toContain('Migrationsberatung Südstadt');
    });

    it.each(['de', 'ar', 'tr', 'uk'] as const)(
      'R-REF-3, R-UX-1, R-UX-3: the slip read back in %s holds the voluntariness statement, the office and online counselling',
      async (language) => {
        const response = await abh.client.post('/api/referrals/slip.pdf', asked({ language }));
        expect(response.statusCode, response.body).toBe(200);
        const pdf = await readPdf(response.rawPayload);
        const text = pdf.text.replace(/\s+/g, ' ');
        const words = (s: string) => s.split(/\s+/).slice(0, 4).join(' ');
        expect(text).toContain(words(documentTexts.de.referral.voluntary));
        expect(text).toMatch(/Migrationsberatung (Südstadt|Innenstadt)/);
        expect(text).toContain('https://www.mbeon.de');
        expect(text).toContain('openstreetmap.org');
        if (language === 'ar') {
          expect(pdf.fonts.some((f) => f.startsWith('NotoSansArabic'))).toBe(true);
          // Arabic is shaped: the reader gives back Arabic letters of the statement.
          expect(text).toMatch(/[\u0600-\u06FF\uFE70-\uFEFF]{3}/);
        } else if (language !== 'de') {
          expect(text).toContain(words(documentTexts[language].referral.voluntary));
        }
      },
    );

    it('R-REF-1: a slip stores no personal data, only an anonymous count per month, organisation, programme, language and topic', async () => {
      const before = await countRows(t.database.db, 'referrals');
      const response = await jobcenter.client.post(
        '/api/referrals/slip.pdf',
        asked({ language: 'fa', age: 19 }),
      );
      expect(response.statusCode).toBe(200);
      expect(await countRows(t.database.db, 'referrals')).toBe(before);
      const { rows } = await sql<Record<string, unknown>>`
        SELECT * FROM referral_counts WHERE organisation_id = ${jobcenter.user.organisationId} AND language = 'fa'`.execute(
        t.database.db,
      );
      expect(rows).toEqual([
        {
          organisation_id: jobcenter.user.organisationId,
          month: '2026-03-01',
          kind: 'slip',
          service: 'JMD',
          language: 'fa',
          topic: 'work_training',
          referrals: 1,
        },
      ]);
      await jobcenter.client.post('/api/referrals/slip.pdf', asked({ language: 'fa', age: 19 }));
      const { rows: again } = await sql<{ referrals: number }>`
        SELECT referrals FROM referral_counts WHERE organisation_id = ${jobcenter.user.organisationId} AND language = 'fa'`.execute(
        t.database.db,
      );
      expect(again.map((r) => r.referrals)).toEqual([2]);
      // A name on a slip request is refused, not stored.
      expectProblem(
        await jobcenter.client.post('/api/referrals/slip.pdf', { ...asked(), familyName: 'Haddad' }),
        400,
        'validation_failed',
      );
    });

    it('R-REF-1, R-SEC-4: bad input is a clear 400, no office a 422, counselling staff may not print slips', async () => {
      expect(
        expectProblem(
          await jobcenter.client.post(
            '/api/referrals/slip.pdf',
            asked({ place: '123', age: 200, topic: 'Arbeit!' }),
          ),
          400,
          'validation_failed',
        ).sort(),
      ).toEqual(['age', 'place', 'topic']);
      expectProblem(
        await jobcenter.client.post('/api/referrals/slip.pdf', asked({ place: '99999' })),
        422,
        'no_suitable_office',
      );
      expectProblem(
        await jobcenter.client.post('/api/referrals/slip.pdf', asked({ officeIds: [d.offices.muenchen] })),
        400,
        'validation_failed',
      );
      expectProblem(await awoCounsellor.client.post('/api/referrals/slip.pdf', asked()), 403, 'forbidden');
    });
  });

  describe('R-REF-1, R-RED-1: named referrals with consent', () => {
    it('R-RED-1: a named referral without consent is refused, and nothing is stored', async () => {
      const before = await countRows(t.database.db, 'referrals');
      for (const consent of [undefined, { given: false, feedbackAllowed: false, language: 'ar' }]) {
        const response = await jobcenter.client.post('/api/referrals', { ...named(), consent });
        expect(expectProblem(response, 400, 'validation_failed')[0]).toMatch(/^consent/);
      }
      expect(await countRows(t.database.db, 'referrals')).toBe(before);
    });

    it('R-REF-1, R-SEC-4: a named referral needs a way to reach the person and an office that offers the programme', async () => {
      expect(
        expectProblem(
          await jobcenter.client.post('/api/referrals', named({ phone: null, callFirst: false })),
          400,
          'validation_failed',
        ),
      ).toEqual(['phone']);
      expect(
        expectProblem(
          await jobcenter.client.post('/api/referrals', named({ phone: null, email: 'a@example.org' })),
          400,
          'validation_failed',
        ),
      ).toEqual(['phone']);
      expect(
        expectProblem(
          await jobcenter.client.post(
            '/api/referrals',
            named({ officeId: d.offices.nordstadt, service: 'MBE' }),
          ),
          400,
          'validation_failed',
        ),
      ).toEqual(['service']);
      expect(
        expectProblem(
          await jobcenter.client.post(
            '/api/referrals',
            named({ officeId: '00000000-0000-4000-8000-000000000001' }),
          ),
          400,
          'validation_failed',
        ),
      ).toEqual(['officeId']);
      // Only Jobcenter and ABH staff refer; the office's own staff do not.
      expectProblem(await awoCounsellor.client.post('/api/referrals', named()), 403, 'forbidden');
    });

    it("R-REF-1: the consent form is printed in the person's language with the receiving office and the feedback choice", async () => {
      const { consent: _consent, ...fields } = named();
      const response = await jobcenter.client.post('/api/referrals/consent-form.pdf', {
        ...fields,
        feedbackAllowed: false,
        consentLanguage: 'uk',
      });
      expect(response.statusCode, response.body).toBe(200);
      const text = (await readPdf(response.rawPayload)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Migrationsberatung Innenstadt');
      expect(text).toContain('Amina Haddad');
      expect(text).toContain(documentTexts.de.referral.consent.feedbackNo);
      expect(text).toContain(documentTexts.uk.referral.consent.feedbackNo.split(' ').slice(0, 3).join(' '));
      expect(text).not.toContain(documentTexts.de.referral.consent.feedbackYes.slice(0, 30));
    });

    it('R-REF-1, R-REF-4: the office sees the referral in its inbox, with "call first"; opening it marks it received and is audited', async () => {
      const sent = await send(jobcenter);
      expect(sent).toMatchObject({ outcome: 'open', callFirst: true, feedbackAllowed: true });
      const inbox = expectStatus<Inbox>(await awoCounsellor.client.get('/api/referrals/inbox'), 200);
      const item = inbox.items.find((x) => x.id === sent.id)!;
      expect(item).toMatchObject({
        status: 'sent',
        person: { familyName: 'Haddad', language: 'ar', age: 34 },
        callFirst: true,
        referrer: { organisationKind: 'jobcenter' },
      });
      expect(inbox.open).toBeGreaterThan(0);
      expect(
        expectStatus<{ open: number }>(await awoCounsellor.client.get('/api/referrals/inbox/count'), 200),
      ).toEqual({ open: inbox.open });
      expectProblem(await jobcenter.client.get('/api/referrals/inbox/count'), 403, 'forbidden');
      const referral = expectStatus<Referral>(await open(awoCounsellor, sent.id), 200);
      expect(referral.status).toBe('received');
      expect(referral.person.phone).toBe('0176 1234567');
      expect(referral.referrer.name).not.toBeNull();
      expect(referral.allowedActions).toEqual(['referral.accept', 'referral.hand_on', 'referral.close']);
      expect(await auditRows(t.database.db, 'referral.sent', sent.id)).toHaveLength(1);
      expect(await auditRows(t.database.db, 'referral.read', sent.id)).toHaveLength(1);
      // Another provider does not see it.
      expectProblem(await open(caritasCounsellor, sent.id), 404, 'not_found');
    });
    it('R-REF-1, R-RED-2: the office is told by a real mail that names no person', async () => {
      const before = smtp.mails.length;
      await send(jobcenter, { givenName: 'Leyla', familyName: 'Karimi', phone: '0176 7654321' });
      expect(smtp.mails.length).toBe(before + 1);
      const mail = mailBody(smtp.mails.at(-1)!);
      expect(mail).toMatch(/^To: mbe@awo\.example/m);
      expect(mail).toContain('Eine neue Verweisung wartet auf Sie');
      expect(mail).toContain('/verweisungen');
      for (const personal of ['Leyla', 'Karimi', '0176 7654321', 'work_training'])
        expect(mail).not.toContain(personal);
    });
  });

  describe('R-REF-4: accept, hand on, close', () => {
    it('R-REF-4: accepting opens a client and a case in one step, the way in is the referring partner; the referrer sees "taken up"', async () => {
      const sent = await send(jobcenter);
      const accepted = await acceptAsNew(sent.id);
      const opened = await readCase(awoCounsellor, accepted.caseId);
      expect(opened).toMatchObject({
        service: 'MBE',
        wayIn: 'jobcenter',
        officeId: d.offices.innenstadt,
        client: { givenName: 'Amina', familyName: 'Haddad', languages: ['ar'], phone: '0176 1234567' },
      });
      const mine = (await sentList(jobcenter)).find((x) => x.id === sent.id)!;
      expect(mine.outcome).toBe('taken_up');
      expect(
        expectStatus<{ outcome: string }>(
          await jobcenter.client.get(`/api/referrals/sent/${sent.id}/outcome`),
          200,
        ),
      ).toEqual({ outcome: 'taken_up' });
      // Decided once.
      expectProblem(
        await awoCounsellor.client.post(`/api/referrals/${sent.id}/accept`, {
          version: 3,
          caseType: 'short_counselling',
        }),
        409,
        'referral_decided',
      );
      expect(await countRows(t.database.db, 'referral_cases', sql`referral_id = ${sent.id}`)).toBe(1);
    });

    it('R-REF-4: a second referral of a known person is offered for merging and opens a case for that client, never silently merged', async () => {
      const sent = await send(jobcenter, { topic: 'housing' });
      const referral = expectStatus<Referral>(await open(awoCounsellor, sent.id), 200);
      expect(referral.possibleDuplicates.map((p) => p.familyName)).toContain('Haddad');
      const known = referral.possibleDuplicates[0]!.clientId;
      const clientsBefore = await countRows(t.database.db, 'clients');
      const accepted = expectStatus<Accepted>(
        await awoCounsellor.client.post(`/api/referrals/${sent.id}/accept`, {
          version: referral.version,
          caseType: 'case_management',
          clientId: known,
        }),
        200,
      );
      expect(accepted.clientId).toBe(known);
      expect(await countRows(t.database.db, 'clients')).toBe(clientsBefore);
    });

    it('R-REF-4: a stale version is a conflict and changes nothing', async () => {
      const sent = await send(jobcenter);
      const referral = expectStatus<Referral>(await open(awoCounsellor, sent.id), 200);
      expectProblem(
        await awoCounsellor.client.post(`/api/referrals/${sent.id}/close`, {
          version: referral.version - 1,
          reason: 'declined',
        }),
        409,
        'version_conflict',
      );
      expect(expectStatus<Referral>(await open(awoCounsellor, sent.id), 200).status).toBe('received');
    });

    it("R-REF-4: handing on moves the referral to another provider's office with the reason kept by the sender", async () => {
      const sent = await send(abh, { officeId: d.offices.innenstadt, service: 'MBE', age: 45 });
      const referral = expectStatus<Referral>(await open(awoCounsellor, sent.id), 200);
      expect(
        expectProblem(
          await awoCounsellor.client.post(`/api/referrals/${sent.id}/hand-on`, {
            version: referral.version,
            officeId: d.offices.innenstadt,
            service: 'MBE',
            reason: 'x',
          }),
          400,
          'validation_failed',
        ),
      ).toEqual(['officeId']);
      expectStatus(
        await awoCounsellor.client.post(`/api/referrals/${sent.id}/hand-on`, {
          version: referral.version,
          officeId: d.offices.suedstadt,
          service: 'MBE',
          reason: 'Wohnt im Einzugsgebiet der Südstadt.',
        }),
        200,
      );
      expectProblem(await open(awoCounsellor, sent.id), 404, 'not_found');
      const there = expectStatus<Referral>(await open(caritasCounsellor, sent.id), 200);
      expect(there).toMatchObject({
        status: 'received',
        handedOn: true,
        office: { id: d.offices.suedstadt },
      });
      // The reason stays with the office that handed it on.
      expect(there.events.map((e) => e.reason)).not.toContain('Wohnt im Einzugsgebiet der Südstadt.');
      expect((await sentList(abh)).find((x) => x.id === sent.id)).toMatchObject({
        outcome: 'open',
        office: { name: 'Migrationsberatung Südstadt' },
      });
    });

    it('R-REF-4, R-RED-2: a closed referral reads "not taken up" to the referrer, never why', async () => {
      const sent = await send(jobcenter);
      const referral = expectStatus<Referral>(await open(awoCounsellor, sent.id), 200);
      expectProblem(
        await awoCounsellor.client.post(`/api/referrals/${sent.id}/close`, {
          version: referral.version,
          reason: 'nope',
        }),
        400,
        'validation_failed',
      );
      expectStatus(
        await awoCounsellor.client.post(`/api/referrals/${sent.id}/close`, {
          version: referral.version,
          reason: 'did_not_come',
        }),
        200,
      );
      const mine = (await sentList(jobcenter)).find((x) => x.id === sent.id)!;
      expect(mine.outcome).toBe('not_taken_up');
      expect(JSON.stringify(await sentList(jobcenter))).not.toMatch(
        /did_not_come|closed|attend|received|accepted/,
      );
    });

    it('R-REF-4: feedback without "feedback allowed" is refused; the list shows no outcome at all', async () => {
      const sent = await send(jobcenter, {
        consent: { given: true, feedbackAllowed: false, language: 'ar' },
      });
      expect(sent.outcome).toBeNull();
      const referral = expectStatus<Referral>(await open(awoCounsellor, sent.id), 200);
      await awoCounsellor.client.post(`/api/referrals/${sent.id}/accept`, {
        version: referral.version,
        caseType: 'short_counselling',
      });
      expect((await sentList(jobcenter)).find((x) => x.id === sent.id)!.outcome).toBeNull();
      expectProblem(
        await jobcenter.client.get(`/api/referrals/sent/${sent.id}/outcome`),
        403,
        'referral_feedback_not_allowed',
      );
      // Another partner does not learn that the referral exists.
      expectProblem(await abh.client.get(`/api/referrals/sent/${sent.id}/outcome`), 404, 'not_found');
    });

    it('R-REF-4, R-RED-2: the outcome the referrer sees is one of two words (or still open)', async () => {
      const outcomes = new Set((await sentList(jobcenter)).map((x) => x.outcome));
      for (const outcome of outcomes) if (outcome !== null) expect(referrerOutcomes).toContain(outcome);
      expect(outcomes).toEqual(new Set(['taken_up', 'not_taken_up', 'open', null]));
    });
  });

  describe('R-RED-2, R-RED-4: nothing crosses to the partner', () => {
    it('R-RED-2: a partner account reaches no client or case data through referrals, and no field tells whether a person came', async () => {
      const sent = await send(jobcenter);
      const accepted = await acceptAsNew(sent.id);
      // The receiving side's endpoints answer the partner 404 or 403.
      expectProblem(await open(jobcenter, sent.id), 404, 'not_found');
      expectProblem(await jobcenter.client.get('/api/referrals/inbox'), 403, 'forbidden');
      for (const path of ['accept', 'hand-on', 'close']) {
        const response = await jobcenter.client.post(`/api/referrals/${sent.id}/${path}`, {
          version: 1,
          caseType: 'short_counselling',
        });
        expect([400, 404]).toContain(response.statusCode);
      }
      expectProblem(await jobcenter.client.get(`/api/cases/${accepted.caseId}`), 404, 'not_found');
      expectProblem(await jobcenter.client.get(`/api/clients/${accepted.clientId}`), 404, 'not_found');
      // Every key the partner can read about referrals: none names a status, reason, case or client.
      const visible = keysIn(await sentList(jobcenter));
      expect([...visible].sort()).toEqual(
        [
          'callFirst',
          'createdAt',
          'familyName',
          'feedbackAllowed',
          'givenName',
          'id',
          'name',
          'office',
          'outcome',
          'person',
          'providerName',
          'referrer',
          'service',
        ].sort(),
      );
      expect(JSON.stringify(await sentList(jobcenter))).not.toContain(accepted.caseId);
      // And the database itself lets the partner read no referral row directly.
      const { rows } = await t.database.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('koop.org_id', ${jobcenter.user.organisationId}, true)`.execute(trx);
        await sql`SET LOCAL ROLE koop_app`.execute(trx);
        return sql<{ n: number }>`SELECT count(*)::int AS n FROM referrals`.execute(trx);
      });
      expect(rows[0]!.n).toBe(0);
    });
  });

  describe('R-CON-5: referrals are kept only as long as they serve', () => {
    it('R-CON-5, R-RED-3: a decided referral goes 90 days after its decision, an undecided one after 180; only its outcome stays, counted', async () => {
      const db = t.database.db;
      const { rows: byStatus } = await sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM referrals GROUP BY status`.execute(db);
      const count = (...statuses: string[]) =>
        byStatus.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.n, 0);
      const decided = count('accepted', 'closed');
      const undecided = count('sent', 'received');
      expect(decided).toBeGreaterThan(0);
      expect(undecided).toBeGreaterThan(0);
      const total = decided + undecided;
      const day = 86_400_000;
      const sentAt = await sql<{ latest: Date }>`SELECT max(created_at) AS latest FROM referrals`.execute(db);
      const latest = sentAt.rows[0]!.latest.getTime();

      // The decisions were taken on 25 March 2026: 90 days later they go; what is open stays.
      const first = await runReferralRetention(
        db,
        new Date(Math.max(latest, t.clock.now.getTime()) + 91 * day),
      );
      expect(first).toEqual({ ran: true, erased: decided });
      expect(await countRows(db, 'referrals')).toBe(undecided);
      const second = await runReferralRetention(db, new Date(latest + 181 * day));
      expect(second).toEqual({ ran: true, erased: undecided });
      expect(await countRows(db, 'referrals')).toBe(0);
      expect(await countRows(db, 'referral_events')).toBe(0);
      expect(await countRows(db, 'referral_cases')).toBe(0);

      const { rows: outcomes } = await sql<{ outcome: string; n: number }>`
        SELECT outcome, sum(referrals)::int AS n FROM referral_outcomes GROUP BY outcome`.execute(db);
      const outcome = (name: string) => outcomes.find((o) => o.outcome === name)?.n ?? 0;
      expect(outcome('taken_up')).toBe(count('accepted'));
      expect(outcome('not_taken_up')).toBe(count('closed'));
      expect(outcome('undecided')).toBe(undecided);
      const { rows: columns } = await sql<{ column_name: string }>`
        SELECT column_name FROM information_schema.columns WHERE table_name = 'referral_outcomes'`.execute(
        db,
      );
      expect(columns.map((c) => c.column_name).sort()).toEqual(
        [
          'month',
          'office_id',
          'organisation_id',
          'outcome',
          'referrals',
          'referrer_organisation_id',
          'service',
        ].sort(),
      );
      expect(await auditRows(db, 'referral.erased')).toHaveLength(total);
      expect(await sentList(jobcenter)).toEqual([]);
    });
  });
});
