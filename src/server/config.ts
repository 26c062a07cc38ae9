import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Secret used to encrypt TOTP secrets at rest; must be stable across restarts. */
  secret: string;
  /** Seed demo data: always for the embedded database's first start, on request for PostgreSQL. */
  demo: boolean;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Sign-in attempts per client address and minute. */
  loginRateLimit: number;
  /** Requests to the public directory per client address and minute. */
  publicRateLimit: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  logLevel: string;
  /** Connections to PostgreSQL per app instance (with DATABASE_URL). */
  dbPoolMax: number;
  /** Months the audit log is kept; older rows are deleted hourly (at least six). */
  auditRetentionMonths: number;
  /** Smallest count a published figure shows (R-STAT-5): default 5, never below 3. */
  statisticsThreshold: number;
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Ungültiger Zahlenwert in der Konfiguration: ${value}`);
  return n;
}

/** The audit log is kept 24 months by default and never less than six (the database enforces it too). */
function auditRetentionFrom(value: string | undefined): number {
  const months = intFrom(value, 24);
  if (months < 6) throw new Error(`KOOP_AUDIT_RETENTION_MONTHS muss mindestens 6 sein, nicht ${months}`);
  return months;
}

/** The threshold k of disclosure control: 5 by default; below 3 the installation refuses to start. */
function statisticsThresholdFrom(value: string | undefined): number {
  const k = intFrom(value, 5);
  if (k < 3) throw new Error(`KOOP_STATISTICS_THRESHOLD muss mindestens 3 sein, nicht ${k}`);
  return k;
}

/** Reads the configuration from environment variables (see README, "Konfiguration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000);
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.KOOP_DATA_DIR ?? './data'),
    secret: env.KOOP_SECRET ?? 'koop-demo-secret-change-me-in-production',
    demo: env.KOOP_DEMO !== undefined ? env.KOOP_DEMO === '1' || env.KOOP_DEMO === 'true' : !databaseUrl,
    secureCookies: env.KOOP_SECURE_COOKIES === '1' || env.KOOP_SECURE_COOKIES === 'true',
    sessionIdleMinutes: intFrom(env.KOOP_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: intFrom(env.KOOP_SESSION_ABSOLUTE_HOURS, 12),
    loginRateLimit: intFrom(env.KOOP_LOGIN_RATE_LIMIT, 10),
    publicRateLimit: intFrom(env.KOOP_PUBLIC_RATE_LIMIT, 120),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Koop <koop@localhost>',
    publicUrl: env.KOOP_PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? 'info',
    dbPoolMax: intFrom(env.KOOP_DB_POOL_MAX, 10),
    auditRetentionMonths: auditRetentionFrom(env.KOOP_AUDIT_RETENTION_MONTHS),
    statisticsThreshold: statisticsThresholdFrom(env.KOOP_STATISTICS_THRESHOLD),
  };
}
