import { describe, expect, it } from 'vitest';
import { coverage, expectation } from './coverage';

const now = Date.parse('2026-11-27T00:00:00Z');
const DAY = 86_400;

describe('coverage', () => {
  it('is empty without data', () => {
    expect(coverage(90 * DAY, null, now)).toEqual({ windowDays: 90, coveredDays: 0, fill: 0 });
  });
  it('measures the share of the window the data covers, capped at the window', () => {
    expect(coverage(90 * DAY, '2026-11-18T00:00:00Z', now)).toEqual({ windowDays: 90, coveredDays: 9, fill: 0.1 });
    expect(coverage(90 * DAY, '2020-01-01T00:00:00Z', now).fill).toBe(1);
  });
  it('has no fill for infinite retention', () => {
    expect(coverage(0, '2026-11-17T00:00:00Z', now)).toEqual({ windowDays: null, coveredDays: 10, fill: null });
  });
});

describe('expectation', () => {
  it('pro-rates the estimate and projects a full window', () => {
    const e = expectation(900, 9000, { windowDays: 90, coveredDays: 9, fill: 0.1 });
    expect(e.expectedNow).toBe(900);
    expect(e.projected).toBe(9000);
    expect(e.verdict).toBe('ok');
  });
  it('flags more than twice, and less than half, the estimate', () => {
    expect(expectation(2000, 9000, { windowDays: 90, coveredDays: 9, fill: 0.1 }).verdict).toBe('high');
    expect(expectation(400, 9000, { windowDays: 90, coveredDays: 9, fill: 0.1 }).verdict).toBe('low');
  });
  it('says nothing without an estimate, data or a finite window', () => {
    expect(expectation(5, null, { windowDays: 90, coveredDays: 9, fill: 0.1 }).verdict).toBe('none');
    expect(expectation(0, 9000, { windowDays: 90, coveredDays: 0, fill: 0 }).verdict).toBe('none');
    expect(expectation(5, 9000, { windowDays: null, coveredDays: 9, fill: null }).verdict).toBe('none');
  });
});
