import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emit, envNumber, freePort, machine, median, note, round, sleep } from './util.ts';

/**
 * W7: time from running the start command to the first HTTP 200 on /api/health, on the embedded
 * database — once with a new data directory (creation, migrations, demo data) and once with an
 * existing one (the same directory, started again after a clean stop).
 */

const root = path.resolve(import.meta.dirname, '..');
const pollIntervalMs = 25;
const startTimeoutMs = 180_000;
const stopTimeoutMs = 30_000;

/** `npm start` runs scripts/start.mjs; before that script existed the server ran through tsx. */
function startCommand(): { command: string; args: string[]; label: string } {
  if (fs.existsSync(path.join(root, 'scripts/start.mjs'))) {
    return { command: process.execPath, args: ['scripts/start.mjs'], label: 'node scripts/start.mjs' };
  }
  return { command: 'npx', args: ['tsx', 'src/server/main.ts'], label: 'npx tsx src/server/main.ts' };
}

interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: string[];
}

function launch(dataDir: string, port: number): Running {
  const { command, args } = startCommand();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KOOP_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  // Always the embedded database, whatever the calling shell has configured.
  delete env.DATABASE_URL;
  delete env.KOOP_DEMO;
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 40) output.splice(0, output.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

const webIndex = path.join(root, 'dist/web/index.html');
const webBuiltAt = () => (fs.existsSync(webIndex) ? fs.statSync(webIndex).mtimeMs : 0);

interface Timed {
  ms: number;
  /**
   * dist/web changed during the run: the start command rebuilt the browser UI because its sources
   * changed since the last build (or another build ran at the same time). Such a run is not a plain start.
   */
  uiRebuilt: boolean;
}

/** Starts the server, waits for the first 200 on /api/health, stops it. */
async function timeStart(dataDir: string): Promise<Timed> {
  const port = await freePort();
  const builtBefore = webBuiltAt();
  const url = `http://127.0.0.1:${port}/api/health`;
  const started = performance.now();
  const running = launch(dataDir, port);
  let exitCode: number | null | undefined;
  void running.exited.then((code) => (exitCode = code));
  try {
    for (;;) {
      if (await healthy(url))
        return { ms: performance.now() - started, uiRebuilt: webBuiltAt() !== builtBefore };
      if (exitCode !== undefined)
        throw new Error(
          `server exited with ${exitCode} before it was healthy:\n${running.output.join('\n')}`,
        );
      if (performance.now() - started > startTimeoutMs)
        throw new Error(`no 200 from ${url} within ${startTimeoutMs} ms:\n${running.output.join('\n')}`);
      await sleep(pollIntervalMs);
    }
  } finally {
    await stop(running, dataDir);
  }
}

async function stop(running: Running, dataDir: string): Promise<void> {
  if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGTERM');
  const code = await Promise.race([running.exited, sleep(stopTimeoutMs).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    note(`server did not stop within ${stopTimeoutMs} ms after SIGTERM; killing it`);
    running.child.kill('SIGKILL');
    await running.exited;
  }
  // The server removes its data-directory lock on a clean exit; a left-over lock is a bug.
  if (fs.existsSync(`${dataDir}.lock`))
    note(`lock file ${dataDir}.lock is still there after the server exited`);
}

function summary(
  caseName: string,
  label: string,
  runs: Timed[],
  atStart: ReturnType<typeof machine>,
  goal?: string,
): Record<string, unknown> {
  const times = runs.map((r) => r.ms);
  return {
    workload: 'W7',
    case: caseName,
    command: label,
    runs: times.length,
    median_ms: round(median(times), 0),
    min_ms: round(Math.min(...times), 0),
    max_ms: round(Math.max(...times), 0),
    runs_ms: times.map((t) => round(t, 0)),
    ui_rebuilt_in_runs: runs.filter((r) => r.uiRebuilt).length,
    ...(goal ? { goal } : {}),
    ...atStart,
  };
}

export async function runW7(): Promise<void> {
  const runs = Math.round(envNumber('BENCH_STARTUP_RUNS', 3));
  const { label } = startCommand();
  const atStart = machine();
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'koop-bench-start-'));
  try {
    // One untimed start first: `npm start` builds the browser UI when it is missing or stale, and
    // the first run after a change also fills the transpile cache. The timed runs measure starts.
    note(`W7: untimed first start with ${label}`);
    const first = await timeStart(path.join(parent, 'warm-up', 'data'));
    note(`W7: untimed first start took ${round(first.ms, 0)} ms${first.uiRebuilt ? ' (UI rebuilt)' : ''}`);

    const fresh: Timed[] = [];
    const existing: Timed[] = [];
    const report = (i: number, what: string, t: Timed) =>
      note(
        `W7: run ${i}: ${what} ${round(t.ms, 0)} ms${t.uiRebuilt ? ' (UI rebuilt: its sources changed meanwhile)' : ''}`,
      );
    for (let i = 1; i <= runs; i++) {
      const dataDir = path.join(parent, `run-${i}`, 'data');
      fresh.push(await timeStart(dataDir));
      report(i, 'new data directory', fresh.at(-1)!);
      existing.push(await timeStart(dataDir));
      report(i, 'existing data directory', existing.at(-1)!);
    }
    emit(summary('new_data_dir', label, fresh, atStart));
    emit(summary('existing_data_dir', label, existing, atStart, '< 3000 ms'));
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
}
