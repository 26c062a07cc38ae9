import { randomUUID } from 'node:crypto';
import { inTenantTransaction, type Db } from '../db/database.ts';
import { addDays, berlinToday, isoWeekday } from '../modules/directory/schedule.ts';
import {
  clearingAgeGroups,
  clearingRegions,
  clearingResidenceCategories,
} from '../modules/clearing/clearing.values.ts';
import { countSearchGap } from '../modules/clearing/clearing.repository.ts';
import type { Insertable } from 'kysely';
import type { ClearingContactsTable } from '../modules/clearing/clearing.tables.ts';

/**
 * The Musterstadt clearing office (R-CLR-1..4, R-STAT-1): the AWO runs it in the rooms of the
 * Ausländerbehörde. Its ABH premises with opening hours (in the directory), Clara Clearing on
 * duty on Monday, Tuesday and Thursday morning — so Wednesday, Friday and the afternoons show
 * as gaps — and about nine months of anonymous contacts, so the half-year report shows figures.
 * The counts are made by a fixed sequence, not at random: the demo looks the same every time.
 */

const opening = [
  { weekday: 1, opensAt: '08:00', closesAt: '12:00' },
  { weekday: 2, opensAt: '08:00', closesAt: '12:00' },
  { weekday: 3, opensAt: '08:00', closesAt: '12:00' },
  { weekday: 4, opensAt: '08:00', closesAt: '12:00' },
  { weekday: 4, opensAt: '14:00', closesAt: '18:00' },
  { weekday: 5, opensAt: '08:00', closesAt: '12:00' },
];

const rota = [
  { weekday: 1, startsAt: '08:00', endsAt: '12:00' },
  { weekday: 2, startsAt: '08:00', endsAt: '12:00' },
  { weekday: 4, startsAt: '08:00', endsAt: '12:00' },
];

const languages = ['ar', 'ar', 'uk', 'uk', 'tr', 'fa', 'ru', 'ar', 'prs', 'ti', 'ro', 'uk'];

/** A fixed sequence in [0, 1): the same demo every time. */
function sequence(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

export async function seedClearing(db: Db, now = new Date()): Promise<void> {
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const awo = organisations.find((o) => o.name.startsWith('AWO'))?.id;
  const abh = organisations.find((o) => o.name === 'Ausländerbehörde Musterstadt')?.id;
  if (!awo || !abh) return;

  const abhOffice = await inTenantTransaction(
    db,
    { organisationId: abh, userId: null, allOrganisations: false },
    async (trx) => {
      const { id } = await trx
        .insertInto('offices')
        .values({
          organisation_id: abh,
          name: 'Ausländerbehörde Musterstadt – Bürgerbüro',
          street: 'Behördenring 2',
          postcode: '12345',
          city: 'Musterstadt',
          phone: '0123 4570-400',
          email: null,
          services: [],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('office_hours')
        .values(
          opening.map((h, position) => ({
            organisation_id: abh,
            office_id: id,
            position,
            kind: 'opening',
            weekday: h.weekday,
            opens_at: h.opensAt,
            closes_at: h.closesAt,
          })),
        )
        .execute();
      return id;
    },
  );

  await inTenantTransaction(
    db,
    { organisationId: awo, userId: null, allOrganisations: false },
    async (trx) => {
      await trx
        .insertInto('clearing_settings')
        .values({
          organisation_id: awo,
          abh_organisation_id: abh,
          abh_office_id: abhOffice,
          other_topics: JSON.stringify([
            { code: 'housing', de: 'Wohnen', en: 'Housing' },
            { code: 'work', de: 'Arbeit und Anerkennung', en: 'Work and recognition' },
            { code: 'school_childcare', de: 'Schule und Kinderbetreuung', en: 'School and childcare' },
            { code: 'health_insurance', de: 'Krankenversicherung', en: 'Health insurance' },
          ]),
        })
        .execute();
      const clara = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'clearing@awo.example')
        .executeTakeFirst();
      if (clara) {
        await trx
          .insertInto('clearing_rota')
          .values(
            rota.map((r) => ({
              organisation_id: awo,
              user_id: clara.id,
              weekday: r.weekday,
              starts_at: r.startsAt,
              ends_at: r.endsAt,
            })),
          )
          .execute();
      }

      const next = sequence(2026);
      const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
      const today = berlinToday(now);
      const contacts: Insertable<ClearingContactsTable>[] = [];
      for (let back = 270; back >= 1; back -= 1) {
        const day = addDays(today, -back);
        const weekday = isoWeekday(day);
        if (weekday > 5) continue;
        const perDay = 1 + Math.floor(next() * 3);
        for (let i = 0; i < perDay; i += 1) {
          const age = pick(clearingAgeGroups.slice(1, 4));
          const topics = [
            'counselling_offer',
            ...(next() < 0.6 ? ['integration_course'] : []),
            ...(next() < 0.4 ? ['individual_need'] : []),
          ];
          const other = next() < 0.1;
          const referrals =
            next() < 0.5
              ? [age === '18_26' ? 'jmd' : 'mbe', ...(next() < 0.5 ? ['integration_course'] : [])]
              : [];
          contacts.push({
            id: randomUUID(),
            organisation_id: awo,
            contact_date: day,
            age_group: age,
            gender: next() < 0.52 ? 'female' : next() < 0.96 ? 'male' : 'not_stated',
            region: pick([
              'middle_east',
              'middle_east',
              'europe_other',
              'europe_other',
              'asia',
              'africa_other',
              ...clearingRegions,
            ]),
            language: pick(languages),
            residence: pick([
              'family_reunification',
              'protection',
              'protection',
              'work_study',
              ...clearingResidenceCategories,
            ]),
            topics: other ? [...topics, 'other'] : topics,
            other_topic: other ? pick(['housing', 'work', 'school_childcare']) : null,
            way_in: next() < 0.8 ? 'abh' : 'recommendation',
            referrals,
            welcome_package: next() < 0.7,
          });
        }
      }
      for (let i = 0; i < contacts.length; i += 200) {
        await trx
          .insertInto('clearing_contacts')
          .values(contacts.slice(i, i + 200))
          .execute();
      }
    },
  );

  // Public searches that found nothing: Tigrinya and Somali counselling, a village without an office.
  await inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: false },
    async (trx) => {
      const month = `${berlinToday(now).slice(0, 7)}-01`;
      for (const [language, service, area, times] of [
        ['ti', 'MBE', '123', 7],
        ['so', 'any', '123', 5],
        ['', 'JMD', 'kleindorf', 6],
        ['ps', 'MBE', '124', 2],
      ] as const) {
        for (let i = 0; i < times; i += 1) await countSearchGap(trx, month, { language, service, area });
      }
    },
  );
}
