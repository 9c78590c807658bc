import type { SamplerStatus } from '../model/storage';

export type { SamplerStatus };

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
