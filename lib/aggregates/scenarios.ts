import type { ConsoleSpec } from '../spec/schema';
import type { SampleItem } from './sample';

/**
 * Sample data that shows one Insights finding on purpose, so a newcomer can see each without
 * a broken writer. Each scenario changes the sample stream; load it into empty buckets.
 */
export const SCENARIOS = ['silent-detector', 'backfill', 'type-conflict'] as const;
export type Scenario = (typeof SCENARIOS)[number];

const DAY_MS = 86_400_000;

/** The detector that stops 3 days before the end of the window, and the one that never writes. */
export const SILENT = { measurement: 'anomaly_daily', stoppedDaysAgo: 3, never: 'duration_daily' } as const;
/** The field whose type changes: written as a float in the oldest shard group, an integer after. */
export const CONFLICT = { measurement: 'anomaly_daily', field: 'occurrences' } as const;

export interface ScenarioOptions {
  now: Date;
  /** For type-conflict: whether a day (YYYY-MM-DD) lies in the oldest shard group of the window. */
  inFirstGroup?: (day: string) => boolean;
}

export type ScenarioItem = SampleItem & { asFloat?: boolean };

const dayOf = (item: SampleItem): string | null => ('date' in item.record ? item.record.date : null);

/**
 * silent-detector: AnomalyDetector's last points are 3 days old and DurationDetector never writes.
 * backfill: every weekly and monthly point is stamped within seconds of now, and the backfill
 * runs twice (a rerun), as HomeIQ's writer does it. type-conflict: the conflict field is a float
 * in the oldest shard group (a type change across shard groups; the refused write comes after).
 */
export function* withScenario(items: Iterable<SampleItem>, scenario: Scenario, opts: ScenarioOptions): Generator<ScenarioItem> {
  const today = Math.floor(opts.now.getTime() / DAY_MS) * DAY_MS;
  const lastDay = new Date(today - SILENT.stoppedDaysAgo * DAY_MS).toISOString().slice(0, 10);
  const rerun: ScenarioItem[] = [];
  let n = 0;
  for (const item of items) {
    if (scenario === 'silent-detector') {
      if (item.measurement === SILENT.never) continue;
      const day = dayOf(item);
      if (item.measurement === SILENT.measurement && day !== null && day > lastDay) continue;
      yield item;
    } else if (scenario === 'backfill') {
      if (!item.writtenAt) {
        yield item;
        continue;
      }
      // Milliseconds apart, as a loop of write_* calls stamps them with datetime.now().
      const stamped = { ...item, writtenAt: new Date(opts.now.getTime() - 60_000 + n++) };
      rerun.push({ ...item, writtenAt: new Date(opts.now.getTime() - 30_000 + n) });
      yield stamped;
    } else {
      const day = dayOf(item);
      yield item.measurement === CONFLICT.measurement && day !== null && (opts.inFirstGroup?.(day) ?? false) ? { ...item, asFloat: true } : item;
    }
  }
  yield* rerun;
}

/** The spec with the conflict field typed as a float: how the "wrong" points are encoded. */
export function floatSpec(spec: ConsoleSpec): ConsoleSpec {
  return {
    ...spec,
    buckets: spec.buckets.map((b) => ({
      ...b,
      measurements: b.measurements.map((m) =>
        m.name === CONFLICT.measurement && CONFLICT.field in m.fields ? { ...m, fields: { ...m.fields, [CONFLICT.field]: 'float' as const } } : m,
      ),
    })),
  };
}
