/**
 * A parser for the Prometheus text exposition format (version 0.0.4), enough for InfluxDB's
 * /metrics: HELP/TYPE comments, samples with quoted, escaped labels, special float values
 * and optional timestamps. Tested on real output of the test influxd.
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PromFamily {
  name: string;
  type: string;
  help: string;
  samples: PromSample[];
}

export class PromParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(raw: string, line: number): number {
  switch (raw) {
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
    case 'NaN':
      return Number.NaN;
  }
  const n = Number(raw);
  if (raw === '' || Number.isNaN(n)) throw new PromParseError(`"${raw}" is not a number`, line);
  return n;
}

function unescapeLabel(raw: string): string {
  return raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** Parses `{a="1",b="x\"y"}` starting at `text[start] === '{'`; returns labels and the index after `}`. */
function parseLabels(text: string, start: number, line: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  for (;;) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (text[i] === '}') return { labels, end: i + 1 };
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i));
    if (!name) throw new PromParseError('expected a label name', line);
    i += name[0].length;
    while (text[i] === ' ') i++;
    if (text[i] !== '=' || text[i + 1] !== '"') throw new PromParseError(`expected ="…" after label ${name[0]}`, line);
    i += 2;
    let value = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        value += text.slice(i, i + 2);
        i += 2;
      } else {
        value += text[i];
        i++;
      }
    }
    if (text[i] !== '"') throw new PromParseError(`unterminated value of label ${name[0]}`, line);
    labels[name[0]] = unescapeLabel(value);
    i++;
  }
}

/**
 * Families in order of appearance; samples of histograms and summaries stay under their base name.
 * `keep`: only the samples so named are parsed and kept (the others are skipped before their labels
 * are read); every family still gets its type and help.
 */
export function parsePrometheus(text: string, keep?: (sampleName: string) => boolean): Map<string, PromFamily> {
  const families = new Map<string, PromFamily>();
  const family = (name: string): PromFamily => {
    let f = families.get(name);
    if (!f) {
      f = { name, type: 'untyped', help: '', samples: [] };
      families.set(name, f);
    }
    return f;
  };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const n = index + 1;
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(.*)$/.exec(line);
      if (!m) return; // other comments are allowed and ignored
      const f = family(m[2] ?? '');
      if (m[1] === 'HELP') f.help = (m[3] ?? '').replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
      else f.type = m[3] ?? 'untyped';
      return;
    }
    const name = NAME.exec(line);
    if (!name) throw new PromParseError('expected a metric name', n);
    if (keep && !keep(name[0])) return;
    let i = name[0].length;
    let labels: Record<string, string> = {};
    if (line[i] === '{') {
      const parsed = parseLabels(line, i, n);
      labels = parsed.labels;
      i = parsed.end;
    }
    const rest = line.slice(i).trim().split(/\s+/);
    const value = parseValue(rest[0] ?? '', n);
    const base = name[0].replace(/_(bucket|sum|count)$/, '');
    const owner = families.has(name[0]) ? name[0] : families.has(base) && families.get(base)?.type !== 'untyped' ? base : name[0];
    family(owner).samples.push({ name: name[0], labels, value });
  });
  return families;
}

/** Sums the samples of a family by one label's value. */
export function sumBy(families: Map<string, PromFamily>, metric: string, label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of families.get(metric)?.samples ?? []) {
    const key = s.labels[label];
    if (key === undefined || !Number.isFinite(s.value)) continue;
    out.set(key, (out.get(key) ?? 0) + s.value);
  }
  return out;
}
