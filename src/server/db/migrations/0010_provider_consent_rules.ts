import { sql, type Kysely } from 'kysely';

/**
 * Each provider sets its own consent rules (R-CON-1): the longest validity of a consent, in
 * months (the default stays twelve), and the list of purposes its counsellors offer — a list of
 * the case settings like the others, so a consent's purpose is a code of that list. The label
 * the client signed is kept with the consent, so a later change of the list never rewrites what
 * was agreed, and the recipient reads it without reaching into the provider's settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE case_settings
      ADD COLUMN consent_max_months integer NOT NULL DEFAULT 12
      CHECK (consent_max_months BETWEEN 1 AND 24)`.execute(db);

  await sql`ALTER TABLE consents DROP CONSTRAINT consents_purpose_check`.execute(db);
  await sql`
    ALTER TABLE consents ADD CONSTRAINT consents_purpose_code CHECK (purpose ~ '^[a-z0-9_]{1,64}$')`.execute(
    db,
  );
  await sql`ALTER TABLE consents ADD COLUMN purpose_label text, ADD COLUMN purpose_label_en text`.execute(db);
  await sql`
    UPDATE consents SET
      purpose_label = CASE purpose
        WHEN 'integration_jobcenter' THEN 'Abstimmung mit dem Jobcenter zur Integration'
        WHEN 'course_participation' THEN 'Teilnahme an einem Kurs'
        WHEN 'residence_matters' THEN 'Aufenthaltsrechtliche Angelegenheiten'
        ELSE 'anderer Zweck' END,
      purpose_label_en = CASE purpose
        WHEN 'integration_jobcenter' THEN 'Coordination with the Jobcenter on integration'
        WHEN 'course_participation' THEN 'Participation in a course'
        WHEN 'residence_matters' THEN 'Residence matters'
        ELSE 'other purpose' END`.execute(db);
  await sql`
    ALTER TABLE consents
      ALTER COLUMN purpose_label SET NOT NULL,
      ALTER COLUMN purpose_label_en SET NOT NULL,
      ADD CONSTRAINT consents_purpose_label_length
        CHECK (length(purpose_label) BETWEEN 1 AND 200 AND length(purpose_label_en) BETWEEN 1 AND 200)`.execute(
    db,
  );

  // The recipient's one read of a consent now also carries the purpose as the client signed it.
  await sql`DROP FUNCTION koop_partner_consent(uuid, boolean)`.execute(db);
  await createPartnerConsent(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION koop_partner_consent(uuid, boolean)`.execute(db);
  await createPartnerConsent(db, false);
  await sql`
    ALTER TABLE consents DROP CONSTRAINT consents_purpose_label_length,
      DROP COLUMN purpose_label, DROP COLUMN purpose_label_en,
      DROP CONSTRAINT consents_purpose_code`.execute(db);
  await sql`
    ALTER TABLE consents ADD CONSTRAINT consents_purpose_check
      CHECK (purpose IN ('integration_jobcenter','course_participation','residence_matters','other'))`.execute(
    db,
  );
  await sql`ALTER TABLE case_settings DROP COLUMN consent_max_months`.execute(db);
}

/** koop_partner_consent of 0007, with or without the signed purpose labels. */
async function createPartnerConsent(db: Kysely<unknown>, withLabels: boolean): Promise<void> {
  const labelTypes = sql.raw(withLabels ? 'purpose_label text, purpose_label_en text,' : '');
  const labels = sql.raw(withLabels ? 'c.purpose_label, c.purpose_label_en,' : '');
  await sql`
    CREATE FUNCTION koop_partner_consent(p_consent uuid, p_lock boolean)
    RETURNS TABLE (id uuid, organisation_id uuid, recipient_organisation_id uuid, recipient_team_id uuid,
                   recipient_user_id uuid, purpose text, ${labelTypes} purpose_text text, categories text[],
                   direction text, repetition text, valid_from date, valid_until date, used_at timestamptz,
                   withdrawn_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      IF p_lock THEN
        RETURN QUERY SELECT c.id, c.organisation_id, c.recipient_organisation_id, c.recipient_team_id,
          c.recipient_user_id, c.purpose, ${labels} c.purpose_text, c.categories, c.direction, c.repetition,
          c.valid_from, c.valid_until, c.used_at, c.withdrawn_at
        FROM consents c WHERE c.id = p_consent AND c.recipient_organisation_id = koop_current_org()
        FOR UPDATE;
      ELSE
        RETURN QUERY SELECT c.id, c.organisation_id, c.recipient_organisation_id, c.recipient_team_id,
          c.recipient_user_id, c.purpose, ${labels} c.purpose_text, c.categories, c.direction, c.repetition,
          c.valid_from, c.valid_until, c.used_at, c.withdrawn_at
        FROM consents c WHERE c.id = p_consent AND c.recipient_organisation_id = koop_current_org();
      END IF;
    END $fn$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION koop_partner_consent(uuid, boolean) FROM PUBLIC`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION koop_partner_consent(uuid, boolean) TO koop_app`.execute(db);
}
