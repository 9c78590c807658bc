import { restarted, shardChange, type Instance, type ShardStates } from './change-signal';
import { currentSlices, sliceKey, type Slice } from './slices';

/**
 * Which slices of a bucket to count again: a pure function of what console.db holds (the
 * counts of each slice, the /metrics state they were counted under) and what InfluxDB says now.
 *
 * - A shard whose counters moved was written to; if the console knows which slice it serves,
 *   that slice is recounted, and so is the slice holding "now".
 * - A shard it does not know yet (a new day, a backfill into an old day) is located by the
 *   series count of slices (index only, no data read; the likeliest first, see locateStages):
 *   the slice whose count moved. One unknown shard and one moved slice teach the console that
 *   shard's slice for next time.
 * - A slice recounted for a write is first tried as an append (append.ts): from the index, when
 *   what was written can only have added new series of one point each.
 * - A write it cannot locate (points added to series a slice already had, in a shard it does
 *   not know) recounts every slice not known to be untouched.
 * - A restart of influxd resets the counters: what was written just before it is invisible,
 *   so everything is recounted. So is the whole bucket on the reconciliation schedule.
 * - A delete with a predicate moves no write counter but grows the WAL of the shards it touches:
 *   those slices are recounted (located like a write when the shard is not known). influxd
 *   empties a WAL only when it snapshots the cache after a later write, and that write is a
 *   signal of its own; what slips through both is found by the reconciliation (daily, and
 *   `stats --full`).
 */
export type RecountReason =
  | 'pending'
  | 'cold'
  | 'full'
  | 'restart'
  | 'reconcile'
  | 'no-baseline'
  | 'new-slice'
  | 'current'
  | 'shard-written'
  | 'shard-deleted'
  | 'shard-dropped'
  | 'series-changed'
  | 'unlocated-write'
  | 'no-signal';

export type RefreshMode = 'check' | 'fresh' | 'full';

export interface KnownSlice {
  key: string;
  /** Series in the slice by the index (influxdb.cardinality) when it was counted. */
  series: number;
  /** The shards known to hold this slice's data. */
  shards: string[];
}

export interface KnownBucket {
  instance: Instance | null;
  /** Null: /metrics was not readable when the counts were taken. */
  shards: ShardStates | null;
  refreshedAt: number;
  reconciledAt: number;
  /** Slices an earlier refresh set out to count and did not finish. */
  pending: readonly string[];
  slices: ReadonlyMap<string, KnownSlice>;
}

export interface Observed {
  now: number;
  instance: Instance | null;
  /** Null: /metrics is not readable (disabled or failing). */
  shards: ShardStates | null;
}

export interface Timing {
  reconcileMs: number;
  noSignalMs: number;
}

export interface RefreshPlan {
  /** Slice key -> why it is recounted. */
  dirty: Map<string, RecountReason>;
  /** Whether the series count of every slice must be read to locate a change. */
  locate: boolean;
  /** Shards that changed (or vanished) and that no known slice claims. */
  unknown: string[];
  /** Those of them still there (written to, not dropped): the ones a slice can be learned for. */
  unknownWritten: string[];
  /** A full recount (every slice), as opposed to an incremental one. */
  whole: boolean;
}

function everything(slices: readonly Slice[], reason: RecountReason): RefreshPlan {
  return { dirty: new Map(slices.map((s) => [sliceKey(s), reason])), locate: false, unknown: [], unknownWritten: [], whole: true };
}

export function planRefresh(slices: readonly Slice[], known: KnownBucket | null, seen: Observed, mode: RefreshMode, timing: Timing): RefreshPlan {
  if (mode === 'full') return everything(slices, 'full');
  if (!known) return everything(slices, 'cold');
  if (seen.shards && known.shards && restarted(known, seen)) return everything(slices, 'restart');
  if (mode === 'check' && seen.now - known.reconciledAt >= timing.reconcileMs) return everything(slices, 'reconcile');
  if (seen.shards && !known.shards && known.refreshedAt > 0) return everything(slices, 'no-baseline');

  const dirty = new Map<string, RecountReason>();
  for (const s of slices) if (!known.slices.has(sliceKey(s))) dirty.set(sliceKey(s), 'new-slice');
  for (const s of slices) if (known.pending.includes(sliceKey(s)) && !dirty.has(sliceKey(s))) dirty.set(sliceKey(s), 'pending');
  const markCurrent = () => {
    for (const s of currentSlices(slices, seen.now)) if (!dirty.has(sliceKey(s))) dirty.set(sliceKey(s), 'current');
  };

  if (!seen.shards) {
    // No change signal: look again (series counts and the current slice) every noSignalMs, or when asked.
    if (mode === 'fresh' || seen.now - known.refreshedAt >= timing.noSignalMs) {
      markCurrent();
      for (const k of dirty.keys()) if (dirty.get(k) === 'current') dirty.set(k, 'no-signal');
      return { dirty, locate: true, unknown: [], unknownWritten: [], whole: false };
    }
    return { dirty, locate: false, unknown: [], unknownWritten: [], whole: false };
  }

  const before = known.shards ?? {};
  const owner = new Map<string, string>();
  for (const s of known.slices.values()) for (const id of s.shards) owner.set(id, s.key);
  const reasonOf = { written: 'shard-written', deleted: 'shard-deleted', dropped: 'shard-dropped' } as const;
  const unknown: string[] = [];
  const unknownWritten: string[] = [];
  let changes = 0;
  for (const id of new Set([...Object.keys(before), ...Object.keys(seen.shards)])) {
    const change = shardChange(before[id], seen.shards[id]);
    if (change === 'none') continue;
    changes++;
    const key = owner.get(id);
    if (key && slices.some((s) => sliceKey(s) === key)) {
      if (!dirty.has(key)) dirty.set(key, reasonOf[change]);
    } else if (!key || change !== 'dropped') {
      // A shard no slice claims: located below by the series count of each slice.
      unknown.push(id);
      if (change === 'written') unknownWritten.push(id);
    }
  }
  if (changes > 0) markCurrent();
  // Series counts are read only to place a shard the console does not know: a delete shows in its
  // shard's WAL (which influxd empties only when it snapshots a later write, itself a signal).
  return { dirty, locate: unknown.length > 0, unknown, unknownWritten, whole: false };
}

export interface Located {
  dirty: Map<string, RecountReason>;
  /** Shard -> slice key, learned from this refresh. */
  learned: Map<string, string>;
}

/** Slices whose series count moved and that no known shard's change explains: where the unknown shards are. */
function movedSlices(plan: RefreshPlan, slices: readonly Slice[], known: KnownBucket, series: ReadonlyMap<string, number>): string[] {
  const moved: string[] = [];
  for (const s of slices) {
    const key = sliceKey(s);
    const now = series.get(key);
    if (now === undefined || (known.slices.get(key)?.series ?? 0) === now) continue;
    const reason = plan.dirty.get(key);
    // A slice already blamed on a shard the console knows does not explain an unknown one.
    if (reason !== 'shard-written' && reason !== 'shard-deleted' && reason !== 'shard-dropped') moved.push(key);
  }
  return moved;
}

/**
 * The slices whose series counts are read to place the unknown shards, cheapest guess first.
 * A bucket has one shard per shard group and a slice covers one group, so a shard the console
 * does not know lies in a slice that claims no shard. A new shard (a new day, or a backfill into
 * a day that had none) lies in a slice that held no series; most writes land in the current
 * slice. Those are read first; the other unclaimed slices only when the first do not explain
 * every unknown shard. At a million points this is one slice's index read instead of all of them.
 */
export function locateStages(plan: RefreshPlan, slices: readonly Slice[], known: KnownBucket, now: number): Slice[][] {
  const unclaimed = slices.filter((s) => !known.slices.get(sliceKey(s))?.shards.length);
  const current = new Set(currentSlices(slices, now).map(sliceKey));
  const likely = (s: Slice) => current.has(sliceKey(s)) || plan.dirty.has(sliceKey(s)) || (known.slices.get(sliceKey(s))?.series ?? 0) === 0;
  return [unclaimed.filter(likely), unclaimed.filter((s) => !likely(s))].filter((stage) => stage.length > 0);
}

/** Whether the series counts read so far place every unknown shard (one moved slice each). */
export function locatesAll(plan: RefreshPlan, slices: readonly Slice[], known: KnownBucket, series: ReadonlyMap<string, number>): boolean {
  return movedSlices(plan, slices, known, series).length >= plan.unknown.length;
}

/** Completes a plan with the series counts read by `locateStages` (read when `plan.locate`). */
export function locateChanges(plan: RefreshPlan, slices: readonly Slice[], known: KnownBucket, series: ReadonlyMap<string, number>): Located {
  const dirty = new Map(plan.dirty);
  const moved = movedSlices(plan, slices, known, series);
  for (const s of slices) {
    const key = sliceKey(s);
    const now = series.get(key);
    if (now !== undefined && (known.slices.get(key)?.series ?? 0) !== now && !dirty.has(key)) dirty.set(key, 'series-changed');
  }
  const learned = new Map<string, string>();
  if (plan.unknownWritten.length === 1 && moved.length === 1) learned.set(plan.unknownWritten[0] as string, moved[0] as string);
  if (plan.unknown.length > moved.length) {
    // Some write has no slice to blame: recount every slice that is not known to be untouched.
    const untouched = new Set<string>();
    for (const s of known.slices.values()) if (s.shards.length > 0 && !dirty.has(s.key)) untouched.add(s.key);
    for (const s of slices) {
      const key = sliceKey(s);
      if (!dirty.has(key) && !untouched.has(key) && (known.slices.get(key)?.series ?? 1) > 0) dirty.set(key, 'unlocated-write');
    }
  }
  return { dirty, learned };
}
