'use server';

import { adminAction } from '../auth/guard';
import { deleteBucketCommand } from '../provision/bucket-commands';

export const deleteBucket = adminAction((input: unknown, actor) => deleteBucketCommand(input, actor));
