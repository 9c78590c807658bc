import 'server-only';
import type { ProgressStep } from '../model/progress';
import { progressIdSchema, readProgress as stepsOf } from '../progress/registry';
import { ok, type Result } from '../result';

/** The steps a running action reported under the progress ID its screen made (none yet, or not a progress ID: an empty list). */
export function readProgress(id: string): Result<ProgressStep[]> {
  return ok(progressIdSchema.safeParse(id).success ? (stepsOf(id) ?? []) : []);
}
