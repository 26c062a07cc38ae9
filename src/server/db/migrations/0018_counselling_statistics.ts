import { sql, type Kysely } from 'kysely';

/**
 * Counselling statistics (R-STAT-2, R-STAT-5). The anonymous facts of an erased case keep its
 * citizenship and office too, so the statistics can count and filter them as they do live cases.
 *
 * The one crossing of this module is `koop_counselling_statistics`: a `SECURITY DEFINER`
 * function that counts the cases of a set of providers — live cases and the anonymous facts of
 * erased ones — and returns only aggregate counts per dimension and category, never a row and
 * never a figure per organisation. Which providers it counts is decided inside the function
 * from the caller's own organisation, so a caller cannot name another organisation:
 *
 * - `own`: the caller's organisation;
 * - `umbrella_others`: the other providers under the caller's umbrella association (the caller
 *   knows its own figures; the service adds them only after the others' counts passed
 *   disclosure control, so no other provider's small count can be worked out by subtraction);
 * - `all`: every provider, only in a transaction with the operator scope (`koop_all_orgs()`).
 *
 * The case tables' row-level security is not widened. The service publishes the counts only
 * through `modules/statistics/disclosure-control.ts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE case_statistics ADD COLUMN citizenship text, ADD COLUMN office_id uuid`.execute(db);
  await sql`CREATE INDEX case_statistics_months_idx ON case_statistics (organisation_id, opened_month)`.execute(
    db,
  );

  await sql`
    CREATE FUNCTION koop_counselling_statistics(
      p_scope text, p_from text, p_to text, p_service text, p_office uuid)
    RETURNS TABLE (dimension text, code text, cases integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      WITH caller AS (
        SELECT o.id, o.umbrella FROM organisations o
        WHERE o.id = koop_current_org() AND o.kind = 'welfare_provider'
      ),
      orgs AS (
        SELECT o.id FROM organisations o
        WHERE o.kind = 'welfare_provider' AND (
          (p_scope = 'own' AND o.id = (SELECT id FROM caller))
          OR (p_scope = 'umbrella_others' AND o.id <> (SELECT id FROM caller)
              AND o.umbrella = (SELECT umbrella FROM caller))
          OR (p_scope = 'all' AND koop_all_orgs()))
      ),
      live AS (
        SELECT k.service, k.case_type,
               CASE WHEN cl.birth_date IS NULL THEN cl.age_group
                    ELSE CASE
                      WHEN ag.age < 12 THEN 'under_12' WHEN ag.age < 18 THEN '12_17'
                      WHEN ag.age < 27 THEN '18_26' WHEN ag.age < 35 THEN '27_34'
                      WHEN ag.age < 45 THEN '35_44' WHEN ag.age < 55 THEN '45_54'
                      WHEN ag.age < 65 THEN '55_64' ELSE '65_plus' END
               END AS age_group,
               cl.gender, cl.citizenship,
               coalesce(an.residence_status_group, cl.residence_status_group) AS residence_status_group,
               CASE WHEN cl.arrival_year IS NULL THEN NULL
                    WHEN extract(year FROM k.opened_on)::int - cl.arrival_year < 3 THEN 'under_3'
                    ELSE '3_or_more' END AS years_since_arrival,
               k.way_in,
               CASE WHEN k.status = 'closed' THEN 'closed'
                    WHEN k.case_type = 'short_counselling' THEN 'short_counselling'
                    ELSE coalesce(k.phase, 'intake') END AS phase,
               (SELECT count(*) FROM case_contacts ct WHERE ct.case_id = k.id AND ct.status = 'held')::int AS contacts,
               (SELECT count(*) FROM client_family_members f
                 WHERE f.client_id = cl.id AND f.counselled_alongside)::int AS family_members,
               coalesce((SELECT array_agg(DISTINCT t) FROM (
                  SELECT unnest(topics) AS t FROM case_contacts WHERE case_id = k.id
                  UNION SELECT unnest(topics) FROM case_intakes WHERE case_id = k.id) x), '{}') AS topics,
               k.start_livelihood, k.end_livelihood, k.start_language_level, k.end_language_level,
               k.start_work, k.end_work
        FROM cases k
        JOIN clients cl ON cl.id = k.client_id
        LEFT JOIN case_analyses an ON an.case_id = k.id
        CROSS JOIN LATERAL (SELECT extract(year FROM age(k.opened_on, cl.birth_date))::int AS age) ag
        WHERE k.organisation_id IN (SELECT id FROM orgs)
          AND to_char(k.opened_on, 'YYYY-MM') <= p_to
          AND (k.closed_on IS NULL OR to_char(k.closed_on, 'YYYY-MM') >= p_from)
          AND (p_service IS NULL OR k.service = p_service)
          AND (p_office IS NULL OR k.office_id = p_office)
      ),
      erased AS (
        SELECT s.service, s.case_type, s.age_group, s.gender, s.citizenship, s.residence_status_group,
               s.years_since_arrival, s.way_in, 'closed'::text AS phase, s.contacts, s.family_members,
               s.topics, s.start_livelihood, s.end_livelihood, s.start_language_level,
               s.end_language_level, s.start_work, s.end_work
        FROM case_statistics s
        WHERE s.organisation_id IN (SELECT id FROM orgs)
          AND s.opened_month <= p_to
          AND (s.closed_month IS NULL OR s.closed_month >= p_from)
          AND (p_service IS NULL OR s.service = p_service)
          AND (p_office IS NULL OR s.office_id = p_office)
      ),
      facts AS (SELECT * FROM live UNION ALL SELECT * FROM erased),
      cells AS (
        SELECT d.dimension, coalesce(d.code, 'not_recorded') AS code
        FROM facts f
        CROSS JOIN LATERAL (VALUES
          ('service', f.service), ('case_type', f.case_type), ('age_group', f.age_group),
          ('gender', f.gender), ('citizenship', f.citizenship),
          ('residence_status_group', f.residence_status_group),
          ('years_since_arrival', f.years_since_arrival), ('way_in', f.way_in), ('phase', f.phase),
          ('contacts', CASE WHEN f.contacts = 0 THEN '0' WHEN f.contacts = 1 THEN '1'
                            WHEN f.contacts <= 3 THEN '2_3' WHEN f.contacts <= 9 THEN '4_9'
                            ELSE '10_plus' END),
          ('start_livelihood', f.start_livelihood), ('end_livelihood', f.end_livelihood),
          ('start_language_level', f.start_language_level), ('end_language_level', f.end_language_level),
          ('start_work', f.start_work), ('end_work', f.end_work)) AS d(dimension, code)
        UNION ALL
        SELECT 'topics', t FROM facts f CROSS JOIN LATERAL unnest(f.topics) AS t
      )
      SELECT 'total', 'all', count(*)::int FROM facts
      UNION ALL SELECT 'family_members', 'all', coalesce(sum(family_members), 0)::int FROM facts
      UNION ALL SELECT c.dimension, c.code, count(*)::int FROM cells c GROUP BY c.dimension, c.code
    $fn$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION koop_counselling_statistics(text, text, text, text, uuid) FROM PUBLIC`.execute(
    db,
  );
  await sql`GRANT EXECUTE ON FUNCTION koop_counselling_statistics(text, text, text, text, uuid) TO koop_app`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS koop_counselling_statistics(text, text, text, text, uuid)`.execute(db);
  await sql`DROP INDEX IF EXISTS case_statistics_months_idx`.execute(db);
  await sql`ALTER TABLE case_statistics DROP COLUMN IF EXISTS citizenship, DROP COLUMN IF EXISTS office_id`.execute(
    db,
  );
}
