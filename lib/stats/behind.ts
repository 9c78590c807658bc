/**
 * Work the console does behind what a caller waits for (the details read after a refresh that
 * carried the last read forward, read-stats.ts). It yields to the foreground: a job waits while a
 * refresh runs, and one already running is stopped and queued again. influxd has few cores
 * (two here, and a 512 MB container in HomeIQ): a 20 s read behind one refresh must not make the
 * next refresh, or the other bucket's, wait for it. A job starts only after `quietMs` without
 * foreground work: influxd goes on with a stopped query for a moment, and screens, the bench and a
 * CLI loop send their requests back to back.
 *
 * Someone using the console (`activity`: the time of the last request a person's browser made)
 * also holds jobs back, without stopping one that runs: a page draws on the same two cores as
 * influxd, and in the bench a details read (4-13 s of influxd work at a million points) started in
 * the middle of the Measurements screen's visits. A job held back `maxDeferMs` runs anyway, so a
 * busy console still reads its details.
 */
export interface Behind {
  /** Runs `work`; while it lasts no job runs. */
  foreground<T>(work: () => Promise<T>): Promise<T>;
  /** Queues `job` under `key` (one per key), to run when nothing runs in the foreground. */
  queue(key: string, job: (signal: AbortSignal) => Promise<void>): void;
  /** Jobs queued or running (for tests and the log). */
  pending(): number;
}

type Job = (signal: AbortSignal) => Promise<void>;

export interface BehindOptions {
  quietMs?: number;
  /** When a person last used the console (ms since the epoch); 0 when never. */
  activity?: () => number;
  maxDeferMs?: number;
}

export function behindQueue(
  onError: (key: string, error: unknown) => void,
  { quietMs = 3_000, activity = () => 0, maxDeferMs = 60_000 }: BehindOptions = {},
): Behind {
  let active = 0;
  let quietSince = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const queued = new Map<string, { job: Job; since: number }>();
  let running: { key: string; job: Job; since: number; controller: AbortController } | null = null;
  /** From when the quiet counts: the last refresh, or the last request unless the oldest job waited too long. */
  const quietFrom = () => {
    const oldest = Math.min(...[...queued.values()].map((q) => q.since));
    return Date.now() - oldest >= maxDeferMs ? quietSince : Math.max(quietSince, activity());
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, quietFrom() + quietMs - Date.now()),
    );
    timer.unref?.();
  };
  const pump = () => {
    if (active > 0 || running || queued.size === 0) return;
    if (Date.now() - quietFrom() < quietMs) return schedule();
    const next = queued.entries().next();
    if (next.done) return;
    const [key, { job, since }] = next.value;
    queued.delete(key);
    const current = { key, job, since, controller: new AbortController() };
    running = current;
    void job(current.controller.signal)
      .catch((e: unknown) => {
        if (!current.controller.signal.aborted) onError(key, e);
      })
      .finally(() => {
        if (running === current) running = null;
        pump();
      });
  };
  return {
    async foreground<T>(work: () => Promise<T>): Promise<T> {
      active++;
      const stopped = running;
      if (stopped) {
        running = null;
        stopped.controller.abort();
        if (!queued.has(stopped.key)) queued.set(stopped.key, { job: stopped.job, since: stopped.since });
      }
      try {
        return await work();
      } finally {
        active--;
        quietSince = Date.now();
        pump();
      }
    },
    queue(key: string, job: Job): void {
      if (running?.key !== key) queued.set(key, { job, since: queued.get(key)?.since ?? Date.now() });
      pump();
    },
    pending: () => queued.size + (running ? 1 : 0),
  };
}
