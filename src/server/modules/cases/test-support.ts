import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/app.ts';
import { buildOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { expectStatus, signedIn, signedInSystemAdmin, type Person } from '../../../../test/api.ts';
import type { caseCreatedSchema, caseSchema, clientSchema } from './cases.schemas.ts';

/** Shared steps of the case-management suites: a small world of providers and partners. */

export type CaseBody = z.infer<typeof caseSchema>;
export type ClientBody = z.infer<typeof clientSchema>;
export type Created = z.infer<typeof caseCreatedSchema>;

export interface CaseWorld {
  provider: TestOrganisation;
  owner: Person;
  colleague: Person;
  teamLead: Person;
  providerAdmin: Person;
  clearing: Person;
  otherProvider: TestOrganisation;
  otherCounsellor: Person;
  system: Person;
  /** Every partner role at every kind of partner organisation (R-RED-4). */
  partners: { label: string; person: Person }[];
}

export async function buildCaseWorld(app: App, db: Db): Promise<CaseWorld> {
  const provider = await buildOrganisation(db, { kind: 'welfare_provider' });
  const otherProvider = await buildOrganisation(db, { kind: 'welfare_provider' });
  const jobcenter = await buildOrganisation(db, { kind: 'jobcenter' });
  const abh = await buildOrganisation(db, { kind: 'abh' });
  const courses = await buildOrganisation(db, { kind: 'course_provider' });
  const partners: CaseWorld['partners'] = [];
  for (const [label, org, roles] of [
    ['Jobcenter partner_staff', jobcenter, ['partner_staff']],
    ['Jobcenter central_contact', jobcenter, ['central_contact']],
    ['Jobcenter org_admin', jobcenter, ['org_admin']],
    ['ABH partner_staff', abh, ['partner_staff']],
    ['ABH central_contact', abh, ['central_contact', 'org_admin']],
    ['Kursträger partner_staff', courses, ['partner_staff']],
    ['Kursträger central_contact', courses, ['central_contact']],
  ] as const) {
    partners.push({ label, person: await signedIn(app, db, org, [...roles]) });
  }
  return {
    provider,
    owner: await signedIn(app, db, provider, ['counsellor']),
    colleague: await signedIn(app, db, provider, ['counsellor']),
    teamLead: await signedIn(app, db, provider, ['team_lead']),
    providerAdmin: await signedIn(app, db, provider, ['org_admin']),
    clearing: await signedIn(app, db, provider, ['clearing_staff']),
    otherProvider,
    otherCounsellor: await signedIn(app, db, otherProvider, ['counsellor']),
    system: await signedInSystemAdmin(app, db),
    partners,
  };
}

/** A valid registration: client and first case; override any part. */
export function clientBody(
  overrides: Record<string, unknown> = {},
  caseOverrides: Record<string, unknown> = {},
) {
  return {
    givenName: 'Amina',
    familyName: 'Haddad',
    birthDate: '1988-04-12',
    gender: 'female',
    citizenship: 'SY',
    languages: ['ar', 'de'],
    phone: '0151 2345678',
    arrivalYear: 2019,
    residenceStatusGroup: 'residence_humanitarian',
    familyMembers: [{ relation: 'child', givenName: 'Yara', birthYear: 2015, counselledAlongside: true }],
    ...overrides,
    case: { caseType: 'case_management', service: 'MBE', wayIn: 'jobcenter', ...caseOverrides },
  };
}

export async function registerClient(
  person: Person,
  overrides: Record<string, unknown> = {},
  caseOverrides: Record<string, unknown> = {},
): Promise<Created> {
  return expectStatus<Created>(
    await person.client.post('/api/clients', clientBody(overrides, caseOverrides)),
    201,
  );
}

export async function readCase(person: Person, id: string): Promise<CaseBody> {
  return expectStatus<CaseBody>(await person.client.get(`/api/cases/${id}`), 200);
}

/** Rows in a table, read past row-level security (the test database's owner). */
export async function countRows(db: Db, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
  return rows[0]!.n;
}

/** Audit rows of an action about an entity. */
export async function auditRows(db: Db, action: string, entityId?: string) {
  const { rows } = await sql<{ actor_user_id: string | null; reason: string | null; details: unknown }>`
    SELECT actor_user_id, reason, details FROM audit_log
    WHERE action = ${action} AND (${entityId ?? null}::text IS NULL OR entity_id = ${entityId ?? null})
    ORDER BY id`.execute(db);
  return rows;
}

/** The message of the first field error of a problem answer. */
export function firstMessage(response: LightMyRequestResponse): string | undefined {
  return response.json<{ errors?: { message: string }[] }>().errors?.[0]?.message;
}
