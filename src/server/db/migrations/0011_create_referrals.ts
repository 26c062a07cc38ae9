import { sql, type Kysely } from 'kysely';

/**
 * Referrals from partners to counselling (R-REF-1, R-REF-3, R-REF-4, R-RED-1, R-RED-2): the
 * anonymous counts of referral slips, named referrals made with the person's consent, their
 * history, and the link of an accepted referral to the client and case it opened.
 *
 * Row-level security: a named referral is one row with both organisations on it — the referring
 * partner and the receiving provider. Only the receiving organisation reads and changes it; the
 * partner inserts it in its own name and never reads the row again. What the partner learns
 * comes from one `SECURITY DEFINER` function, `koop_sent_referrals`, which returns the partner's
 * own referrals with the outcome reduced to "taken up" / "not taken up" and only where the
 * person allowed feedback; a hand-on to another provider goes through `koop_hand_on_referral`. The history, the case link and the counts are own-organisation-only,
 * like the case tables; the case tables are not widened.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  // R-REF-1: one counter per month, referring organisation, programme, language and topic —
  // no person, no postcode, no time of day.
  await sql`
    CREATE TABLE referral_counts (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      kind text NOT NULL CHECK (kind IN ('slip','named')),
      service text NOT NULL CHECK (service IN ('MBE','JMD','both')),
      language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
      topic text NOT NULL CHECK (topic ~ '^[a-z0-9_]{1,50}$'),
      referrals integer NOT NULL DEFAULT 1 CHECK (referrals > 0),
      PRIMARY KEY (organisation_id, month, kind, service, language, topic)
    )`.execute(db);

  await sql`
    CREATE TABLE referrals (
      id uuid PRIMARY KEY,
      referrer_organisation_id uuid NOT NULL REFERENCES organisations(id),
      referrer_user_id uuid NOT NULL REFERENCES users(id),
      receiving_organisation_id uuid NOT NULL REFERENCES organisations(id),
      receiving_office_id uuid NOT NULL REFERENCES offices(id),
      service text NOT NULL CHECK (service IN ('MBE','JMD')),
      given_name text CHECK (length(given_name) <= 100),
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
      phone text CHECK (length(phone) <= 50),
      email text CHECK (length(email) <= 254),
      language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
      age integer CHECK (age BETWEEN 0 AND 120),
      topic text NOT NULL CHECK (topic ~ '^[a-z0-9_]{1,50}$'),
      note text CHECK (length(note) <= 500),
      call_first boolean NOT NULL DEFAULT false,
      feedback_allowed boolean NOT NULL,
      consent_language text NOT NULL,
      consent_given_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','received','accepted','closed')),
      handed_on_by_organisation_id uuid REFERENCES organisations(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (referrer_organisation_id <> receiving_organisation_id),
      CHECK (phone IS NOT NULL OR email IS NOT NULL),
      CHECK (NOT call_first OR phone IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX referrals_receiving_idx ON referrals (receiving_organisation_id, status, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX referrals_referrer_idx ON referrals (referrer_organisation_id, created_at DESC)`.execute(
    db,
  );

  // Each side's own history of a referral: what it did, and why (a hand-on's reason, a closure).
  await sql`
    CREATE TABLE referral_events (
      id bigserial PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('sent','received','accepted','handed_on','closed')),
      reason text CHECK (length(reason) <= 500),
      to_office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
      actor_user_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, at)`.execute(db);

  // Which client and case an accepted referral opened: the counselling side's own knowledge.
  await sql`
    CREATE TABLE referral_cases (
      referral_id uuid PRIMARY KEY REFERENCES referrals(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE
    )`.execute(db);

  for (const [table, grant] of [
    ['referral_counts', sql`SELECT, INSERT, UPDATE`],
    ['referral_events', sql`SELECT, INSERT`],
    ['referral_cases', sql`SELECT, INSERT`],
  ] as const) {
    await sql`GRANT ${grant} ON ${sql.table(table)} TO koop_app`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`
      CREATE POLICY ${sql.id(`${table}_tenant`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING (organisation_id = koop_current_org()) WITH CHECK (organisation_id = koop_current_org())`.execute(
      db,
    );
  }
  await sql`GRANT USAGE ON SEQUENCE referral_events_id_seq TO koop_app`.execute(db);

  // The referral itself: the partner inserts in its own name; only the receiving side reads it
  // and decides it. Handing it on goes through `koop_hand_on_referral` below.
  await sql`GRANT SELECT, INSERT ON referrals TO koop_app`.execute(db);
  await sql`GRANT UPDATE (status, version, updated_at) ON referrals TO koop_app`.execute(db);
  await sql`ALTER TABLE referrals ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY referrals_send ON referrals FOR INSERT TO koop_app
    WITH CHECK (referrer_organisation_id = koop_current_org() AND status = 'sent'
                AND handed_on_by_organisation_id IS NULL)`.execute(db);
  await sql`
    CREATE POLICY referrals_receive ON referrals FOR SELECT TO koop_app
    USING (receiving_organisation_id = koop_current_org())`.execute(db);
  await sql`
    CREATE POLICY referrals_move ON referrals FOR UPDATE TO koop_app
    USING (receiving_organisation_id = koop_current_org())
    WITH CHECK (receiving_organisation_id = koop_current_org())`.execute(db);

  // R-REF-4: the receiving organisation hands an open referral on to another counselling office
  // and programme — its own or another provider's. Afterwards the row is the new office's alone.
  await sql`
    CREATE FUNCTION koop_hand_on_referral(p_referral uuid, p_version integer, p_office uuid, p_service text,
                                          p_at timestamptz)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      UPDATE referrals r
      SET receiving_organisation_id = o.organisation_id,
          receiving_office_id = o.id,
          service = p_service,
          status = 'sent',
          handed_on_by_organisation_id =
            CASE WHEN o.organisation_id = koop_current_org() THEN r.handed_on_by_organisation_id
                 ELSE koop_current_org() END,
          version = r.version + 1,
          updated_at = p_at
      FROM offices o JOIN organisations p ON p.id = o.organisation_id
      WHERE r.id = p_referral AND r.version = p_version AND r.status IN ('sent','received')
        AND r.receiving_organisation_id = koop_current_org()
        AND o.id = p_office AND p.kind = 'welfare_provider' AND p_service = ANY (o.services)
        AND o.organisation_id <> r.referrer_organisation_id;
      RETURN FOUND;
    END $fn$`.execute(db);

  // R-REF-4, R-RED-2: what the referring partner learns of its own referrals. The outcome is
  // "taken_up" or "not_taken_up" only where the person allowed feedback, otherwise nothing;
  // never whether the person came, never the case.
  await sql`
    CREATE FUNCTION koop_sent_referrals(p_referral uuid, p_limit integer, p_offset integer)
    RETURNS TABLE (id uuid, created_at timestamptz, referrer_user_id uuid, referrer_name text,
                   given_name text, family_name text, office_name text, provider_name text,
                   service text, call_first boolean, feedback_allowed boolean, outcome text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      SELECT r.id, r.created_at, r.referrer_user_id, u.display_name, r.given_name, r.family_name,
             o.name, p.name, r.service, r.call_first, r.feedback_allowed,
             CASE WHEN NOT r.feedback_allowed THEN NULL
                  WHEN r.status = 'accepted' THEN 'taken_up'
                  WHEN r.status = 'closed' THEN 'not_taken_up'
                  ELSE 'open' END
      FROM referrals r
      JOIN offices o ON o.id = r.receiving_office_id
      JOIN organisations p ON p.id = r.receiving_organisation_id
      JOIN users u ON u.id = r.referrer_user_id
      WHERE r.referrer_organisation_id = koop_current_org()
        AND (p_referral IS NULL OR r.id = p_referral)
      ORDER BY r.created_at DESC, r.id
      LIMIT p_limit OFFSET p_offset
    $fn$`.execute(db);
  for (const fn of [
    'koop_sent_referrals(uuid, integer, integer)',
    'koop_hand_on_referral(uuid, integer, uuid, text, timestamptz)',
  ]) {
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO koop_app`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS koop_sent_referrals(uuid, integer, integer)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_hand_on_referral(uuid, integer, uuid, text, timestamptz)`.execute(
    db,
  );
  for (const table of ['referral_cases', 'referral_events', 'referrals', 'referral_counts']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
}
