import 'server-only';
import type { Actor } from '../../auth/actor';
import type { TokenStepResult } from '../../model/provision';
import { grantWords } from '../../provision/token-plan';
import { recordChange } from '../context';

/** A token step of Provision in the audit log: its ID, description and permissions, never its secret. */
export function recordTokenStep(actor: Actor, step: TokenStepResult): void {
  recordChange(
    actor,
    {
      action: 'provision.token.create',
      bucket: null,
      before: null,
      after: step.status === 'done' ? { id: step.tokenID, description: step.description, can: grantWords(step.grants) } : null,
      result: step.status === 'done' ? 'ok' : step.status === 'skipped' ? 'skipped' : 'failed',
      message: step.message,
    },
    { changed: false },
  );
}
