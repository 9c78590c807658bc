'use client';

import { useEffect, useState } from 'react';
import { isDark, parseThemeChoice, THEME_KEY, type ThemeChoice } from '@/lib/client/theme';

const LABELS: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };
const DARK_QUERY = '(prefers-color-scheme: dark)';

function apply(choice: ThemeChoice): void {
  document.documentElement.classList.toggle('dark', isDark(choice, window.matchMedia(DARK_QUERY).matches));
}

/** Light, Dark or System, kept in this browser; "System" follows the preference as it changes. */
export function ThemeToggle() {
  // The inline script in <head> already applied the stored choice; this only mirrors it once mounted.
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only in the browser, after hydration
    setChoice(parseThemeChoice(localStorage.getItem(THEME_KEY)));
  }, []);
  useEffect(() => {
    if (choice !== 'system') return;
    const media = window.matchMedia(DARK_QUERY);
    const follow = () => apply('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);
  function choose(next: ThemeChoice) {
    setChoice(next);
    try {
      if (next === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
    apply(next);
  }
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600">
      Theme
      <select
        className="rounded-md border border-slate-300 px-1.5 py-1 text-xs text-slate-900"
        value={choice}
        onChange={(e) => choose(parseThemeChoice(e.target.value))}
        data-testid="theme-toggle"
      >
        {(Object.keys(LABELS) as ThemeChoice[]).map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
