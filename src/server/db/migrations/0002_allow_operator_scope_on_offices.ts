import { sql, type Kysely } from 'kysely';

/**
 * System administration may maintain the offices of any provider (policy: office.* 'any'), but
 * the write policies of 0001 only admitted the transaction's own organisation, so such a write
 * failed in the database. Offices are directory data, not case data: the operator scope applies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER POLICY offices_insert ON offices WITH CHECK (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(
    db,
  );
  await sql`ALTER POLICY offices_update ON offices USING (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(
    db,
  );
  await sql`ALTER POLICY offices_delete ON offices USING (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER POLICY offices_insert ON offices WITH CHECK (organisation_id = koop_current_org())`.execute(
    db,
  );
  await sql`ALTER POLICY offices_update ON offices USING (organisation_id = koop_current_org())`.execute(db);
  await sql`ALTER POLICY offices_delete ON offices USING (organisation_id = koop_current_org())`.execute(db);
}
