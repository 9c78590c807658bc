/** What the background sampler last did, shared by every bundle of the server process. */
export interface SamplerStatus {
  /** Unix ms of the last stored sample. */
  lastSampleAt: number | null;
  /** The last failure or skip, with its cause; null once a later sample succeeded. */
  lastFailure: { at: number; message: string } | null;
  /** Unix ms since which InfluxDB has not answered (the first of an unbroken run of unreachable samples); null when it answers. */
  unreachableSince: number | null;
}

const KEY = Symbol.for('homeiq-influx-console.sampler-status');

function state(): SamplerStatus {
  const g = globalThis as Record<symbol, unknown>;
  g[KEY] ??= { lastSampleAt: null, lastFailure: null, unreachableSince: null } satisfies SamplerStatus;
  return g[KEY] as SamplerStatus;
}

export function samplerStatus(): SamplerStatus {
  return { ...state() };
}

export function recordSample(at: number): void {
  Object.assign(state(), { lastSampleAt: at, lastFailure: null, unreachableSince: null });
}

/** A failed sample; `unreachable` when InfluxDB did not answer at all (what the unreachable alert counts). */
export function recordSampleFailure(at: number, message: string, unreachable = false): void {
  const s = state();
  s.lastFailure = { at, message };
  s.unreachableSince = unreachable ? (s.unreachableSince ?? at) : null;
}
