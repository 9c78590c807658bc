import { calendarWeekLabel, isoWeekLabel, isoWeeksInYear, parsePeriodValue } from './periods';

/** A week label and the time of a point that carries it. */
export interface LabelledPoint {
  label: string;
  /** Unix ms of the point. */
  time: number;
}

/** A label built with the calendar year (`%Y-W%V`) where the ISO year (`%G-W%V`) was meant. */
export interface WeekLabelSlip {
  label: string;
  /** The label `%G-W%V` gives for the same day (null: only the label gives it away). */
  isoLabel: string | null;
  /** The point's time (ISO), or null when the label alone is the evidence. */
  time: string | null;
  /** Where `strptime(label + "-1", "%G-W%V-%u")` puts the label's week (ISO date). */
  readAs: string;
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The signature of `strftime('%Y-W%V')`: on the point's UTC day it differs from `%G-W%V`
 * (29–31 December in next year's week 1, 1–3 January in last year's week 52 or 53), or it names
 * a week 53 its year does not have. Other labels, a backfill's among them, are not judged.
 */
export function weekLabelSlip(p: LabelledPoint): WeekLabelSlip | null {
  const m = WEEK.exec(p.label);
  if (!m) return null;
  const readAs = parsePeriodValue(p.label);
  if (!readAs) return null;
  const iso = isoWeekLabel(p.time);
  if (p.label === calendarWeekLabel(p.time) && p.label !== iso)
    return { label: p.label, isoLabel: iso, time: new Date(p.time).toISOString(), readAs: day(readAs.start) };
  if (Number(m[2]) > isoWeeksInYear(Number(m[1]))) return { label: p.label, isoLabel: null, time: null, readAs: day(readAs.start) };
  return null;
}

/** The slips among the labelled points, one per label (the first point that shows it). */
export function weekLabelSlips(points: readonly LabelledPoint[]): WeekLabelSlip[] {
  const byLabel = new Map<string, WeekLabelSlip>();
  for (const p of [...points].sort((a, b) => a.time - b.time)) {
    const slip = weekLabelSlip(p);
    const seen = byLabel.get(p.label);
    // A dated slip says more than the label alone.
    if (slip && (!seen || (seen.time === null && slip.time !== null))) byLabel.set(p.label, slip);
  }
  return [...byLabel.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The finding's text for one measurement's slips. */
export function weekLabelDetail(measurement: string, tag: string, slips: readonly WeekLabelSlip[], labels: number): string {
  const each = slips.map((s) =>
    s.time && s.isoLabel
      ? `"${s.label}" on a point stamped ${s.time.slice(0, 10)}, whose ISO week is ${s.isoLabel}`
      : `"${s.label}", a week ${s.label.slice(0, 4)} does not have`,
  );
  const read = slips.map((s) => `${s.label} → ${s.readAs}`).join(', ');
  return `${measurement}: ${slips.length} of ${labels} "${tag}" labels are built with the calendar year ('%Y-W%V'), not the ISO year ('%G-W%V'): ${each.join('; ')}. Read back as ISO weeks they name another week, a year away (${read}).`;
}
