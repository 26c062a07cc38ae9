import { sql, type Kysely } from 'kysely';

/**
 * Directory of counselling offices and partner offers (R-DIR-1..5, R-OFF-1..4): office details
 * (coordinates, catchment area, languages, age ranges, accessibility, online counselling),
 * contacts by function, weekly hours with exceptions (also in partner premises), versioned
 * flyers stored in the database, the offers of course providers, Jobcenters and the ABH, and
 * what counsellors have read of them.
 *
 * Directory data (offices, contacts, hours, flyers) is readable by every transaction, like
 * offices in 0001; only the owning provider (or system administration) writes it. Offers are
 * readable by their publisher and by counselling providers only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A place name or postcode as the search compares it: trimmed, single spaces, lower case,
  // without accents ("Köln" and "koln" match). IMMUTABLE (the dictionary is named, so the
  // result cannot depend on the search path): the planner folds it for a given search term and
  // can use the indexes below.
  await sql`
    CREATE FUNCTION koop_place_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT lower(public.unaccent('public.unaccent'::regdictionary,
                                   btrim(regexp_replace(coalesce(p, ''), '\\s+', ' ', 'g'))))
    $$`.execute(db);
  await sql`
    CREATE FUNCTION koop_current_user() RETURNS uuid LANGUAGE sql STABLE AS $$
      SELECT nullif(current_setting('koop.user_id', true), '')::uuid
    $$`.execute(db);
  // Organisations are readable by every transaction (0001), so this needs no special rights.
  await sql`
    CREATE FUNCTION koop_current_org_kind() RETURNS text LANGUAGE sql STABLE AS $$
      SELECT kind FROM organisations WHERE id = koop_current_org()
    $$`.execute(db);

  await sql`
    ALTER TABLE offices
      ADD COLUMN description text,
      ADD COLUMN website text,
      ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
      ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
      ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
      ADD COLUMN accessibility text,
      ADD COLUMN online_links jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN service_ages jsonb NOT NULL DEFAULT '{}'::jsonb,
      ADD COLUMN catchment_postcodes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN catchment_municipalities text[] NOT NULL DEFAULT '{}',
      ADD COLUMN catchment_keys text[] NOT NULL DEFAULT '{}',
      ADD COLUMN city_key text NOT NULL DEFAULT '',
      ADD CONSTRAINT offices_coordinates_check CHECK ((latitude IS NULL) = (longitude IS NULL))`.execute(db);
  // The search keys follow the data whoever writes it (service, seed, bench loader).
  await sql`
    CREATE FUNCTION koop_offices_place_keys() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.catchment_keys := ARRAY(
        SELECT DISTINCT koop_place_key(k)
        FROM unnest(NEW.catchment_postcodes || NEW.catchment_municipalities) AS k
        WHERE koop_place_key(k) <> '');
      NEW.city_key := koop_place_key(NEW.city);
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER offices_place_keys BEFORE INSERT OR UPDATE ON offices
    FOR EACH ROW EXECUTE FUNCTION koop_offices_place_keys()`.execute(db);
  await sql`UPDATE offices SET city = city`.execute(db);
  await sql`CREATE INDEX offices_catchment_idx ON offices USING gin (catchment_keys)`.execute(db);
  await sql`CREATE INDEX offices_city_key_idx ON offices (city_key)`.execute(db);
  await sql`CREATE INDEX offices_postcode_idx ON offices (postcode)`.execute(db);
  await sql`CREATE INDEX offices_postcode_area_idx ON offices (left(postcode, 3))`.execute(db);
  await sql`CREATE INDEX offices_latitude_idx ON offices (latitude) WHERE latitude IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE office_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      position integer NOT NULL DEFAULT 0,
      function_title text NOT NULL,
      name text,
      name_public boolean NOT NULL DEFAULT false,
      phone text,
      email text,
      languages text[] NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX office_contacts_office_idx ON office_contacts (office_id, position)`.execute(db);

  await sql`
    CREATE TABLE office_hours (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      position integer NOT NULL DEFAULT 0,
      kind text NOT NULL CHECK (kind IN ('counselling','opening')),
      service text CHECK (service IN ('MBE','JMD')),
      weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      opens_at time NOT NULL,
      closes_at time NOT NULL,
      valid_from date,
      valid_to date,
      partner_organisation_id uuid REFERENCES organisations(id),
      room text,
      by_appointment boolean NOT NULL DEFAULT false,
      note text,
      CHECK (closes_at > opens_at),
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
    )`.execute(db);
  await sql`CREATE INDEX office_hours_office_idx ON office_hours (office_id, weekday)`.execute(db);
  await sql`CREATE INDEX office_hours_partner_idx ON office_hours (partner_organisation_id)`.execute(db);

  await sql`
    CREATE TABLE office_hour_exceptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('closed','holiday','extra')),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      opens_at time,
      closes_at time,
      partner_organisation_id uuid REFERENCES organisations(id),
      room text,
      note text,
      CHECK (ends_on >= starts_on),
      CHECK (kind <> 'extra' OR (opens_at IS NOT NULL AND closes_at IS NOT NULL AND closes_at > opens_at))
    )`.execute(db);
  await sql`CREATE INDEX office_hour_exceptions_office_idx ON office_hour_exceptions (office_id, starts_on)`.execute(
    db,
  );

  await sql`
    CREATE TABLE flyers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      title text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX flyers_office_idx ON flyers (office_id)`.execute(db);
  await sql`
    CREATE TABLE flyer_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      flyer_id uuid NOT NULL REFERENCES flyers(id) ON DELETE CASCADE,
      language text NOT NULL,
      revision integer NOT NULL CHECK (revision > 0),
      media_type text NOT NULL CHECK (media_type IN ('application/pdf','image/png','image/jpeg')),
      byte_size integer NOT NULL CHECK (byte_size > 0),
      sha256 text NOT NULL,
      filename text NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (flyer_id, language, revision)
    )`.execute(db);

  await sql`
    CREATE TABLE offer_categories (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('course','measure','regulation')),
      label_de text NOT NULL,
      label_en text NOT NULL,
      position integer NOT NULL
    )`.execute(db);
  const categories: [string, string, string, string][] = [
    ['general', 'course', 'Allgemeiner Integrationskurs', 'General integration course'],
    ['youth', 'course', 'Jugendintegrationskurs', 'Youth integration course'],
    ['parents', 'course', 'Elternintegrationskurs', 'Integration course for parents'],
    ['women', 'course', 'Frauenintegrationskurs', 'Integration course for women'],
    ['literacy', 'course', 'Alphabetisierungskurs', 'Literacy course'],
    ['second_alphabet', 'course', 'Zweitschriftlernerkurs', 'Course for second-alphabet learners'],
    ['intensive', 'course', 'Intensivkurs', 'Intensive course'],
    ['special_needs', 'course', 'Sonderkurs (z. B. Förderkurs)', 'Special course (e.g. remedial)'],
    ['job_related', 'course', 'Berufssprachkurs (DeuFöV)', 'Job-related language course (DeuFöV)'],
    ['other_course', 'course', 'Sonstiger Kurs', 'Other course'],
    [
      'activation',
      'measure',
      'Maßnahme zur Aktivierung und beruflichen Eingliederung',
      'Activation and placement measure',
    ],
    ['further_training', 'measure', 'Berufliche Weiterbildung', 'Vocational further training'],
    ['employment', 'measure', 'Beschäftigungsförderung', 'Employment promotion'],
    ['coaching', 'measure', 'Coaching und Begleitung', 'Coaching and support'],
    ['other_measure', 'measure', 'Sonstiges Angebot', 'Other offer'],
    ['regulation', 'regulation', 'Verordnung oder Erlass', 'Regulation or decree'],
    ['service_instruction', 'regulation', 'Dienstanweisung', 'Service instruction'],
    ['procedure', 'regulation', 'Verfahrenshinweis', 'Procedural notice'],
    ['availability', 'regulation', 'Öffnungszeiten und Erreichbarkeit', 'Opening hours and availability'],
  ];
  let position = 0;
  for (const [id, kind, de, en] of categories) {
    await sql`INSERT INTO offer_categories (id, kind, label_de, label_en, position)
              VALUES (${id}, ${kind}, ${de}, ${en}, ${position++})`.execute(db);
  }

  await sql`
    CREATE TABLE partner_offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN ('course','measure','regulation')),
      category_id text NOT NULL REFERENCES offer_categories(id),
      title text NOT NULL,
      summary text,
      place text,
      street text,
      postcode text CHECK (postcode ~ '^[0-9]{5}$'),
      city text,
      starts_on date,
      ends_on date,
      schedule text,
      free_places integer CHECK (free_places >= 0),
      childcare boolean,
      languages text[] NOT NULL DEFAULT '{}',
      target_group text,
      audience uuid[] NOT NULL DEFAULT '{}',
      contact text,
      url text,
      reference text,
      effective_from date,
      published_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);
  await sql`CREATE INDEX partner_offers_org_idx ON partner_offers (organisation_id, published_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX partner_offers_published_idx ON partner_offers (published_at DESC)`.execute(db);

  await sql`
    CREATE TABLE offer_reads (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      offer_id uuid NOT NULL REFERENCES partner_offers(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, offer_id)
    )`.execute(db);
  await sql`
    CREATE TABLE digest_settings (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      frequency text NOT NULL CHECK (frequency IN ('none','daily','weekly')),
      last_sent_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON office_contacts, office_hours, office_hour_exceptions, flyers, flyer_files, partner_offers, offer_reads, digest_settings TO koop_app`.execute(
    db,
  );
  await sql`GRANT SELECT ON offer_categories TO koop_app`.execute(db);

  for (const table of [
    'office_contacts',
    'office_hours',
    'office_hour_exceptions',
    'flyers',
    'flyer_files',
    'offer_categories',
    'partner_offers',
    'offer_reads',
    'digest_settings',
  ]) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
  }

  // Directory data: everyone reads, the owning provider (or the operator scope) writes.
  for (const table of [
    'office_contacts',
    'office_hours',
    'office_hour_exceptions',
    'flyers',
    'flyer_files',
  ]) {
    await sql`CREATE POLICY ${sql.id(`${table}_read`)} ON ${sql.table(table)} FOR SELECT TO koop_app USING (true)`.execute(
      db,
    );
    await sql`
      CREATE POLICY ${sql.id(`${table}_insert`)} ON ${sql.table(table)} FOR INSERT TO koop_app
      WITH CHECK (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(db);
    await sql`
      CREATE POLICY ${sql.id(`${table}_update`)} ON ${sql.table(table)} FOR UPDATE TO koop_app
      USING (organisation_id = koop_current_org() OR koop_all_orgs())
      WITH CHECK (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(db);
    await sql`
      CREATE POLICY ${sql.id(`${table}_delete`)} ON ${sql.table(table)} FOR DELETE TO koop_app
      USING (organisation_id = koop_current_org() OR koop_all_orgs())`.execute(db);
  }
  await sql`CREATE POLICY offer_categories_read ON offer_categories FOR SELECT TO koop_app USING (true)`.execute(
    db,
  );

  // Offers: the publisher and counselling providers read (all of them, or those the offer is
  // addressed to); only the publisher writes, and only
  // the kind its organisation may publish (course providers courses, Jobcenters measures,
  // the ABH regulations). No operator scope for writes: nobody publishes in another's name.
  await sql`
    CREATE POLICY partner_offers_read ON partner_offers FOR SELECT TO koop_app
    USING (organisation_id = koop_current_org() OR koop_all_orgs()
           OR (koop_current_org_kind() = 'welfare_provider'
               AND (cardinality(audience) = 0 OR koop_current_org() = ANY (audience))))`.execute(db);
  const ownKind = sql`organisation_id = koop_current_org() AND kind = CASE koop_current_org_kind()
        WHEN 'course_provider' THEN 'course' WHEN 'jobcenter' THEN 'measure' WHEN 'abh' THEN 'regulation' END`;
  await sql`CREATE POLICY partner_offers_insert ON partner_offers FOR INSERT TO koop_app WITH CHECK (${ownKind})`.execute(
    db,
  );
  await sql`CREATE POLICY partner_offers_update ON partner_offers FOR UPDATE TO koop_app USING (${ownKind}) WITH CHECK (${ownKind})`.execute(
    db,
  );
  await sql`CREATE POLICY partner_offers_delete ON partner_offers FOR DELETE TO koop_app USING (${ownKind})`.execute(
    db,
  );

  // What a person has read and how they want their digest: their own rows only; the digest job
  // lists recipients with the operator scope.
  for (const table of ['offer_reads', 'digest_settings']) {
    await sql`
      CREATE POLICY ${sql.id(`${table}_own`)} ON ${sql.table(table)} FOR ALL TO koop_app
      USING ((user_id = koop_current_user() AND organisation_id = koop_current_org()) OR koop_all_orgs())
      WITH CHECK ((user_id = koop_current_user() AND organisation_id = koop_current_org()) OR koop_all_orgs())`.execute(
      db,
    );
  }
}

/** Migrations are forward-only once merged; down exists for local experiments. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'digest_settings',
    'offer_reads',
    'partner_offers',
    'offer_categories',
    'flyer_files',
    'flyers',
    'office_hour_exceptions',
    'office_hours',
    'office_contacts',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP TRIGGER IF EXISTS offices_place_keys ON offices`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_offices_place_keys()`.execute(db);
  await sql`
    ALTER TABLE offices
      DROP CONSTRAINT IF EXISTS offices_coordinates_check,
      DROP COLUMN IF EXISTS description, DROP COLUMN IF EXISTS website,
      DROP COLUMN IF EXISTS latitude, DROP COLUMN IF EXISTS longitude,
      DROP COLUMN IF EXISTS languages, DROP COLUMN IF EXISTS accessibility,
      DROP COLUMN IF EXISTS online_links, DROP COLUMN IF EXISTS service_ages,
      DROP COLUMN IF EXISTS catchment_postcodes, DROP COLUMN IF EXISTS catchment_municipalities,
      DROP COLUMN IF EXISTS catchment_keys, DROP COLUMN IF EXISTS city_key`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_current_org_kind()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_current_user()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS koop_place_key(text)`.execute(db);
}
