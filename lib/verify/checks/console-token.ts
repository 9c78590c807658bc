import { ownAuthorization } from '../../influx/authorizations';
import { consoleTokenName, judgeConsoleToken } from '../../model/console-permissions';
import { joinWords } from '../../model/token';
import { pass, warn, type Check } from '../types';

/** The console's own token should hold what its features need (docs/tokens.md) and nothing more. */
export const consoleToken: Check = {
  id: 'console-token',
  title: "The console's token is no broader than it needs",
  dependsOn: ['token-org'],
  async run(ctx) {
    const scoped = consoleTokenName(ctx.spec);
    const fix = `Create the scoped ${scoped} token (Overview → "Create the ${scoped} token", or \`homeiq-console tokens create-console --out console.token\`), set the console's INFLUXDB_TOKEN to it and restart; keep the operator token for backups only.`;
    const own = await ownAuthorization(ctx.conn);
    if (!own.token) {
      if (!own.readable)
        return pass(
          "The console's token cannot list tokens, so it is not all-access (the Tokens screen needs read:orgs/<org ID>/authorizations and read:users/<owner ID>).",
        );
      if (own.hashed)
        return warn(
          'InfluxDB stores tokens hashed: the console cannot find its own token to judge it.',
          "Check the console's token in the InfluxDB UI (Load Data → API Tokens): it should hold only the permissions docs/tokens.md lists.",
        );
      return pass("The console's token is not among the tokens it can list: it is not an all-access token of this organization.");
    }
    const verdict = judgeConsoleToken(own.token);
    const name = `${own.token.description || 'no description'} (${own.token.id})`;
    if (verdict.breadth === 'operator') return warn(`The console runs with an operator token, ${name}: it can change every organization of the server.`, fix);
    if (verdict.breadth === 'all-access')
      return warn(`The console runs with an all-access token, ${name}: a leak of it can delete every bucket and token of the organization.`, fix);
    if (verdict.breadth === 'broader') return warn(`The console's token ${name} holds more than its features need: ${joinWords(verdict.extra)}.`, fix);
    return pass(
      `The console's token ${name} holds only what its features need${verdict.missing.length ? ` (it lacks ${joinWords(verdict.missing)}: those features say so)` : ''}.`,
    );
  },
};
