import { sql, type Kysely } from 'kysely';

/**
 * Cooperation agreements (R-AGR-1..5, R-ORG-3): agreements between one or more counselling
 * providers and one partner (ABH, Jobcenter, course provider), their parties, the signatories and
 * central contacts of each party, the clause texts per version (a signed agreement keeps the text
 * it was signed with, never a reference to a template), comments, transitions and the signed scan.
 *
 * Row-level security: an agreement crosses organisations on this one path. Every row is visible
 * to members of a party organisation only, decided by the `SECURITY DEFINER` function
 * `koop_agreement_member(agreement_id)`, which looks at `agreement_parties` alone; the organisation
 * that starts an agreement sees it before its own party row exists. No case table is touched.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreements (
      id uuid PRIMARY KEY,
      model text NOT NULL CHECK (model IN ('abh_clearing','abh','course_provider','jobcenter','free','informal')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      place text CHECK (length(place) <= 100),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','negotiation','signed','active','renewal_due','renewed','expired','terminated')),
      arrangement_form text CHECK (arrangement_form IN ('written','oral')),
      starts_on date,
      ends_on date,
      responsibilities_provider text CHECK (length(responsibilities_provider) <= 5000),
      responsibilities_partner text CHECK (length(responsibilities_partner) <= 5000),
      clearing_days_per_week integer CHECK (clearing_days_per_week BETWEEN 0 AND 7),
      clearing_hours_per_week numeric(4,1) CHECK (clearing_hours_per_week BETWEEN 0 AND 60),
      premises text CHECK (length(premises) <= 5000),
      communication jsonb NOT NULL DEFAULT '[]',
      renewal text CHECK (length(renewal) <= 2000),
      clause_version integer NOT NULL DEFAULT 1,
      signed_version integer,
      renewal_reminded_for date,
      created_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (arrangement_form IS NULL OR model = 'informal'),
      CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);

  // The parties: several counselling providers (MBE and JMD of a place) and one partner.
  await sql`
    CREATE TABLE agreement_parties (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      side text NOT NULL CHECK (side IN ('provider','partner')),
      UNIQUE (agreement_id, organisation_id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX agreement_parties_one_partner ON agreement_parties (agreement_id) WHERE side = 'partner'`.execute(
    db,
  );
  await sql`CREATE INDEX agreement_parties_organisation_idx ON agreement_parties (organisation_id)`.execute(
    db,
  );

  // R-ORG-3: signatories and central contacts of each party, as the agreement names them.
  await sql`
    CREATE TABLE agreement_people (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      party_id uuid NOT NULL REFERENCES agreement_parties(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('signatory','central_contact')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      function text CHECK (length(function) <= 200),
      email text CHECK (length(email) <= 254),
      phone text CHECK (length(phone) <= 50),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_people_agreement_idx ON agreement_people (agreement_id)`.execute(db);

  // The clauses of every version: each change writes a new version, so versions compare side by side.
  await sql`
    CREATE TABLE agreement_clauses (
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      clause_version integer NOT NULL,
      clause_id text NOT NULL CHECK (clause_id ~ '^[a-z0-9_.]{1,80}$'),
      position integer NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      text text NOT NULL CHECK (length(text) <= 10000),
      selected boolean NOT NULL,
      own boolean NOT NULL DEFAULT false,
      PRIMARY KEY (agreement_id, clause_version, clause_id)
    )`.execute(db);

  await sql`
    CREATE TABLE agreement_comments (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      author_name text NOT NULL,
      clause_id text,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_comments_agreement_idx ON agreement_comments (agreement_id, seq)`.execute(
    db,
  );

  // R-AGR-4: every transition with who and when (the clock's own transitions have no user).
  await sql`
    CREATE TABLE agreement_transitions (
      id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      organisation_id uuid REFERENCES organisations(id),
      transition text NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      reason text CHECK (length(reason) <= 2000),
      actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor_name text,
      on_date date NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_transitions_agreement_idx ON agreement_transitions (agreement_id, seq)`.execute(
    db,
  );

  // R-AGR-5: the signed scan.
  await sql`
    CREATE TABLE agreement_scans (
      agreement_id uuid PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      media_type text NOT NULL CHECK (media_type IN ('application/pdf','image/png','image/jpeg')),
      content bytea NOT NULL,
      size integer NOT NULL,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // The one crossing: membership of a party organisation, read past the parties' own RLS.
  await sql`
    CREATE FUNCTION koop_agreement_member(p_agreement uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      SELECT EXISTS (SELECT 1 FROM agreement_parties
                     WHERE agreement_id = p_agreement AND organisation_id = koop_current_org())
    $fn$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION koop_agreement_member(uuid) FROM PUBLIC`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION koop_agreement_member(uuid) TO koop_app`.execute(db);

  await sql`GRANT SELECT, INSERT, UPDATE ON agreements TO koop_app`.execute(db);
  await sql`ALTER TABLE agreements ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY agreements_member ON agreements FOR ALL TO koop_app
    USING (koop_agreement_member(id) OR created_by_organisation_id = koop_current_org())
    WITH CHECK (koop_agreement_member(id) OR created_by_organisation_id = koop_current_org())`.execute(db);

  for (const [table, grant] of [
    ['agreement_parties', sql`SELECT, INSERT, DELETE`],
    ['agreement_people', sql`SELECT, INSERT, UPDATE, DELETE`],
    ['agreement_clauses', sql`SELECT, INSERT`],
    ['agreement_comments', sql`SELECT, INSERT`],
    ['agreement_transitions', sql`SELECT, INSERT`],
    ['agreement_scans', sql`SELECT, INSERT, UPDATE`],
  ] as const) {
    await sql`GRANT ${grant} ON ${sql.table(table)} TO koop_app`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    // a member's rows; the organisation that started the agreement adds the first parties
    await sql`
      CREATE POLICY ${sql.id(`${table}_member`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING (koop_agreement_member(agreement_id))
      WITH CHECK (koop_agreement_member(agreement_id)
                  OR EXISTS (SELECT 1 FROM agreements a WHERE a.id = agreement_id
                             AND a.created_by_organisation_id = koop_current_org()))`.execute(db);
  }
  // comments and transitions are written in the writer's own name
  for (const table of ['agreement_comments', 'agreement_transitions']) {
    await sql`
      CREATE POLICY ${sql.id(`${table}_own_name`)} ON ${sql.table(table)} AS RESTRICTIVE FOR INSERT TO koop_app
      WITH CHECK (organisation_id IS NULL OR organisation_id = koop_current_org())`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'agreement_scans',
    'agreement_transitions',
    'agreement_comments',
    'agreement_clauses',
    'agreement_people',
    'agreement_parties',
    'agreements',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS koop_agreement_member(uuid)`.execute(db);
}
