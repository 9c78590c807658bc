import { dataDeleteCommand } from './data-delete';
import { dataExportCommand } from './data-export';
import { dataImportCommand } from './data-import';
import { UsageError } from '../output';

/** `data delete|export|import`: operations on the points of one bucket. */
export async function dataCommand(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'delete':
      return dataDeleteCommand(rest);
    case 'export':
      return dataExportCommand(rest);
    case 'import':
      return dataImportCommand(rest);
    default:
      throw new UsageError(verb ? `unknown data command "${verb}"` : 'data needs a command: delete, export or import');
  }
}
