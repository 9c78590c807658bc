import type { AggregateName, AggregateRecords } from './records';

/**
 * Realistic, deterministic sample aggregates for both AI-5 buckets: a smart home with
 * `entities` devices, one daily aggregate per device and detector for each day of the
 * window, weekly aggregates per ISO week and monthly ones per month. The same options
 * give the same points, so loading twice overwrites rather than duplicates.
 */
export interface SampleOptions {
  days: number;
  weeks: number;
  entities: number;
  seed: number;
  /** The end of the window (default: now). */
  now?: Date;
}

export type SampleItem = { [K in AggregateName]: { measurement: K; record: AggregateRecords[K]; writtenAt?: Date } }[AggregateName];

const DOMAINS = ['light', 'switch', 'binary_sensor', 'media_player', 'climate', 'lock', 'cover', 'fan'] as const;
const ROOMS = ['living room', 'kitchen', 'bedroom', 'office', 'hallway', 'bathroom', 'garage', 'garden'] as const;
const SESSION_TYPES = ['morning_routine', 'work_from_home', 'evening_relax', 'night', 'weekend_leisure'] as const;
const WEATHER = ['sunny', 'rainy', 'cold', 'hot'] as const;
const ANOMALIES = ['unusual_time', 'long_duration', 'missed_routine'] as const;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY_MS = 86_400_000;

export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function entityIds(n: number): { id: string; domain: string; room: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const room = ROOMS[i % ROOMS.length] ?? 'kitchen';
    const domain = DOMAINS[Math.floor(i / ROOMS.length) % DOMAINS.length] ?? 'light';
    const suffix = i >= DOMAINS.length * ROOMS.length ? `_${Math.floor(i / (DOMAINS.length * ROOMS.length)) + 1}` : '';
    return { id: `${domain}.${room.replace(' ', '_')}${suffix}`, domain, room };
  });
}

function anomaliesPerDay(entities: number): number {
  return Math.max(1, Math.round(entities / 3));
}

/** Rooms with at least one device: one room aggregate each per day. */
function roomsOf(entities: number): number {
  return Math.min(entities, ROOMS.length);
}

function monthsIn(opts: SampleOptions, end: Date): string[] {
  const months = new Set<string>();
  for (let w = 0; w < opts.weeks; w++) months.add(new Date(end.getTime() - w * 7 * DAY_MS).toISOString().slice(0, 7));
  return [...months].sort();
}

/** How many points `sampleAggregates` yields, for progress bars. */
export function sampleSize(opts: SampleOptions): number {
  const end = opts.now ?? new Date();
  const daily = opts.days * (4 * opts.entities + roomsOf(opts.entities) + anomaliesPerDay(opts.entities));
  const weekly = opts.weeks * (SESSION_TYPES.length + 2);
  const monthly = monthsIn(opts, end).length * (WEATHER.length + 1);
  return daily + weekly + monthly;
}

export function* sampleAggregates(opts: SampleOptions): Generator<SampleItem> {
  const rand = prng(opts.seed);
  const end = opts.now ?? new Date();
  const today = Math.floor(end.getTime() / DAY_MS) * DAY_MS;
  const ents = entityIds(opts.entities);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const hours = (n: number) => [...new Set(Array.from({ length: n }, () => Math.floor(rand() * 24)))].sort((a, b) => a - b);

  for (let d = opts.days - 1; d >= 0; d--) {
    const date = new Date(today - d * DAY_MS).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(today - d * DAY_MS).getUTCDay());
    for (const [i, e] of ents.entries()) {
      const busy = (weekend ? 1.3 : 1) * (0.6 + rand() * 0.8);
      const dist = Array.from({ length: 24 }, (_, h) => Math.round(busy * 30 * Math.max(0, Math.sin(((h - 6) / 24) * Math.PI * 1.6)) * rand()));
      const occurrences = dist.reduce((a, b) => a + b, 0);
      yield {
        measurement: 'time_based_daily',
        record: {
          date,
          entity_id: e.id,
          domain: e.domain,
          hourly_distribution: dist,
          peak_hours: dist
            .map((v, h) => [v, h] as const)
            .sort((a, b) => b[0] - a[0])
            .slice(0, 4)
            .map(([, h]) => h)
            .sort((a, b) => a - b),
          frequency: r2(occurrences / 24),
          confidence: r2(0.5 + rand() * 0.5),
          occurrences,
        },
      };
      const other = ents[(i + 1) % ents.length] ?? e;
      yield {
        measurement: 'co_occurrence_daily',
        record: {
          date,
          device_pair: `${e.id}+${other.id}`,
          co_occurrence_count: Math.floor(rand() * 40),
          time_window_seconds: 300,
          confidence: r2(0.4 + rand() * 0.6),
          typical_hours: hours(3),
        },
      };
      yield {
        measurement: 'sequence_daily',
        record: {
          date,
          sequence_id: `seq_${String(i).padStart(3, '0')}`,
          sequence: [e.id, other.id, (ents[(i + 2) % ents.length] ?? e).id],
          frequency: 1 + Math.floor(rand() * 12),
          avg_duration_seconds: r2(30 + rand() * 600),
          confidence: r2(0.5 + rand() * 0.5),
        },
      };
      const avg = 60 + rand() * 3600;
      yield {
        measurement: 'duration_daily',
        record: {
          date,
          entity_id: e.id,
          avg_duration_seconds: r2(avg),
          min_duration_seconds: r2(avg * 0.2),
          max_duration_seconds: r2(avg * 2.5),
          duration_variance: r2(avg * avg * 0.05),
          efficiency_score: r2(rand()),
        },
      };
    }
    for (let r = 0; r < roomsOf(opts.entities); r++) {
      const inRoom = ents.filter((_, i) => i % ROOMS.length === r);
      const room = ROOMS[r] ?? 'kitchen';
      const next = ROOMS[(r + 1) % roomsOf(opts.entities)] ?? room;
      yield {
        measurement: 'room_based_daily',
        record: {
          date,
          area_id: room,
          activity_level: r2(rand()),
          device_usage: Object.fromEntries(inRoom.map((e) => [e.id, Math.floor(rand() * 50)])),
          transition_patterns: [{ from: room, to: next, count: Math.floor(rand() * 10) }],
          peak_activity_hours: hours(3),
        },
      };
    }
    for (let a = 0; a < anomaliesPerDay(opts.entities); a++) {
      const e = ents[(a + d) % ents.length];
      const score = rand();
      yield {
        measurement: 'anomaly_daily',
        record: {
          date,
          entity_id: `${e?.id ?? 'light.kitchen'}`,
          anomaly_type: ANOMALIES[a % ANOMALIES.length] ?? 'unusual_time',
          anomaly_score: r2(score),
          baseline_deviation: r2(score * 4),
          occurrences: 1 + Math.floor(rand() * 5),
          severity: score > 0.8 ? 'high' : score > 0.5 ? 'medium' : 'low',
        },
      };
    }
  }

  // Weekly aggregates: written at the end of each ISO week (Sunday 23:00 UTC), the newest week last.
  const sunday = today - ((new Date(today).getUTCDay() || 7) % 7) * DAY_MS + 23 * 3_600_000;
  for (let w = opts.weeks - 1; w >= 0; w--) {
    const writtenAt = new Date(Math.min(sunday - w * 7 * DAY_MS, end.getTime() - 1000));
    const week = isoWeek(writtenAt);
    for (const session_type of SESSION_TYPES) {
      yield {
        measurement: 'session_weekly',
        writtenAt,
        record: {
          week,
          session_type,
          avg_session_duration: r2(600 + rand() * 5400),
          session_count: 3 + Math.floor(rand() * 10),
          typical_start_times: hours(2),
          devices_used: ents.slice(0, 3).map((e) => e.id),
          confidence: r2(0.5 + rand() * 0.5),
        },
      };
    }
    for (const day_type of ['weekday', 'weekend'] as const) {
      yield {
        measurement: 'day_type_weekly',
        writtenAt,
        record: {
          week,
          day_type,
          avg_events: r2(50 + rand() * 200),
          typical_hours: hours(4),
          device_usage: Object.fromEntries(ents.slice(0, 4).map((e) => [e.id, Math.floor(rand() * 100)])),
          confidence: r2(0.5 + rand() * 0.5),
        },
      };
    }
  }

  // Monthly aggregates: written on the last day of each month of the window (or now).
  for (const month of monthsIn(opts, end)) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const writtenAt = new Date(Math.min(Date.UTC(y, m, 0, 23), end.getTime() - 1000));
    const season = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'][m - 1] ?? 'winter';
    for (const weather_context of WEATHER) {
      yield {
        measurement: 'contextual_monthly',
        writtenAt,
        record: {
          month,
          weather_context,
          device_activity: { heating: Math.floor(rand() * 100), lights: Math.floor(rand() * 100) },
          correlation_score: r2(rand() * 2 - 1),
          occurrences: Math.floor(rand() * 200),
          confidence: r2(0.5 + rand() * 0.5),
        },
      };
    }
    const trend = rand();
    yield {
      measurement: 'seasonal_monthly',
      writtenAt,
      record: {
        month,
        season,
        seasonal_patterns: { evening_lights: r2(rand()), heating_hours: Math.floor(rand() * 300) },
        trend_direction: trend > 0.66 ? 'increasing' : trend > 0.33 ? 'stable' : 'decreasing',
        confidence: r2(0.5 + rand() * 0.5),
      },
    };
  }
}
