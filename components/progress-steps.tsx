import type { ProgressStep } from '@/lib/model/progress';
import { formatNumber } from '@/lib/model/format';

/** The steps of long work as bars, one per step, each named by what it does (a screen reader hears the figures). */
export function ProgressSteps({ steps }: { steps: readonly ProgressStep[] }) {
  if (steps.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" aria-live="polite">
      {steps.map((s) => (
        <li key={s.label}>
          <span>
            {s.label}: {formatNumber(s.done)} of {formatNumber(s.total)}
          </span>
          <progress className="ml-2 h-2 w-40 align-middle" value={s.done} max={Math.max(1, s.total)} aria-label={s.label} />
        </li>
      ))}
    </ul>
  );
}
