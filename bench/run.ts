import { runW1 } from './w1-audited-read.ts';
import { runW2 } from './w2-disclosure.ts';
import { runW7 } from './w7-startup.ts';
import { runW6 } from './w6-public-search.ts';
import { runW5 } from './w5-client-search.ts';
import { note } from './util.ts';

/**
 * `npm run bench [-- W1 W2 W6 W7]`: one JSON line per workload result on stdout, progress on stderr.
 *
 *   W1  authorised, audited read through the API vs. the same SQL through `pg` (PostgreSQL;
 *       BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 *   W2  sending a disclosure (consent check, records, client-copy PDF) through the API vs. rendering
 *       the same PDF alone in the same process (PostgreSQL); goal: at least 0.8x the PDF-only
 *       throughput
 *   W5  client search over 1,000,000 synthetic clients (p95 < 50 ms, at most 1.2x the same SQL
 *       through `pg`) and the caseload view of 300 open cases (< 100 ms server time) (PostgreSQL)
 *   W6  public directory search at national scale (2,000 offices, 20,000 schedule entries) vs. the
 *       same SQL through `pg` (PostgreSQL); goal p95 < 20 ms
 *   W7  start-up time to the first healthy answer, new and existing embedded data directory
 *
 * Tuning: BENCH_CONNECTIONS (64), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_STARTUP_RUNS (3);
 * W6: BENCH_W6_OFFICES (2000), BENCH_W6_HOURS_PER_OFFICE (10), BENCH_W6_CONCURRENCY (8),
 * BENCH_W6_REQUESTS (2000 per concurrency level: 1 and BENCH_W6_CONCURRENCY), BENCH_W6_WARMUP (500);
 * W5: BENCH_W5_CLIENTS (1000000), BENCH_W5_COUNSELLORS (1000), BENCH_W5_QUERIES (400);
 * W2: BENCH_W2_CASES (50, a consent each), BENCH_W2_CONNECTIONS (16), BENCH_W2_LANGUAGE (ar, the
 * copy's language beside German), BENCH_W2_DISTINCT (1: every copy a document of its own; 0: each
 * case's document over and over); BENCH_DURATION_S and BENCH_WARMUP_S for both sides.
 */

const workloads: Record<string, () => Promise<void>> = {
  W1: runW1,
  W2: runW2,
  W5: runW5,
  W6: runW6,
  W7: runW7,
};

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
