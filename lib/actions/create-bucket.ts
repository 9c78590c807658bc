'use server';

import { adminAction } from '../auth/guard';
import { createBucketCommand } from '../provision/bucket-commands';

export const createBucket = adminAction((input: unknown, actor) => createBucketCommand(input, actor));
