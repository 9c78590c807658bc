'use server';

import { adminAction } from '../auth/guard';
import { deleteToken as run } from '../use-cases/delete-token';

/** Deletes a token once its description was typed to confirm (the use case reads the token again and checks). */
export const deleteToken = adminAction(async (raw: unknown, actor) => run(raw, actor));
