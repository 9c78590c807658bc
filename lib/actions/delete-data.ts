'use server';

import { adminAction } from '../auth/guard';
import { deleteData as run } from '../use-cases/delete-data';

export const deleteData = adminAction((input: unknown, actor) => run(input, actor));
