import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import { inTenantTransaction, switchOrganisation, type Db } from '../../db/database.ts';
import { scheduleJob } from '../../jobs/schedule.ts';
import type { ReferralOutcomeCount } from './referrals.tables.ts';
import { decidedReferralDays, undecidedReferralDays } from './referrals.values.ts';

/**
 * Retention of named referrals (R-CON-5, R-RED-3): a referral holds a person's name and contact
 * only as long as the office needs it to decide. A decided referral goes `decidedReferralDays`
 * after its decision, an undecided one `undecidedReferralDays` after it was sent; its history
 * goes with it. What stays is one count per receiving office, referring organisation, month,
 * programme and outcome in `referral_outcomes`, for the evaluation of the cooperation.
 *
 * Several instances may run it at once: one transaction behind an advisory lock, as the case
 * retention does.
 */

const lockName = 'koop.referral_retention';
const batchLimit = 1000;

const outcomeOf = (status: string): ReferralOutcomeCount =>
  status === 'accepted' ? 'taken_up' : status === 'closed' ? 'not_taken_up' : 'undecided';

export interface ReferralRetentionResult {
  ran: boolean;
  erased: number;
}

export async function runReferralRetention(db: Db, now: Date): Promise<ReferralRetentionResult> {
  return inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: false },
    async (trx) => {
      const lock = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${lockName})::bigint) AS locked`.execute(trx);
      if (!lock.rows[0]?.locked) return { ran: false, erased: 0 };
      const decidedBefore = new Date(now.getTime() - decidedReferralDays * 86_400_000);
      const sentBefore = new Date(now.getTime() - undecidedReferralDays * 86_400_000);
      const providers = await trx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'welfare_provider')
        .orderBy('id')
        .execute();
      let erased = 0;
      for (const provider of providers) {
        if (erased >= batchLimit) break;
        await switchOrganisation(trx, provider.id);
        const due = await trx
          .deleteFrom('referrals')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', 'in', ['accepted', 'closed']), eb('updated_at', '<', decidedBefore)]),
              eb.and([eb('status', 'in', ['sent', 'received']), eb('created_at', '<', sentBefore)]),
            ]),
          )
          .returning([
            'id',
            'receiving_office_id',
            'referrer_organisation_id',
            'service',
            'status',
            sql<string>`to_char(date_trunc('month', created_at AT TIME ZONE 'Europe/Berlin'), 'YYYY-MM-DD')`.as(
              'month',
            ),
          ])
          .execute();
        for (const row of due) {
          await trx
            .insertInto('referral_outcomes')
            .values({
              organisation_id: provider.id,
              office_id: row.receiving_office_id,
              referrer_organisation_id: row.referrer_organisation_id,
              month: row.month,
              service: row.service as 'MBE' | 'JMD',
              outcome: outcomeOf(row.status),
            })
            .onConflict((oc) =>
              oc
                .columns([
                  'organisation_id',
                  'office_id',
                  'referrer_organisation_id',
                  'month',
                  'service',
                  'outcome',
                ])
                .doUpdateSet({ referrals: sql`referral_outcomes.referrals + 1` }),
            )
            .execute();
          await recordAudit(
            trx,
            { organisationId: provider.id, actorUserId: null, requestId: 'job:referral-retention' },
            { action: 'referral.erased', entityType: 'referral', entityId: row.id },
          );
        }
        erased += due.length;
      }
      return { ran: true, erased };
    },
  );
}

/** Hourly in the running app; returns a function that stops it. */
export function scheduleReferralRetention(
  db: Db,
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
): () => void {
  return scheduleJob({
    intervalMs: 3_600_000,
    firstRunMs: 90_000,
    run: async () => {
      const result = await runReferralRetention(db, new Date());
      if (result.erased > 0) log.info({ ...result }, 'Verweisungen nach Ablauf der Frist gelöscht');
    },
    onError: (err) => log.error({ err }, 'Löschung alter Verweisungen fehlgeschlagen'),
  });
}
