import { describe, expect, it } from 'vitest';
import { isDark, parseThemeChoice, THEME_KEY, THEME_SCRIPT } from './theme';

describe('theme', () => {
  it('reads what was stored, and anything else as following the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });

  it('is dark when chosen, or when following a dark system', () => {
    expect(isDark('dark', false)).toBe(true);
    expect(isDark('light', true)).toBe(false);
    expect(isDark('system', true)).toBe(true);
    expect(isDark('system', false)).toBe(false);
  });

  it('has the inline script apply the same rule before the first paint', () => {
    for (const [stored, systemDark] of [
      ['dark', false],
      ['light', true],
      [null, true],
      [null, false],
      ['junk', true],
    ] as const) {
      const classes = new Set<string>();
      const env = {
        localStorage: { getItem: (k: string) => (k === THEME_KEY ? stored : null) },
        window: { matchMedia: () => ({ matches: systemDark }) },
        document: { documentElement: { classList: { toggle: (c: string, on: boolean) => (on ? classes.add(c) : classes.delete(c)) } } },
      };
      new Function('localStorage', 'window', 'document', THEME_SCRIPT)(env.localStorage, env.window, env.document);
      expect(classes.has('dark')).toBe(isDark(parseThemeChoice(stored), systemDark));
    }
  });
});
