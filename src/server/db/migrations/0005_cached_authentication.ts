import { sql, type Kysely } from 'kysely';

/**
 * Every request authenticates through `koop_authenticate_session` or `koop_authenticate_api_token`.
 * As SQL functions that cannot be inlined (SECURITY DEFINER), PostgreSQL parsed and planned their
 * three-table join again on every call. As PL/pgSQL functions the plan is prepared once per
 * connection and reused. Same signatures, same results, same grants.
 */
const authUserColumns = sql.raw(`
      u.id, u.organisation_id, u.email::text, u.display_name, u.roles, u.status, u.locale, u.password_hash,
      u.failed_logins, u.locked_until, u.totp_secret, u.totp_pending_secret, u.totp_enabled_at,
      o.name, o.kind, o.require_totp, o.deactivated_at`);
const authUserTypes = sql.raw(`
      id uuid, organisation_id uuid, email text, display_name text, roles text[], status text, locale text,
      password_hash text, failed_logins integer, locked_until timestamptz, totp_secret text,
      totp_pending_secret text, totp_enabled_at timestamptz, organisation_name text, organisation_kind text,
      require_totp boolean, organisation_deactivated_at timestamptz`);

async function define(db: Kysely<unknown>, language: 'sql' | 'plpgsql'): Promise<void> {
  const body = (query: ReturnType<typeof sql>) =>
    language === 'plpgsql'
      ? sql`#variable_conflict use_column
      BEGIN RETURN QUERY ${query}; END`
      : query;
  const session = sql`SELECT ${authUserColumns}, s.csrf_token, s.state, s.last_seen_at, s.expires_at
      FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
      WHERE s.id = p_id`;
  const token = sql`SELECT ${authUserColumns}, t.id, t.scope, t.expires_at, t.last_used_at, t.revoked_at
      FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
      WHERE t.token_hash = p_hash`;
  await sql`
    CREATE OR REPLACE FUNCTION koop_authenticate_session(p_id text)
    RETURNS TABLE (${authUserTypes}, csrf_token text, session_state text, session_last_seen_at timestamptz,
                   session_expires_at timestamptz)
    LANGUAGE ${sql.raw(language)} STABLE SECURITY DEFINER SET search_path = public AS $$
      ${body(session)}
    $$`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION koop_authenticate_api_token(p_hash text)
    RETURNS TABLE (${authUserTypes}, token_id uuid, token_scope text, token_expires_at timestamptz,
                   token_last_used_at timestamptz, token_revoked_at timestamptz)
    LANGUAGE ${sql.raw(language)} STABLE SECURITY DEFINER SET search_path = public AS $$
      ${body(token)}
    $$`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await define(db, 'plpgsql');
}

/** Migrations are forward-only once merged; down exists for local experiments. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await define(db, 'sql');
}
