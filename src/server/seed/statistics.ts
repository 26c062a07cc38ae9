import { inTenantTransaction, type Db } from '../db/database.ts';
import { berlinToday } from '../modules/directory/schedule.ts';

/**
 * Demo figures for the statistics (R-STAT-2, R-STAT-3): the anonymous facts of cases erased
 * after their retention period (as `case_statistics` keeps them — months, groups, no person) at
 * the AWO and the Caritas, spread over this year, and the outcome counts of erased referrals
 * from the Jobcenter and the ABH over the last two years. With the live demo cases they give
 * visible figures, and some small ones that show as hidden.
 */

/** A small deterministic generator, so every demo start shows the same figures. */
function generator(seed: number) {
  let state = seed;
  return <T>(values: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return values[state % values.length]!;
  };
}

const months = (today: string) => {
  const year = today.slice(0, 4);
  const last = Number(today.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
};

const halfYearMonths = (today: string) => {
  const year = Number(today.slice(0, 4));
  const current = Number(today.slice(5, 7)) <= 6 ? 0 : 1;
  // The first month of this half-year and of the three before it.
  return [3, 2, 1, 0].map((back) => {
    const index = year * 2 + current - back;
    return `${Math.floor(index / 2)}-${index % 2 === 0 ? '02' : '08'}-01`;
  });
};

async function seedCaseFacts(
  db: Db,
  organisationId: string,
  officeId: string | null,
  count: number,
  seed: number,
) {
  const today = berlinToday(new Date());
  const pick = generator(seed);
  const opened = months(today);
  await inTenantTransaction(db, { organisationId, userId: null, allOrganisations: false }, async (trx) => {
    for (let i = 0; i < count; i++) {
      const service = pick(['MBE', 'MBE', 'MBE', 'JMD']);
      const month = pick(opened);
      await trx
        .insertInto('case_statistics')
        .values({
          organisation_id: organisationId,
          service,
          case_type: pick(['case_management', 'case_management', 'short_counselling']),
          opened_month: month,
          closed_month: month,
          age_group:
            service === 'JMD'
              ? pick(['12_17', '18_26', '18_26'])
              : pick(['27_34', '35_44', '35_44', '45_54', '55_64']),
          gender: pick(['female', 'female', 'male', 'male', 'female', 'diverse']),
          citizenship: pick(['SY', 'SY', 'UA', 'UA', 'TR', 'AF', 'RO', 'SY', 'UA', 'ER']),
          residence_status_group: pick([
            'residence_humanitarian',
            'temporary_protection',
            'permanent',
            'eu_free_movement',
            'residence_family',
            'asylum_procedure',
          ]),
          years_since_arrival: pick(['under_3', 'under_3', '3_or_more']),
          way_in: pick(['own_initiative', 'network', 'jobcenter', 'abh', 'integration_course', 'network']),
          closure_reason: pick(['goals_reached', 'goals_reached', 'moved_away', 'no_contact']),
          contacts: pick([1, 2, 3, 4, 5, 6, 8, 12]),
          family_members: pick([0, 0, 1, 2, 3]),
          topics: [
            pick(['residence_law', 'forms_authorities', 'benefits']),
            pick(['german_language', 'work_training', 'housing']),
          ],
          start_livelihood: pick([
            'basic_income_support',
            'basic_income_support',
            'asylum_seekers_benefits',
            'employment',
          ]),
          end_livelihood: pick(['basic_income_support', 'employment', 'employment', 'training_support']),
          start_language_level: pick(['none', 'A1', 'A1', 'A2', 'B1']),
          end_language_level: pick(['A2', 'B1', 'B1', 'B2']),
          start_work: pick(['job_seeking', 'job_seeking', 'not_seeking', 'minor_employment']),
          end_work: pick(['employed', 'training', 'job_seeking', 'employed']),
          office_id: officeId,
        })
        .execute();
    }
  });
}

export async function seedStatistics(db: Db): Promise<void> {
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const idOf = (name: string) => organisations.find((o) => o.name === name)?.id;
  const offices = await db.selectFrom('offices').select(['id', 'name', 'organisation_id']).execute();
  const awo = idOf('AWO Kreisverband Musterstadt e.V.');
  const caritas = organisations.find((o) => o.name.startsWith('Caritas'))?.id;
  const jobcenter = idOf('Jobcenter Musterstadt');
  const abh = idOf('Ausländerbehörde Musterstadt');
  const officeOf = (organisationId: string) =>
    offices.find((o) => o.organisation_id === organisationId)?.id ?? null;
  if (awo) await seedCaseFacts(db, awo, officeOf(awo), 60, 7);
  if (caritas) await seedCaseFacts(db, caritas, officeOf(caritas), 25, 11);
  if (!awo) return;
  const office = officeOf(awo);
  if (!office) return;
  const outcomes = [
    // Per half-year, oldest first: taken up, not taken up, undecided.
    {
      from: jobcenter,
      counts: [
        [9, 4, 1],
        [12, 3, 2],
        [8, 6, 0],
        [11, 2, 1],
      ],
    },
    {
      from: abh,
      counts: [
        [6, 2, 0],
        [7, 1, 1],
        [5, 5, 0],
        [9, 3, 0],
      ],
    },
  ];
  const starts = halfYearMonths(berlinToday(new Date()));
  await inTenantTransaction(
    db,
    { organisationId: awo, userId: null, allOrganisations: false },
    async (trx) => {
      for (const { from, counts } of outcomes) {
        if (!from) continue;
        for (const [h, row] of counts.entries()) {
          for (const [i, n] of row.entries()) {
            if (n === 0) continue;
            await trx
              .insertInto('referral_outcomes')
              .values({
                organisation_id: awo,
                office_id: office,
                referrer_organisation_id: from,
                month: starts[h]!,
                service: 'MBE',
                outcome: (['taken_up', 'not_taken_up', 'undecided'] as const)[i]!,
                referrals: n,
              })
              .execute();
          }
        }
      }
    },
  );
}
