import type { Expectation } from '../model/stats';
import { formatRatio } from '../model/format';

export interface EstimateBadge {
  tone: 'green' | 'amber' | 'red' | 'slate';
  text: string;
}

/**
 * The Measurements table's "versus estimate" badge. "On track" only within 10% of the estimate:
 * a measurement at 60% of it is below, even when that is not yet worth a warning.
 */
export function estimateBadge(e: Pick<Expectation, 'ratio' | 'verdict'>): EstimateBadge {
  if (e.ratio === null || e.verdict === 'none') return { tone: 'slate', text: '—' };
  const percent = Math.round(e.ratio * 100);
  if (e.verdict === 'high') return { tone: 'red', text: `above estimate · ${formatRatio(e.ratio)}` };
  if (e.verdict === 'low') return { tone: 'amber', text: `below estimate · ${percent}%` };
  if (percent < 90) return { tone: 'slate', text: `below estimate · ${percent}%` };
  if (percent > 110) return { tone: 'slate', text: `above estimate · ${percent}%` };
  return { tone: 'green', text: `on track · ${percent}%` };
}
