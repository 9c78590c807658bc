/**
 * Every slice count of the process, whichever bucket it is for, runs through one pool: at most
 * `limit` queries at once against InfluxDB. A count reads every field of its slice and keeps a
 * core of influxd busy, so more at once only share the same cores: 12 one-day slices of the
 * daily bucket at a million points took 24.1 s one at a time, 11.6 s two at a time, 11.4 s
 * three and 12.6 s four (two per bucket, as each bucket counted on its own before).
 *
 * Which job runs next: the one from the refresh with the fewest slices (a day's refresh is not
 * held behind a full recount of hundreds), then the costliest (the slice with the most series:
 * a weekly slice holds five times a daily one, and started last it leaves a core idle while it
 * runs alone), then the first queued.
 */
export interface SliceJob<T> {
  /** The slices of the refresh this job belongs to. */
  batch: number;
  /** Its expected cost (the slice's series in the index). */
  cost: number;
  run: () => Promise<T>;
  /** A job whose signal aborts before it runs is dropped, rejected with the signal's reason. */
  signal?: AbortSignal;
}

interface Queued {
  batch: number;
  cost: number;
  order: number;
  signal: AbortSignal | undefined;
  start: () => void;
  reject: (reason: unknown) => void;
}

export interface SlicePool {
  run<T>(job: SliceJob<T>): Promise<T>;
  /** Jobs running and waiting, for tests and progress. */
  readonly size: { running: number; waiting: number };
}

const before = (a: Queued, b: Queued) => a.batch - b.batch || b.cost - a.cost || a.order - b.order;

export function createSlicePool(limit: number): SlicePool {
  const waiting: Queued[] = [];
  let running = 0;
  let order = 0;
  // One abort listener per signal, not per job: a full recount queues a job per slice on one signal.
  const bySignal = new Map<AbortSignal, { jobs: Set<Queued>; onAbort: () => void }>();
  const watch = (entry: Queued) => {
    const signal = entry.signal;
    if (!signal) return;
    let watched = bySignal.get(signal);
    if (!watched) {
      const jobs = new Set<Queued>();
      const onAbort = () => {
        bySignal.delete(signal);
        for (const job of jobs) {
          const i = waiting.indexOf(job);
          if (i >= 0) waiting.splice(i, 1);
          job.reject(signal.reason);
        }
      };
      watched = { jobs, onAbort };
      bySignal.set(signal, watched);
      signal.addEventListener('abort', onAbort, { once: true });
    }
    watched.jobs.add(entry);
  };
  const unwatch = (entry: Queued) => {
    const watched = entry.signal && bySignal.get(entry.signal);
    if (!watched || !entry.signal) return;
    watched.jobs.delete(entry);
    if (watched.jobs.size > 0) return;
    entry.signal.removeEventListener('abort', watched.onAbort);
    bySignal.delete(entry.signal);
  };
  const next = () => {
    while (running < limit && waiting.length > 0) {
      let best = 0;
      for (let i = 1; i < waiting.length; i++) if (before(waiting[i] as Queued, waiting[best] as Queued) < 0) best = i;
      const [job] = waiting.splice(best, 1);
      job?.start();
    }
  };
  return {
    get size() {
      return { running, waiting: waiting.length };
    },
    run<T>(job: SliceJob<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (job.signal?.aborted) return reject(job.signal.reason);
        const entry: Queued = {
          batch: job.batch,
          cost: job.cost,
          order: order++,
          signal: job.signal,
          reject,
          start: () => {
            unwatch(entry);
            running++;
            Promise.resolve()
              .then(job.run)
              .then(resolve, reject)
              .finally(() => {
                running--;
                next();
              });
          },
        };
        watch(entry);
        waiting.push(entry);
        next();
      });
    },
  };
}

const KEY = Symbol.for('homeiq-influx-console.slice-pool');

/**
 * The process's pool: two slice counts at once. On globalThis, as Next.js bundles route handlers
 * and server actions apart, and a module-level pool would be one per bundle.
 */
export function slicePool(): SlicePool {
  const g = globalThis as Record<symbol, SlicePool | undefined>;
  return (g[KEY] ??= createSlicePool(2));
}
