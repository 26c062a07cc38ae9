import { sql } from 'kysely';
import { inTenantTransaction, switchOrganisation, type Db, type Trx } from '../../db/database.ts';
import { forgetErasedCases, recordAudit } from '../../audit/audit.ts';
import { scheduleJob } from '../../jobs/schedule.ts';
import {
  ageGroupFor,
  ageOn,
  berlinToday,
  defaultRetentionYears,
  dueForErasure,
  latestErasableClosing,
  monthOf,
  yearsSinceArrivalBand,
} from './cases.rules.ts';
import * as casesRepo from './cases.repository.ts';

/**
 * R-CON-5 retention: closed cases are erased once the organisation's retention period (default
 * three years after closure) has passed, unless a legal hold is set. Before a case goes, its
 * anonymous statistical facts are kept (case_statistics: no names, no ids, months instead of
 * dates) and a deletion record without personal data is written. The client goes with their
 * last case.
 *
 * Several app instances may run the job at the same moment: the whole run is one transaction
 * that first takes a transaction-level advisory lock; whoever does not get it skips the run,
 * and the lock ends with the transaction, so a crash never leaves it held.
 */

/** The advisory lock of the retention job. */
const lockName = 'koop.case_retention';
/** Cases erased per run at most; the next run continues. Keeps the transaction short. */
export const retentionBatchLimit = 500;
export const retentionRule = 'Aufbewahrungsfrist nach Fallabschluss';

export interface RetentionResult {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  erased: number;
  clientsErased: number;
}

interface Candidate {
  id: string;
  client_id: string;
  closed_on: string;
  legal_hold: boolean;
}

/** Runs the job once for every provider. `now` is injectable for tests. */
export async function runRetention(
  db: Db,
  now: Date,
  options: { batchLimit?: number } = {},
): Promise<RetentionResult> {
  const limit = options.batchLimit ?? retentionBatchLimit;
  return inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: false },
    async (trx) => {
      const lock = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${lockName})::bigint) AS locked`.execute(trx);
      if (!lock.rows[0]?.locked) return { ran: false, erased: 0, clientsErased: 0 };
      const today = berlinToday(now);
      const providers = await trx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'welfare_provider')
        .orderBy('id')
        .execute();
      const result: RetentionResult = { ran: true, erased: 0, clientsErased: 0 };
      for (const provider of providers) {
        if (result.erased >= limit) break;
        await switchOrganisation(trx, provider.id);
        const years = (await casesRepo.findSettings(trx))?.retention_years ?? defaultRetentionYears;
        const { rows } = await sql<Candidate>`
        SELECT id, client_id, closed_on, legal_hold FROM cases
        WHERE status = 'closed' AND NOT legal_hold AND closed_on <= ${latestErasableClosing(today, years)}::date
        ORDER BY closed_on, id
        LIMIT ${limit - result.erased}
        FOR UPDATE SKIP LOCKED`.execute(trx);
        const erased: string[] = [];
        for (const c of rows) {
          if (!dueForErasure({ closedOn: c.closed_on, legalHold: c.legal_hold }, years, today)) continue;
          const clientErased = await eraseCase(trx, provider.id, c.id, years, now);
          erased.push(c.id);
          result.erased++;
          if (clientErased) result.clientsErased++;
        }
        // Reasons typed into the audit log (break the glass, legal hold) may name the client.
        await forgetErasedCases(trx, erased);
      }
      return result;
    },
  );
}

interface FactsRow {
  service: string;
  case_type: string;
  opened_on: string;
  closed_on: string | null;
  way_in: string | null;
  closure_reason: string | null;
  start_livelihood: string | null;
  end_livelihood: string | null;
  start_language_level: string | null;
  end_language_level: string | null;
  start_work: string | null;
  end_work: string | null;
  birth_date: string | null;
  age_group: string | null;
  gender: string | null;
  arrival_year: number | null;
  residence_status_group: string | null;
  citizenship: string | null;
  office_id: string | null;
  contacts: number;
  family_members: number;
  topics: string[] | null;
  records: number;
}

/** Keeps the anonymous facts, erases the case (and the client with their last case), records it. */
async function eraseCase(trx: Trx, organisationId: string, caseId: string, years: number, now: Date) {
  const { rows } = await sql<FactsRow>`
    SELECT k.service, k.case_type, k.opened_on, k.closed_on, k.way_in, k.closure_reason,
           k.start_livelihood, k.end_livelihood, k.start_language_level, k.end_language_level,
           k.start_work, k.end_work,
           cl.birth_date, cl.age_group, cl.gender, cl.arrival_year, cl.citizenship, k.office_id,
           coalesce(a.residence_status_group, cl.residence_status_group) AS residence_status_group,
           (SELECT count(*) FROM case_contacts ct WHERE ct.case_id = k.id AND ct.status = 'held')::int AS contacts,
           (SELECT count(*) FROM client_family_members f
             WHERE f.client_id = cl.id AND f.counselled_alongside)::int AS family_members,
           (SELECT array_agg(DISTINCT t) FROM (
              SELECT unnest(topics) AS t FROM case_contacts WHERE case_id = k.id
              UNION SELECT unnest(topics) FROM case_intakes WHERE case_id = k.id) x) AS topics,
           (1 + (SELECT count(*) FROM case_contacts WHERE case_id = k.id)
              + (SELECT count(*) FROM case_activities WHERE case_id = k.id)
              + (SELECT count(*) FROM plan_goals WHERE case_id = k.id)
              + (SELECT count(*) FROM plan_steps WHERE case_id = k.id)
              + (SELECT count(*) FROM case_intakes WHERE case_id = k.id)
              + (SELECT count(*) FROM case_analyses WHERE case_id = k.id)
              + (SELECT count(*) FROM support_plans WHERE case_id = k.id)
              + (SELECT count(*) FROM case_access_grants WHERE case_id = k.id)
              + (SELECT count(*) FROM case_responsibilities WHERE case_id = k.id))::int AS records
    FROM cases k
    JOIN clients cl ON cl.id = k.client_id
    LEFT JOIN case_analyses a ON a.case_id = k.id
    WHERE k.id = ${caseId}`.execute(trx);
  const f = rows[0]!;
  const ageGroup = f.birth_date ? ageGroupFor(ageOn(f.birth_date, f.opened_on)) : f.age_group;
  await trx
    .insertInto('case_statistics')
    .values({
      organisation_id: organisationId,
      recorded_at: now,
      service: f.service,
      case_type: f.case_type,
      opened_month: monthOf(f.opened_on),
      closed_month: f.closed_on ? monthOf(f.closed_on) : null,
      age_group: ageGroup,
      gender: f.gender,
      residence_status_group: f.residence_status_group,
      years_since_arrival: yearsSinceArrivalBand(f.arrival_year, f.opened_on),
      way_in: f.way_in,
      closure_reason: f.closure_reason,
      contacts: f.contacts,
      family_members: f.family_members,
      topics: (f.topics ?? []).sort(),
      start_livelihood: f.start_livelihood,
      end_livelihood: f.end_livelihood,
      start_language_level: f.start_language_level,
      end_language_level: f.end_language_level,
      start_work: f.start_work,
      end_work: f.end_work,
      citizenship: f.citizenship,
      office_id: f.office_id,
    })
    .execute();

  const { client_id: clientId } = await trx
    .deleteFrom('cases')
    .where('id', '=', caseId)
    .returning('client_id')
    .executeTakeFirstOrThrow();
  const remaining = await trx
    .selectFrom('cases')
    .select('id')
    .where('client_id', '=', clientId)
    .limit(1)
    .execute();
  const clientErased = remaining.length === 0;
  if (clientErased) await trx.deleteFrom('clients').where('id', '=', clientId).execute();

  await trx
    .insertInto('case_deletion_records')
    .values({
      organisation_id: organisationId,
      erased_at: now,
      rule: retentionRule,
      retention_years: years,
      closed_month: monthOf(f.closed_on ?? f.opened_on),
      service: f.service,
      case_type: f.case_type,
      records_removed: f.records + (clientErased ? 1 : 0),
      client_erased: clientErased,
    })
    .execute();
  await recordAudit(
    trx,
    { organisationId, actorUserId: null, requestId: 'job:case-retention' },
    {
      action: 'case.erased',
      entityType: 'case',
      entityId: caseId,
      details: { retentionYears: years, clientErased },
    },
  );
  return clientErased;
}

/** Hourly schedule of the job in the running app; returns a function that stops it. */
export function scheduleRetention(
  db: Db,
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
  options: { intervalMs?: number; firstRunMs?: number; now?: () => Date } = {},
): () => void {
  const now = options.now ?? (() => new Date());
  return scheduleJob({
    intervalMs: options.intervalMs ?? 3_600_000,
    firstRunMs: options.firstRunMs ?? 60_000,
    run: async () => {
      const result = await runRetention(db, now());
      if (result.erased > 0) log.info({ ...result }, 'Aufbewahrungsfrist: Fälle gelöscht');
    },
    onError: (err) => log.error({ err }, 'Aufbewahrungsfrist: Lauf fehlgeschlagen'),
  });
}
