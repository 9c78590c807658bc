import { describe, expect, it } from 'vitest';
import { estimateBadge } from './estimate-badge';

describe('estimateBadge', () => {
  it('calls a measurement at 60% of its estimate below it, not on track', () => {
    expect(estimateBadge({ ratio: 0.6, verdict: 'ok' })).toEqual({ tone: 'slate', text: 'below estimate · 60%' });
  });
  it('is on track only within 10% of the estimate', () => {
    expect(estimateBadge({ ratio: 1, verdict: 'ok' })).toEqual({ tone: 'green', text: 'on track · 100%' });
    expect(estimateBadge({ ratio: 0.9, verdict: 'ok' }).text).toBe('on track · 90%');
    expect(estimateBadge({ ratio: 1.1, verdict: 'ok' }).text).toBe('on track · 110%');
    expect(estimateBadge({ ratio: 1.5, verdict: 'ok' })).toEqual({ tone: 'slate', text: 'above estimate · 150%' });
  });
  it('warns below half the estimate and flags more than twice it', () => {
    expect(estimateBadge({ ratio: 0.4, verdict: 'low' })).toEqual({ tone: 'amber', text: 'below estimate · 40%' });
    expect(estimateBadge({ ratio: 2.345, verdict: 'high' })).toEqual({ tone: 'red', text: 'above estimate · 2.3×' });
  });
  it('says nothing without an estimate to compare with', () => {
    expect(estimateBadge({ ratio: null, verdict: 'none' })).toEqual({ tone: 'slate', text: '—' });
  });
});
