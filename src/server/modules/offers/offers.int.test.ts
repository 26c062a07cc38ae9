import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { z } from 'zod';
import { anonymous, createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildUser, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import {
  expectProblem,
  expectStatus,
  organisationWithAdmin,
  signedIn,
  signedInSystemAdmin,
  type Page,
  type Person,
} from '../../../../test/api.ts';
import { inTenantTransaction } from '../../db/database.ts';
import { createMailer } from '../../mail/mailer.ts';
import type { notificationSchema, offerSchema } from './offers.schemas.ts';
import { digestDue, runDigests } from './digest.ts';

type Offer = z.infer<typeof offerSchema>;
type Notification = z.infer<typeof notificationSchema>;

/** Quoted-printable (RFC 2045) to text. */
const fromQuotedPrintable = (value: string) =>
  Buffer.from(
    value
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** Headers, subject and text of a message as the SMTP server received it. */
function readMail(raw: string): { header: (name: string) => string; subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? fromQuotedPrintable(body)
        : body;
  // Encoded words (RFC 2047) of the subject, in base64 or Q encoding.
  const subject = header('Subject').replace(
    /=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : fromQuotedPrintable(data.replace(/_/g, ' ')),
  );
  return { header, subject, text: text.replace(/\r\n/g, '\n') };
}

const course = {
  kind: 'course',
  categoryId: 'women',
  title: 'Frauenintegrationskurs B1 – Vormittag',
  summary: 'Integrationskurs für Frauen mit Kinderbetreuung im Haus.',
  place: 'Sprachschule, Raum 3',
  street: 'Schulstraße 8',
  postcode: '12347',
  city: 'Musterstadt',
  startsOn: '2026-09-01',
  endsOn: '2027-06-30',
  schedule: 'Mo–Fr 8:30–12:45',
  freePlaces: 6,
  childcare: true,
  languages: ['de'],
};
const measure = {
  kind: 'measure',
  categoryId: 'activation',
  title: 'Bewerbungswerkstatt für Zugewanderte',
  startsOn: '2026-10-05',
  schedule: 'dienstags 9–12 Uhr',
  freePlaces: 12,
};
const regulation = {
  kind: 'regulation',
  categoryId: 'service_instruction',
  title: 'Dienstanweisung: Terminvergabe für Aufenthaltstitel online',
  summary:
    'Ab Oktober werden Termine nur noch online vergeben; Beratungsstellen können für Ratsuchende buchen.',
  reference: 'DA 2026/07',
  effectiveFrom: '2026-10-01',
};

describe(`R-OFF-1..4: partner offers, notifications and digests (${testDatabaseKind})`, () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: { to: string[]; data: string }[] = [];
  let school: TestOrganisation;
  let schoolStaff: Person;
  let otherSchool: TestOrganisation;
  let otherSchoolStaff: Person;
  let jobcenter: TestOrganisation;
  let jobcenterStaff: Person;
  let abh: TestOrganisation;
  let abhStaff: Person;
  let provider: TestOrganisation;
  let counsellor: Person;
  let system: Person;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    t = await createTestApp({ mailer: createMailer(`smtp://127.0.0.1:${port}`, 'Koop <koop@example.org>') });
    const db = t.database.db;
    system = await signedInSystemAdmin(t.app, db);
    ({ organisation: school } = await organisationWithAdmin(t.app, db, 'course_provider'));
    schoolStaff = await signedIn(t.app, db, school, ['partner_staff']);
    ({ organisation: otherSchool } = await organisationWithAdmin(t.app, db, 'course_provider'));
    otherSchoolStaff = await signedIn(t.app, db, otherSchool, ['partner_staff']);
    ({ organisation: jobcenter } = await organisationWithAdmin(t.app, db, 'jobcenter'));
    jobcenterStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);
    ({ organisation: abh } = await organisationWithAdmin(t.app, db, 'abh'));
    abhStaff = await signedIn(t.app, db, abh, ['central_contact']);
    ({ organisation: provider } = await organisationWithAdmin(t.app, db, 'welfare_provider'));
    counsellor = await signedIn(t.app, db, provider, ['counsellor']);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  /** Stores a person's digest choice as if they had made it, last sent at `lastSentAt`. */
  const chooseDigest = (
    user: { id: string },
    organisation: { id: string },
    frequency: 'daily' | 'weekly' | 'none',
    lastSentAt: Date,
  ) =>
    inTenantTransaction(
      t.database.db,
      { organisationId: organisation.id, userId: user.id, allOrganisations: false },
      (trx) =>
        trx
          .insertInto('digest_settings')
          .values({
            user_id: user.id,
            organisation_id: organisation.id,
            frequency,
            last_sent_at: lastSentAt,
          })
          .execute(),
    );
  /** Runs the digest job at `now` against the test's SMTP server, with an empty inbox. */
  const runDigestsAt = (now: Date) => {
    const mailer = createMailer(
      `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
      'Koop <koop@example.org>',
    );
    inbox.length = 0;
    return runDigests({ db: t.database.db, mailer, publicUrl: 'https://koop.example' }, now);
  };
  const publish = async (as: Person, organisation: TestOrganisation, body: Record<string, unknown>) =>
    expectStatus<Offer>(await as.client.post(`/api/organisations/${organisation.id}/offers`, body), 201);
  const offerCount = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM partner_offers`.execute(t.database.db)).rows[0]!
      .n;

  it('R-OFF-1: without credentials the offer endpoints answer 401', async () => {
    expectProblem(await anonymous(t.app).get('/api/offers'), 401, 'not_authenticated');
    expectProblem(
      await anonymous(t.app).post(`/api/organisations/${school.id}/offers`, course),
      401,
      'not_authenticated',
    );
    expectProblem(await anonymous(t.app).get('/api/notifications'), 401, 'not_authenticated');
  });

  it('R-OFF-1: a course provider publishes its course offering and counselling staff see it promptly', async () => {
    const offer = await publish(schoolStaff, school, course);
    expect(offer).toMatchObject({
      kind: 'course',
      categoryId: 'women',
      categoryLabel: 'Frauenintegrationskurs',
      startsOn: '2026-09-01',
      freePlaces: 6,
      childcare: true,
      organisationName: school.name,
      allowedActions: ['offer.update', 'offer.delete'],
    });
    const seen = expectStatus<Page<Offer>>(await counsellor.client.get('/api/offers?kind=course'), 200);
    expect(seen.items.find((o) => o.id === offer.id)).toMatchObject({
      title: course.title,
      allowedActions: [],
    });
    const changed = expectStatus<Offer>(
      await schoolStaff.client.patch(`/api/offers/${offer.id}`, { version: 1, freePlaces: 2 }),
      200,
    );
    expect(changed).toMatchObject({ freePlaces: 2, version: 2 });
  });

  it('R-OFF-2, R-OFF-3: the Jobcenter publishes measures and the ABH its service instructions', async () => {
    const m = await publish(jobcenterStaff, jobcenter, measure);
    const r = await publish(abhStaff, abh, regulation);
    expect(m).toMatchObject({
      kind: 'measure',
      categoryLabel: 'Maßnahme zur Aktivierung und beruflichen Eingliederung',
    });
    expect(r).toMatchObject({
      kind: 'regulation',
      reference: 'DA 2026/07',
      effectiveFrom: '2026-10-01',
      place: null,
    });
    const seen = expectStatus<Page<Offer>>(await counsellor.client.get('/api/offers'), 200);
    expect(seen.items.map((o) => o.id)).toEqual(expect.arrayContaining([m.id, r.id]));
  });

  it('R-OFF-1..3: each publishes only its own kind in its own name; partners see only their own offers', async () => {
    const before = await offerCount();
    expectProblem(
      await jobcenterStaff.client.post(`/api/organisations/${jobcenter.id}/offers`, course),
      403,
      'forbidden',
    );
    expectProblem(
      await abhStaff.client.post(`/api/organisations/${abh.id}/offers`, measure),
      403,
      'forbidden',
    );
    expectProblem(
      await schoolStaff.client.post(`/api/organisations/${otherSchool.id}/offers`, course),
      404,
      'not_found',
    );
    expectProblem(
      await counsellor.client.post(`/api/organisations/${provider.id}/offers`, course),
      403,
      'forbidden',
    );
    expectProblem(
      await system.client.post(`/api/organisations/${school.id}/offers`, course),
      404,
      'not_found',
    );
    expect(await offerCount()).toBe(before);

    const own = await publish(schoolStaff, school, {
      ...course,
      title: 'Alphabetisierungskurs',
      categoryId: 'literacy',
    });
    expectProblem(
      await otherSchoolStaff.client.patch(`/api/offers/${own.id}`, { version: 1, freePlaces: 0 }),
      404,
      'not_found',
    );
    expectProblem(await otherSchoolStaff.client.delete(`/api/offers/${own.id}?version=1`), 404, 'not_found');
    expectProblem(await jobcenterStaff.client.get(`/api/offers/${own.id}`), 404, 'not_found');
    const otherView = expectStatus<Page<Offer>>(await otherSchoolStaff.client.get('/api/offers'), 200);
    expect(otherView.items.every((o) => o.organisationId === otherSchool.id)).toBe(true);

    // The database refuses it too: another course provider's context can neither see nor change the offer.
    const asOther = {
      organisationId: otherSchool.id,
      userId: otherSchoolStaff.user.id,
      allOrganisations: false,
    };
    const visible = await inTenantTransaction(t.database.db, asOther, (trx) =>
      trx.selectFrom('partner_offers').select('id').where('id', '=', own.id).execute(),
    );
    expect(visible).toEqual([]);
    const updated = await inTenantTransaction(t.database.db, asOther, (trx) =>
      trx.updateTable('partner_offers').set({ free_places: 0 }).where('id', '=', own.id).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const asJobcenter = {
      organisationId: jobcenter.id,
      userId: jobcenterStaff.user.id,
      allOrganisations: false,
    };
    await expect(
      inTenantTransaction(t.database.db, asJobcenter, (trx) =>
        trx
          .insertInto('partner_offers')
          .values({
            organisation_id: jobcenter.id,
            kind: 'course',
            category_id: 'general',
            title: 'Nicht erlaubt',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('R-SEC-4: bad offers answer 400 in German and store nothing', async () => {
    const before = await offerCount();
    const paths = expectProblem(
      await schoolStaff.client.post(`/api/organisations/${school.id}/offers`, {
        ...course,
        postcode: '123',
        startsOn: '2026-09-01',
        endsOn: '2026-08-01',
        freePlaces: -1,
        languages: ['xx'],
      }),
      400,
      'validation_failed',
    );
    expect(paths).toEqual(expect.arrayContaining(['postcode', 'freePlaces', 'languages.0']));
    expect(
      expectProblem(
        await schoolStaff.client.post(`/api/organisations/${school.id}/offers`, {
          ...course,
          categoryId: 'activation',
        }),
        400,
        'validation_failed',
      ),
    ).toEqual(['categoryId']);
    expectProblem(
      await abhStaff.client.post(`/api/organisations/${abh.id}/offers`, { ...regulation, freePlaces: 3 }),
      400,
      'validation_failed',
    );
    expect(await offerCount()).toBe(before);
  });

  it('R-OFF-4: counsellors see new items as unread notifications and mark them read', async () => {
    const reader = await signedIn(t.app, t.database.db, provider, ['counsellor']);
    const fresh = await publish(schoolStaff, school, {
      ...course,
      title: 'Intensivkurs',
      categoryId: 'intensive',
    });
    const unread = expectStatus<Page<Notification> & { unread: number }>(
      await reader.client.get('/api/notifications'),
      200,
    );
    expect(unread.unread).toBeGreaterThan(0);
    expect(unread.items.find((n) => n.id === fresh.id)).toMatchObject({ read: false, title: 'Intensivkurs' });
    const marked = expectStatus<{ marked: number; unread: number }>(
      await reader.client.post('/api/notifications/read', { offerIds: [fresh.id] }),
      200,
    );
    expect(marked.marked).toBe(1);
    expect(marked.unread).toBe(unread.unread - 1);
    const after = expectStatus<Page<Notification>>(await reader.client.get('/api/notifications'), 200);
    expect(after.items.some((n) => n.id === fresh.id)).toBe(false);
    const all = expectStatus<Page<Notification>>(
      await reader.client.get('/api/notifications?unread=false'),
      200,
    );
    expect(all.items.find((n) => n.id === fresh.id)?.read).toBe(true);
    expectStatus(await reader.client.post('/api/notifications/read', { all: true }), 200);
    expect(expectStatus<{ unread: number }>(await reader.client.get('/api/notifications'), 200).unread).toBe(
      0,
    );
    // Partners have no notifications of their own.
    expectProblem(await jobcenterStaff.client.get('/api/notifications'), 403, 'forbidden');
  });

  it('R-OFF-4: the digest frequency is each counsellor’s choice', async () => {
    expect(
      expectStatus<{ digest: string }>(await counsellor.client.get('/api/notifications/settings'), 200)
        .digest,
    ).toBe('weekly');
    expectStatus(await counsellor.client.put('/api/notifications/settings', { digest: 'daily' }), 200);
    expect(
      expectStatus<{ digest: string }>(await counsellor.client.get('/api/notifications/settings'), 200)
        .digest,
    ).toBe('daily');
    expectProblem(
      await counsellor.client.put('/api/notifications/settings', { digest: 'hourly' }),
      400,
      'validation_failed',
    );
  });

  it('R-OFF-4: digests are due daily or weekly from 07:00 Berlin time', () => {
    const monday8 = new Date('2026-11-23T07:00:00Z'); // 08:00 in Berlin
    const monday6 = new Date('2026-11-23T05:00:00Z'); // 06:00 in Berlin
    const sunday = new Date('2026-11-22T12:00:00Z');
    expect(digestDue('daily', null, monday8)).toBe(true);
    expect(digestDue('daily', null, monday6)).toBe(false);
    expect(digestDue('daily', sunday, monday8)).toBe(true);
    expect(digestDue('daily', monday8, new Date('2026-11-23T15:00:00Z'))).toBe(false);
    expect(digestDue('weekly', sunday, monday8)).toBe(true);
    expect(digestDue('weekly', monday8, new Date('2026-11-27T10:00:00Z'))).toBe(false);
    expect(digestDue('none', null, monday8)).toBe(false);
  });

  it('R-OFF-4: the e-mail digest reaches counsellors over SMTP and contains only what its recipient may see', async () => {
    const db = t.database.db;
    const { organisation: providerA } = await organisationWithAdmin(t.app, db, 'welfare_provider');
    const { organisation: providerB } = await organisationWithAdmin(t.app, db, 'welfare_provider');
    const daily = await buildUser(db, providerA, { roles: ['counsellor'], email: 'taeglich@example.org' });
    const weekly = await buildUser(db, providerA, {
      roles: ['team_lead'],
      email: 'woechentlich@example.org',
    });
    const none = await buildUser(db, providerA, { roles: ['counsellor'], email: 'nie@example.org' });
    const elsewhere = await buildUser(db, providerB, {
      roles: ['counsellor'],
      email: 'anderer-traeger@example.org',
    });
    for (const [user, organisation, digest] of [
      [daily, providerA, 'daily'],
      [weekly, providerA, 'weekly'],
      [none, providerA, 'none'],
      [elsewhere, providerB, 'daily'],
    ] as const) {
      await chooseDigest(user, organisation, digest, new Date('2026-11-22T06:00:00Z'));
    }
    // Offers published on Sunday 22 and Monday 23 November 2026 (the test clock): one for all
    // counselling providers, one addressed to provider A only, one to provider B only.
    t.clock.now = new Date('2026-11-22T09:00:00Z');
    const forAll = await publish(schoolStaff, school, {
      ...course,
      title: 'Elternintegrationskurs am Nachmittag',
      categoryId: 'parents',
    });
    t.clock.now = new Date('2026-11-23T06:30:00Z');
    const forA = await publish(abhStaff, abh, {
      ...regulation,
      title: 'Dienstanweisung zur Fiktionsbescheinigung',
      audienceOrganisationIds: [providerA.id],
    });
    const forB = await publish(jobcenterStaff, jobcenter, {
      ...measure,
      title: 'Sprechstunde Anerkennung im Jobcenter',
      audienceOrganisationIds: [providerB.id],
    });
    t.clock.now = new Date();

    const run = await runDigestsAt(new Date('2026-11-23T07:30:00Z'));
    expect(run.failed).toBe(0);
    const mailTo = (address: string) =>
      inbox.filter((m) => m.to.includes(address)).map((m) => m.data.replace(/=\r?\n/g, ''));
    expect(mailTo('nie@example.org')).toEqual([]);
    for (const address of ['taeglich@example.org', 'woechentlich@example.org']) {
      const [mail, ...more] = mailTo(address);
      expect(more).toEqual([]);
      expect(mail).toMatch(/Subject: /);
      expect(mail).toContain(forAll.id);
      expect(mail).toContain(forA.id);
      expect(mail).not.toContain(forB.id);
    }
    const [other] = mailTo('anderer-traeger@example.org');
    expect(other).toContain(forAll.id);
    expect(other).toContain(forB.id);
    expect(other).not.toContain(forA.id);
    // Partners never receive digests.
    const partnerAddresses = [schoolStaff, jobcenterStaff, abhStaff].map((p) => p.user.email);
    expect(inbox.flatMap((m) => m.to).filter((a) => partnerAddresses.includes(a))).toEqual([]);

    // The in-app list follows the same rule, and a second run at the same time sends nothing again.
    const bClient = await signedIn(t.app, db, providerB, ['counsellor']);
    const bList = expectStatus<Page<Notification>>(
      await bClient.client.get('/api/notifications?unread=false&limit=200'),
      200,
    );
    expect(bList.items.map((n) => n.id)).toContain(forB.id);
    expect(bList.items.map((n) => n.id)).not.toContain(forA.id);
    expectProblem(await bClient.client.get(`/api/offers/${forA.id}`), 404, 'not_found');
    await runDigestsAt(new Date('2026-11-23T08:00:00Z'));
    for (const address of [
      'taeglich@example.org',
      'woechentlich@example.org',
      'anderer-traeger@example.org',
    ]) {
      expect(mailTo(address)).toEqual([]);
    }
  });
  it('R-OFF-4, R-UX-1: the digest comes in each counsellor’s language: English for an English-speaking counsellor, German for a German one', async () => {
    const db = t.database.db;
    const { organisation: providerC } = await organisationWithAdmin(t.app, db, 'welfare_provider');
    const english = await buildUser(db, providerC, {
      roles: ['counsellor'],
      email: 'english-speaking@example.org',
      displayName: 'Dana Doyle',
      locale: 'en',
    });
    const german = await buildUser(db, providerC, {
      roles: ['counsellor'],
      email: 'deutschsprachig@example.org',
      displayName: 'Jana Jäger',
      locale: 'de',
    });
    for (const user of [english, german]) {
      await chooseDigest(user, providerC, 'daily', new Date('2026-11-17T06:00:00Z'));
    }
    // Published on Tuesday 17 November 2026, sent on Wednesday morning.
    t.clock.now = new Date('2026-11-17T09:00:00Z');
    const offer = await publish(schoolStaff, school, {
      ...course,
      title: 'Frauenintegrationskurs am Abend',
      audienceOrganisationIds: [providerC.id],
    });
    const instruction = await publish(abhStaff, abh, {
      ...regulation,
      title: 'Dienstanweisung zu Terminen im Bürgerbüro',
      audienceOrganisationIds: [providerC.id],
    });
    t.clock.now = new Date();

    const run = await runDigestsAt(new Date('2026-11-18T07:30:00Z'));
    expect(run.failed).toBe(0);
    const mailTo = (address: string) => {
      const mails = inbox.filter((m) => m.to.includes(address));
      expect(mails, address).toHaveLength(1);
      return readMail(mails[0]!.data);
    };

    const en = mailTo('english-speaking@example.org');
    expect(en.header('Content-Language')).toBe('en');
    expect(en.subject).toBe('Koop: 2 new offers from partners');
    for (const line of [
      'Hello Dana Doyle,',
      'here is your daily summary of new offers and notices from the partners in Koop.',
      'Courses of the integration course providers (1)',
      'New regulations and service instructions of the foreigners’ authority (Ausländerbehörde) (1)',
      '  Integration course for women · starts 1 September 2026 · Mo–Fr 8:30–12:45 · Sprachschule, Raum 3 · 6 free places · with childcare',
      '  Service instruction · effective from 1 October 2026 · DA 2026/07',
      `  https://koop.example/angebote/${offer.id}`,
      `  https://koop.example/angebote/${instruction.id}`,
      'All notifications: https://koop.example/benachrichtigungen',
    ]) {
      expect(en.text.split('\n')).toContain(line);
    }
    expect(en.text).not.toMatch(/Guten Tag|Kursangebote|Beginn|freie Plätze|Benachrichtigungen:/);

    const de = mailTo('deutschsprachig@example.org');
    expect(de.header('Content-Language')).toBe('de');
    expect(de.subject).toBe('Koop: 2 neue Angebote von Partnern');
    for (const line of [
      'Guten Tag Jana Jäger,',
      'hier ist Ihre tägliche Übersicht neuer Angebote und Hinweise der Partner in Koop.',
      'Kursangebote der Integrationskursträger (1)',
      'Neue Regelungen und Dienstanweisungen der Ausländerbehörde (1)',
      '  Frauenintegrationskurs · Beginn 01.09.2026 · Mo–Fr 8:30–12:45 · Sprachschule, Raum 3 · 6 freie Plätze · mit Kinderbetreuung',
      '  Dienstanweisung · gilt ab 01.10.2026 · DA 2026/07',
      `  https://koop.example/angebote/${offer.id}`,
      'Alle Benachrichtigungen: https://koop.example/benachrichtigungen',
    ]) {
      expect(de.text.split('\n')).toContain(line);
    }
    expect(de.text).not.toMatch(/Hello|Courses|starts|free places/);
  });
});
