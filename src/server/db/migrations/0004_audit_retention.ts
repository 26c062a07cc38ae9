import { sql, type Kysely } from 'kysely';

/**
 * Retention of the audit log. The log stays append-only for the application (no UPDATE or
 * DELETE grant, triggers against everyone); two narrowly drawn database functions are the only
 * way anything in it changes, each by a documented rule:
 *
 * - `koop_audit_forget_erased_cases(ids)`: once the retention job has erased a case (R-CON-5), the
 *   free-text reasons of its audit rows (break the glass, legal hold) are cleared, because they
 *   may name the client. Only for cases that no longer exist, only in the caller's organisation;
 *   who did what and when stays.
 * - `koop_audit_purge(before, limit)`: deletes audit rows older than the installation's audit
 *   retention period. The database refuses a cut-off younger than six months, so the
 *   application cannot shorten the log to hide recent access.
 *
 * Both run as the owner and switch the append-only trigger off for their own transaction with
 * the transaction-local setting `koop.audit_retention`; the application role could set that
 * setting too but holds no UPDATE or DELETE privilege on the table, so it gains nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION koop_audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('koop.audit_retention', true) = 'on' THEN
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE'
           AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at
           AND NEW.organisation_id IS NOT DISTINCT FROM OLD.organisation_id
           AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
           AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
           AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
           AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
           AND NEW.reason IS NULL THEN
          RETURN NEW;
        END IF;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);

  await sql`
    CREATE FUNCTION koop_audit_forget_erased_cases(p_case_ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
      n integer;
    BEGIN
      PERFORM set_config('koop.audit_retention', 'on', true);
      UPDATE audit_log a
         SET reason = NULL, details = a.details || '{"reasonErased": true}'::jsonb
       WHERE a.entity_type = 'case'
         AND a.entity_id = ANY (SELECT id::text FROM unnest(p_case_ids) AS id)
         AND a.reason IS NOT NULL
         AND a.organisation_id = koop_current_org()
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id::text = a.entity_id);
      GET DIAGNOSTICS n = ROW_COUNT;
      PERFORM set_config('koop.audit_retention', 'off', true);
      RETURN n;
    END $$`.execute(db);

  await sql`
    CREATE FUNCTION koop_audit_purge(p_before timestamptz, p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
      n integer;
    BEGIN
      IF p_before > now() - interval '6 months' THEN
        RAISE EXCEPTION 'audit retention must be at least six months' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      PERFORM set_config('koop.audit_retention', 'on', true);
      -- Per organisation (and once for rows without one) so that the (organisation_id, occurred_at)
      -- index finds the old rows without scanning the whole log.
      DELETE FROM audit_log WHERE id IN (
        SELECT old.id FROM (
          SELECT x.id FROM organisations o CROSS JOIN LATERAL (
            SELECT a.id FROM audit_log a
             WHERE a.organisation_id = o.id AND a.occurred_at < p_before LIMIT p_limit) x
          UNION ALL
          (SELECT a.id FROM audit_log a
            WHERE a.organisation_id IS NULL AND a.occurred_at < p_before LIMIT p_limit)) old
        LIMIT p_limit);
      GET DIAGNOSTICS n = ROW_COUNT;
      PERFORM set_config('koop.audit_retention', 'off', true);
      RETURN n;
    END $$`.execute(db);

  for (const fn of ['koop_audit_forget_erased_cases(uuid[])', 'koop_audit_purge(timestamptz, integer)']) {
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO koop_app`.execute(db);
  }
}

/** Migrations are forward-only once merged; down exists for local experiments. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS koop_audit_purge(timestamptz, integer)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_audit_forget_erased_cases(uuid[])`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION koop_audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
}
