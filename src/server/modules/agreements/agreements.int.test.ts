import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { mailBody, startSmtp, type TestSmtp } from '../../../../test/smtp.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { readPdf } from '../../../../test/pdf.ts';
import { expectProblem, expectStatus, signedIn, type Person } from '../../../../test/api.ts';
import { buildOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { inTenantTransaction } from '../../db/database.ts';
import { auditRows } from '../cases/test-support.ts';
import { countMeetingsForEvaluation } from './agreements.repository.ts';
import { runAgreementReminders } from './agreements.reminders.ts';
import type {
  agreementListResponse,
  agreementSchema,
  compareResponse,
  overdueActionsResponse,
} from './agreements.schemas.ts';
import { agreementTemplates } from './agreements.templates.ts';

type Agreement = z.infer<typeof agreementSchema>;
type List = z.infer<typeof agreementListResponse>;
type Compare = z.infer<typeof compareResponse>;
type Overdue = z.infer<typeof overdueActionsResponse>;

describe(`agreements (${testDatabaseKind})`, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let mbe: TestOrganisation;
  let jmd: TestOrganisation;
  let abh: TestOrganisation;
  let jobcenter: TestOrganisation;
  let stranger: TestOrganisation;
  let manager: Person;
  let jmdAdmin: Person;
  let abhStaff: Person;
  let abhAdmin: Person;
  let counsellor: Person;
  let strangerAdmin: Person;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ mailer: smtp.mailer });
    t.clock.now = new Date('2027-01-10T09:00:00Z');
    const db = t.database.db;
    mbe = await buildOrganisation(db, { name: 'Caritas Musterstadt' });
    jmd = await buildOrganisation(db, { name: 'AWO Musterstadt' });
    abh = await buildOrganisation(db, { kind: 'abh', name: 'Ausländerbehörde Musterstadt' });
    jobcenter = await buildOrganisation(db, { kind: 'jobcenter', name: 'Jobcenter Musterstadt' });
    stranger = await buildOrganisation(db, { name: 'Diakonie Anderswo' });
    manager = await signedIn(t.app, db, mbe, ['team_lead']);
    jmdAdmin = await signedIn(t.app, db, jmd, ['org_admin']);
    abhStaff = await signedIn(t.app, db, abh, ['partner_staff']);
    abhAdmin = await signedIn(t.app, db, abh, ['org_admin']);
    counsellor = await signedIn(t.app, db, mbe, ['counsellor']);
    strangerAdmin = await signedIn(t.app, db, stranger, ['org_admin']);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const start = async (model = 'abh_clearing', partner = () => abh.id) =>
    expectStatus<Agreement>(
      await manager.client.post('/api/agreements', {
        model,
        place: 'Musterstadt',
        partnerOrganisationId: partner(),
        providerOrganisationIds: [jmd.id],
      }),
      201,
    );

  const step = (by: Person, a: Agreement, body: Record<string, unknown>) =>
    by.client.post(`/api/agreements/${a.id}/transitions`, { version: a.version, ...body });

  it('R-AGR-1, R-AGR-2: a provider manager starts an ABH agreement from the template with MBE and JMD as parties', async () => {
    const a = await start();
    expect(a.status).toBe('draft');
    expect(a.parties.map((p) => [p.name, p.side])).toEqual([
      ['AWO Musterstadt', 'provider'],
      ['Caritas Musterstadt', 'provider'],
      ['Ausländerbehörde Musterstadt', 'partner'],
    ]);
    expect(a.clauses.map((c) => c.id)).toEqual(agreementTemplates.abh_clearing.clauses.map((c) => c.id));
    expect(a.communication).toEqual([
      { kind: 'management_talk', perYear: 1 },
      { kind: 'clearing_coordination', perYear: 2 },
      { kind: 'staff_presentation', perYear: 1 },
    ]);
    expect(a.allowedActions).toContain('agreement.edit');
    expect(await auditRows(t.database.db, 'agreement.created', a.id)).toHaveLength(1);
    // the JMD provider and the partner see it; the list shows it to them
    const forJmd = expectStatus<List>(await jmdAdmin.client.get('/api/agreements'), 200);
    expect(forJmd.items.map((i) => i.id)).toContain(a.id);
    const forAbh = expectStatus<Agreement>(await abhStaff.client.get(`/api/agreements/${a.id}`), 200);
    expect(forAbh.allowedActions).toEqual(['agreement.comment', 'agreement.print']);
  });

  it('R-AGR-1, R-RED-4: another organisation hears 404, a counsellor of a party 403; nobody outside sees the rows', async () => {
    const a = await start();
    expectProblem(await strangerAdmin.client.get(`/api/agreements/${a.id}`), 404, 'not_found');
    expectProblem(
      await strangerAdmin.client.post(`/api/agreements/${a.id}/comments`, { body: 'Hallo' }),
      404,
      'not_found',
    );
    expect(expectStatus<List>(await strangerAdmin.client.get('/api/agreements'), 200).items).toEqual([]);
    expectProblem(await counsellor.client.get(`/api/agreements/${a.id}`), 403, 'forbidden');
    // row-level security: in the stranger's context the agreement and its clauses do not exist
    const rows = await inTenantTransaction(
      t.database.db,
      { organisationId: stranger.id, userId: strangerAdmin.user.id, allOrganisations: false },
      async (trx) => ({
        agreements: await trx.selectFrom('agreements').select('id').where('id', '=', a.id).execute(),
        clauses: await trx
          .selectFrom('agreement_clauses')
          .select('clause_id')
          .where('agreement_id', '=', a.id)
          .execute(),
        parties: await trx
          .selectFrom('agreement_parties')
          .select('id')
          .where('agreement_id', '=', a.id)
          .execute(),
      }),
    );
    expect(rows).toEqual({ agreements: [], clauses: [], parties: [] });
    // partner staff read and comment but do not edit; a partner does not start agreements
    expectProblem(
      await abhStaff.client.patch(`/api/agreements/${a.id}/clauses/abh.flyers`, {
        version: a.version,
        selected: false,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await abhAdmin.client.post('/api/agreements', { model: 'abh', partnerOrganisationId: abh.id }),
      403,
      'forbidden',
    );
  });

  it('R-AGR-2, R-AGR-5: clauses are ticked, edited, extended and added; each change is a version compared side by side', async () => {
    let a = await start();
    const v1 = a.clauseVersion;
    a = expectStatus<Agreement>(
      await manager.client.patch(`/api/agreements/${a.id}/clauses/abh.hours_in_premises`, {
        version: a.version,
        selected: true,
        text: 'Die Migrationsfachdienste bieten dienstags von 9 bis 12 Uhr Beratung in Raum 104 an.',
      }),
      200,
    );
    a = expectStatus<Agreement>(
      await abhAdmin.client.post(`/api/agreements/${a.id}/clauses`, {
        version: a.version,
        title: 'Dolmetschende',
        text: 'Die Ausländerbehörde stellt bei Bedarf Dolmetschende.',
      }),
      200,
    );
    expect(a.clauseVersion).toBe(v1 + 2);
    const own = a.clauses.at(-1);
    expect(own).toMatchObject({ title: 'Dolmetschende', own: true, selected: true });
    const diff = expectStatus<Compare>(
      await abhStaff.client.get(`/api/agreements/${a.id}/compare?from=${v1}&to=${a.clauseVersion}`),
      200,
    );
    const changed = diff.rows.filter((r) => r.changed);
    expect(changed.map((r) => r.clauseId)).toEqual(['abh.hours_in_premises', own?.id]);
    expect(changed[0]?.from?.selected).toBe(false);
    expect(changed[0]?.to?.text).toContain('Raum 104');
    expect(changed[1]?.from).toBeNull();
    // a stale version is refused without a write
    expectProblem(
      await manager.client.patch(`/api/agreements/${a.id}/clauses/abh.flyers`, {
        version: 1,
        selected: false,
      }),
      409,
      'version_conflict',
    );
    expect(await auditRows(t.database.db, 'agreement.clause_changed', a.id)).toHaveLength(2);
  });

  it('R-AGR-3, R-ORG-3: records responsibilities, staffing, premises, communication, signatories and central contacts', async () => {
    let a = await start();
    a = expectStatus<Agreement>(
      await manager.client.patch(`/api/agreements/${a.id}`, {
        version: a.version,
        responsibilitiesProvider: 'Information, Sondierung, Weitervermittlung',
        responsibilitiesPartner: 'Räume, Weiterleitung ohne Zwang',
        clearingDaysPerWeek: 2,
        clearingHoursPerWeek: 7.5,
        premises: 'Raum 104, Telefon und Internet trägt die Behörde',
        communication: [
          { kind: 'management_talk', perYear: 1 },
          { kind: 'clearing_coordination', perYear: 2 },
        ],
        renewal: 'Jeweils um ein Jahr',
      }),
      200,
    );
    expect(a).toMatchObject({
      clearingDaysPerWeek: 2,
      clearingHoursPerWeek: 7.5,
      renewal: 'Jeweils um ein Jahr',
    });
    const abhParty = a.parties.find((p) => p.side === 'partner');
    a = expectStatus<Agreement>(
      await abhAdmin.client.post(`/api/agreements/${a.id}/people`, {
        partyId: abhParty?.id,
        role: 'central_contact',
        name: 'Frau Yilmaz',
        function: 'Sachgebietsleitung',
        email: 'yilmaz@abh.example',
      }),
      200,
    );
    expect(a.parties.find((p) => p.side === 'partner')?.people).toEqual([
      expect.objectContaining({ role: 'central_contact', name: 'Frau Yilmaz', email: 'yilmaz@abh.example' }),
    ]);
    // bad input: problem+json naming the field, nothing written
    const paths = expectProblem(
      await manager.client.patch(`/api/agreements/${a.id}`, { version: a.version, clearingDaysPerWeek: 9 }),
      400,
      'validation_failed',
    );
    expect(paths).toEqual(['clearingDaysPerWeek']);
    expectProblem(
      await manager.client.post(`/api/agreements/${a.id}/people`, {
        partyId: abhParty?.id,
        role: 'boss',
        name: '',
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await manager.client.post('/api/agreements', { model: 'abh', partnerOrganisationId: jmd.id }),
      422,
      'agreement_party_invalid',
    );
  });

  it('R-AGR-4: draft → negotiation → signed → active; termination needs a reason; each transition records who and when', async () => {
    let a = await start();
    expectProblem(await step(manager, a, { transition: 'sign' }), 409, 'agreement_transition_not_allowed');
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'start_negotiation' }), 200);
    a = expectStatus<Agreement>(await step(abhAdmin, a, { transition: 'sign' }), 200);
    expect(a.signedVersion).toBe(a.clauseVersion);
    // signed: the text is locked
    expectProblem(
      await manager.client.patch(`/api/agreements/${a.id}/clauses/abh.flyers`, {
        version: a.version,
        selected: false,
      }),
      409,
      'agreement_locked',
    );
    a = expectStatus<Agreement>(
      await step(manager, a, { transition: 'activate', startsOn: '2027-02-01' }),
      200,
    );
    expect(a).toMatchObject({ status: 'active', startsOn: '2027-02-01', endsOn: '2028-01-31' });
    expectProblem(await step(abhAdmin, a, { transition: 'terminate' }), 422, 'termination_reason_required');
    a = expectStatus<Agreement>(
      await step(abhAdmin, a, { transition: 'terminate', reason: 'Die Clearingstelle wird aufgelöst.' }),
      200,
    );
    expect(a).toMatchObject({ status: 'terminated', endsOn: '2027-01-10' });
    expect(a.transitions.map((x) => [x.fromStatus, x.toStatus, x.onDate])).toEqual([
      ['draft', 'negotiation', '2027-01-10'],
      ['negotiation', 'signed', '2027-01-10'],
      ['signed', 'active', '2027-01-10'],
      ['active', 'terminated', '2027-01-10'],
    ]);
    expect(a.transitions.every((x) => x.actorName !== null && x.actorName.length > 0)).toBe(true);
    expect(a.transitions.at(-1)?.reason).toBe('Die Clearingstelle wird aufgelöst.');
    const audits = await auditRows(t.database.db, 'agreement.transitioned', a.id);
    expect(audits).toHaveLength(4);
  });

  it('R-AGR-2: a signed agreement keeps the text it was signed with when the template changes', async () => {
    let a = await start();
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'start_negotiation' }), 200);
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'sign' }), 200);
    const signedText = a.clauses.find((c) => c.id === 'abh.purpose')?.text;
    const clause = agreementTemplates.abh_clearing.clauses.find((c) => c.id === 'abh.purpose');
    if (!clause) throw new Error('template clause missing');
    const original = clause.text;
    (clause as { text: string }).text = 'Geänderter Mustertext';
    try {
      const again = expectStatus<Agreement>(await manager.client.get(`/api/agreements/${a.id}`), 200);
      expect(again.clauses.find((c) => c.id === 'abh.purpose')?.text).toBe(signedText);
      expect(signedText).toBe(original);
    } finally {
      (clause as { text: string }).text = original;
    }
  });

  it('R-AGR-5: the PDF read back has the parties, every chosen clause and the signature lines; the signed scan is stored', async () => {
    let a = await start();
    const providerParty = a.parties.find((p) => p.organisationId === mbe.id);
    a = expectStatus<Agreement>(
      await manager.client.post(`/api/agreements/${a.id}/people`, {
        partyId: providerParty?.id,
        role: 'signatory',
        name: 'Dr. Petra Lang',
        function: 'Geschäftsführung',
      }),
      200,
    );
    const response = await abhStaff.client.get(`/api/agreements/${a.id}/document.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await readPdf(response.rawPayload)).text.replace(/\s+/g, ' ');
    for (const name of ['Caritas Musterstadt', 'AWO Musterstadt', 'Ausländerbehörde Musterstadt']) {
      expect(text).toContain(name);
    }
    for (const c of a.clauses.filter((x) => x.selected)) expect(text).toContain(c.title);
    expect(text).not.toContain('Anhang (fakultativ)');
    expect(text).toContain('Ort, Datum');
    expect(text).toContain('Unterschrift Dr. Petra Lang, Geschäftsführung (Caritas Musterstadt)');
    expect(await auditRows(t.database.db, 'agreement.printed', a.id)).toHaveLength(1);

    // the scan: only after signing, content checked
    const upload = (bytes: Buffer, filename: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/agreements/${a.id}/scan`,
        headers: {
          cookie: manager.client.cookie ?? '',
          'x-csrf-token': manager.client.csrfToken ?? '',
          'content-type': 'multipart/form-data; boundary=koopboundary',
        },
        payload: Buffer.concat([
          Buffer.from(
            `--koopboundary\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          bytes,
          Buffer.from('\r\n--koopboundary--\r\n'),
        ]),
      });
    expectProblem(await upload(response.rawPayload, 'unterschrieben.pdf'), 409, 'agreement_locked');
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'start_negotiation' }), 200);
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'sign' }), 200);
    expectProblem(await upload(Buffer.from('kein PDF'), 'falsch.pdf'), 415, 'file_type_not_allowed');
    a = expectStatus<Agreement>(await upload(response.rawPayload, 'unterschrieben.pdf'), 200);
    expect(a.scan).toMatchObject({ fileName: 'unterschrieben.pdf', mediaType: 'application/pdf' });
    const scan = await abhStaff.client.get(`/api/agreements/${a.id}/scan`);
    expect(scan.statusCode).toBe(200);
    expect(scan.rawPayload.equals(response.rawPayload)).toBe(true);
  });

  it('R-AGR-6, R-AGR-7: the schedule of a clearing-office agreement holds two coordination meetings a year and one management talk', async () => {
    const a0 = await start();
    const a = expectStatus<Agreement>(
      await manager.client.post(`/api/agreements/${a0.id}/meetings/schedule`, { year: 2027 }),
      200,
    );
    const kinds = a.meetings.map((m) => m.kind).sort();
    expect(kinds).toEqual([
      'clearing_coordination',
      'clearing_coordination',
      'management_talk',
      'staff_presentation',
    ]);
    // a second run adds nothing
    const again = expectStatus<Agreement>(
      await manager.client.post(`/api/agreements/${a0.id}/meetings/schedule`, { year: 2027 }),
      200,
    );
    expect(again.meetings).toHaveLength(4);
  });

  it('R-AGR-6: invitations go out as iCalendar with VTIMEZONE Europe/Berlin; minutes and an overdue action reach the owner', async () => {
    let a = await start();
    a = expectStatus<Agreement>(
      await manager.client.post(`/api/agreements/${a.id}/meetings`, {
        kind: 'clearing_coordination',
        title: 'Abstimmung Clearingstelle Frühjahr',
        startsAt: '2027-03-30T10:00:00+02:00',
        durationMinutes: 90,
        location: 'Ausländerbehörde, Raum 2.12',
      }),
      200,
    );
    let meeting = a.meetings[0];
    if (!meeting) throw new Error('meeting missing');
    a = expectStatus<Agreement>(
      await manager.client.patch(`/api/agreement-meetings/${meeting.id}`, {
        version: meeting.version,
        attendees: [
          { name: 'Frau Yilmaz', email: 'yilmaz@abh.example' },
          { name: 'Herr Berger', email: 'berger@caritas.example' },
          { name: 'Frau Ohne Mail' },
        ],
      }),
      200,
    );
    const before = smtp.mails.length;
    const sent = expectStatus<{ sent: number }>(
      await manager.client.post(`/api/agreement-meetings/${meeting.id}/invitations`),
      200,
    );
    expect(sent.sent).toBe(2);
    await expect.poll(() => smtp.mails.length).toBe(before + 2);
    const raw = mailBody(smtp.mails.at(-1) ?? '');
    expect(raw).toContain('Sie sind eingeladen: Abstimmung Clearingstelle Frühjahr');
    // the .ics the mail carries, parsed
    const attached =
      /Content-Disposition: attachment; filename=einladung\.ics\r?\n\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n--/.exec(
        smtp.mails.at(-1) ?? '',
      );
    const mailed = ICAL.Component.fromString(Buffer.from(attached?.[1] ?? '', 'base64').toString('utf8'));
    expect(mailed.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(mailed.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const ics = await manager.client.get(`/api/agreement-meetings/${meeting.id}/invitation.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const calendar = ICAL.Component.fromString(ics.body);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const vevent = calendar.getFirstSubcomponent('vevent');
    expect(vevent?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    const event = new ICAL.Event(vevent ?? undefined);
    expect(event.summary).toBe('Abstimmung Clearingstelle Frühjahr');
    expect(event.startDate.toString()).toBe('2027-03-30T10:00:00');
    expect(event.endDate.toString()).toBe('2027-03-30T11:30:00');
    expect(event.attendees.map((p) => String(p.getFirstValue()).toLowerCase()).sort()).toEqual([
      'mailto:berger@caritas.example',
      'mailto:yilmaz@abh.example',
    ]);

    meeting = a.meetings[0];
    if (!meeting) throw new Error('meeting missing');
    a = expectStatus<Agreement>(
      await manager.client.patch(`/api/agreement-meetings/${meeting.id}`, {
        version: meeting.version,
        status: 'held',
        minutes: 'Statistik des Halbjahres besprochen.',
      }),
      200,
    );
    a = expectStatus<Agreement>(
      await manager.client.post(`/api/agreement-meetings/${meeting.id}/actions`, {
        title: 'Flyer in Raum 2.12 auslegen',
        ownerName: 'Herr Berger',
        ownerUserId: manager.user.id,
        dueOn: '2027-01-05',
      }),
      200,
    );
    a = expectStatus<Agreement>(
      await manager.client.post(`/api/agreement-meetings/${meeting.id}/actions`, {
        title: 'Statistik des zweiten Halbjahres vorbereiten',
        ownerName: 'Herr Berger',
        ownerUserId: manager.user.id,
        dueOn: '2027-06-30',
      }),
      200,
    );
    expectProblem(
      await manager.client.post(`/api/agreement-meetings/${meeting.id}/actions`, {
        title: 'x',
        ownerName: 'y',
        dueOn: '15.04.2027',
      }),
      400,
      'validation_failed',
    );
    // only the past-due one is overdue, and only for its owner
    const overdue = expectStatus<Overdue>(await manager.client.get('/api/agreement-actions/overdue'), 200);
    expect(overdue.items.map((i) => i.title)).toEqual(['Flyer in Raum 2.12 auslegen']);
    expect(
      expectStatus<Overdue>(await jmdAdmin.client.get('/api/agreement-actions/overdue'), 200).items,
    ).toEqual([]);
    expect(a.meetings[0]?.actions.map((x) => x.overdue)).toEqual([true, false]);
    const action = overdue.items[0];
    a = expectStatus<Agreement>(await manager.client.post(`/api/agreement-actions/${action?.id}/done`), 200);
    expect(a.meetings[0]?.actions[0]?.doneAt).not.toBeNull();
    expect(
      expectStatus<Overdue>(await manager.client.get('/api/agreement-actions/overdue'), 200).items,
    ).toEqual([]);

    // R-STAT-3: the evaluation's counts
    const counts = await inTenantTransaction(
      t.database.db,
      { organisationId: mbe.id, userId: manager.user.id, allOrganisations: false },
      (trx) => countMeetingsForEvaluation(trx, { agreementId: a.id }),
    );
    expect(counts).toEqual([
      {
        agreementId: a.id,
        partnerOrganisationId: abh.id,
        halfYear: '2027-H1',
        meetingsHeld: 1,
        actionsDone: 1,
      },
    ]);
  });

  it('R-AGR-1, R-AGR-4: an informal arrangement is recorded as such and becomes active without a signature', async () => {
    let a = expectStatus<Agreement>(
      await manager.client.post('/api/agreements', {
        model: 'informal',
        partnerOrganisationId: jobcenter.id,
        arrangementForm: 'oral',
      }),
      201,
    );
    expect(a).toMatchObject({ model: 'informal', arrangementForm: 'oral' });
    expect(a.possibleTransitions).toEqual(['start_negotiation', 'activate']);
    expectProblem(await step(manager, a, { transition: 'sign' }), 409, 'agreement_transition_not_allowed');
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'activate' }), 200);
    expect(a.status).toBe('active');
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM agreement_transitions WHERE agreement_id = ${a.id}`.execute(
      t.database.db,
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it('R-AGR-4, R-AGR-6: before the end of the term the agreement comes due for renewal and its central contacts get one reminder', async () => {
    let a = await start();
    const partner = a.parties.find((p) => p.side === 'partner');
    a = expectStatus<Agreement>(
      await manager.client.post(`/api/agreements/${a.id}/people`, {
        partyId: partner?.id,
        role: 'central_contact',
        name: 'Frau Yilmaz',
        email: 'yilmaz-renewal@abh.example',
      }),
      200,
    );
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'start_negotiation' }), 200);
    a = expectStatus<Agreement>(await step(manager, a, { transition: 'sign' }), 200);
    a = expectStatus<Agreement>(
      await step(manager, a, { transition: 'activate', startsOn: '2026-03-01' }),
      200,
    );
    expect(a.endsOn).toBe('2027-02-28');
    const before = smtp.mails.filter((m) => m.includes('yilmaz-renewal@abh.example')).length;
    const first = await runAgreementReminders(
      t.database.db,
      smtp.mailer,
      'https://koop.example',
      t.clock.now,
    );
    expect(first.ran).toBe(true);
    const second = await runAgreementReminders(
      t.database.db,
      smtp.mailer,
      'https://koop.example',
      t.clock.now,
    );
    expect(second.transitions).toBe(0);
    await expect
      .poll(() => smtp.mails.filter((m) => m.includes('yilmaz-renewal@abh.example')).length)
      .toBe(before + 1);
    a = expectStatus<Agreement>(await manager.client.get(`/api/agreements/${a.id}`), 200);
    expect(a.status).toBe('renewal_due');
    expect(a.transitions.at(-1)).toMatchObject({ transition: 'mark_renewal_due', actorName: null });
    a = expectStatus<Agreement>(await step(abhAdmin, a, { transition: 'renew' }), 200);
    expect(a).toMatchObject({ status: 'renewed', endsOn: '2028-02-29' });
  });
});
