import { Card } from '@/components/card';
import { joinWords } from '@/lib/model/token';
import { readConsoleToken } from '@/lib/use-cases/read-console-token';
import { CreateConsoleTokenButton } from './create-console-token-button';

/**
 * A notice when the console itself runs with an all-access, operator or broader token, with the
 * offer to create the scoped one. Nothing when its token is scoped or cannot be judged.
 */
export async function ConsoleTokenCard() {
  const status = await readConsoleToken();
  if (!status.ok || !status.data.token || !status.data.verdict || status.data.verdict.breadth === 'scoped') return null;
  const { token, verdict, recommended } = status.data;
  const what =
    verdict.breadth === 'operator'
      ? 'an operator token: it can change every organization of the server'
      : verdict.breadth === 'all-access'
        ? 'an all-access token: a leak of it can delete every bucket and token of the organization'
        : `a token broader than it needs (${joinWords(verdict.extra)})`;
  return (
    <Card title="The console's own token">
      <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note" data-testid="console-token-notice">
        <p>
          The console runs with {what} (<span className="font-medium">{token.description || 'no description'}</span>, {token.id}).
        </p>
        <p>
          The scoped <span className="font-mono">{recommended}</span> token holds only what the console&apos;s features need: read the organization, read and
          write its buckets, read and write its tokens. Backups still need the operator token (docs/tokens.md).
        </p>
        <CreateConsoleTokenButton recommended={recommended} />
      </div>
    </Card>
  );
}
