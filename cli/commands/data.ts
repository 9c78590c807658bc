import { dataDeleteCommand } from './data-delete';
import { dataExportCommand } from './data-export';
import { dataImportCommand } from './data-import';
import { runVerb } from '../verbs';

/** `data delete|export|import`: operations on the points of one bucket. */
export function dataCommand(argv: string[]): Promise<number> {
  return runVerb('data', { delete: dataDeleteCommand, export: dataExportCommand, import: dataImportCommand }, argv);
}
