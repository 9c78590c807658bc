import { formatNumber } from '../lib/model/format';
import type { OnProgress } from '../lib/model/progress';

/** A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
export function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (done, total) => {
    const frac = total ? Math.min(1, done / total) : 1;
    const width = 30;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    const text = `${label} [${bar}] ${Math.round(frac * 100)}% ${formatNumber(done)}/${formatNumber(total)}`;
    if (tty) process.stderr.write(`\r${text}${frac === 1 ? '\n' : ''}`);
    else if (Math.floor(frac * 10) !== lastTenth) {
      lastTenth = Math.floor(frac * 10);
      process.stderr.write(`${text}\n`);
    }
  };
}

/** Long work told in steps (ProgressStep): a bar per label, each drawn as progressBar draws one. */
export function stepsOnStderr(): OnProgress {
  const bars = new Map<string, (done: number, total: number) => void>();
  return ({ label, done, total }) => {
    let bar = bars.get(label);
    if (!bar) bars.set(label, (bar = progressBar(label)));
    bar(done, total);
  };
}
