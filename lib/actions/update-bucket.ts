'use server';

import { adminAction } from '../auth/guard';
import { updateBucketCommand } from '../provision/bucket-commands';

export const updateBucket = adminAction((input: unknown, actor) => updateBucketCommand(input, actor));
