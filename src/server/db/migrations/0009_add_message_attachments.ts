import { sql, type Kysely } from 'kysely';

/**
 * Attachments of exchange messages (PDF, PNG, JPEG, at most 5 MB each): like the messages, read
 * by the two parties of the thread and written only in the author's name. Each attachment names
 * the data category it carries, so the consent check covers it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE exchange_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id uuid NOT NULL REFERENCES exchange_messages(id) ON DELETE CASCADE,
      provider_organisation_id uuid NOT NULL,
      partner_organisation_id uuid NOT NULL,
      author_organisation_id uuid NOT NULL REFERENCES organisations(id),
      category text NOT NULL,
      filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
      content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
      size integer NOT NULL CHECK (size BETWEEN 1 AND 5242880),
      content bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (author_organisation_id IN (provider_organisation_id, partner_organisation_id))
    )`.execute(db);
  await sql`CREATE INDEX exchange_attachments_message_idx ON exchange_attachments (message_id)`.execute(db);
  await sql`GRANT SELECT, INSERT ON exchange_attachments TO koop_app`.execute(db);
  await sql`ALTER TABLE exchange_attachments ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY exchange_attachments_parties ON exchange_attachments FOR SELECT TO koop_app
    USING (koop_current_org() IN (provider_organisation_id, partner_organisation_id))`.execute(db);
  await sql`
    CREATE POLICY exchange_attachments_write ON exchange_attachments FOR INSERT TO koop_app
    WITH CHECK (author_organisation_id = koop_current_org()
                AND koop_current_org() IN (provider_organisation_id, partner_organisation_id))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS exchange_attachments`.execute(db);
}
