import { UsageError } from '../output';

/** `data delete`: being built. */
export async function dataDeleteCommand(argv: string[]): Promise<number> {
  throw new UsageError(`data delete is not built yet (${argv.length} arguments)`);
}
