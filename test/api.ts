import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { Db } from '../src/server/db/database.ts';
import type { App } from '../src/server/http/app.ts';
import type { OrganisationKind, Role } from '../src/server/policy/roles.ts';
import type { userSchema } from '../src/server/modules/users/users.schemas.ts';
import { buildOrganisation, buildUser, type TestOrganisation, type TestUser } from './factories.ts';
import { problem, signIn, type Client } from './test-app.ts';

/** Shared steps of the HTTP suites: signed-in people and the checks every endpoint suite repeats. */

export type UserBody = z.infer<typeof userSchema>;
export interface Page<T> {
  items: T[];
  total: number;
}

/** Asserts the status (showing the body when it differs) and returns the parsed JSON body. */
export function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

/** Asserts an RFC 9457 answer with this status and code; returns the field paths it names. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): string[] {
  expect(response.statusCode, response.body).toBe(status);
  const body = problem(response);
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  return (body.errors ?? []).map((e) => e.path);
}

/** A person with a real account who is signed in. */
export interface Person {
  user: TestUser;
  client: Client;
}

/** Creates an active user with these roles in the organisation and signs them in. */
export async function signedIn(
  app: App,
  db: Db,
  organisation: { id: string },
  roles: Role[],
): Promise<Person> {
  const user = await buildUser(db, organisation, { roles });
  return { user, client: await signIn(app, user.email) };
}

/** The operator's organisation with one signed-in system administrator. */
export async function signedInSystemAdmin(
  app: App,
  db: Db,
): Promise<Person & { organisation: TestOrganisation }> {
  const organisation = await buildOrganisation(db, { kind: 'operator' });
  return { organisation, ...(await signedIn(app, db, organisation, ['system_admin'])) };
}

/** An organisation of the kind with a signed-in administrator. */
export async function organisationWithAdmin(
  app: App,
  db: Db,
  kind: OrganisationKind,
): Promise<{ organisation: TestOrganisation; admin: Person }> {
  const organisation = await buildOrganisation(db, { kind });
  return { organisation, admin: await signedIn(app, db, organisation, ['org_admin']) };
}

/** A POST with the session cookie but without the CSRF header, as a forged cross-site form would send it. */
export function postWithoutCsrf(
  app: App,
  client: Client,
  url: string,
  body: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookie ?? '', 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

/** Every key at any depth of an answer, to compare what an endpoint shows with what it may show. */
export function keysIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysIn(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      keysIn(child, into);
    }
  }
  return into;
}
