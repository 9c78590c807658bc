import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportSpec, type ExportFormat } from '../../lib/provision/export';
import { activeSpec } from '../../lib/spec/load';
import { EXIT, printError, UsageError } from '../output';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'influx-cli' } }, strict: true });
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`);
  const spec = activeSpec();
  if (!spec.ok) {
    printError(spec.error);
    return EXIT.failed;
  }
  process.stdout.write(exportSpec(spec.data, format));
  return EXIT.ok;
}
