import 'server-only';
import type { Result } from '../result';
import { loadLastReport } from '../verify/last-report';
import { suiteOutline } from '../verify/run';
import type { VerifyReport } from '../verify/types';
import { withSpec } from './context';

export interface VerifyScreenData {
  /** The checks the spec's suite runs, in order: what the screen lists before a run. */
  outline: { id: string; title: string }[];
  /** The last run's report, kept in the data folder; null before the first run. */
  last: VerifyReport | null;
}

/** What the Verify screen opens with (and `GET /api/verify/last` answers with its `last`). */
export function readVerifyScreen(): Promise<Result<VerifyScreenData>> {
  return withSpec((ctx) => ({ outline: suiteOutline(ctx.spec), last: loadLastReport() }));
}
