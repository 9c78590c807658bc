import 'server-only';
import { ConsoleFailure } from '../errors';
import { unknownCheck } from '../messages';
import type { Result } from '../result';
import { isCheckId } from '../verify/run';
import { withConnection } from './context';

/** What makes a run impossible before it starts (configuration, spec, an unknown check id), for a 4xx answer. */
export async function checkRunProblem(only?: string): Promise<Result<void>> {
  return withConnection(({ spec }) => {
    if (only !== undefined && !isCheckId(spec, only)) throw new ConsoleFailure(unknownCheck(only));
  });
}
