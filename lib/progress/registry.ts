import 'server-only';
import { z } from 'zod';
import type { OnProgress, ProgressStep } from '../model/progress';

/**
 * Progress of long server actions (a backup, a restore, a drill), for the screen that started one
 * to poll (`GET /api/progress/<id>`) while the action runs: the screen names a random ID, the
 * action reports its steps under it. Kept in the process (a server action and a route handler may
 * be bundled apart: the map hangs off globalThis), ten minutes after the last step, 200 at most.
 */
const KEY = Symbol.for('homeiq-influx-console.progress');
const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 200;

/** A progress ID as the screens make them (crypto.randomUUID): unguessable, so a step is only read by who asked for it. */
export const progressIdSchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

interface Entry {
  steps: Map<string, ProgressStep>;
  at: number;
}

function entries(): Map<string, Entry> {
  const g = globalThis as Record<symbol, unknown>;
  return (g[KEY] ??= new Map<string, Entry>()) as Map<string, Entry>;
}

function prune(map: Map<string, Entry>, now: number): void {
  for (const [id, e] of map) if (now - e.at > KEEP_MS) map.delete(id);
  while (map.size >= MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/** Where an action reports its steps under `id`; undefined (no reporting) when `id` is not a progress ID. */
export function progressSink(id: unknown): OnProgress | undefined {
  const parsed = progressIdSchema.safeParse(id);
  if (!parsed.success) return undefined;
  const map = entries();
  prune(map, Date.now());
  const entry: Entry = { steps: new Map(), at: Date.now() };
  map.set(parsed.data, entry);
  return (step) => {
    entry.steps.set(step.label, { label: step.label, done: step.done, total: step.total });
    entry.at = Date.now();
  };
}

/** The steps reported under `id` so far, one per label in the order they began; null when none were. */
export function readProgress(id: string): ProgressStep[] | null {
  const entry = entries().get(id);
  return entry ? [...entry.steps.values()] : null;
}

/**
 * An action's input with its `progressId` taken out: the use case gets the input as it always did,
 * and the sink its steps go to.
 */
export function splitProgress(input: unknown): { input: unknown; onProgress: OnProgress | undefined } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('progressId' in input)) return { input, onProgress: undefined };
  const { progressId, ...rest } = input as Record<string, unknown>;
  return { input: rest, onProgress: progressSink(progressId) };
}
