import type { Cadence } from '../model/insights';
import type { HomeiqSources } from '../spec/schema';
import { PERIOD_ADVERB, periodMs, plural } from './periods';

export interface FreshnessInput {
  measurement: string;
  detector: string;
  cadence: Cadence;
  lastWritten: string | null;
  bucketCreatedAt: string | null;
  /** Whether other measurements of the bucket were written: the job runs, this detector does not. */
  othersWritten: boolean;
  now: number;
  /** Who writes the bucket in HomeIQ's repository (the spec's `homeiq`), when the spec says. */
  sources?: HomeiqSources | undefined;
}

export type Freshness = { kind: 'never-written' | 'silent'; detail: string; fix: string } | null;

const DAY_MS = 86_400_000;

/** Where a detector's writes come from, as the spec's HomeIQ sources say, with the commit it describes. */
export function writerOf(sources: HomeiqSources | undefined): string {
  if (!sources) return "the service that runs HomeIQ's pattern detectors";
  const w = sources.writer;
  return `HomeIQ's ${w.service} (${w.path} at ${w.lastCommit.slice(0, 8)}; ${w.status}, as of ${sources.describes.branch} at ${sources.describes.commit.slice(0, 8)})`;
}

const fixFor = (detector: string, measurement: string, sources: HomeiqSources | undefined) =>
  `Look in the log of ${writerOf(sources)} for errors from ${detector} (its write_${measurement} call fails, is caught and only logged: a keyword argument the method does not accept is the known cause); the point count of ${measurement} moves again once it writes.`;

/**
 * A measurement is silent when its newest point is more than two periods old, and never written
 * when it has no point while the rest of its bucket is written (or the bucket is older than two
 * periods): a new install is not a silent detector.
 */
export function freshnessOf(f: FreshnessInput): Freshness {
  const limit = 2 * periodMs(f.cadence);
  if (f.lastWritten === null) {
    const created = f.bucketCreatedAt ? Date.parse(f.bucketCreatedAt) : Number.NaN;
    const age = Number.isNaN(created) ? null : f.now - created;
    if (!f.othersWritten && (age === null || age <= limit)) return null;
    const since = Number.isNaN(created)
      ? ''
      : ` since the bucket was created on ${new Date(created).toISOString().slice(0, 10)} (${f.now - created < DAY_MS ? 'today' : `${plural(Math.floor((f.now - created) / DAY_MS), 'day')} ago`})`;
    const others = f.othersWritten ? ', while the other measurements of the bucket are written' : '';
    return {
      kind: 'never-written',
      detail: `${f.detector} has never written ${f.measurement}${since}${others}; it is expected ${PERIOD_ADVERB[f.cadence]}.`,
      fix: fixFor(f.detector, f.measurement, f.sources),
    };
  }
  const quiet = f.now - Date.parse(f.lastWritten);
  if (!(quiet > limit)) return null;
  const days = Math.floor(quiet / DAY_MS);
  return {
    kind: 'silent',
    detail: `${f.detector} has written nothing for ${plural(days, 'day')}: the newest point of ${f.measurement} is from ${f.lastWritten}, and it is expected ${PERIOD_ADVERB[f.cadence]}.`,
    fix: fixFor(f.detector, f.measurement, f.sources),
  };
}
