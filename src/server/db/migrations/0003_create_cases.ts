import { sql, type Kysely } from 'kysely';

/**
 * Case management of the counselling services (MBE, JMD): clients, cases with the phases of the
 * method (Sondierungsgespräch, Sozial- und Kompetenzanalyse, Förderplan, Umsetzung, Abschluss),
 * contacts, activities, responsibilities per case, break-the-glass grants, per-organisation
 * settings, anonymous statistical facts and deletion records.
 *
 * Row-level security: every table is visible only inside its own organisation. Unlike the
 * foundation tables there is deliberately no `koop_all_orgs()` clause — system administration
 * never sees case data.
 */

/** Tables of this migration, in the order they can be dropped. */
const tables = [
  'case_deletion_records',
  'case_statistics',
  'case_settings',
  'case_number_counters',
  'case_access_grants',
  'case_responsibilities',
  'case_activities',
  'case_contacts',
  'plan_steps',
  'plan_goals',
  'support_plans',
  'case_analyses',
  'case_intakes',
  'cases',
  'client_family_members',
  'clients',
] as const;

/** Tables the application may only add to and read: facts and records that nobody edits. */
const appendOnly = new Set<string>(['case_statistics', 'case_deletion_records']);

const versionColumns = sql`
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Search key of a name: lower case, without diacritics (ü → u, ß → ss, ş → s), with the German
  // transliterations ae/oe/ue folded the same way, so "Muller" and "Mueller" both find "Müller".
  // unaccent() itself is only STABLE (it reads its dictionary by name); naming the dictionary
  // explicitly makes the wrapper safe to declare IMMUTABLE for the generated column and index.
  await sql`
    CREATE FUNCTION koop_search_norm(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
      SELECT btrim(regexp_replace(
        replace(replace(replace(lower(public.unaccent('public.unaccent'::regdictionary, input)),
          'ae', 'a'), 'oe', 'o'), 'ue', 'u'),
        '[[:space:]]+', ' ', 'g'))
    $$`.execute(db);

  await sql`
    CREATE TABLE clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      given_name text CHECK (length(given_name) <= 100),
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
      pseudonymous boolean NOT NULL DEFAULT false,
      birth_date date,
      age_group text,
      gender text CHECK (gender IN ('female','male','diverse','not_stated')),
      citizenship text CHECK (citizenship ~ '^[A-Z]{2}$'),
      languages text[] NOT NULL DEFAULT '{}',
      phone text CHECK (length(phone) <= 50),
      email text CHECK (length(email) <= 254),
      contact_note text CHECK (length(contact_note) <= 500),
      arrival_year integer CHECK (arrival_year BETWEEN 1900 AND 2200),
      residence_status_group text,
      search_text text GENERATED ALWAYS AS
        (koop_search_norm(coalesce(given_name, '') || ' ' || family_name)) STORED,
      created_by uuid REFERENCES users(id),
      ${versionColumns},
      CHECK (birth_date IS NOT NULL OR age_group IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX clients_search_idx ON clients USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX clients_birth_date_idx ON clients (organisation_id, birth_date)`.execute(db);

  await sql`
    CREATE TABLE client_family_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      position integer NOT NULL DEFAULT 0,
      relation text NOT NULL CHECK (relation IN ('partner','child','parent','sibling','other')),
      given_name text CHECK (length(given_name) <= 100),
      birth_year integer CHECK (birth_year BETWEEN 1900 AND 2200),
      counselled_alongside boolean NOT NULL DEFAULT true
    )`.execute(db);
  await sql`CREATE INDEX client_family_members_client_idx ON client_family_members (client_id)`.execute(db);

  await sql`
    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      case_number text NOT NULL,
      case_type text NOT NULL CHECK (case_type IN ('short_counselling','case_management')),
      service text NOT NULL CHECK (service IN ('MBE','JMD')),
      suggested_service text CHECK (suggested_service IN ('MBE','JMD')),
      service_override_reason text CHECK (length(service_override_reason) <= 500),
      owner_user_id uuid NOT NULL REFERENCES users(id),
      office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      phase text CHECK (phase IN ('intake','analysis','plan','implementation')),
      way_in text,
      opened_on date NOT NULL,
      next_review_on date,
      closed_on date,
      closure_reason text,
      closure_note text CHECK (length(closure_note) <= 2000),
      start_livelihood text,
      start_language_level text,
      start_work text,
      end_livelihood text,
      end_language_level text,
      end_work text,
      legal_hold boolean NOT NULL DEFAULT false,
      legal_hold_reason text CHECK (length(legal_hold_reason) <= 500),
      legal_hold_set_at timestamptz,
      legal_hold_set_by uuid REFERENCES users(id),
      created_by uuid REFERENCES users(id),
      ${versionColumns},
      UNIQUE (organisation_id, case_number),
      CHECK (closed_on IS NULL OR closed_on >= opened_on),
      CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
      CHECK (status = 'open' OR closure_reason IS NOT NULL),
      CHECK (case_type = 'case_management' OR phase IS NULL),
      CHECK (NOT legal_hold OR legal_hold_reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX cases_owner_idx ON cases (owner_user_id, status, opened_on)`.execute(db);
  await sql`CREATE INDEX cases_client_idx ON cases (client_id)`.execute(db);
  await sql`CREATE INDEX cases_retention_idx ON cases (closed_on) WHERE status = 'closed' AND NOT legal_hold`.execute(
    db,
  );

  // Sondierungsgespräch: one per case.
  await sql`
    CREATE TABLE case_intakes (
      case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      held_on date NOT NULL,
      reason text NOT NULL,
      concerns text,
      agreed_next_steps text,
      topics text[] NOT NULL DEFAULT '{}',
      updated_by uuid REFERENCES users(id),
      ${versionColumns}
    )`.execute(db);

  // Sozial- und Kompetenzanalyse: one per case, structured.
  await sql`
    CREATE TABLE case_analyses (
      case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      german_level text CHECK (german_level IN ('none','A1','A2','B1','B2','C1','C2')),
      other_languages text[] NOT NULL DEFAULT '{}',
      schooling text CHECK (schooling IN ('none','primary','secondary','upper_secondary','university')),
      schooling_years integer CHECK (schooling_years BETWEEN 0 AND 30),
      schooling_note text,
      qualifications jsonb NOT NULL DEFAULT '[]'::jsonb,
      work_experience text,
      family_situation text,
      housing text CHECK (housing IN ('own_flat','with_family','shared_accommodation','homeless','other')),
      housing_note text,
      health_note text,
      residence_status_group text,
      residence_note text,
      livelihood text[] NOT NULL DEFAULT '{}',
      livelihood_note text,
      updated_by uuid REFERENCES users(id),
      ${versionColumns}
    )`.execute(db);
  await sql`
    COMMENT ON COLUMN case_analyses.health_note IS
      'Besondere Kategorie personenbezogener Daten (Art. 9 DSGVO): nur für die fallführende Person und nach begründetem Zugriff (Notfallzugriff); nie in Statistiken oder Exporten an Partner'`.execute(
    db,
  );

  // Förderplan with the client's agreement (R-CASE-4); goals and steps belong to it.
  await sql`
    CREATE TABLE support_plans (
      case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      reason text,
      goal text,
      course text,
      agreed boolean NOT NULL DEFAULT false,
      agreed_on date,
      agreement_method text CHECK (agreement_method IN ('spoken','signed_paper','signed_on_screen','in_writing')),
      agreement_note text,
      updated_by uuid REFERENCES users(id),
      ${versionColumns},
      CHECK (NOT agreed OR (agreed_on IS NOT NULL AND agreement_method IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TABLE plan_goals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES support_plans(case_id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL,
      status text NOT NULL CHECK (status IN ('open','in_progress','reached','dropped'))
    )`.execute(db);
  await sql`CREATE INDEX plan_goals_case_idx ON plan_goals (case_id)`.execute(db);
  await sql`
    CREATE TABLE plan_steps (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES support_plans(case_id) ON DELETE CASCADE,
      goal_id uuid NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL,
      responsible text NOT NULL CHECK (responsible IN ('client','counsellor','partner')),
      partner_name text,
      due_on date,
      status text NOT NULL CHECK (status IN ('open','in_progress','done','dropped')),
      done_on date
    )`.execute(db);
  await sql`CREATE INDEX plan_steps_case_idx ON plan_steps (case_id)`.execute(db);
  await sql`CREATE INDEX plan_steps_due_idx ON plan_steps (case_id, due_on) WHERE status IN ('open','in_progress')`.execute(
    db,
  );

  // Contacts and appointments (R-CASE-5).
  await sql`
    CREATE TABLE case_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      form text NOT NULL CHECK (form IN ('in_person','phone','video','message','home_visit')),
      status text NOT NULL CHECK (status IN ('planned','held','missed','cancelled')),
      duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
      topics text[] NOT NULL DEFAULT '{}',
      family_member_ids uuid[] NOT NULL DEFAULT '{}',
      note text,
      created_by uuid REFERENCES users(id),
      ${versionColumns}
    )`.execute(db);
  await sql`CREATE INDEX case_contacts_case_idx ON case_contacts (case_id, starts_at DESC)`.execute(db);

  // Social-pedagogical support during the integration course and arranging childcare (R-CASE-6).
  await sql`
    CREATE TABLE case_activities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('course_support','childcare')),
      status text NOT NULL CHECK (status IN ('planned','active','done','cancelled')),
      course_provider_name text,
      course_name text,
      starts_on date,
      ends_on date,
      children_count integer CHECK (children_count BETWEEN 1 AND 20),
      childcare_place text,
      note text,
      created_by uuid REFERENCES users(id),
      ${versionColumns},
      CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);
  await sql`CREATE INDEX case_activities_case_idx ON case_activities (case_id)`.execute(db);

  // Who is responsible for what in this case (R-CASE-7); filled from the source text's division.
  await sql`
    CREATE TABLE case_responsibilities (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      area text NOT NULL,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      responsible text NOT NULL
        CHECK (responsible IN ('counselling','jobcenter','course_provider_or_clearing','abh','jobcenter_or_abh')),
      note text,
      updated_by uuid REFERENCES users(id),
      ${versionColumns},
      PRIMARY KEY (case_id, area)
    )`.execute(db);

  // Break the glass (R-CON-8): who opened someone else's case, why, and until when.
  await sql`
    CREATE TABLE case_access_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 500),
      granted_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX case_access_grants_case_idx ON case_access_grants (case_id, user_id, expires_at)`.execute(
    db,
  );
  await sql`CREATE INDEX case_access_grants_user_idx ON case_access_grants (user_id, expires_at)`.execute(db);

  await sql`
    CREATE TABLE case_number_counters (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      year integer NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (organisation_id, year)
    )`.execute(db);

  // Category lists and retention period per organisation; absent rows mean the defaults.
  await sql`
    CREATE TABLE case_settings (
      organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
      categories jsonb NOT NULL DEFAULT '{}'::jsonb,
      retention_years integer NOT NULL DEFAULT 3 CHECK (retention_years BETWEEN 1 AND 30),
      updated_by uuid REFERENCES users(id),
      ${versionColumns}
    )`.execute(db);

  // Anonymous statistical facts kept when a case is erased: no names, no dates finer than a month.
  await sql`
    CREATE TABLE case_statistics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      service text NOT NULL,
      case_type text NOT NULL,
      opened_month text NOT NULL,
      closed_month text,
      age_group text,
      gender text,
      residence_status_group text,
      years_since_arrival text,
      way_in text,
      closure_reason text,
      contacts integer NOT NULL DEFAULT 0,
      family_members integer NOT NULL DEFAULT 0,
      topics text[] NOT NULL DEFAULT '{}',
      start_livelihood text,
      end_livelihood text,
      start_language_level text,
      end_language_level text,
      start_work text,
      end_work text
    )`.execute(db);
  await sql`CREATE INDEX case_statistics_org_idx ON case_statistics (organisation_id, closed_month)`.execute(
    db,
  );

  // What the retention job erased, without any personal data.
  await sql`
    CREATE TABLE case_deletion_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      erased_at timestamptz NOT NULL,
      rule text NOT NULL,
      retention_years integer NOT NULL,
      closed_month text NOT NULL,
      service text NOT NULL,
      case_type text NOT NULL,
      records_removed integer NOT NULL,
      client_erased boolean NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX case_deletion_records_org_idx ON case_deletion_records (organisation_id, erased_at DESC)`.execute(
    db,
  );

  // R-CASE-8: name search over the caller's own clients. Row-level security cannot use the trigram
  // index here: LIKE and pg_trgm's operators are not leakproof, so under a policy they are only
  // evaluated after it, row by row. This function therefore runs as the owner (like the credential
  // look-ups of 0001) but is scoped explicitly to the transaction's organisation and user
  // (koop.org_id, koop.user_id, set by the sign-in look-up), and returns only ids and scores. Every
  // word of the query must match, as a substring or within typo distance. A usual caseload (up to
  // 5,000 clients) is collected first and filtered by id; a larger one goes through the trigram
  // index first and checks reachability for the best candidates only. JIT is off: compiling costs more than the
  // query.
  await sql`
    CREATE FUNCTION koop_search_client_names(p_query text, p_now timestamptz, p_limit integer)
    RETURNS TABLE (client_id uuid, score real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public SET jit = off AS $fn$
    DECLARE
      v_org uuid := nullif(current_setting('koop.org_id', true), '')::uuid;
      v_user uuid := nullif(current_setting('koop.user_id', true), '')::uuid;
      v_q text := koop_search_norm(p_query);
      v_word text;
      v_pattern text;
      v_match text := '';
      v_indexed boolean := false;
      v_small boolean;
      v_ids uuid[];
      v_text text;
    BEGIN
      IF v_org IS NULL OR v_user IS NULL OR v_q IS NULL THEN RETURN; END IF;
      SELECT count(*) <= 5000 INTO v_small
        FROM (SELECT 1 FROM cases k WHERE k.owner_user_id = v_user AND k.organisation_id = v_org LIMIT 5001) x;
      IF v_small THEN
        SELECT array_agg(DISTINCT r.client_id) INTO v_ids FROM (
          SELECT k.client_id FROM cases k WHERE k.owner_user_id = v_user AND k.organisation_id = v_org
          UNION ALL
          SELECT k.client_id FROM case_access_grants g JOIN cases k ON k.id = g.case_id
          WHERE g.user_id = v_user AND g.organisation_id = v_org AND g.expires_at > p_now) r;
        IF v_ids IS NULL THEN RETURN; END IF;
      END IF;
      -- In a small caseload the expression keeps the planner from the index: filtering the
      -- caseload is cheaper than fetching every namesake of the installation.
      v_text := CASE WHEN v_small THEN '(c.search_text || '''')' ELSE 'c.search_text' END;
      FOREACH v_word IN ARRAY regexp_split_to_array(v_q, ' ') LOOP
        CONTINUE WHEN v_word = '';
        v_pattern := '%' || replace(replace(replace(v_word, chr(92), chr(92) || chr(92)), '%', chr(92) || '%'), '_', chr(92) || '_') || '%';
        IF length(v_word) >= 3 THEN
          v_match := v_match || format(' AND (%s LIKE %L OR %L <%% %s)', v_text, v_pattern, v_word, v_text);
          v_indexed := true;
        ELSE
          v_match := v_match || format(' AND %s LIKE %L', v_text, v_pattern);
        END IF;
      END LOOP;
      IF NOT v_indexed THEN RETURN; END IF;
      IF v_small THEN
        RETURN QUERY EXECUTE format($q$
          SELECT c.id, word_similarity($1, c.search_text)
          FROM clients c
          WHERE c.id = ANY($3) AND c.organisation_id = $2 %s
          ORDER BY 2 DESC, similarity($1, c.search_text) DESC, c.family_name, c.given_name, c.id
          LIMIT $4 $q$, v_match)
        USING v_q, v_org, v_ids, p_limit;
      ELSE
        RETURN QUERY EXECUTE format($q$
          SELECT cand.id, cand.score FROM (
            SELECT c.id, word_similarity($1, c.search_text) AS score
            FROM clients c
            WHERE c.organisation_id = $2 %s
            ORDER BY 2 DESC, similarity($1, c.search_text) DESC, c.family_name, c.given_name, c.id
            OFFSET 0) cand
          WHERE EXISTS (SELECT 1 FROM cases k WHERE k.client_id = cand.id AND (k.owner_user_id = $3
                   OR EXISTS (SELECT 1 FROM case_access_grants g
                              WHERE g.case_id = k.id AND g.user_id = $3 AND g.expires_at > $4)))
          LIMIT $5 $q$, v_match)
        USING v_q, v_org, v_user, p_now, p_limit;
      END IF;
    END $fn$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION koop_search_client_names(text, timestamptz, integer) FROM PUBLIC`.execute(
    db,
  );
  await sql`GRANT EXECUTE ON FUNCTION koop_search_client_names(text, timestamptz, integer) TO koop_app`.execute(
    db,
  );

  for (const table of tables) {
    const grant = appendOnly.has(table) ? sql`SELECT, INSERT` : sql`SELECT, INSERT, UPDATE, DELETE`;
    await sql`GRANT ${grant} ON ${sql.table(table)} TO koop_app`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`
      CREATE POLICY ${sql.id(`${table}_tenant`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING (organisation_id = koop_current_org())
      WITH CHECK (organisation_id = koop_current_org())`.execute(db);
  }
}

/** Migrations are forward-only once merged; down exists for local experiments. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS koop_search_client_names(text, timestamptz, integer)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_search_norm(text)`.execute(db);
}
