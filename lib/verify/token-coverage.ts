import { canBucket, isBroad, joinWords, type TokenInfo } from '../model/token';

/** For one bucket: the active tokens that can write it, scoped ones apart from all-access and operator ones. */
export interface WriterCoverage {
  bucket: string;
  scoped: string[];
  broad: string[];
}

const label = (t: TokenInfo) => `${t.description || 'no description'} (${t.id})`;

/** Which active tokens can write each bucket. Pure. */
export function writerCoverage(buckets: readonly { id: string; name: string; orgID: string }[], tokens: readonly TokenInfo[]): WriterCoverage[] {
  const active = tokens.filter((t) => t.status === 'active');
  return buckets.map((b) => {
    const writers = active.filter((t) => isBroad(t) || canBucket(t.permissions, b, 'write'));
    return { bucket: b.name, scoped: writers.filter((t) => !isBroad(t)).map(label), broad: writers.filter(isBroad).map(label) };
  });
}

/** The check's verdict: pass when a scoped token writes every bucket; warn otherwise, naming the buckets. */
export function judgeCoverage(coverage: readonly WriterCoverage[]): { ok: boolean; detail: string } {
  const onlyBroad = coverage.filter((c) => c.scoped.length === 0 && c.broad.length > 0).map((c) => c.bucket);
  const none = coverage.filter((c) => c.scoped.length === 0 && c.broad.length === 0).map((c) => c.bucket);
  if (onlyBroad.length === 0 && none.length === 0) {
    return { ok: true, detail: coverage.map((c) => `${c.bucket}: ${joinWords(c.scoped)}`).join('; ') };
  }
  const parts = [
    onlyBroad.length
      ? `only all-access or operator tokens can write ${joinWords(onlyBroad)}: HomeIQ's writer runs with a token that can delete every bucket`
      : '',
    none.length ? `no active token of the organization can write ${joinWords(none)}` : '',
  ].filter(Boolean);
  return { ok: false, detail: `${parts.join('; ')}.` };
}
