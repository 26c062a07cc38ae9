import { sql, type Kysely } from 'kysely';

/**
 * Foundation: organisations, offices, users, sessions, API tokens, recovery codes and the
 * append-only audit log, with row-level security for the application role `koop_app`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);

  // The role every request runs as. Roles are cluster-wide, so several databases (and parallel
  // test runs) may race to create it; the exception handler makes that harmless.
  await sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koop_app') THEN
        CREATE ROLE koop_app NOLOGIN NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`.execute(db);
  // The login role needs membership to SET ROLE koop_app on a real server (no-op for superusers).
  await sql`
    DO $$
    BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT koop_app TO %I', current_user);
      END IF;
    END $$`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO koop_app`.execute(db);

  // Helpers used by every policy: the organisation of the current transaction, and whether
  // the policy layer granted an operator-wide scope (system administration only).
  await sql`
    CREATE FUNCTION koop_current_org() RETURNS uuid LANGUAGE sql STABLE AS $$
      SELECT nullif(current_setting('koop.org_id', true), '')::uuid
    $$`.execute(db);
  await sql`
    CREATE FUNCTION koop_all_orgs() RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT coalesce(nullif(current_setting('koop.all_orgs', true), ''), 'off') = 'on'
    $$`.execute(db);

  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
      kind text NOT NULL CHECK (kind IN ('welfare_provider','jobcenter','abh','course_provider','other','operator')),
      subtype text,
      umbrella text,
      services text[] NOT NULL DEFAULT '{}',
      funding text CHECK (funding IN ('federal','state','federal_and_state')),
      hosts_clearing_office boolean NOT NULL DEFAULT false,
      data_protection_law text CHECK (data_protection_law IN ('dsgvo','kdg','dsg_ekd')),
      require_totp boolean NOT NULL DEFAULT false,
      street text, postcode text, city text, phone text, email text, website text,
      deactivated_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name))`.execute(db);

  await sql`
    CREATE TABLE offices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL,
      street text NOT NULL,
      postcode text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
      city text NOT NULL,
      phone text, email text,
      services text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX offices_organisation_idx ON offices (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      email citext NOT NULL UNIQUE,
      display_name text NOT NULL,
      function_title text,
      phone text,
      roles text[] NOT NULL DEFAULT '{}',
      office_id uuid REFERENCES offices(id),
      status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','active','deactivated')),
      locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de','en')),
      password_hash text,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      totp_secret text,
      totp_pending_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      invitation_hash text UNIQUE,
      invitation_expires_at timestamptz,
      last_login_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX users_organisation_idx ON users (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      state text NOT NULL CHECK (state IN ('active','mfa_pending','enrolment_required')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      scope text NOT NULL CHECK (scope IN ('read','write')),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      organisation_id uuid REFERENCES organisations(id),
      actor_user_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      reason text,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_log_org_time_idx ON audit_log (organisation_id, occurred_at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  // Append-only for everyone, owner included: no UPDATE, DELETE or TRUNCATE ever succeeds.
  await sql`
    CREATE FUNCTION koop_audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION koop_audit_log_immutable()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION koop_audit_log_immutable()`.execute(db);

  // Privileges of the application role. The audit log gets SELECT and INSERT only.
  await sql`GRANT SELECT, INSERT, UPDATE ON organisations TO koop_app`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON offices, users, recovery_codes, sessions, api_tokens TO koop_app`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT ON audit_log TO koop_app`.execute(db);
  await sql`GRANT USAGE ON SEQUENCE audit_log_id_seq TO koop_app`.execute(db);

  // Row-level security. Organisations and offices are directory data, readable by all;
  // everything else is visible only inside its own organisation (or with the operator scope).
  for (const table of [
    'organisations',
    'offices',
    'users',
    'recovery_codes',
    'sessions',
    'api_tokens',
    'audit_log',
  ]) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
  }
  await sql`CREATE POLICY organisations_read ON organisations FOR SELECT TO koop_app USING (true)`.execute(
    db,
  );
  await sql`CREATE POLICY organisations_insert ON organisations FOR INSERT TO koop_app WITH CHECK (koop_all_orgs())`.execute(
    db,
  );
  await sql`
    CREATE POLICY organisations_update ON organisations FOR UPDATE TO koop_app
    USING (id = koop_current_org() OR koop_all_orgs())`.execute(db);
  await sql`CREATE POLICY offices_read ON offices FOR SELECT TO koop_app USING (true)`.execute(db);
  for (const verb of ['INSERT', 'UPDATE', 'DELETE'] as const) {
    const name = `offices_${verb.toLowerCase()}`;
    const clause =
      verb === 'INSERT'
        ? sql`WITH CHECK (organisation_id = koop_current_org() OR koop_all_orgs())`
        : sql`USING (organisation_id = koop_current_org() OR koop_all_orgs())`;
    await sql`CREATE POLICY ${sql.id(name)} ON offices FOR ${sql.raw(verb)} TO koop_app ${clause}`.execute(
      db,
    );
  }
  for (const table of ['users', 'recovery_codes', 'sessions', 'api_tokens']) {
    await sql`
      CREATE POLICY ${sql.id(`${table}_tenant`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING (organisation_id = koop_current_org() OR koop_all_orgs())
      WITH CHECK (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(db);
  }
  await sql`
    CREATE POLICY audit_log_read ON audit_log FOR SELECT TO koop_app
    USING (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(db);
  await sql`
    CREATE POLICY audit_log_insert ON audit_log FOR INSERT TO koop_app
    WITH CHECK (organisation_id IS NULL OR organisation_id = koop_current_org() OR koop_all_orgs())`.execute(
    db,
  );

  // Credential look-ups happen before the organisation is known. These functions run as the
  // owner, return only the ids needed to open the organisation's context, and nothing else.
  await sql`
    CREATE FUNCTION koop_find_login(p_email text)
    RETURNS TABLE (user_id uuid, organisation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT id, organisation_id FROM users WHERE email = p_email::citext
    $$`.execute(db);
  await sql`
    CREATE FUNCTION koop_find_session(p_id text)
    RETURNS TABLE (user_id uuid, organisation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT user_id, organisation_id FROM sessions WHERE id = p_id
    $$`.execute(db);
  // Authentication in one round trip: the credential with its user and organisation, for the
  // credential's owner only. The caller switches into that organisation in the same statement.
  const authUserColumns = sql.raw(`
      u.id, u.organisation_id, u.email::text AS email, u.display_name, u.roles, u.status, u.locale, u.password_hash,
      u.failed_logins, u.locked_until, u.totp_secret, u.totp_pending_secret, u.totp_enabled_at,
      o.name AS organisation_name, o.kind AS organisation_kind, o.require_totp,
      o.deactivated_at AS organisation_deactivated_at`);
  const authUserTypes = sql.raw(`
      id uuid, organisation_id uuid, email text, display_name text, roles text[], status text, locale text,
      password_hash text, failed_logins integer, locked_until timestamptz, totp_secret text,
      totp_pending_secret text, totp_enabled_at timestamptz, organisation_name text, organisation_kind text,
      require_totp boolean, organisation_deactivated_at timestamptz`);
  await sql`
    CREATE FUNCTION koop_authenticate_session(p_id text)
    RETURNS TABLE (${authUserTypes}, csrf_token text, session_state text, session_last_seen_at timestamptz,
                   session_expires_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT ${authUserColumns}, s.csrf_token, s.state, s.last_seen_at, s.expires_at
      FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
      WHERE s.id = p_id
    $$`.execute(db);
  await sql`
    CREATE FUNCTION koop_authenticate_api_token(p_hash text)
    RETURNS TABLE (${authUserTypes}, token_id uuid, token_scope text, token_expires_at timestamptz,
                   token_last_used_at timestamptz, token_revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT ${authUserColumns}, t.id, t.scope, t.expires_at, t.last_used_at, t.revoked_at
      FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
      WHERE t.token_hash = p_hash
    $$`.execute(db);
  await sql`
    CREATE FUNCTION koop_find_invitation(p_hash text)
    RETURNS TABLE (user_id uuid, organisation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT id, organisation_id FROM users WHERE invitation_hash = p_hash
    $$`.execute(db);
  for (const fn of [
    'koop_find_login(text)',
    'koop_find_session(text)',
    'koop_find_invitation(text)',
    'koop_authenticate_session(text)',
    'koop_authenticate_api_token(text)',
  ]) {
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO koop_app`.execute(db);
  }
}

/** Migrations are forward-only once merged; down exists for local experiments. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'api_tokens',
    'sessions',
    'recovery_codes',
    'users',
    'offices',
    'organisations',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
}
