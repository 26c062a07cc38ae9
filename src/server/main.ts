import { loadConfig } from './config.ts';
import {
  DataDirLockedError,
  migrateToLatest,
  openPglite,
  openPostgres,
  type Database,
} from './db/database.ts';
import { buildApp } from './http/app.ts';
import { createMailer } from './mail/mailer.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';
import { startDigestJob } from './modules/offers/digest.ts';
import { scheduleRetention } from './modules/cases/retention.ts';
import { scheduleReferralRetention } from './modules/referrals/referrals.retention.ts';
import { scheduleAgreementReminders } from './modules/agreements/agreements.reminders.ts';
import { runAuditRetention } from './audit/retention.ts';
import { scheduleJob } from './jobs/schedule.ts';

/** Starts Koop: database (embedded or PostgreSQL), migrations, demo data in demo mode, HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  let database: Database;
  try {
    database = config.databaseUrl
      ? openPostgres(config.databaseUrl, config.dbPoolMax)
      : await openPglite({ dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await migrateToLatest(database.db);
  if (config.demo && (await isEmpty(database.db))) await seedDemo(database.db);

  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const app = await buildApp({ db: database.db, config, mailer, now: () => new Date() });
  // E-mail digests of new partner offers (R-OFF-4); only where mail can go out.
  const stopDigests = mailer.configured
    ? startDigestJob({
        db: database.db,
        mailer,
        publicUrl: config.publicUrl,
        log: (err) => app.log.error({ err }, 'digest run failed'),
      })
    : () => undefined;
  // Retention of closed cases (R-CON-5): hourly; safe with several instances (advisory lock).
  const stopRetention = scheduleRetention(database.db, app.log);
  // Named referrals go after their period; only their outcome stays, counted (R-CON-5).
  const stopReferralRetention = scheduleReferralRetention(database.db, app.log);
  // Cooperation agreements: renewal due, expiry, reminders of renewals and meetings (R-AGR-4, R-AGR-6).
  const stopAgreementReminders = scheduleAgreementReminders(database.db, mailer, config.publicUrl, app.log);
  // Retention of the audit log: rows older than KOOP_AUDIT_RETENTION_MONTHS go, hourly.
  const stopAuditRetention = scheduleJob({
    intervalMs: 3_600_000,
    firstRunMs: 90_000,
    run: async () => {
      const purged = await runAuditRetention(database.db, new Date(), config.auditRetentionMonths);
      if (purged > 0) app.log.info({ purged }, 'Protokoll: alte Einträge gelöscht');
    },
    onError: (err) => app.log.error({ err }, 'Protokoll: Löschlauf fehlgeschlagen'),
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopDigests();
    stopRetention();
    stopReferralRetention();
    stopAgreementReminders();
    stopAuditRetention();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    {
      port: config.port,
      database: database.kind,
      dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
      demo: config.demo,
    },
    'Koop läuft',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
