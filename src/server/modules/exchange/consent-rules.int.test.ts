import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import { expectProblem, expectStatus, signedIn, type Person } from '../../../../test/api.ts';
import { pdfText } from '../../../../test/pdf.ts';
import type { settingsSchema } from '../cases/cases.schemas.ts';
import { firstMessage, registerClient, type Created } from '../cases/test-support.ts';
import type {
  caseExchangeSchema,
  consentSchema,
  inboxResponse,
  sentSchema,
  teamSchema,
} from './exchange.schemas.ts';

type Settings = z.infer<typeof settingsSchema>;
type Exchange = z.infer<typeof caseExchangeSchema>;
type Consent = z.infer<typeof consentSchema>;
type Inbox = z.infer<typeof inboxResponse>;
type Sent = z.infer<typeof sentSchema>;
type Team = z.infer<typeof teamSchema>;

/**
 * Each provider sets its consent rules once in its case settings (R-CON-1): the purposes its
 * counsellors may name and the longest validity. A consent keeps the purpose as it was signed.
 */
describe(`a provider's own consent rules (${testDatabaseKind})`, () => {
  let t: TestApp;
  let provider: TestOrganisation;
  let other: TestOrganisation;
  let jobcenter: TestOrganisation;
  let admin: Person;
  let owner: Person;
  let otherOwner: Person;
  let jcStaff: Person;
  let team: Team;
  let client: Created;
  let otherClient: Created;

  const draft = (overrides: Record<string, unknown> = {}) => ({
    recipientTeamId: team.id,
    purpose: 'integration_jobcenter',
    categories: ['identity_contact', 'language_courses'],
    direction: 'both',
    repetition: 'repeated',
    validFrom: '2026-03-10',
    validUntil: '2026-09-09',
    form: 'on_screen',
    ...overrides,
  });
  /** The same content without how it was given, as the form is printed before signing. */
  const unsigned = (overrides: Record<string, unknown> = {}) => {
    const { form: _form, ...rest } = draft(overrides);
    return rest;
  };
  const exchange = async (person: Person, caseId: string) =>
    expectStatus<Exchange>(await person.client.get(`/api/cases/${caseId}/exchange`), 200);
  const settings = async () => expectStatus<Settings>(await admin.client.get('/api/case-settings'), 200);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date('2026-03-10T09:00:00Z');
    const db = t.database.db;
    provider = await buildOrganisation(db, { kind: 'welfare_provider', name: 'Diakonie Musterstadt' });
    other = await buildOrganisation(db, { kind: 'welfare_provider', name: 'Caritas Musterstadt' });
    jobcenter = await buildOrganisation(db, { kind: 'jobcenter', name: 'Jobcenter Musterstadt' });
    admin = await signedIn(t.app, db, provider, ['org_admin']);
    owner = await signedIn(t.app, db, provider, ['counsellor']);
    otherOwner = await signedIn(t.app, db, other, ['counsellor']);
    jcStaff = await signedIn(t.app, db, jobcenter, ['partner_staff']);
    const jcAdmin = await signedIn(t.app, db, jobcenter, ['org_admin']);
    team = expectStatus<Team>(
      await jcAdmin.client.post(`/api/organisations/${jobcenter.id}/teams`, {
        name: 'Team Integration',
        memberIds: [jcStaff.user.id],
      }),
      201,
    );
    client = await registerClient(owner, { languages: ['uk'] });
    otherClient = await registerClient(otherOwner, { languages: ['ar'] });
  });
  afterAll(() => t.close());

  it('R-CON-1: by default a consent runs at most twelve months and names one of the four purposes', async () => {
    const rules = (await exchange(owner, client.caseId)).consentRules;
    expect(rules.maxMonths).toBe(12);
    expect(rules.purposes.map((p) => p.code)).toEqual([
      'integration_jobcenter',
      'course_participation',
      'residence_matters',
      'other',
    ]);
    expect((await settings()).consentMaxMonths).toBe(12);
  });

  it('R-CON-1: a longest validity outside 1 to 24 months is refused at its field, and nothing is stored', async () => {
    for (const consentMaxMonths of [0, 25, 6.5, 'sechs', null]) {
      const response = await admin.client.put('/api/case-settings', { version: 0, consentMaxMonths });
      expect(expectProblem(response, 400, 'validation_failed'), String(consentMaxMonths)).toEqual([
        'consentMaxMonths',
      ]);
      expect(firstMessage(response)).toContain('mindestens 1 und höchstens 24');
    }
    expect(await settings()).toMatchObject({ consentMaxMonths: 12, version: 0 });
    // A counsellor sets nothing.
    expectProblem(
      await owner.client.put('/api/case-settings', { version: 0, consentMaxMonths: 6 }),
      403,
      'forbidden',
    );
  });

  it("R-CON-1: a provider's shorter validity holds for its consents only; the consent form follows it", async () => {
    const saved = expectStatus<Settings>(
      await admin.client.put('/api/case-settings', { version: 0, consentMaxMonths: 6 }),
      200,
    );
    expect(saved.consentMaxMonths).toBe(6);
    expect((await exchange(owner, client.caseId)).consentRules.maxMonths).toBe(6);
    const sevenMonths = { validUntil: '2026-10-09' };
    const tooLong = await owner.client.post(`/api/cases/${client.caseId}/consents`, draft(sevenMonths));
    expect(expectProblem(tooLong, 400, 'validation_failed')).toEqual(['validUntil']);
    expect(firstMessage(tooLong)).toBe(
      'Eine Einwilligung gilt bei Ihrer Organisation höchstens 6 Monate (bis 09.09.2026).',
    );
    // Printing the form is refused for the same reason, before anything is signed.
    const form = await owner.client.post(
      `/api/cases/${client.caseId}/consent-form.pdf`,
      unsigned(sevenMonths),
    );
    expect(expectProblem(form, 400, 'validation_failed')).toEqual(['validUntil']);
    // Another provider keeps the default.
    expect((await exchange(otherOwner, otherClient.caseId)).consentRules.maxMonths).toBe(12);
    expectStatus<Consent>(
      await otherOwner.client.post(`/api/cases/${otherClient.caseId}/consents`, draft(sevenMonths)),
      201,
    );
    expectStatus<Consent>(await owner.client.post(`/api/cases/${client.caseId}/consents`, draft()), 201);
  });

  it("R-CON-1: a provider's own purpose can be named, a retired one not; the consent keeps the words it was signed with", async () => {
    const current = await settings();
    const purposes = current.categories.consentPurposes.map((e) =>
      e.code === 'residence_matters' ? { ...e, active: false } : e,
    );
    const own = {
      code: 'housing_search',
      de: 'Unterstützung bei der Wohnungssuche',
      en: 'Help finding a flat',
      active: true,
    };
    expectStatus<Settings>(
      await admin.client.put('/api/case-settings', {
        version: current.version,
        categories: { consentPurposes: [...purposes, own] },
      }),
      200,
    );
    const rules = (await exchange(owner, client.caseId)).consentRules;
    expect(rules.purposes.map((p) => p.code)).toEqual([
      'integration_jobcenter',
      'course_participation',
      'other',
      'housing_search',
    ]);
    const retired = await owner.client.post(
      `/api/cases/${client.caseId}/consents`,
      draft({ purpose: 'residence_matters' }),
    );
    expect(expectProblem(retired, 400, 'validation_failed')).toEqual(['purpose']);
    const unknown = await owner.client.post(
      `/api/cases/${client.caseId}/consents`,
      draft({ purpose: 'x_y' }),
    );
    expect(expectProblem(unknown, 400, 'validation_failed')).toEqual(['purpose']);
    const malformed = await owner.client.post(
      `/api/cases/${client.caseId}/consents`,
      draft({ purpose: 'Wohnung!' }),
    );
    expect(expectProblem(malformed, 400, 'validation_failed')).toEqual(['purpose']);
    // The other provider's list is its own: the new purpose is not on it.
    const elsewhere = await otherOwner.client.post(
      `/api/cases/${otherClient.caseId}/consents`,
      draft({ purpose: 'housing_search' }),
    );
    expect(expectProblem(elsewhere, 400, 'validation_failed')).toEqual(['purpose']);

    // The printed form carries the provider's words for its own purpose.
    const form = await owner.client.post(
      `/api/cases/${client.caseId}/consent-form.pdf`,
      unsigned({ purpose: 'housing_search' }),
    );
    expect(form.statusCode, form.body).toBe(200);
    expect((await pdfText(form.rawPayload)).replace(/\s+/g, ' ')).toContain(own.de);

    const consent = expectStatus<Consent>(
      await owner.client.post(`/api/cases/${client.caseId}/consents`, draft({ purpose: 'housing_search' })),
      201,
    );
    expect(consent.purposeLabel).toEqual({ de: own.de, en: own.en });

    // Renaming the entry later does not rewrite what the client signed.
    const after = await settings();
    expectStatus<Settings>(
      await admin.client.put('/api/case-settings', {
        version: after.version,
        categories: {
          consentPurposes: after.categories.consentPurposes.map((e) =>
            e.code === 'housing_search' ? { ...e, de: 'Wohnen' } : e,
          ),
        },
      }),
      200,
    );
    const listed = (await exchange(owner, client.caseId)).consents.find((c) => c.id === consent.id)!;
    expect(listed.purposeLabel.de).toBe(own.de);

    // The partner team reads the purpose in the provider's words, without the provider's settings.
    const sent = expectStatus<Sent>(
      await owner.client.post(`/api/cases/${client.caseId}/disclosures`, {
        consentId: consent.id,
        purpose: 'housing_search',
        kind: 'serious_change',
        subject: 'Wohnungswechsel',
        sections: [{ category: 'language_courses', text: 'Der Kurs wird nach dem Umzug fortgesetzt.' }],
      }),
      201,
    );
    const inbox = expectStatus<Inbox>(await jcStaff.client.get('/api/inbox'), 200);
    const item = inbox.items.find((x) => x.id === sent.thread.id)!;
    expect(item.consent?.purposeLabel).toEqual({ de: own.de, en: own.en });
  });
});
