import { alertsCommand } from './commands/alerts';
import { backupCommand } from './commands/backup';
import { bucketsCommand } from './commands/buckets';
import { dataCommand } from './commands/data';
import { exportCommand } from './commands/export';
import { insightsCommand } from './commands/insights';
import { provisionCommand } from './commands/provision';
import { seedCommand } from './commands/seed';
import { statsCommand } from './commands/stats';
import { tokensCommand } from './commands/tokens';
import { verifyCommand } from './commands/verify';
import { startupProblem } from '../lib/startup';
import { EXIT, printError, UsageError } from './output';

const HEADER = 'homeiq-console, the CLI of homeiq-influx-console (reads INFLUXDB_URL, INFLUXDB_TOKEN, INFLUXDB_ORG; CONSOLE_SPEC for another spec)';

/** One entry per command line: `--help` after a command prints the entries whose words it starts with. */
const COMMAND_HELP: string[] = [
  `provision [--dry-run] [--yes] [--json] [--tokens] [--no-backup]
                                              plan, then apply the spec's buckets (exit 2: destructive steps need --yes;
                                              each is backed up first unless --no-backup);
                                              --tokens also creates the spec's missing tokens and shows each new secret once`,
  `buckets list [--json]                       every bucket of the organization`,
  `buckets create NAME --retention 90d [--description TEXT] [--shard-group-duration 1d]`,
  `buckets delete NAME --yes [--no-backup] [--json]
                                              delete a bucket, backed up first unless --no-backup`,
  `export --format influx-cli|curl|template    the spec as influx commands, curl calls or an influx apply template`,
  `verify [--json]                             the verification checks (exit 1 when one fails)`,
  `stats [--bucket NAME] [--fresh|--full] [--json]   records (points, exact), series and tag sets per measurement, brought up to date (--full: every slice counted again)`,
  `insights [--bucket NAME] [--json]           why the buckets grow (series drivers, projection), silent detectors, writer fixes (exit 0 whatever it finds)`,
  `seed [--days 90] [--weeks 52] [--entities N] [--seed S] [--scenario silent-detector|backfill|type-conflict]
                                              realistic sample aggregates for both buckets (a scenario adds one insights finding on purpose)`,
  `data delete --bucket B [--measurement M] [--where 'k=v'…] --start T --stop T [--dry-run] [--yes] [--no-backup] [--json]
                                              delete points, counted first (exit 2: points would be deleted and --yes is missing);
                                              the bucket is backed up first unless --no-backup`,
  `data export --bucket B [--measurement M…] [--start T] [--stop T] > file.lp.gz
                                              the points as gzipped line protocol`,
  `data import --bucket B FILE [--dry-run] [--yes] [--json]
                                              line protocol (plain or gzipped), checked first (exit 2: needs --yes to write)`,
  `alerts test [--json]                        a test alert through CONSOLE_ALERT_WEBHOOK_URL (exit 0 when it answered 2xx)`,
  `tokens list [--json]                        the organization's API tokens and what each can do (never their secrets)`,
  `tokens create --role writer|reader [--description TEXT] [--out FILE] [--json]
                                              a token with write (writer) or read (reader) on every spec bucket; the secret goes
                                              only to FILE (created with mode 600, never overwritten), else once on its own line`,
  `tokens create-console [--out FILE] [--json]
                                              the scoped console token the spec names (ai5-console): exactly what the
                                              console's features need (docs/tokens.md); the secret shown as for create`,
  `tokens check [--json]                       diagnose the token read from stdin (exit 0 when it can write every spec bucket)`,
  `tokens deactivate ID`,
  `tokens activate ID`,
  `tokens delete ID --yes                      (exit 2 without --yes: shows what would be deleted)`,
  `backup create [--bucket B…] [--out DIR] [--json]
                                              back up buckets (default: every bucket of the org) in influx backup's layout, into CONSOLE_BACKUP_DIR`,
  `backup list [--json]                        the complete backups, newest first, with whether their restore drill passed`,
  `backup restore ID --bucket B --as NEW [--json]
                                              restore a bucket into a new one and compare its counts with the backup (exit 1: they differ)`,
  `backup restore ID --bucket B --as NAME --replace --confirm NAME [--json]
                                              restore over the existing bucket NAME: backed up first, restored and verified
                                              aside, then put in its place`,
  `backup verify ID [--json]                   restore drill: checksums, restore into a scratch bucket, compare counts, delete it (exit 1: failed)`,
];

const USAGE = `${HEADER}\n\n${COMMAND_HELP.map((entry) => `  ${entry}`).join('\n')}\n\n  help, --help, COMMAND --help               this text, or one command's\n`;

/** The help of `words` (a command and maybe its subcommand), or null when no entry starts with them. */
export function commandHelp(words: string[]): string | null {
  const entries = COMMAND_HELP.filter((entry) => words.every((word, i) => entry.split(/\s+/)[i] === word));
  return entries.length ? `${HEADER}\n\n${entries.map((entry) => `  ${entry}`).join('\n')}\n` : null;
}

/** `--help` or `-h` anywhere before a `--`: the words before it name the command. */
function helpRequest(argv: string[]): string[] | null {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const at = argv.slice(0, end).findIndex((arg) => arg === '--help' || arg === '-h');
  return at === -1 ? null : argv.slice(0, at).filter((arg) => !arg.startsWith('-'));
}

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  provision: provisionCommand,
  buckets: bucketsCommand,
  export: exportCommand,
  verify: verifyCommand,
  seed: seedCommand,
  stats: statsCommand,
  insights: insightsCommand,
  alerts: alertsCommand,
  data: dataCommand,
  tokens: tokensCommand,
  backup: backupCommand,
};

/** Runs one CLI command and returns its exit code; never exits the process (tests call it in-process). */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const help = helpRequest(argv);
  if (help) {
    // Help needs no configuration: it is answered before the environment is checked.
    const text = commandHelp(help.slice(0, 2)) ?? commandHelp(help.slice(0, 1));
    if (text) {
      process.stdout.write(text);
      return EXIT.ok;
    }
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    // A bad variable or a spec for another organization stops every command before it acts.
    const problem = startupProblem();
    if (problem) {
      printError(problem);
      return EXIT.failed;
    }
    return await command(rest);
  } catch (e) {
    // parseArgs reports unknown or malformed flags with ERR_PARSE_ARGS_* codes.
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`error: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}
