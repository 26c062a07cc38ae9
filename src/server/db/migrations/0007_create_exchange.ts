import { sql, type Kysely } from 'kysely';

/**
 * Consent-gated exchange between counselling services and their partners (R-CON-1..4, R-RED-1,
 * R-RED-4, R-RED-5, R-EXC-1..4): partner teams, consents with their event log, threads of
 * messages, the client's copies and conflicts.
 *
 * Row-level security keeps the counselling side to itself: consents, their events, the link of a
 * thread to its client and case, and the client copies are own-organisation-only, like the case
 * tables (no `koop_all_orgs()`). The only tables both sides read are the exchange's own —
 * threads, messages and conflicts — and only their two parties, named on every row: the
 * disclosing provider and the receiving partner. A partner reads what was sent, never the case.
 * The one function that reads a consent across organisations, `koop_partner_consent`, returns
 * the scope of a consent to its recipient organisation only.
 */

const consentCategories = sql.raw(
  `'identity_contact','residence_status','language_courses','schooling_qualifications','work_experience',` +
    `'analysis_results','plan_goals','course_attendance','family_situation','health'`,
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partner_teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
      email text CHECK (length(email) <= 254),
      phone text CHECK (length(phone) <= 50),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, name)
    )`.execute(db);
  await sql`
    CREATE TABLE partner_team_members (
      team_id uuid NOT NULL REFERENCES partner_teams(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      PRIMARY KEY (team_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX partner_team_members_user_idx ON partner_team_members (user_id)`.execute(db);

  await sql`
    CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
      recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
      recipient_team_id uuid NOT NULL REFERENCES partner_teams(id),
      recipient_user_id uuid REFERENCES users(id),
      purpose text NOT NULL CHECK (purpose IN ('integration_jobcenter','course_participation','residence_matters','other')),
      purpose_text text CHECK (length(purpose_text) <= 500),
      categories text[] NOT NULL CHECK (cardinality(categories) > 0 AND categories <@ ARRAY[${consentCategories}]),
      direction text NOT NULL CHECK (direction IN ('to_partner','from_partner','both')),
      repetition text NOT NULL CHECK (repetition IN ('once','repeated')),
      valid_from date NOT NULL,
      valid_until date NOT NULL,
      form text NOT NULL CHECK (form IN ('paper','on_screen')),
      form_language text NOT NULL,
      legal_basis text NOT NULL DEFAULT 'consent' CHECK (legal_basis = 'consent'),
      document bytea,
      document_type text CHECK (document_type IN ('application/pdf','image/png','image/jpeg')),
      taken_by uuid NOT NULL REFERENCES users(id),
      given_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES users(id),
      withdrawal_note text CHECK (length(withdrawal_note) <= 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until >= valid_from),
      CHECK (purpose <> 'other' OR purpose_text IS NOT NULL),
      CHECK ((document IS NULL) = (document_type IS NULL)),
      CHECK (form <> 'paper' OR document IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX consents_client_idx ON consents (organisation_id, client_id)`.execute(db);

  // ISO/IEC 27560: the consent's event log — given, used, withdrawn — never edited.
  await sql`
    CREATE TABLE consent_events (
      id bigserial PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      consent_id uuid NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('given','used','withdrawn')),
      message_id uuid,
      actor_user_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX consent_events_consent_idx ON consent_events (consent_id)`.execute(db);

  await sql`
    CREATE TABLE exchange_threads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      partner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      partner_team_id uuid NOT NULL REFERENCES partner_teams(id),
      partner_user_id uuid REFERENCES users(id),
      consent_id uuid REFERENCES consents(id) ON DELETE SET NULL,
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
      client_label text NOT NULL CHECK (length(client_label) BETWEEN 1 AND 250),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_message_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (id, provider_organisation_id, partner_organisation_id),
      CHECK (provider_organisation_id <> partner_organisation_id)
    )`.execute(db);
  await sql`CREATE INDEX exchange_threads_partner_idx ON exchange_threads (partner_organisation_id, partner_team_id, last_message_at DESC)`.execute(
    db,
  );
  // Which client and case a thread is about: the counselling side's own knowledge.
  await sql`
    CREATE TABLE exchange_thread_cases (
      thread_id uuid PRIMARY KEY REFERENCES exchange_threads(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX exchange_thread_cases_client_idx ON exchange_thread_cases (organisation_id, client_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE exchange_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      thread_id uuid NOT NULL,
      provider_organisation_id uuid NOT NULL,
      partner_organisation_id uuid NOT NULL,
      author_organisation_id uuid NOT NULL REFERENCES organisations(id),
      author_user_id uuid NOT NULL REFERENCES users(id),
      author_name text NOT NULL,
      author_phone text,
      author_email text,
      author_office text,
      kind text NOT NULL CHECK (kind IN ('assessment_result','dropout_notice','serious_change','special_problem','answer')),
      sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'array' AND jsonb_array_length(sections) > 0),
      categories text[] NOT NULL CHECK (categories <@ ARRAY[${consentCategories}]),
      consent_id uuid,
      sent_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      read_by uuid REFERENCES users(id),
      FOREIGN KEY (thread_id, provider_organisation_id, partner_organisation_id)
        REFERENCES exchange_threads (id, provider_organisation_id, partner_organisation_id) ON DELETE CASCADE,
      CHECK (author_organisation_id IN (provider_organisation_id, partner_organisation_id)),
      CHECK (author_organisation_id = partner_organisation_id OR kind <> 'special_problem')
    )`.execute(db);
  await sql`CREATE INDEX exchange_messages_thread_idx ON exchange_messages (thread_id, sent_at)`.execute(db);

  // The client's copy of every disclosure (R-RED-5, R-CON-4), in the client's language.
  await sql`
    CREATE TABLE client_copies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      message_id uuid NOT NULL UNIQUE REFERENCES exchange_messages(id) ON DELETE CASCADE,
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      language text NOT NULL,
      pdf bytea NOT NULL,
      handover text CHECK (handover IN ('in_person','post','email')),
      handed_over_at timestamptz,
      handed_over_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((handover IS NULL) = (handed_over_at IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX client_copies_client_idx ON client_copies (organisation_id, client_id)`.execute(db);

  // A disclosure without its client copy cannot exist: checked when the transaction commits.
  await sql`
    CREATE FUNCTION koop_disclosure_has_copy() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      IF NEW.author_organisation_id = NEW.provider_organisation_id
         AND NOT EXISTS (SELECT 1 FROM client_copies WHERE message_id = NEW.id) THEN
        RAISE EXCEPTION 'disclosure % has no client copy', NEW.id USING ERRCODE = '23514';
      END IF;
      RETURN NULL;
    END $fn$`.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER exchange_messages_client_copy AFTER INSERT ON exchange_messages
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION koop_disclosure_has_copy()`.execute(db);

  await sql`
    CREATE TABLE exchange_conflicts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      thread_id uuid NOT NULL,
      provider_organisation_id uuid NOT NULL,
      partner_organisation_id uuid NOT NULL,
      raised_by uuid NOT NULL REFERENCES users(id),
      raised_by_name text NOT NULL,
      raised_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
      outcome text CHECK (length(outcome) <= 4000),
      resolved_by uuid REFERENCES users(id),
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      FOREIGN KEY (thread_id, provider_organisation_id, partner_organisation_id)
        REFERENCES exchange_threads (id, provider_organisation_id, partner_organisation_id) ON DELETE CASCADE,
      CHECK (raised_by_organisation_id IN (provider_organisation_id, partner_organisation_id)),
      CHECK ((status = 'resolved') = (resolved_at IS NOT NULL AND outcome IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX exchange_conflicts_thread_idx ON exchange_conflicts (thread_id)`.execute(db);
  await sql`
    CREATE TABLE exchange_conflict_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conflict_id uuid NOT NULL REFERENCES exchange_conflicts(id) ON DELETE CASCADE,
      provider_organisation_id uuid NOT NULL,
      partner_organisation_id uuid NOT NULL,
      author_organisation_id uuid NOT NULL REFERENCES organisations(id),
      author_user_id uuid NOT NULL REFERENCES users(id),
      author_name text NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (author_organisation_id IN (provider_organisation_id, partner_organisation_id))
    )`.execute(db);

  // Partner teams are the partners' published structure, readable like offices; members stay inside.
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON partner_teams, partner_team_members TO koop_app`.execute(
    db,
  );
  for (const table of ['partner_teams', 'partner_team_members']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
  }
  await sql`CREATE POLICY partner_teams_read ON partner_teams FOR SELECT TO koop_app USING (true)`.execute(
    db,
  );
  await sql`
    CREATE POLICY partner_teams_write ON partner_teams FOR ALL TO koop_app
    USING (organisation_id = koop_current_org()) WITH CHECK (organisation_id = koop_current_org())`.execute(
    db,
  );
  await sql`
    CREATE POLICY partner_team_members_tenant ON partner_team_members FOR ALL TO koop_app
    USING (organisation_id = koop_current_org()) WITH CHECK (organisation_id = koop_current_org())`.execute(
    db,
  );

  // The counselling side's own tables: own organisation only, never system administration.
  for (const [table, grant] of [
    ['consents', sql`SELECT, INSERT, UPDATE`],
    ['consent_events', sql`SELECT, INSERT`],
    ['exchange_thread_cases', sql`SELECT, INSERT`],
    ['client_copies', sql`SELECT, INSERT, UPDATE`],
  ] as const) {
    await sql`GRANT ${grant} ON ${sql.table(table)} TO koop_app`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`
      CREATE POLICY ${sql.id(`${table}_tenant`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING (organisation_id = koop_current_org()) WITH CHECK (organisation_id = koop_current_org())`.execute(
      db,
    );
  }
  await sql`GRANT USAGE ON SEQUENCE consent_events_id_seq TO koop_app`.execute(db);

  // The exchange's own tables: readable by their two parties; written in the author's name.
  await sql`GRANT SELECT, INSERT ON exchange_threads, exchange_messages, exchange_conflicts, exchange_conflict_notes TO koop_app`.execute(
    db,
  );
  await sql`GRANT UPDATE (last_message_at) ON exchange_threads TO koop_app`.execute(db);
  await sql`GRANT UPDATE (read_at, read_by) ON exchange_messages TO koop_app`.execute(db);
  await sql`GRANT UPDATE (status, outcome, resolved_by, resolved_at, version) ON exchange_conflicts TO koop_app`.execute(
    db,
  );
  const parties = sql`koop_current_org() IN (provider_organisation_id, partner_organisation_id)`;
  for (const table of [
    'exchange_threads',
    'exchange_messages',
    'exchange_conflicts',
    'exchange_conflict_notes',
  ]) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY ${sql.id(`${table}_parties`)} ON ${sql.table(table)} FOR SELECT TO koop_app USING (${parties})`.execute(
      db,
    );
    await sql`CREATE POLICY ${sql.id(`${table}_update`)} ON ${sql.table(table)} FOR UPDATE TO koop_app USING (${parties}) WITH CHECK (${parties})`.execute(
      db,
    );
  }
  // Only the counselling service opens a thread; each side writes only in its own name.
  await sql`
    CREATE POLICY exchange_threads_open ON exchange_threads FOR INSERT TO koop_app
    WITH CHECK (provider_organisation_id = koop_current_org())`.execute(db);
  await sql`
    CREATE POLICY exchange_messages_write ON exchange_messages FOR INSERT TO koop_app
    WITH CHECK (author_organisation_id = koop_current_org() AND ${parties})`.execute(db);
  await sql`
    CREATE POLICY exchange_conflicts_raise ON exchange_conflicts FOR INSERT TO koop_app
    WITH CHECK (raised_by_organisation_id = koop_current_org() AND ${parties})`.execute(db);
  await sql`
    CREATE POLICY exchange_conflict_notes_write ON exchange_conflict_notes FOR INSERT TO koop_app
    WITH CHECK (author_organisation_id = koop_current_org() AND ${parties})`.execute(db);

  // The one read of a consent across organisations: its scope, for its recipient organisation
  // only, optionally locking the row so that a withdrawal and a partner's notice cannot cross.
  await sql`
    CREATE FUNCTION koop_partner_consent(p_consent uuid, p_lock boolean)
    RETURNS TABLE (id uuid, organisation_id uuid, recipient_organisation_id uuid, recipient_team_id uuid,
                   recipient_user_id uuid, purpose text, purpose_text text, categories text[], direction text,
                   repetition text, valid_from date, valid_until date, used_at timestamptz, withdrawn_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      IF p_lock THEN
        RETURN QUERY SELECT c.id, c.organisation_id, c.recipient_organisation_id, c.recipient_team_id,
          c.recipient_user_id, c.purpose, c.purpose_text, c.categories, c.direction, c.repetition,
          c.valid_from, c.valid_until, c.used_at, c.withdrawn_at
        FROM consents c WHERE c.id = p_consent AND c.recipient_organisation_id = koop_current_org()
        FOR UPDATE;
      ELSE
        RETURN QUERY SELECT c.id, c.organisation_id, c.recipient_organisation_id, c.recipient_team_id,
          c.recipient_user_id, c.purpose, c.purpose_text, c.categories, c.direction, c.repetition,
          c.valid_from, c.valid_until, c.used_at, c.withdrawn_at
        FROM consents c WHERE c.id = p_consent AND c.recipient_organisation_id = koop_current_org();
      END IF;
    END $fn$`.execute(db);
  // Reachability (R-EXC-4): the names and direct contacts of another organisation's central
  // contacts and partner staff — their professional contact data, nothing else of the account.
  await sql`
    CREATE FUNCTION koop_exchange_contacts(p_org uuid)
    RETURNS TABLE (id uuid, organisation_id uuid, display_name text, function_title text, phone text,
                   email text, central_contact boolean, team_ids uuid[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      SELECT u.id, u.organisation_id, u.display_name, u.function_title, u.phone, u.email::text,
             'central_contact' = ANY (u.roles),
             coalesce((SELECT array_agg(m.team_id) FROM partner_team_members m WHERE m.user_id = u.id), '{}')
      FROM users u
      WHERE u.organisation_id = p_org AND u.status = 'active'
        AND ('central_contact' = ANY (u.roles) OR 'partner_staff' = ANY (u.roles))
        AND koop_current_org() IS NOT NULL
      ORDER BY u.display_name
    $fn$`.execute(db);
  for (const fn of ['koop_partner_consent(uuid, boolean)', 'koop_exchange_contacts(uuid)']) {
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO koop_app`.execute(db);
  }
  await sql`REVOKE ALL ON FUNCTION koop_disclosure_has_copy() FROM PUBLIC`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'exchange_conflict_notes',
    'exchange_conflicts',
    'client_copies',
    'exchange_messages',
    'exchange_thread_cases',
    'exchange_threads',
    'consent_events',
    'consents',
    'partner_team_members',
    'partner_teams',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS koop_partner_consent(uuid, boolean)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_exchange_contacts(uuid)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_disclosure_has_copy()`.execute(db);
}
