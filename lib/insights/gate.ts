import type { Cadence } from '../model/insights';
import { periodMs } from './periods';

/** What the gate needs of one spec measurement and the rest of its bucket. */
export interface GateInput {
  measurement: string;
  detector: string;
  cadence: Cadence;
  /** The spec's grace in seconds, or null for the default: two cadences. */
  graceSeconds: number | null;
  /** Newest point of the measurement (null: never written). */
  lastWritten: string | null;
  bucketCreatedAt: string | null;
  /** First and newest points of the bucket's other measurements (null: none written). */
  othersFirst: string | null;
  othersLast: string | null;
  now: number;
}

export interface GateVerdict {
  status: 'fail' | 'warn';
  kind: 'never-written' | 'silent';
  measurement: string;
  /** When the bucket began receiving the others' data without this measurement's (ISO). */
  since: string;
  /** When the warning becomes a failure (ISO): `since` plus the grace. */
  failsAt: string;
  detail: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** `2 days`, `5 h`, `40 min`: a span for a person. */
export function spanText(ms: number): string {
  if (ms >= 2 * DAY_MS) return `${Math.floor(ms / DAY_MS)} days`;
  if (ms >= HOUR_MS) return `${Math.floor(ms / HOUR_MS)} h`;
  return `${Math.max(1, Math.floor(ms / 60_000))} min`;
}

export const graceMs = (cadence: Cadence, graceSeconds: number | null): number => (graceSeconds !== null ? graceSeconds * 1000 : 2 * periodMs(cadence));

const later = (...times: (string | null)[]): number =>
  Math.max(...times.map((t) => (t ? Date.parse(t) : Number.NEGATIVE_INFINITY)).filter((t) => !Number.isNaN(t)));
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The pipeline gate: a spec measurement never written, or silent (its newest point over two
 * cadences old, as Insights says), while its bucket receives the other measurements' data, fails
 * once that has gone on for longer than the grace; before that it warns, saying when it fails.
 * A bucket without the others' data (a new install, a writer stopped as a whole) is not judged
 * here. "Receiving since" is the later of the others' first point (for a silent one: its own
 * last point) and the bucket's creation: a backfill stamped in the past is not weeks of writes.
 */
export function gateVerdict(g: GateInput): GateVerdict | null {
  if (g.othersLast === null) return null;
  const grace = graceMs(g.cadence, g.graceSeconds);
  let since: number;
  let what: string;
  const kind: GateVerdict['kind'] = g.lastWritten === null ? 'never-written' : 'silent';
  if (g.lastWritten === null) {
    since = later(g.othersFirst, g.bucketCreatedAt);
    what = `${g.detector} has never written ${g.measurement}`;
  } else {
    const last = Date.parse(g.lastWritten);
    // Not silent yet, or nothing newer came from the others: no broken pipeline to speak of.
    if (!(g.now - last > 2 * periodMs(g.cadence)) || !(Date.parse(g.othersLast) > last)) return null;
    since = later(g.lastWritten, g.bucketCreatedAt);
    what = `${g.detector} has written nothing to ${g.measurement} since ${g.lastWritten}`;
  }
  if (!Number.isFinite(since)) return null;
  const failsAt = since + grace;
  const receiving = `while the bucket has received the other measurements' data since ${iso(since)} (${spanText(Math.max(0, g.now - since))})`;
  const graceText = `${g.graceSeconds !== null ? "the spec's grace of" : 'a grace of two cadences,'} ${spanText(grace)}`;
  if (g.now > failsAt) {
    return {
      status: 'fail',
      kind,
      measurement: g.measurement,
      since: iso(since),
      failsAt: iso(failsAt),
      detail: `${what} ${receiving}, longer than ${graceText}: the pipeline is broken for it (failing since ${iso(failsAt)}).`,
    };
  }
  return {
    status: 'warn',
    kind,
    measurement: g.measurement,
    since: iso(since),
    failsAt: iso(failsAt),
    detail: `${what} ${receiving}; this becomes a failure at ${iso(failsAt)} (in ${spanText(failsAt - g.now)}), after ${graceText}.`,
  };
}

/** The verdicts of every spec measurement of a bucket, from its counts (first and newest points). */
export function bucketGate(
  stats: { measurements: readonly MeasurementTimes[]; unexpected: readonly MeasurementTimes[] },
  spec: {
    grace?: string | undefined;
    measurements: readonly { name: string; detector: string; period: Cadence; cadence?: Cadence | undefined; grace?: string | undefined }[];
  },
  bucketCreatedAt: string | null,
  now: number,
  seconds: (text: string | undefined) => number | null,
): GateVerdict[] {
  const all = [...stats.measurements, ...stats.unexpected].filter((m) => m.records > 0);
  const out: GateVerdict[] = [];
  for (const m of spec.measurements) {
    const counted = all.find((x) => x.name === m.name);
    const others = all.filter((x) => x.name !== m.name);
    const first =
      others
        .map((x) => x.firstTime)
        .filter((t): t is string => t !== null)
        .sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
    const last =
      others
        .map((x) => x.lastTime)
        .filter((t): t is string => t !== null)
        .sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
    const verdict = gateVerdict({
      measurement: m.name,
      detector: m.detector,
      cadence: m.cadence ?? m.period,
      graceSeconds: seconds(m.grace ?? spec.grace),
      lastWritten: counted?.lastTime ?? null,
      bucketCreatedAt,
      othersFirst: first,
      othersLast: last,
      now,
    });
    if (verdict) out.push(verdict);
  }
  return out;
}

export interface MeasurementTimes {
  name: string;
  records: number;
  firstTime: string | null;
  lastTime: string | null;
}
