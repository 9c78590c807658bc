import { UsageError } from '../output';

/** `data export`: being built. */
export async function dataExportCommand(argv: string[]): Promise<number> {
  throw new UsageError(`data export is not built yet (${argv.length} arguments)`);
}
