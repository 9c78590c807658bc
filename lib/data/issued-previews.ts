import { randomBytes } from 'node:crypto';

/**
 * Delete previews the server issued, kept so a delete is bound to the one a person saw: its bucket,
 * predicate, range and count. A delete names its preview by ID; one with an unknown, expired or
 * other preview is refused. Kept once per process (server actions and routes are bundled apart).
 */
export interface IssuedPreview {
  id: string;
  bucketId: string;
  predicate: string;
  startNs: bigint;
  stopNs: bigint;
  total: number;
  /** Points per measurement the preview counted. */
  points: Readonly<Record<string, number>>;
  issuedAt: number;
}

/** How long a preview stays good for a delete, and how many are kept (the oldest go first). */
export const PREVIEW_TTL_MS = 15 * 60_000;
const MAX_PREVIEWS = 256;

const STORE = Symbol.for('homeiq-influx-console.delete-previews');

function store(): Map<string, IssuedPreview> {
  const g = globalThis as Record<symbol, unknown>;
  g[STORE] ??= new Map<string, IssuedPreview>();
  return g[STORE] as Map<string, IssuedPreview>;
}

export function issuePreview(p: Omit<IssuedPreview, 'id' | 'issuedAt'>, now: number = Date.now()): IssuedPreview {
  const previews = store();
  for (const [id, old] of previews) if (now - old.issuedAt > PREVIEW_TTL_MS) previews.delete(id);
  while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value as string);
  const issued = { ...p, id: randomBytes(16).toString('hex'), issuedAt: now };
  previews.set(issued.id, issued);
  return issued;
}

/** The preview of that ID while it is good, else null. */
export function issuedPreview(id: string, now: number = Date.now()): IssuedPreview | null {
  const p = store().get(id);
  if (!p) return null;
  if (now - p.issuedAt > PREVIEW_TTL_MS) {
    store().delete(id);
    return null;
  }
  return p;
}

/** A preview is spent by the delete it allowed: a second delete needs a new preview. */
export function spendPreview(id: string): void {
  store().delete(id);
}
