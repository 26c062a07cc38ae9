import { randomUUID } from 'node:crypto';
import { inTenantTransaction, type Db } from '../db/database.ts';
import { berlinToday } from '../modules/directory/schedule.ts';

/**
 * Demo referrals of Musterstadt (R-REF-1, R-REF-4): the Jobcenter's Paula Ansprechpartnerin has
 * referred Yusuf Demir by name, with his consent and feedback allowed, to the AWO's
 * Migrationsberatung Innenstadt ("call first"); the ABH has referred Olena Kovalenko to the
 * Caritas office without feedback. Both wait in the offices' referral inboxes. This month's
 * anonymous slip counts of both partners show what the cooperation statistics will read.
 */

interface DemoReferral {
  from: string;
  by: string;
  office: string;
  service: 'MBE' | 'JMD';
  givenName: string;
  familyName: string;
  phone: string;
  language: string;
  age: number;
  topic: string;
  callFirst: boolean;
  feedbackAllowed: boolean;
  consentLanguage: string;
}

const referrals: DemoReferral[] = [
  {
    from: 'Jobcenter Musterstadt',
    by: 'pap@jobcenter.example',
    office: 'Migrationsberatung Innenstadt',
    service: 'MBE',
    givenName: 'Yusuf',
    familyName: 'Demir',
    phone: '0176 5550123',
    language: 'tr',
    age: 41,
    topic: 'recognition',
    callFirst: true,
    feedbackAllowed: true,
    consentLanguage: 'tr',
  },
  {
    from: 'Ausländerbehörde Musterstadt',
    by: 'sachbearbeitung@abh.example',
    office: 'Migrationsberatung Südstadt',
    service: 'MBE',
    givenName: 'Olena',
    familyName: 'Kovalenko',
    phone: '0151 5550456',
    language: 'uk',
    age: 38,
    topic: 'residence_law',
    callFirst: false,
    feedbackAllowed: false,
    consentLanguage: 'uk',
  },
];

const slipCounts = [
  { from: 'Jobcenter Musterstadt', service: 'MBE', language: 'ar', topic: 'work_training', referrals: 4 },
  { from: 'Jobcenter Musterstadt', service: 'JMD', language: 'uk', topic: 'school_education', referrals: 2 },
  {
    from: 'Ausländerbehörde Musterstadt',
    service: 'MBE',
    language: 'fa',
    topic: 'residence_law',
    referrals: 3,
  },
] as const;

export async function seedReferrals(db: Db, now = new Date()): Promise<void> {
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const idOf = (name: string) => organisations.find((o) => o.name === name)?.id;
  const offices = await db.selectFrom('offices').select(['id', 'name', 'organisation_id']).execute();
  const month = `${berlinToday(now).slice(0, 7)}-01`;
  for (const referral of referrals) {
    const organisationId = idOf(referral.from);
    const office = offices.find((o) => o.name === referral.office);
    if (!organisationId || !office) continue;
    await inTenantTransaction(db, { organisationId, userId: null, allOrganisations: false }, async (trx) => {
      const user = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', referral.by)
        .executeTakeFirst();
      if (!user) return;
      const id = randomUUID();
      const at = new Date(now.getTime() - 2 * 86_400_000);
      await trx
        .insertInto('referrals')
        .values({
          id,
          referrer_organisation_id: organisationId,
          referrer_user_id: user.id,
          receiving_organisation_id: office.organisation_id,
          receiving_office_id: office.id,
          service: referral.service,
          given_name: referral.givenName,
          family_name: referral.familyName,
          phone: referral.phone,
          email: null,
          language: referral.language,
          age: referral.age,
          topic: referral.topic,
          note: null,
          call_first: referral.callFirst,
          feedback_allowed: referral.feedbackAllowed,
          consent_language: referral.consentLanguage,
          consent_given_at: at,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('referral_events')
        .values({
          organisation_id: organisationId,
          referral_id: id,
          event: 'sent',
          to_office_id: office.id,
          actor_user_id: user.id,
          at,
        })
        .execute();
    });
  }
  for (const count of slipCounts) {
    const organisationId = idOf(count.from);
    if (!organisationId) continue;
    await inTenantTransaction(db, { organisationId, userId: null, allOrganisations: false }, (trx) =>
      trx
        .insertInto('referral_counts')
        .values({
          organisation_id: organisationId,
          month,
          kind: 'slip',
          service: count.service,
          language: count.language,
          topic: count.topic,
          referrals: count.referrals,
        })
        .execute(),
    );
  }
}
