'use server';

import { createBucketCommand } from '../provision/bucket-commands';

export async function createBucket(input: unknown) {
  return createBucketCommand(input);
}
