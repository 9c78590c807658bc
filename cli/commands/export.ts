import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportSpec, type ExportFormat } from '../../lib/provision/export';
import { withSpec } from '../../lib/use-cases/context';
import { EXIT, printError, UsageError } from '../output';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'influx-cli' } }, strict: true });
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`);
  const text = await withSpec(({ spec }) => exportSpec(spec, format));
  if (!text.ok) {
    printError(text.error);
    return EXIT.failed;
  }
  process.stdout.write(text.data);
  return EXIT.ok;
}
