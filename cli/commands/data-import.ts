import { UsageError } from '../output';

/** `data import`: being built. */
export async function dataImportCommand(argv: string[]): Promise<number> {
  throw new UsageError(`data import is not built yet (${argv.length} arguments)`);
}
