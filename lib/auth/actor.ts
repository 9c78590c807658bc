import type { Role } from './session';

/** Who made a change: a signed-in role, or the operator's shell (the CLI, scripts, tests). */
export interface Actor {
  role: Role | 'cli';
}

export const CLI_ACTOR: Actor = { role: 'cli' };
