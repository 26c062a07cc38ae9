import { runW1 } from './w1-audited-read.ts';
import { runW7 } from './w7-startup.ts';
import { note } from './util.ts';

/**
 * `npm run bench [-- W1 W7]`: one JSON line per workload result on stdout, progress on stderr.
 *
 *   W1  authorised, audited read through the API vs. the same SQL through `pg` (PostgreSQL;
 *       BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 *   W7  start-up time to the first healthy answer, new and existing embedded data directory
 *
 * Tuning: BENCH_CONNECTIONS (64), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_STARTUP_RUNS (3).
 */

const workloads: Record<string, () => Promise<void>> = { W1: runW1, W7: runW7 };

async function main(): Promise<void> {
  const requested = process.argv.slice(2).map((a) => a.toUpperCase());
  const unknown = requested.filter((w) => !(w in workloads));
  if (unknown.length > 0) {
    note(`unknown workload ${unknown.join(', ')}; available: ${Object.keys(workloads).join(', ')}`);
    process.exit(2);
  }
  for (const name of requested.length > 0 ? requested : Object.keys(workloads)) {
    note(`--- ${name} ---`);
    await workloads[name]!();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
