import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

/** SQL of sign-in, sessions, second factor and API tokens. Every function takes the request's transaction. */

export interface CredentialOwner {
  userId: string;
  organisationId: string;
}

/**
 * Resolves a credential to its owner through a SECURITY DEFINER function and, in the same
 * statement, opens the owner's organisation context for the rest of the transaction.
 */
async function resolveOwner(
  trx: Trx,
  fn: 'koop_find_login' | 'koop_find_session' | 'koop_find_invitation',
  key: string,
): Promise<CredentialOwner | undefined> {
  const { rows } = await sql<{ user_id: string; organisation_id: string }>`
    SELECT f.user_id, f.organisation_id,
           set_config('role', 'koop_app', true),
           set_config('koop.org_id', f.organisation_id::text, true),
           set_config('koop.user_id', f.user_id::text, true)
    FROM ${sql.raw(fn)}(${key}) AS f`.execute(trx);
  const row = rows[0];
  return row ? { userId: row.user_id, organisationId: row.organisation_id } : undefined;
}

export const findLoginOwner = (trx: Trx, email: string) => resolveOwner(trx, 'koop_find_login', email);
export const findSessionOwner = (trx: Trx, sessionId: string) =>
  resolveOwner(trx, 'koop_find_session', sessionId);
export const findInvitationOwner = (trx: Trx, invitationHash: string) =>
  resolveOwner(trx, 'koop_find_invitation', invitationHash);

/** Grants the operator-wide scope for the rest of the transaction (policy decided it). */
export async function enableOperatorScope(trx: Trx): Promise<void> {
  await sql`SELECT set_config('koop.all_orgs', 'on', true)`.execute(trx);
}

const userWithOrganisation = (trx: Trx) =>
  trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.organisation_id',
      'u.email',
      'u.display_name',
      'u.roles',
      'u.status',
      'u.locale',
      'u.password_hash',
      'u.failed_logins',
      'u.locked_until',
      'u.totp_secret',
      'u.totp_pending_secret',
      'u.totp_enabled_at',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.require_totp',
      'o.deactivated_at as organisation_deactivated_at',
    ]);

export type AuthUserRow = NonNullable<Awaited<ReturnType<typeof findAuthUser>>>;

/** The user and organisation facts authentication needs. */
export function findAuthUser(trx: Trx, userId: string) {
  return userWithOrganisation(trx).where('u.id', '=', userId).executeTakeFirst();
}

export async function touchSession(trx: Trx, sessionId: string, now: Date): Promise<void> {
  await trx.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function insertSession(
  trx: Trx,
  values: {
    id: string;
    organisationId: string;
    userId: string;
    csrfToken: string;
    state: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({
      id: values.id,
      organisation_id: values.organisationId,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      state: values.state,
      created_at: values.now,
      last_seen_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute();
}

export async function updateSessionState(trx: Trx, sessionId: string, state: string): Promise<void> {
  await trx.updateTable('sessions').set({ state }).where('id', '=', sessionId).execute();
}

export async function deleteSession(trx: Trx, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends the user's sessions, except `keepSessionId` if given. */
export async function deleteSessionsOfUser(
  trx: Trx,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function recordFailedLogin(trx: Trx, userId: string, lockUntil: Date | null): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockUntil }))
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulLogin(trx: Trx, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function setPasswordHash(trx: Trx, userId: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

export async function updateProfile(
  trx: Trx,
  userId: string,
  changes: { locale?: string | undefined; displayName?: string | undefined },
): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      ...(changes.displayName !== undefined
        ? { display_name: changes.displayName, version: eb('version', '+', 1) }
        : {}),
    }))
    .where('id', '=', userId)
    .execute();
}

export async function setPendingTotp(trx: Trx, userId: string, sealed: string | null): Promise<void> {
  await trx.updateTable('users').set({ totp_pending_secret: sealed }).where('id', '=', userId).execute();
}

export async function enableTotp(trx: Trx, userId: string, sealed: string, now: Date): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret: sealed, totp_pending_secret: null, totp_enabled_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function disableTotp(trx: Trx, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(
  trx: Trx,
  user: { id: string; organisationId: string },
  codeHashes: string[],
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
  await trx
    .insertInto('recovery_codes')
    .values(
      codeHashes.map((code_hash) => ({ code_hash, user_id: user.id, organisation_id: user.organisationId })),
    )
    .execute();
}

/** Marks an unused recovery code as used; true when one matched. */
export async function useRecoveryCode(
  trx: Trx,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function touchApiToken(trx: Trx, tokenId: string, now: Date): Promise<void> {
  await trx.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

export function listApiTokens(trx: Trx, userId: string) {
  return trx
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'scope', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function insertApiToken(
  trx: Trx,
  values: {
    organisationId: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    scope: string;
    expiresAt: Date | null;
  },
) {
  return trx
    .insertInto('api_tokens')
    .values({
      organisation_id: values.organisationId,
      user_id: values.userId,
      name: values.name,
      token_hash: values.tokenHash,
      prefix: values.prefix,
      scope: values.scope,
      expires_at: values.expiresAt,
    })
    .returning(['id', 'name', 'prefix', 'scope', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
}

/** Revokes one of the user's own tokens; false when there is none with that id. */
export async function revokeApiToken(trx: Trx, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findInvitation(trx: Trx, userId: string) {
  return trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.status',
      'u.invitation_expires_at',
      'o.name as organisation_name',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export async function acceptInvitation(trx: Trx, userId: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      status: 'active',
      invitation_hash: null,
      invitation_expires_at: null,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

interface SessionRow extends AuthUserRow {
  csrf_token: string;
  session_state: string;
  session_last_seen_at: Date;
  session_expires_at: Date;
}

interface TokenRow extends AuthUserRow {
  token_id: string;
  token_scope: string;
  token_expires_at: Date | null;
  token_last_used_at: Date | null;
  token_revoked_at: Date | null;
}

/**
 * Loads a session with its user and organisation and, in the same statement, switches the
 * transaction to `koop_app` in the owner's organisation: authentication in one round trip.
 */
/**
 * The credential's hash goes into the authenticating statement as a literal rather than a
 * parameter: that statement opens every request's transaction, and a statement without
 * parameters travels to PostgreSQL in one message with BEGIN (db/prepared-pool.ts). A SHA-256
 * hex digest, checked here, holds nothing but [0-9a-f].
 */
function credentialHash(hash: string) {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('credential hash must be a SHA-256 hex digest');
  return sql.lit(hash);
}

export async function authenticateSessionRow(trx: Trx, sessionId: string) {
  const { rows } = await sql<SessionRow>`
    SELECT f.*, set_config('role', 'koop_app', true),
           set_config('koop.org_id', f.organisation_id::text, true),
           set_config('koop.user_id', f.id::text, true)
    FROM koop_authenticate_session(${credentialHash(sessionId)}) AS f`.execute(trx);
  const row = rows[0];
  if (!row) return undefined;
  const { csrf_token, session_state, session_last_seen_at, session_expires_at, ...user } = row;
  return {
    session: {
      csrf_token,
      state: session_state,
      last_seen_at: session_last_seen_at,
      expires_at: session_expires_at,
    },
    user: pickAuthUser(user),
  };
}

/** The same for a personal API token. */
export async function authenticateTokenRow(trx: Trx, tokenHash: string) {
  const { rows } = await sql<TokenRow>`
    SELECT f.*, set_config('role', 'koop_app', true),
           set_config('koop.org_id', f.organisation_id::text, true),
           set_config('koop.user_id', f.id::text, true)
    FROM koop_authenticate_api_token(${credentialHash(tokenHash)}) AS f`.execute(trx);
  const row = rows[0];
  if (!row) return undefined;
  return {
    token: {
      id: row.token_id,
      scope: row.token_scope,
      expires_at: row.token_expires_at,
      last_used_at: row.token_last_used_at,
      revoked_at: row.token_revoked_at,
    },
    user: pickAuthUser(row),
  };
}

function pickAuthUser(row: AuthUserRow): AuthUserRow {
  return {
    id: row.id,
    organisation_id: row.organisation_id,
    email: row.email,
    display_name: row.display_name,
    roles: row.roles,
    status: row.status,
    locale: row.locale,
    password_hash: row.password_hash,
    failed_logins: row.failed_logins,
    locked_until: row.locked_until,
    totp_secret: row.totp_secret,
    totp_pending_secret: row.totp_pending_secret,
    totp_enabled_at: row.totp_enabled_at,
    organisation_name: row.organisation_name,
    organisation_kind: row.organisation_kind,
    require_totp: row.require_totp,
    organisation_deactivated_at: row.organisation_deactivated_at,
  };
}

/** Accepts a TOTP time step once: true only if it is later than every step accepted before. */
export async function claimTotpStep(trx: Trx, userId: string, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
