import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { describeToken, TOKEN_ROLES, writesEverySpecBucket, type TokenInfo, type TokenRole } from '../../lib/model/token';
import { checkToken } from '../../lib/use-cases/check-token';
import { createConsoleToken } from '../../lib/use-cases/create-console-token';
import { createToken } from '../../lib/use-cases/create-token';
import type { NewToken } from '../../lib/influx/authorizations';
import type { Result } from '../../lib/result';
import { deleteToken } from '../../lib/use-cases/delete-token';
import { readToken } from '../../lib/use-cases/read-token';
import { listTokens } from '../../lib/use-cases/list-tokens';
import { setTokenStatus } from '../../lib/use-cases/set-token-status';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { runVerb } from '../verbs';

/** Where `tokens check` reads the token: stdin, so it never shows in `ps` or the shell history. */
export type SecretSource = AsyncIterable<string | Buffer>;

export function tokensCommand(argv: string[], stdin: SecretSource = process.stdin): Promise<number> {
  return runVerb(
    'tokens',
    {
      list,
      create,
      'create-console': createConsole,
      check: (rest) => check(rest, stdin),
      activate: (rest) => setStatus(rest, 'activate'),
      deactivate: (rest) => setStatus(rest, 'deactivate'),
      delete: remove,
    },
    argv,
  );
}

/** The public JSON permission: {action, resource: {type, name?, id?}}. */
const jsonPermissions = (t: TokenInfo) =>
  t.permissions.map((p) => ({
    action: p.action,
    resource: {
      type: p.resource.type,
      ...(p.resource.name !== undefined ? { name: p.resource.name } : {}),
      ...(p.resource.id !== undefined ? { id: p.resource.id } : {}),
    },
  }));

async function list(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const result = await listTokens();
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  if (values.json) {
    printJson(result.data.map((t) => ({ id: t.id, description: t.description, status: t.status, allAccess: t.allAccess, permissions: jsonPermissions(t) })));
  } else {
    const flag = (t: TokenInfo) => (t.operator ? 'OPERATOR' : t.allAccess ? 'ALL ACCESS' : '');
    process.stdout.write(
      table(
        ['ID', 'STATUS', 'FLAG', 'DESCRIPTION', 'CAN'],
        result.data.map((t) => [t.id, t.status, flag(t), t.description, describeToken(t)]),
      ) + '\n',
    );
    // InfluxDB answers an empty list, not a refusal, to a token without the reads: say so.
    if (result.data.length === 0)
      process.stderr.write(
        'No tokens listed: InfluxDB lists none to a token without read:orgs/<org ID>/authorizations and read:users/<owner ID> (docs/tokens.md).\n',
      );
  }
  return EXIT.ok;
}

/** Creates FILE for the secret only: mode 600, never over an existing file. */
function writeSecretFile(path: string, secret: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, `${secret}\n`);
  } finally {
    closeSync(fd);
  }
}

async function create(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, description: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const role = values.role;
  if (!role || !(TOKEN_ROLES as readonly string[]).includes(role)) throw new UsageError('tokens create needs --role writer or --role reader');
  return reveal(values, () =>
    createToken({ role: role as TokenRole, ...(values.description !== undefined ? { description: values.description } : {}) }, CLI_ACTOR),
  );
}

/** The scoped console token (docs/tokens.md): exactly what the console's features need. */
async function createConsole(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  return reveal(values, () => createConsoleToken(CLI_ACTOR));
}

/** Creates a token and shows its secret once: in --out FILE (mode 600) or alone on stdout's first line. */
async function reveal(values: { out?: string; json?: boolean }, make: () => Promise<Result<NewToken>>): Promise<number> {
  const out = values.out;
  // Checked before the token exists, so a refused file leaves no orphan token behind.
  if (out !== undefined && existsSync(out)) {
    printError({
      code: 'conflict',
      message: `${out} already exists: the secret is never written over a file.`,
      fix: 'Choose a new file name for --out, or remove the old file first.',
    });
    return EXIT.failed;
  }
  const result = await make();
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  const { token, secret } = result.data;
  if (out !== undefined) {
    try {
      writeSecretFile(out, secret);
    } catch (e) {
      printError({
        code: 'internal',
        message: `Token ${token.id} was created, but ${out} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}); its secret is not shown again.`,
        fix: `Delete it (homeiq-console tokens delete ${token.id} --yes) and create another with a writable --out.`,
      });
      return EXIT.failed;
    }
  } else {
    // The one time the secret is shown: alone on its line, so `$(homeiq-console tokens create …)` captures it.
    process.stdout.write(`${secret}\n`);
  }
  const summary = { id: token.id, description: token.description, permissions: jsonPermissions(token), ...(out !== undefined ? { secretWrittenTo: out } : {}) };
  if (values.json) printJson(summary);
  else
    process.stderr.write(
      `Created token ${token.id} (${token.description}): ${describeToken(token)}. ${out !== undefined ? `Its secret is in ${out} (mode 600).` : 'Its secret is the line above: store it now, it is not shown again.'}\n`,
    );
  return EXIT.ok;
}

async function readSecret(stdin: SecretSource): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > 4096) break;
  }
  return text.trim();
}

async function check(argv: string[], stdin: SecretSource): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const result = await checkToken(await readSecret(stdin));
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  const c = result.data;
  if (values.json) {
    printJson({ valid: c.valid, active: c.active, org: c.org, buckets: c.buckets, ...(c.fix !== undefined ? { fix: c.fix } : {}) });
  } else {
    process.stdout.write(
      `Token: ${c.valid ? 'valid' : 'not valid'}, ${c.active ? 'active' : 'inactive'}${c.org ? `, org ${c.org}` : ''}${c.user ? `, user ${c.user}` : ''}\n`,
    );
    process.stdout.write(
      table(
        ['BUCKET', 'READ', 'WRITE'],
        c.buckets.map((b) => [b.name, b.read ? 'yes' : 'no', b.write ? 'yes' : 'no']),
      ) + '\n',
    );
    if (c.fix) process.stdout.write(`fix: ${c.fix}\n`);
  }
  return writesEverySpecBucket(c) ? EXIT.ok : EXIT.failed;
}

function oneId(argv: string[], usage: string, options: { yes?: { type: 'boolean' } } = {}) {
  const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(usage);
  return { id: positionals[0] ?? '', yes: (values as { yes?: boolean }).yes === true };
}

async function setStatus(argv: string[], verb: 'activate' | 'deactivate'): Promise<number> {
  const { id } = oneId(argv, `tokens ${verb} takes one token ID: tokens ${verb} ID`);
  const result = await setTokenStatus({ id, status: verb === 'activate' ? 'active' : 'inactive' }, CLI_ACTOR);
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  process.stdout.write(`Token ${result.data.id} (${result.data.description}) is ${result.data.status}.\n`);
  return EXIT.ok;
}

async function remove(argv: string[]): Promise<number> {
  const { id, yes } = oneId(argv, 'tokens delete takes one token ID: tokens delete ID --yes', { yes: { type: 'boolean' } });
  if (!yes) {
    const token = await readToken({ id });
    if (!token.ok) {
      printError(token.error);
      return EXIT.failed;
    }
    process.stderr.write(
      `Would delete token ${token.data.id} (${token.data.description || 'no description'}: ${describeToken(token.data)}); every service using it is refused from then on. Rerun with --yes to confirm.\n`,
    );
    return EXIT.needsConfirmation;
  }
  const result = await deleteToken({ id }, CLI_ACTOR, { confirmed: true });
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  process.stdout.write(`Deleted token ${result.data.id} (${result.data.description}).\n`);
  return EXIT.ok;
}
