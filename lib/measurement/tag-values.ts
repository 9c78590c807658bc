import type { TagValueCounts } from '../model/measurement-detail';

/** The top values of a tag by records, filtered by a case-insensitive substring. */
export function topTagValues(tag: string, rows: readonly { value: string; records: number }[], search: string | null, limit: number): TagValueCounts {
  const needle = search?.trim().toLowerCase() || null;
  const matching = needle ? rows.filter((r) => r.value.toLowerCase().includes(needle)) : [...rows];
  matching.sort((a, b) => b.records - a.records || a.value.localeCompare(b.value));
  return {
    tag,
    search: needle,
    values: matching.slice(0, limit),
    distinctValues: matching.length,
    records: matching.reduce((n, r) => n + r.records, 0),
    limit,
  };
}

/** The tag counted by default: the first entity tag (not a date, week or month). */
export function defaultTag(tags: readonly string[], timeTag: string | null | undefined): string | null {
  return tags.find((t) => t !== timeTag && !['date', 'week', 'month'].includes(t)) ?? tags[0] ?? null;
}
