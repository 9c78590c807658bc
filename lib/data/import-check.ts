import type { ImportCheck, LineProblem, TypeConflict } from '../model/data-operations';
import type { FieldType, StoredType } from '../model/line-protocol';
import type { ParsedPoint } from './lp-parse';
import { pointKey, RecentPoints, seriesKey } from '../model/point-keys';

/**
 * What a dry run of an import finds, one parsed record at a time: points per measurement, the
 * time span, parse errors by line number, points older than the bucket's retention (InfluxDB drops
 * them and answers 422), and field types that clash within one shard group (InfluxDB keeps one type
 * per measurement and field in each shard and refuses the others), in the file or with what is stored.
 */

export const ERROR_CAP = 100;

export type { ImportCheck, LineProblem, TypeConflict };

/** Go's time.Truncate counts from year 1, not 1970: shard groups of 7 days start on Mondays. */
const YEAR_ONE_TO_EPOCH_S = 62_135_596_800n;

/** Start (ns) of the shard group holding `ns`, for shard groups of `durationS` seconds. */
export function shardGroupStart(ns: bigint, durationS: number): bigint {
  const d = BigInt(durationS) * 1_000_000_000n;
  const shifted = ns + YEAR_ONE_TO_EPOCH_S * 1_000_000_000n;
  const r = ((shifted % d) + d) % d;
  return ns - r;
}

/** InfluxDB's default shard-group duration for a retention (0 = infinite). */
export function defaultShardGroupSeconds(retentionS: number): number {
  if (retentionS === 0 || retentionS >= 180 * 86_400) return 7 * 86_400;
  if (retentionS >= 2 * 86_400) return 86_400;
  return 3_600;
}

export function nsToIso(ns: bigint): string {
  const ms = ns / 1_000_000n - (ns % 1_000_000n < 0n ? 1n : 0n);
  const rest = ns - ms * 1_000_000n;
  const base = new Date(Number(ms)).toISOString();
  const fraction = (base.slice(20, 23) + rest.toString().padStart(6, '0')).replace(/0+$/, '');
  return `${base.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

export type { StoredType };

interface TypeSeen {
  type: FieldType;
  line: number;
}

const byName = (m: ReadonlyMap<string, number>): Record<string, number> => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export class ImportTally {
  private readonly points = new Map<string, number>();
  private readonly lines = new Map<string, number>();
  private readonly recent = new RecentPoints();
  private total = 0;
  private totalLines = 0;
  private first: bigint | null = null;
  private last: bigint | null = null;
  private readonly errors: LineProblem[] = [];
  private errorCount = 0;
  private outside = 0;
  private outsideLines = 0;
  private outsideFirstLine: number | null = null;
  /** measurement \0 field → shard start → the first type seen. */
  private readonly types = new Map<string, Map<bigint, TypeSeen>>();
  private readonly fileConflicts = new Map<string, TypeConflict>();
  /** The shard group of the last point: consecutive points mostly share one. */
  private shard = { start: 0n, end: 0n };
  private readonly cutoff: bigint | null;

  constructor(
    private readonly opts: { retentionSeconds: number; shardGroupSeconds: number; nowNs: bigint },
    private readonly cap = ERROR_CAP,
  ) {
    this.cutoff = opts.retentionSeconds > 0 ? opts.nowNs - BigInt(opts.retentionSeconds) * 1_000_000_000n : null;
  }

  /** Points before this time (ns) are outside the retention; null: none are. */
  cutoffNs(): bigint | null {
    return this.cutoff;
  }

  addError(line: number, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.cap) this.errors.push({ line, message });
  }

  addPoint(line: number, p: ParsedPoint): void {
    const time = p.time ?? this.opts.nowNs;
    const isNew = this.recent.add(pointKey(seriesKey(p.measurement, p.tags), time));
    this.totalLines++;
    this.lines.set(p.measurement, (this.lines.get(p.measurement) ?? 0) + 1);
    if (isNew) {
      this.total++;
      this.points.set(p.measurement, (this.points.get(p.measurement) ?? 0) + 1);
    }
    if (this.first === null || time < this.first) this.first = time;
    if (this.last === null || time > this.last) this.last = time;
    if (this.cutoff !== null && time < this.cutoff) {
      this.outsideLines++;
      if (isNew) this.outside++;
      this.outsideFirstLine ??= line;
      this.addError(line, `older than the bucket's retention (before ${nsToIso(this.cutoff)}): InfluxDB drops it, so it is not sent`);
      return;
    }
    if (time < this.shard.start || time >= this.shard.end) {
      const start = shardGroupStart(time, this.opts.shardGroupSeconds);
      this.shard = { start, end: start + BigInt(this.opts.shardGroupSeconds) * 1_000_000_000n };
    }
    const shard = this.shard.start;
    for (const f of p.fields) {
      const key = `${p.measurement}\u0000${f.key}`;
      let shards = this.types.get(key);
      if (!shards) this.types.set(key, (shards = new Map()));
      const seen = shards.get(shard);
      if (!seen) shards.set(shard, { type: f.type, line });
      else if (seen.type !== f.type) {
        const conflictKey = `${key}\u0000${shard}`;
        const c = this.fileConflicts.get(conflictKey);
        if (c) c.lines++;
        else
          this.fileConflicts.set(conflictKey, {
            measurement: p.measurement,
            field: f.key,
            shardGroup: nsToIso(shard),
            existing: seen.type,
            incoming: f.type,
            where: 'file',
            line,
            lines: 1,
          });
      }
    }
  }

  /** The time span the stored types must be read for, or null when no point lands in the bucket. */
  span(): { startNs: bigint; stopNs: bigint } | null {
    let lo: bigint | null = null;
    let hi: bigint | null = null;
    for (const shards of this.types.values()) {
      for (const shard of shards.keys()) {
        if (lo === null || shard < lo) lo = shard;
        if (hi === null || shard > hi) hi = shard;
      }
    }
    if (lo === null || hi === null) return null;
    return { startNs: lo, stopNs: hi + BigInt(this.opts.shardGroupSeconds) * 1_000_000_000n };
  }

  measurements(): string[] {
    return [...this.lines.keys()].sort();
  }

  result(stored: readonly StoredType[] = []): ImportCheck {
    const storedConflicts: TypeConflict[] = [];
    for (const s of stored) {
      const seen = this.types.get(`${s.measurement}\u0000${s.field}`)?.get(s.shardGroupNs);
      if (seen && seen.type !== s.type)
        storedConflicts.push({
          measurement: s.measurement,
          field: s.field,
          shardGroup: nsToIso(s.shardGroupNs),
          existing: s.type,
          incoming: seen.type,
          where: 'stored',
          line: seen.line,
          lines: 1,
        });
    }
    return {
      points: byName(this.points),
      totalPoints: this.total,
      lines: byName(this.lines),
      totalLines: this.totalLines,
      firstNs: this.first === null ? null : String(this.first),
      lastNs: this.last === null ? null : String(this.last),
      errors: [...this.errors],
      moreErrors: this.errorCount - this.errors.length,
      outsideRetention: {
        points: this.outside,
        lines: this.outsideLines,
        firstLine: this.outsideFirstLine,
        cutoff: this.cutoff === null ? null : nsToIso(this.cutoff),
      },
      conflicts: [...storedConflicts, ...this.fileConflicts.values()].sort((a, b) => a.line - b.line),
    };
  }
}
