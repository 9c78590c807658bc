import 'server-only';
import { exportInputSchema } from '../model/export-options';
import { fail, type Result } from '../result';
import { withInflux } from './context';
import type { ExportPlan } from './shared/export';
import { invalidInput } from './shared/invalid-input';
import { targetBucket } from './shared/target-bucket';

export type { ExportPlan };

/** Checks an export request (input, bucket) before a single byte is sent. */
export async function planExport(raw: unknown): Promise<Result<ExportPlan>> {
  const input = exportInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => {
    const bucket = await targetBucket(influx, input.data, 'exported');
    return { bucket, measurements: input.data.measurements, start: input.data.start.iso, stop: input.data.stop.iso, conn: influx.conn };
  });
}
