import { sql, type Kysely } from 'kysely';

/**
 * Referrals are not kept longer than they serve (R-CON-5, R-RED-3): a decided referral is erased
 * some weeks after its decision (an accepted one lives on as the client and case it opened), an
 * undecided one after half a year. Before a row goes, its outcome is counted in
 * `referral_outcomes` — month, referring organisation, receiving office, programme and outcome,
 * no person — for the evaluation of the cooperation. The receiving organisation owns the counts,
 * as it owned the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE referral_outcomes (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      referrer_organisation_id uuid NOT NULL REFERENCES organisations(id),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      service text NOT NULL CHECK (service IN ('MBE','JMD')),
      outcome text NOT NULL CHECK (outcome IN ('taken_up','not_taken_up','undecided')),
      referrals integer NOT NULL DEFAULT 1 CHECK (referrals > 0),
      PRIMARY KEY (organisation_id, office_id, referrer_organisation_id, month, service, outcome)
    )`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON referral_outcomes TO koop_app`.execute(db);
  await sql`ALTER TABLE referral_outcomes ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY referral_outcomes_tenant ON referral_outcomes FOR ALL TO koop_app
    USING (organisation_id = koop_current_org()) WITH CHECK (organisation_id = koop_current_org())`.execute(
    db,
  );

  // The receiving organisation erases its own referrals; their history goes with them.
  await sql`GRANT DELETE ON referrals TO koop_app`.execute(db);
  await sql`
    CREATE POLICY referrals_erase ON referrals FOR DELETE TO koop_app
    USING (receiving_organisation_id = koop_current_org())`.execute(db);
  await sql`CREATE INDEX referrals_retention_idx ON referrals (receiving_organisation_id, updated_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS referrals_retention_idx`.execute(db);
  await sql`DROP POLICY IF EXISTS referrals_erase ON referrals`.execute(db);
  await sql`REVOKE DELETE ON referrals FROM koop_app`.execute(db);
  await sql`DROP TABLE IF EXISTS referral_outcomes`.execute(db);
}
