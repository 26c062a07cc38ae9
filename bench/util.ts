import net from 'node:net';
import { loadConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { buildApp, type App } from '../src/server/http/app.ts';
import { createMailer } from '../src/server/mail/mailer.ts';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Human-readable progress goes to stderr; stdout carries only the JSON result lines. */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Prints one result line. */
export function emit(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The value below which `q` (0–1) of the samples lie (nearest-rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

/** A positive number from the environment, or the fallback. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

/** How busy the machine was when a workload started; figures from a shared machine need it. */
export function machine(): { cpus: number; load_avg_1m: number } {
  return { cpus: os.availableParallelism(), load_avg_1m: round(os.loadavg()[0]!, 2) };
}

/** The app on a free loopback port over `database`, as the benchmarks drive it through HTTP. */
export async function listenBenchApp(database: Database): Promise<{ app: App; origin: string }> {
  const config = loadConfig({
    KOOP_DEMO: '0',
    KOOP_SECRET: 'bench-secret',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const app = await buildApp(
    { db: database.db, config, mailer: createMailer(undefined, config.mailFrom), now: () => new Date() },
    { logger: false },
  );
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { app, origin: `http://127.0.0.1:${port}` };
}
