'use server';

import { deleteBucketCommand } from '../provision/bucket-commands';

export async function deleteBucket(input: unknown) {
  return deleteBucketCommand(input);
}
