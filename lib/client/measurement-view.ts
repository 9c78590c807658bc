import type { MeasurementDetail, TagValueCount, TagValueCounts } from '../model/measurement-detail';
import { formatNumber } from '../model/format';

export interface MeasurementView {
  /** The tag counted per value (null: the server's choice, the measurement's first entity tag). */
  tag: string | null;
  search: string;
  /** 1-based page of the latest points. */
  page: number;
}

/** The console page of one measurement, linked from the Measurements table. */
export function measurementPagePath(bucket: string, measurement: string): string {
  return `/measurements/${encodeURIComponent(bucket)}/${encodeURIComponent(measurement)}`;
}

/** The route that answers a MeasurementDetail for this view. */
export function measurementApiUrl(bucket: string, measurement: string, view: MeasurementView): string {
  const params = new URLSearchParams({ bucket, measurement });
  if (view.tag) params.set('tag', view.tag);
  const search = view.search.trim();
  if (search) params.set('search', search);
  if (view.page > 1) params.set('page', String(view.page));
  return `/api/measurement?${params.toString()}`;
}

export interface TagCountsSummary {
  /** The values to list (points without the tag, which the route reports as an empty value, left out). */
  values: TagValueCount[];
  /** Records of the values listed. */
  shown: number;
  /** Records of matching values beyond the top N. */
  others: number;
  /** Records without the tag (only known without a search; 0 when every point carries it). */
  withoutTag: number;
  /** Whether the values (listed, others) add up to the measurement's records. */
  addsUp: boolean;
  /** One sentence for the page: how the per-value counts relate to the measurement's records. */
  sentence: string;
}

const n = (x: number) => formatNumber(x);

/** How the per-value counts add up: the top values, the others, and points without the tag. */
export function tagCountsSummary(perTag: TagValueCounts, measurementRecords: number): TagCountsSummary {
  // Points without the tag arrive as the empty value: they are not an entity.
  const blank = perTag.values.find((v) => v.value === '');
  const values = perTag.values.filter((v) => v.value !== '');
  const distinct = perTag.distinctValues - (blank ? 1 : 0);
  const shown = values.reduce((sum, v) => sum + v.records, 0);
  const withoutTag = perTag.search !== null ? 0 : (perTag.withoutTag ?? blank?.records ?? measurementRecords - perTag.records);
  // Records carrying a value of the tag.
  const valued = perTag.search !== null ? perTag.records : measurementRecords - withoutTag;
  const others = Math.max(0, valued - shown);
  const hidden = distinct - values.length;
  const rest = hidden === 1 ? `the other value holds ${n(others)}` : `the other ${n(hidden)} hold ${n(others)}`;
  const listed =
    hidden > 0
      ? `The top ${n(values.length)} of ${n(distinct)} values hold ${n(shown)} records, ${rest}`
      : `The ${n(values.length)} ${values.length === 1 ? 'value holds' : 'values hold'} ${n(shown)} records`;
  if (perTag.search !== null) {
    return {
      values,
      shown,
      others,
      withoutTag: 0,
      addsUp: true,
      sentence: `${listed}: ${n(perTag.records)} of the measurement's ${n(measurementRecords)} records match "${perTag.search}".`,
    };
  }
  if (withoutTag === 0)
    return { values, shown, others, withoutTag, addsUp: true, sentence: `${listed}: together the measurement's ${n(measurementRecords)} records.` };
  const why =
    withoutTag > 0
      ? `${n(withoutTag)} ${withoutTag === 1 ? 'point carries' : 'points carry'} no ${perTag.tag} tag`
      : `the counts were taken at different moments (data was written in between)`;
  return {
    values,
    shown,
    others,
    withoutTag: Math.max(0, withoutTag),
    addsUp: false,
    sentence: `${listed}: ${n(valued)} of the measurement's ${n(measurementRecords)} records — they do not add up, because ${why}.`,
  };
}

/** Every field of the points on a page, in a stable order, for the table's columns. */
export function pointColumns(detail: Pick<MeasurementDetail, 'latest' | 'tagKeys' | 'fieldKeys'>): { tags: string[]; fields: string[] } {
  const tags = new Set(detail.tagKeys);
  const fields = new Set(detail.fieldKeys);
  for (const p of detail.latest.points) {
    for (const k of Object.keys(p.tags)) tags.add(k);
    for (const k of Object.keys(p.fields)) fields.add(k);
  }
  return { tags: [...tags], fields: [...fields] };
}

/** A field value as stored: strings verbatim (JSON lists stay JSON), absent as an em dash. */
export function storedValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(value);
}
