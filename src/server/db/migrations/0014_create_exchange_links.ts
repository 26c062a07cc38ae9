import { sql, type Kysely } from 'kysely';

/**
 * Partners off the platform (R-REF-5): a thread's disclosures reach a recipient without an
 * account through a one-time link sent by e-mail or a letter with a code. The link belongs to
 * the thread, and so to its two parties; only hashes of its secrets are stored.
 *
 * Whoever holds a valid link or letter code acts for the recipient organisation in that one
 * thread: `koop_find_link` returns the recipient organisation of the link a secret names, and
 * the caller opens that organisation's context in the same statement (like a session). The
 * answer is a message of the thread in the recipient organisation's name, written through the
 * link rather than by an account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE exchange_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer GENERATED ALWAYS AS IDENTITY (START WITH 100001) UNIQUE,
      thread_id uuid NOT NULL,
      provider_organisation_id uuid NOT NULL,
      partner_organisation_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email','letter')),
      token_hash text UNIQUE,
      code_hash text,
      birth_year smallint CHECK (birth_year BETWEEN 1900 AND 2100),
      email text CHECK (length(email) <= 254),
      expires_at timestamptz NOT NULL,
      opened_at timestamptz,
      reader_hash text UNIQUE,
      answered_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (thread_id, provider_organisation_id, partner_organisation_id)
        REFERENCES exchange_threads (id, provider_organisation_id, partner_organisation_id) ON DELETE CASCADE,
      CHECK ((channel = 'email') = (token_hash IS NOT NULL AND email IS NOT NULL)),
      CHECK ((channel = 'letter') = (code_hash IS NOT NULL AND birth_year IS NOT NULL)),
      CHECK ((opened_at IS NULL) = (reader_hash IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX exchange_links_thread_idx ON exchange_links (thread_id, created_at)`.execute(db);

  // An answer through a link has no author account; it names the link instead.
  await sql`ALTER TABLE exchange_messages ALTER COLUMN author_user_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE exchange_messages ADD COLUMN via_link_id uuid REFERENCES exchange_links(id)`.execute(
    db,
  );
  await sql`
    ALTER TABLE exchange_messages ADD CONSTRAINT exchange_messages_author_present
    CHECK (author_user_id IS NOT NULL OR via_link_id IS NOT NULL)`.execute(db);

  await sql`GRANT SELECT, INSERT ON exchange_links TO koop_app`.execute(db);
  await sql`
    GRANT UPDATE (opened_at, reader_hash, answered_at, revoked_at, revoked_by, failed_attempts, locked_until)
    ON exchange_links TO koop_app`.execute(db);
  await sql`ALTER TABLE exchange_links ENABLE ROW LEVEL SECURITY`.execute(db);
  const parties = sql`koop_current_org() IN (provider_organisation_id, partner_organisation_id)`;
  await sql`CREATE POLICY exchange_links_parties ON exchange_links FOR SELECT TO koop_app USING (${parties})`.execute(
    db,
  );
  await sql`
    CREATE POLICY exchange_links_update ON exchange_links FOR UPDATE TO koop_app
    USING (${parties}) WITH CHECK (${parties})`.execute(db);
  await sql`
    CREATE POLICY exchange_links_create ON exchange_links FOR INSERT TO koop_app
    WITH CHECK (provider_organisation_id = koop_current_org())`.execute(db);

  // The credential look-up of a link: by the hash of the e-mailed token, by the hash of the
  // reader key its first opening set, or by the letter's number. Ids only, like a session's.
  await sql`
    CREATE FUNCTION koop_find_link(p_by text, p_key text)
    RETURNS TABLE (link_id uuid, organisation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      SELECT l.id, l.partner_organisation_id FROM exchange_links l
      WHERE (p_by = 'token' AND l.token_hash = p_key)
         OR (p_by = 'reader' AND l.reader_hash = p_key)
         OR (p_by = 'number' AND l.channel = 'letter'
             AND l.number = CASE WHEN p_key ~ '^[0-9]{1,9}$' THEN p_key::integer END)
    $fn$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION koop_find_link(text, text) FROM PUBLIC`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION koop_find_link(text, text) TO koop_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS koop_find_link(text, text)`.execute(db);
  await sql`ALTER TABLE exchange_messages DROP CONSTRAINT IF EXISTS exchange_messages_author_present`.execute(
    db,
  );
  await sql`ALTER TABLE exchange_messages DROP COLUMN IF EXISTS via_link_id`.execute(db);
  await sql`DROP TABLE IF EXISTS exchange_links CASCADE`.execute(db);
}
