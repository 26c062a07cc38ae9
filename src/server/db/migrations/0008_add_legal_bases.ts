import { sql, type Kysely } from 'kysely';

/**
 * A legal basis other than consent for one transfer (R-RED-1): decided and justified by a team
 * lead, for one recipient team and named data categories, used by one disclosure. Like consents,
 * own organisation only. The thread and message name the basis, so the partner sees why the data
 * came without a consent, and a disclosure under a basis still has its client copy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE disclosure_legal_bases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
      recipient_team_id uuid NOT NULL REFERENCES partner_teams(id),
      basis text NOT NULL CHECK (basis IN ('child_protection','danger_to_life','court_order','statutory_duty')),
      justification text NOT NULL CHECK (length(justification) BETWEEN 20 AND 2000),
      categories text[] NOT NULL CHECK (cardinality(categories) > 0),
      decided_by uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      message_id uuid
    )`.execute(db);
  await sql`CREATE INDEX disclosure_legal_bases_case_idx ON disclosure_legal_bases (organisation_id, case_id)`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT ON disclosure_legal_bases TO koop_app`.execute(db);
  await sql`GRANT UPDATE (used_at, message_id) ON disclosure_legal_bases TO koop_app`.execute(db);
  await sql`ALTER TABLE disclosure_legal_bases ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY disclosure_legal_bases_tenant ON disclosure_legal_bases FOR ALL TO koop_app
    USING (organisation_id = koop_current_org()) WITH CHECK (organisation_id = koop_current_org())`.execute(
    db,
  );

  await sql`
    ALTER TABLE exchange_threads ADD COLUMN legal_basis text
      CHECK (legal_basis IN ('child_protection','danger_to_life','court_order','statutory_duty'))`.execute(
    db,
  );
  await sql`ALTER TABLE exchange_messages ADD COLUMN legal_basis_id uuid`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE exchange_messages DROP COLUMN legal_basis_id`.execute(db);
  await sql`ALTER TABLE exchange_threads DROP COLUMN legal_basis`.execute(db);
  await sql`DROP TABLE IF EXISTS disclosure_legal_bases`.execute(db);
}
