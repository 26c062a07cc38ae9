import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

const userColumns = [
  'id',
  'organisation_id',
  'email',
  'display_name',
  'function_title',
  'phone',
  'roles',
  'status',
  'totp_secret',
  'last_login_at',
  'version',
  'invitation_hash',
] as const;

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function findUserQuery(trx: Trx, id: string) {
  return trx.selectFrom('users').select(userColumns).where('id', '=', id);
}

export function findUser(trx: Trx, id: string) {
  return findUserQuery(trx, id).executeTakeFirst();
}

/** A page of an organisation's users, filtered by name/e-mail fragment and status. */
export async function listUsers(
  trx: Trx,
  organisationId: string,
  filter: { q?: string | undefined; status?: string | undefined; offset: number; limit: number },
) {
  let query = trx.selectFrom('users').where('organisation_id', '=', organisationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('display_name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  const [items, count] = await Promise.all([
    query
      .select(userColumns)
      .orderBy('display_name')
      .orderBy('id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The organisation's central contacts (R-ORG-3). */
export function listCentralContacts(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('users')
    .select(userColumns)
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'deactivated')
    .where(sql<boolean>`'central_contact' = ANY(roles)`)
    .orderBy('display_name')
    .execute();
}

export function insertUser(
  trx: Trx,
  values: {
    organisationId: string;
    email: string;
    displayName: string;
    roles: string[];
    functionTitle: string | null;
    phone: string | null;
    invitationHash: string;
    invitationExpiresAt: Date;
  },
) {
  return trx
    .insertInto('users')
    .values({
      organisation_id: values.organisationId,
      email: values.email,
      display_name: values.displayName,
      roles: values.roles,
      function_title: values.functionTitle,
      phone: values.phone,
      status: 'invited',
      invitation_hash: values.invitationHash,
      invitation_expires_at: values.invitationExpiresAt,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

/** Updates a user if the version still matches; undefined when someone else changed it first. */
export function updateUser(
  trx: Trx,
  id: string,
  version: number,
  changes: {
    display_name?: string;
    roles?: string[];
    function_title?: string | null;
    phone?: string | null;
    status?: string;
    invitation_hash?: string | null;
    invitation_expires_at?: Date | null;
  },
) {
  return trx
    .updateTable('users')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(userColumns)
    .executeTakeFirst();
}

/** How many active users of the organisation hold the role, not counting `exceptUserId`. */
export async function countActiveWithRole(
  trx: Trx,
  organisationId: string,
  role: string,
  exceptUserId: string,
): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', '!=', exceptUserId)
    .where(sql<boolean>`${role} = ANY(roles)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteSessionsOf(trx: Trx, userId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Whether the user has ever set a password (accepted the invitation). */
export async function hasPassword(trx: Trx, userId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return Boolean(row?.password_hash);
}
