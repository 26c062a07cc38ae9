import { sql, type Kysely } from 'kysely';

/**
 * The meetings cooperation agreements prescribe (R-AGR-6) and the presentations of the
 * counselling service to new ABH staff and in running integration courses (R-AGR-7): the
 * schedule, attendees, minutes and action items with owner and due date.
 *
 * Row-level security: the same crossing as the agreement itself — members of a party
 * organisation, through `koop_agreement_member(agreement_id)` of migration 0012.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreement_meetings (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('management_talk','clearing_coordination','teacher_conference',
                                          'jobcenter_evaluation','staff_presentation','course_presentation','other')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      starts_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL DEFAULT 90 CHECK (duration_minutes BETWEEN 15 AND 600),
      location text CHECK (length(location) <= 200),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),
      minutes text CHECK (length(minutes) <= 20000),
      audience text CHECK (length(audience) <= 200),
      invited_at timestamptz,
      reminded_at timestamptz,
      created_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_meetings_agreement_idx ON agreement_meetings (agreement_id, starts_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE agreement_meeting_attendees (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      meeting_id uuid NOT NULL REFERENCES agreement_meetings(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text CHECK (length(email) <= 254),
      organisation_id uuid REFERENCES organisations(id)
    )`.execute(db);

  await sql`
    CREATE TABLE agreement_actions (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      meeting_id uuid NOT NULL REFERENCES agreement_meetings(id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
      owner_organisation_id uuid REFERENCES organisations(id),
      due_on date NOT NULL,
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_actions_owner_idx ON agreement_actions (owner_user_id, due_on) WHERE done_at IS NULL`.execute(
    db,
  );

  for (const [table, grant] of [
    ['agreement_meetings', sql`SELECT, INSERT, UPDATE`],
    ['agreement_meeting_attendees', sql`SELECT, INSERT, DELETE`],
    ['agreement_actions', sql`SELECT, INSERT, UPDATE`],
  ] as const) {
    await sql`GRANT ${grant} ON ${sql.table(table)} TO koop_app`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`
      CREATE POLICY ${sql.id(`${table}_member`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING (koop_agreement_member(agreement_id)) WITH CHECK (koop_agreement_member(agreement_id))`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agreement_actions', 'agreement_meeting_attendees', 'agreement_meetings']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
}
