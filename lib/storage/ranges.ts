/** The Storage screen's range choices, in milliseconds. */
export const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '1y': 365 * 86_400_000 } as const;
export type RangeKey = keyof typeof RANGES;

export function isRange(value: string): value is RangeKey {
  return Object.hasOwn(RANGES, value);
}
