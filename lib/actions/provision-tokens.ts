'use server';

import { adminAction } from '../auth/guard';
import { provisionTokens as run } from '../use-cases/provision-tokens';

/** Each new token's secret travels back in this one answer, for the one-time reveal. */
export const provisionTokens = adminAction((_input: undefined, actor) => run(actor));
