import { sql, type Kysely } from 'kysely';

/**
 * The Land a provider sits in: under the DSGVO it decides which state authority supervises the
 * provider, and the Art. 15 document names that authority (R-CON-5, R-CON-7).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisations ADD COLUMN state text
      CHECK (state IN ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE organisations DROP COLUMN state`.execute(db);
}
