'use server';

import { updateBucketCommand } from '../provision/bucket-commands';

export async function updateBucket(input: unknown) {
  return updateBucketCommand(input);
}
