/**
 * Work the console does behind what a caller waits for (the details read after a refresh that
 * carried the last read forward, read-stats.ts). It yields to the foreground: a job waits while a
 * refresh runs, and one already running is stopped and queued again. influxd has few cores
 * (two here, and a 512 MB container in HomeIQ): a 20 s read behind one refresh must not make the
 * next refresh, or the other bucket's, wait for it. A job starts only after `quietMs` without
 * foreground work: influxd goes on with a stopped query for a moment, and screens, the bench and a
 * CLI loop send their requests back to back.
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

export function behindQueue(onError: (key: string, error: unknown) => void, quietMs = 3_000): Behind {
  let active = 0;
  let quietSince = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const queued = new Map<string, Job>();
  let running: { key: string; job: Job; controller: AbortController } | null = null;
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      pump();
    }, Math.max(0, quietSince + quietMs - Date.now()));
    timer.unref?.();
  };
  const pump = () => {
    if (active > 0 || running) return;
    if (Date.now() - quietSince < quietMs) return schedule();
    const next = queued.entries().next();
    if (next.done) return;
    const [key, job] = next.value;
    queued.delete(key);
    const current = { key, job, controller: new AbortController() };
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
        if (!queued.has(stopped.key)) queued.set(stopped.key, stopped.job);
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
      if (running?.key !== key) queued.set(key, job);
      pump();
    },
    pending: () => queued.size + (running ? 1 : 0),
  };
}
