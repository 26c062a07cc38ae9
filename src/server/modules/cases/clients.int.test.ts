import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, problem, type TestApp } from '../../../../test/test-app.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus, type Page } from '../../../../test/api.ts';
import {
  auditRows,
  buildCaseWorld,
  clientBody,
  countRows,
  registerClient,
  type CaseWorld,
  type ClientBody,
  type Created,
  firstMessage,
  readCase,
} from './test-support.ts';

interface Hit {
  clientId: string;
  familyName: string;
  givenName: string | null;
  cases: { id: string; caseNumber: string }[];
}

describe(`clients API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let w: CaseWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCaseWorld(t.app, t.database.db);
  });
  afterAll(() => t.close());

  const clients = () => countRows(t.database.db, 'clients');

  describe('registering a client (R-CASE-1, R-CASE-2)', () => {
    it('R-CASE-1: without credentials the client endpoints answer 401 and nothing is stored', async () => {
      const before = await clients();
      const nobody = anonymous(t.app);
      expectProblem(await nobody.post('/api/clients', clientBody()), 401, 'not_authenticated');
      expectProblem(await nobody.get('/api/clients/search?q=Haddad'), 401, 'not_authenticated');
      expectProblem(
        await nobody.get('/api/clients/00000000-0000-4000-8000-000000000000'),
        401,
        'not_authenticated',
      );
      expect(await clients()).toBe(before);
    });

    it('R-CASE-1: a counsellor registers a client with only what counselling needs and opens a case', async () => {
      const created = await registerClient(w.owner);
      expect(created.caseNumber).toMatch(/^\d{4}-\d{5}$/);
      expect(created.client).toMatchObject({
        givenName: 'Amina',
        familyName: 'Haddad',
        birthDate: '1988-04-12',
        languages: ['ar', 'de'],
        residenceStatusGroup: 'residence_humanitarian',
        suggestion: { service: 'MBE' },
      });
      expect(created.client.familyMembers).toEqual([
        expect.objectContaining({ relation: 'child', givenName: 'Yara', counselledAlongside: true }),
      ]);
      expect(created.client.cases).toEqual([
        expect.objectContaining({ id: created.caseId, service: 'MBE', status: 'open', accessible: true }),
      ]);
      expect(await auditRows(t.database.db, 'client.created', created.client.id)).toHaveLength(1);
      expect(await auditRows(t.database.db, 'case.created', created.caseId)).toHaveLength(1);
    });

    it('R-CASE-1: a client may be recorded under a pseudonym with an age group only', async () => {
      const created = await registerClient(w.owner, {
        givenName: null,
        familyName: 'Klientin K7',
        pseudonymous: true,
        birthDate: null,
        ageGroup: '35_44',
        phone: null,
        citizenship: null,
        familyMembers: [],
      });
      expect(created.client).toMatchObject({
        familyName: 'Klientin K7',
        pseudonymous: true,
        birthDate: null,
        ageGroup: '35_44',
      });
    });

    it('R-CASE-1: neither date of birth nor age group answers 400 in German and stores nothing', async () => {
      const before = await clients();
      const response = await w.owner.client.post('/api/clients', clientBody({ birthDate: null }));
      expect(expectProblem(response, 400, 'validation_failed')).toContain('birthDate');
      expect(JSON.stringify(problem(response).errors)).toContain('Geburtsdatum oder eine Altersgruppe');
      expect(await clients()).toBe(before);
    });

    it('R-CASE-2: Koop suggests MBE or JMD from the age and asks for a reason to choose otherwise', async () => {
      const jmdAge = expectStatus<{ service: string; turns27On: string }>(
        await w.owner.client.get('/api/clients/service-suggestion?birthDate=2005-06-01'),
        200,
      );
      expect(jmdAge.service).toBe('JMD');
      expect(jmdAge.turns27On).toBe('2032-06-01');

      const before = await clients();
      const refused = await w.owner.client.post('/api/clients', clientBody({ birthDate: '2005-06-01' }));
      expect(expectProblem(refused, 400, 'validation_failed')).toEqual(['case.serviceOverrideReason']);
      expect(JSON.stringify(problem(refused).errors)).toContain('Nach dem Alter ist JMD vorgesehen');
      expect(await clients()).toBe(before);

      const overridden = await registerClient(
        w.owner,
        { birthDate: '2005-06-01', familyName: 'Kovalenko', givenName: 'Dmytro' },
        { service: 'MBE', serviceOverrideReason: 'Kommt mit den Eltern, die im MBE beraten werden.' },
      );
      const read = expectStatus<{ service: string; suggestedService: string; serviceOverrideReason: string }>(
        await w.owner.client.get(`/api/cases/${overridden.caseId}`),
        200,
      );
      expect(read).toMatchObject({
        service: 'MBE',
        suggestedService: 'JMD',
        serviceOverrideReason: 'Kommt mit den Eltern, die im MBE beraten werden.',
      });
    });

    it('R-CASE-1: a birth date in the future answers 400 with a German message and stores nothing', async () => {
      const before = await clients();
      const response = await w.owner.client.post('/api/clients', clientBody({ birthDate: '2999-01-01' }));
      expect(expectProblem(response, 400, 'validation_failed')).toContain('birthDate');
      expect(problem(response).errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ message: 'Das Geburtsdatum darf nicht in der Zukunft liegen.' }),
        ]),
      );
      expect(await clients()).toBe(before);
    });

    it('R-SEC-4, R-CASE-3: a birth date in the future is refused at its field alone — no routing or opening errors follow from it', async () => {
      const before = await clients();
      const response = await w.owner.client.post(
        '/api/clients',
        clientBody({ birthDate: '2999-01-01', arrivalYear: null, familyMembers: [] }, { service: 'MBE' }),
      );
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['birthDate']);
      expect(firstMessage(response)).toBe('Das Geburtsdatum darf nicht in der Zukunft liegen.');
      expect(await clients()).toBe(before);
    });

    it('R-SEC-4: a birth date before 1900 answers 400 with a German message at the field and stores nothing', async () => {
      const before = await clients();
      const response = await w.owner.client.post('/api/clients', clientBody({ birthDate: '1899-12-31' }));
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['birthDate']);
      expect(firstMessage(response)).toBe(
        'Das Geburtsdatum darf nicht vor dem 01.01.1900 liegen. Bitte das Geburtsdatum prüfen.',
      );
      expect(await clients()).toBe(before);
    });

    it('R-SEC-4, R-CASE-2: the service suggestion gives no (negative) age for a birth date in the future', async () => {
      const future = await w.owner.client.get('/api/clients/service-suggestion?birthDate=2999-01-01');
      expect(expectProblem(future, 400, 'validation_failed')).toEqual(['birthDate']);
      expect(firstMessage(future)).toBe('Das Geburtsdatum darf nicht in der Zukunft liegen.');
      const early = await w.owner.client.get('/api/clients/service-suggestion?birthDate=1800-01-01');
      expect(expectProblem(early, 400, 'validation_failed')).toEqual(['birthDate']);
    });

    it('R-SEC-4: a case opened before 2000 answers 400 and stores nothing', async () => {
      const before = await clients();
      const response = await w.owner.client.post('/api/clients', clientBody({}, { openedOn: '1800-01-01' }));
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['case.openedOn']);
      expect(firstMessage(response)).toContain('01.01.2000');
      expect(await clients()).toBe(before);
    });

    it('R-SEC-4: changing a client to a birth date in the future or before 1900 is refused and nothing changes', async () => {
      const created = await registerClient(w.owner, { familyName: 'Geburtsprobe' });
      for (const birthDate of ['2999-01-01', '1850-01-01']) {
        const response = await w.owner.client.patch(`/api/clients/${created.client.id}`, {
          version: created.client.version,
          birthDate,
        });
        expect(expectProblem(response, 400, 'validation_failed')).toEqual(['birthDate']);
      }
      const read = expectStatus<ClientBody>(
        await w.owner.client.get(`/api/clients/${created.client.id}`),
        200,
      );
      expect(read).toMatchObject({ birthDate: '1988-04-12', version: created.client.version });
    });

    it('R-CASE-1: an unknown category value answers 400 naming the list, and nothing is half-saved', async () => {
      const before = await clients();
      const beforeCases = await countRows(t.database.db, 'cases');
      const response = await w.owner.client.post(
        '/api/clients',
        clientBody({ residenceStatusGroup: 'gibt_es_nicht' }, { wayIn: 'auch_nicht' }),
      );
      const paths = expectProblem(response, 400, 'validation_failed');
      expect(paths).toEqual(expect.arrayContaining(['residenceStatusGroup', 'case.wayIn']));
      expect(JSON.stringify(problem(response).errors)).toContain('Unbekannter Wert „gibt_es_nicht“');
      expect(await clients()).toBe(before);
      expect(await countRows(t.database.db, 'cases')).toBe(beforeCases);
    });

    it('R-CASE-1: an oversized contact note answers 400 with a German message', async () => {
      const response = await w.owner.client.post(
        '/api/clients',
        clientBody({ contactNote: 'x'.repeat(501) }),
      );
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['contactNote']);
      expect(problem(response).errors?.[0]).toMatchObject({
        message: 'Der Text ist zu lang (höchstens 500 Zeichen).',
      });
    });

    it('R-CASE-1: an office of another provider cannot be chosen', async () => {
      const office = await t.database.db
        .insertInto('offices')
        .values({
          organisation_id: w.otherProvider.id,
          name: 'Fremde Stelle',
          street: 'Weg 1',
          postcode: '12345',
          city: 'Musterstadt',
          phone: null,
          email: null,
          services: ['MBE'],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const response = await w.owner.client.post('/api/clients', clientBody({}, { officeId: office.id }));
      expect(expectProblem(response, 400, 'validation_failed')).toEqual(['case.officeId']);
    });
  });

  describe('reading and changing a client', () => {
    let created: Created;
    beforeAll(async () => {
      created = await registerClient(w.owner, {
        familyName: 'Petrenko',
        givenName: 'Olena',
        birthDate: '1979-11-02',
      });
    });

    it('R-SEC-1: reading a client is audited', async () => {
      const before = (await auditRows(t.database.db, 'client.read', created.client.id)).length;
      expectStatus<ClientBody>(await w.owner.client.get(`/api/clients/${created.client.id}`), 200);
      const rows = await auditRows(t.database.db, 'client.read', created.client.id);
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)?.actor_user_id).toBe(w.owner.user.id);
    });

    it('R-CASE-1: a stale version answers 409 and the first change is kept', async () => {
      const first = expectStatus<ClientBody>(
        await w.owner.client.patch(`/api/clients/${created.client.id}`, {
          version: created.client.version,
          phone: '0171 1111111',
        }),
        200,
      );
      expectProblem(
        await w.owner.client.patch(`/api/clients/${created.client.id}`, {
          version: created.client.version,
          phone: '0171 2222222',
        }),
        409,
        'version_conflict',
      );
      const read = expectStatus<ClientBody>(
        await w.owner.client.get(`/api/clients/${created.client.id}`),
        200,
      );
      expect(read.phone).toBe('0171 1111111');
      expect(read.version).toBe(first.version);
    });

    it('R-CASE-1: family members are changed with the client and keep their ids', async () => {
      const current = expectStatus<ClientBody>(
        await w.owner.client.get(`/api/clients/${created.client.id}`),
        200,
      );
      const child = current.familyMembers[0]!;
      const updated = expectStatus<ClientBody>(
        await w.owner.client.patch(`/api/clients/${created.client.id}`, {
          version: current.version,
          familyMembers: [
            {
              id: child.id,
              relation: 'child',
              givenName: 'Yara',
              birthYear: 2015,
              counselledAlongside: false,
            },
            { relation: 'partner', givenName: 'Taras', birthYear: 1977 },
          ],
        }),
        200,
      );
      expect(updated.familyMembers).toEqual([
        expect.objectContaining({ id: child.id, counselledAlongside: false }),
        expect.objectContaining({ relation: 'partner', givenName: 'Taras', counselledAlongside: true }),
      ]);
    });

    it('R-CASE-1, R-CON-5: the case view lists what its reader may do with the client and the hold — the owner may change the client, a team lead only the legal hold', async () => {
      const own = await registerClient(w.owner, { familyName: 'Marchenko', givenName: 'Iryna' });
      const asOwner = await readCase(w.owner, own.caseId);
      expect(asOwner.client.allowedActions).toContain('client.update');
      expect(asOwner.allowedActions).not.toContain('case.legal_hold');

      // A change of the client shows in the next read of the case, with its new version.
      expectStatus<ClientBody>(
        await w.owner.client.patch(`/api/clients/${own.client.id}`, {
          version: asOwner.client.version,
          phone: '0171 3333333',
          languages: ['uk', 'de'],
        }),
        200,
      );
      const changed = await readCase(w.owner, own.caseId);
      expect(changed.client).toMatchObject({
        phone: '0171 3333333',
        languages: ['uk', 'de'],
        version: asOwner.client.version + 1,
      });

      expectStatus(
        await w.teamLead.client.post(`/api/cases/${own.caseId}/break-glass`, {
          reason: 'Anfrage des Gerichts, Aufbewahrung klären',
        }),
        201,
      );
      const asLead = await readCase(w.teamLead, own.caseId);
      expect(asLead.client.allowedActions).toEqual([]);
      expect(asLead.allowedActions).toContain('case.legal_hold');
      expectProblem(
        await w.teamLead.client.patch(`/api/clients/${own.client.id}`, {
          version: changed.client.version,
          phone: 'Leitung',
        }),
        403,
        'forbidden',
      );
    });

    it('R-SEC-2: a counsellor of another provider gets 404 and changes nothing', async () => {
      const before = expectStatus<ClientBody>(
        await w.owner.client.get(`/api/clients/${created.client.id}`),
        200,
      );
      expectProblem(
        await w.otherCounsellor.client.get(`/api/clients/${created.client.id}`),
        404,
        'not_found',
      );
      expectProblem(
        await w.otherCounsellor.client.patch(`/api/clients/${created.client.id}`, {
          version: before.version,
          phone: 'fremd',
        }),
        404,
        'not_found',
      );
      const after = expectStatus<ClientBody>(
        await w.owner.client.get(`/api/clients/${created.client.id}`),
        200,
      );
      expect(after.phone).toBe(before.phone);
    });

    it('R-RED-4: every partner role gets 404 for the client and cannot register one', async () => {
      const before = await clients();
      for (const { label, person } of w.partners) {
        expect((await person.client.get(`/api/clients/${created.client.id}`)).statusCode, label).toBe(404);
        expect((await person.client.post('/api/clients', clientBody())).statusCode, label).toBe(404);
        expect((await person.client.get('/api/clients/search?q=Petrenko')).statusCode, label).toBe(404);
      }
      expect(await clients()).toBe(before);
    });

    it('R-CON-8: a colleague of the same provider must state a reason first', async () => {
      expectProblem(await w.colleague.client.get(`/api/clients/${created.client.id}`), 403, 'forbidden');
    });
  });

  describe('R-CASE-8: finding one’s clients fast', () => {
    let mueller: Created;
    let yilmaz: Created;
    let colleagues: Created;

    beforeAll(async () => {
      mueller = await registerClient(w.owner, {
        givenName: 'Jürgen',
        familyName: 'Müller',
        birthDate: '1984-02-29',
      });
      yilmaz = await registerClient(w.owner, {
        givenName: 'Ayşe',
        familyName: 'Yılmaz',
        birthDate: '1990-07-15',
      });
      colleagues = await registerClient(w.colleague, { givenName: 'Karl', familyName: 'Müllerschön' });
    });

    const search = async (q: string) =>
      expectStatus<Page<Hit>>(await w.owner.client.get(`/api/clients/search?q=${encodeURIComponent(q)}`), 200)
        .items;

    it('R-CASE-8: finds "Müller" when searching "Muller"', async () => {
      expect((await search('Muller')).map((h) => h.clientId)).toContain(mueller.client.id);
    });

    it('R-CASE-8: finds "Müller" when searching "Mueller", "müll" or with a typo "Müler"', async () => {
      for (const q of ['Mueller', 'müll', 'Müler', 'jurgen mueller']) {
        expect(
          (await search(q)).map((h) => h.clientId),
          q,
        ).toContain(mueller.client.id);
      }
    });

    it('R-CASE-8: finds "Yılmaz" from "yilmaz" and "Ayse"', async () => {
      expect((await search('yilmaz')).map((h) => h.clientId)).toContain(yilmaz.client.id);
      expect((await search('Ayse')).map((h) => h.clientId)).toContain(yilmaz.client.id);
    });

    it('R-CASE-8: finds by date of birth (TT.MM.JJJJ or JJJJ-MM-TT) and by case number', async () => {
      expect((await search('29.02.1984')).map((h) => h.clientId)).toEqual([mueller.client.id]);
      expect((await search('1984-02-29')).map((h) => h.clientId)).toEqual([mueller.client.id]);
      const byNumber = await search(yilmaz.caseNumber);
      expect(byNumber.map((h) => h.clientId)).toEqual([yilmaz.client.id]);
      expect(byNumber[0]?.cases.map((c) => c.caseNumber)).toEqual([yilmaz.caseNumber]);
    });

    it('R-CASE-8: only one’s own clients: a colleague’s client is not found', async () => {
      const ids = (await search('Müllersch')).map((h) => h.clientId);
      expect(ids).not.toContain(colleagues.client.id);
      const theirs = expectStatus<Page<Hit>>(
        await w.colleague.client.get('/api/clients/search?q=Mullerschon'),
        200,
      );
      expect(theirs.items.map((h) => h.clientId)).toEqual([colleagues.client.id]);
    });

    it('R-CASE-8: a search is audited with the ids it showed, never the search text', async () => {
      await search('Muller');
      const row = (await auditRows(t.database.db, 'client.searched')).at(-1)!;
      expect(row.details).toMatchObject({
        by: 'name',
        clientIds: expect.arrayContaining([mueller.client.id]) as string[],
      });
      expect(JSON.stringify(row.details)).not.toMatch(/Muller/i);
    });

    it('R-CASE-8: too short a search or a date that does not exist answers 400 in German', async () => {
      const short = await w.owner.client.get('/api/clients/search?q=Mu');
      expect(expectProblem(short, 400, 'validation_failed')).toEqual(['q']);
      expect(firstMessage(short)).toContain('mindestens 3 Zeichen');
      expectProblem(await w.owner.client.get('/api/clients/search?q=31.02.1990'), 400, 'validation_failed');
    });

    it('R-CASE-8: the search uses the trigram index on the normalised name', async () => {
      const { rows } = await sql<{ indexdef: string }>`
        SELECT indexdef FROM pg_indexes WHERE indexname = 'clients_search_idx'`.execute(t.database.db);
      expect(rows[0]?.indexdef).toMatch(/gin_trgm_ops/);
    });
  });
});
