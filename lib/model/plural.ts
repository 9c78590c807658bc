import { formatNumber } from './format';

/**
 * "1 point", "3 points", "1 series", "2 entries": the one way a count and its noun are written,
 * on every screen, in the CLI and in the findings. `many` for nouns whose plural is not noun + s.
 */
export function plural(n: number, noun: string, many?: string): string {
  return `${formatNumber(n)} ${pluralWord(n, noun, many)}`;
}

/** The noun alone, for a count formatted otherwise ("1.2 M records"). */
export function pluralWord(n: number, noun: string, many?: string): string {
  return n === 1 ? noun : (many ?? (noun.endsWith('s') ? noun : `${noun}s`));
}
