/** A background job of the running app: `run` is called every `intervalMs`, never twice at once. */
export interface ScheduledJob {
  run: () => Promise<unknown>;
  intervalMs: number;
  /** Delay of the first run; defaults to the interval. */
  firstRunMs?: number;
  onError: (err: unknown) => void;
}

/** Starts the job's timers (they never keep the process alive); returns a function that stops them. */
export function scheduleJob(job: ScheduledJob): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job.run();
    } catch (err) {
      job.onError(err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), job.firstRunMs ?? job.intervalMs);
  const every = setInterval(() => void tick(), job.intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
