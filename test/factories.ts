import crypto from 'node:crypto';
import { inTenantTransaction, switchOrganisation, type Db } from '../src/server/db/database.ts';
import { hashPassword } from '../src/server/modules/auth/auth.crypto.ts';
import type { OrganisationKind, Role } from '../src/server/policy/roles.ts';

/** Test data written as real rows, through the same RLS role the application uses. */

export const testPassword = 'Richtig-Langes-Passwort-1';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(testPassword));

const unique = () => crypto.randomBytes(4).toString('hex');

export interface TestOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export async function buildOrganisation(
  db: Db,
  values: { kind?: OrganisationKind; name?: string; requireTotp?: boolean } = {},
): Promise<TestOrganisation> {
  const kind = values.kind ?? 'welfare_provider';
  const name = values.name ?? `Organisation ${unique()}`;
  const row = await inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: true },
    (trx) =>
      trx
        .insertInto('organisations')
        .values({
          name,
          kind,
          services: kind === 'welfare_provider' ? ['MBE', 'JMD'] : [],
          require_totp: values.requireTotp ?? false,
          subtype: null,
          umbrella: null,
          funding: null,
          data_protection_law: null,
          street: null,
          postcode: null,
          city: null,
          phone: null,
          email: null,
          website: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
  );
  return { id: row.id, name, kind };
}

export interface TestUser {
  id: string;
  email: string;
  organisationId: string;
  roles: Role[];
}

export async function buildUser(
  db: Db,
  organisation: { id: string },
  values: {
    roles?: Role[];
    email?: string;
    status?: 'active' | 'invited' | 'deactivated';
    displayName?: string;
    locale?: 'de' | 'en';
  } = {},
): Promise<TestUser> {
  const email = values.email ?? `person-${unique()}@example.org`;
  const roles = values.roles ?? ['counsellor'];
  const hash = values.status === 'invited' ? null : await passwordHash();
  const row = await inTenantTransaction(
    db,
    { organisationId: organisation.id, userId: null, allOrganisations: false },
    async (trx) => {
      await switchOrganisation(trx, organisation.id);
      return trx
        .insertInto('users')
        .values({
          organisation_id: organisation.id,
          email,
          display_name: values.displayName ?? `Person ${unique()}`,
          roles,
          status: values.status ?? 'active',
          ...(values.locale ? { locale: values.locale } : {}),
          password_hash: hash,
          function_title: null,
          phone: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
  );
  return { id: row.id, email, organisationId: organisation.id, roles };
}

export async function buildOffice(
  db: Db,
  organisation: { id: string },
  values: { name?: string } = {},
): Promise<{ id: string }> {
  return inTenantTransaction(
    db,
    { organisationId: organisation.id, userId: null, allOrganisations: false },
    (trx) =>
      trx
        .insertInto('offices')
        .values({
          organisation_id: organisation.id,
          name: values.name ?? `Beratungsstelle ${unique()}`,
          street: 'Hauptstraße 1',
          postcode: '12345',
          city: 'Musterstadt',
          phone: null,
          email: null,
          services: ['MBE'],
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
  );
}
