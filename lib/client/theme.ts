/** Light, dark, or whatever the system prefers: kept per browser in localStorage. */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_KEY = 'homeiq-console-theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/** What was stored, or `system` for nothing (or anything else). */
export function parseThemeChoice(stored: string | null): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Whether the page is dark for a choice, given the system's preference. */
export function isDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemDark);
}

/**
 * Runs in <head> before the first paint (with the request's CSP nonce), so a dark page never
 * flashes light: the same rule as `isDark`, in plain ES5 with no imports.
 */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_KEY)});var d=c==='dark'||(c!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;
