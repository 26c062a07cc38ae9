import { inTenantTransaction, type Db } from '../db/database.ts';
import { purgeAuditBefore } from './audit.ts';

/** Rows deleted per transaction; a run continues in further transactions up to `maxBatches`. */
export const auditPurgeBatch = 5_000;
const maxBatches = 20;

/** The cut-off of the audit retention period: `months` calendar months before `now`. */
export function auditCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Deletes audit rows older than the installation's audit retention period
 * (`KOOP_AUDIT_RETENTION_MONTHS`). Short transactions of `auditPurgeBatch` rows each, so the log
 * stays writable meanwhile; several instances running it at once only share the work.
 */
export async function runAuditRetention(db: Db, now: Date, months: number): Promise<number> {
  const before = auditCutoff(now, months);
  let purged = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const n = await inTenantTransaction(
      db,
      { organisationId: null, userId: null, allOrganisations: false },
      (trx) => purgeAuditBefore(trx, before, auditPurgeBatch),
    );
    purged += n;
    if (n < auditPurgeBatch) break;
  }
  return purged;
}
