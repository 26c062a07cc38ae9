import { sql, type Kysely } from 'kysely';

/**
 * Gaps in the offer (R-STAT-4): public directory searches that found no office — or none in the
 * language asked for — counted anonymously per month, language, service and postcode area (the
 * first three digits) or place. Never an address, a full postcode, an IP or a time of day.
 *
 * The public search runs without an organisation, so the count goes through one `SECURITY
 * DEFINER` function that can do nothing but add one to a counter. The counts are installation-
 * wide anonymous figures: every signed-in organisation may read them (they pass disclosure
 * control before they are shown); nobody writes them directly.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE directory_search_gaps (
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      language text NOT NULL CHECK (language = '' OR language ~ '^[a-z]{2,3}$'),
      service text NOT NULL CHECK (service IN ('MBE','JMD','both','any')),
      area text NOT NULL CHECK (area ~ '^([0-9]{3}|[a-z0-9äöüß .''()/-]{1,80})$'),
      searches integer NOT NULL DEFAULT 1 CHECK (searches > 0),
      PRIMARY KEY (month, language, service, area)
    )`.execute(db);
  await sql`GRANT SELECT ON directory_search_gaps TO koop_app`.execute(db);
  await sql`ALTER TABLE directory_search_gaps ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY directory_search_gaps_read ON directory_search_gaps FOR SELECT TO koop_app
    USING (koop_current_org() IS NOT NULL)`.execute(db);

  await sql`
    CREATE FUNCTION koop_count_search_gap(p_month date, p_language text, p_service text, p_area text)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      INSERT INTO directory_search_gaps (month, language, service, area)
      VALUES (date_trunc('month', p_month)::date, p_language, p_service, p_area)
      ON CONFLICT (month, language, service, area)
      DO UPDATE SET searches = directory_search_gaps.searches + 1
    $fn$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION koop_count_search_gap(date, text, text, text) FROM PUBLIC`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION koop_count_search_gap(date, text, text, text) TO koop_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS koop_count_search_gap(date, text, text, text)`.execute(db);
  await sql`DROP TABLE IF EXISTS directory_search_gaps`.execute(db);
}
