/**
 * The body of an alert for its webhook: Slack's incoming webhooks and Discord's take a text
 * message (`text`; Discord's own endpoint wants `content`, its /slack one `text`); any other URL
 * gets a generic JSON document a receiver can route on.
 */
export interface AlertMessage {
  event: 'open' | 'resolved' | 'test';
  key: string;
  kind: string;
  title: string;
  message: string;
  at: string;
}

export type WebhookFlavour = 'slack' | 'discord' | 'generic';

export function flavourOf(url: string): WebhookFlavour {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'generic';
  }
  if (host === 'hooks.slack.com') return 'slack';
  if (host === 'discord.com' || host === 'discordapp.com' || host.endsWith('.discord.com')) return 'discord';
  return 'generic';
}

export function webhookBody(url: string, alert: AlertMessage): Record<string, unknown> {
  const prefix = alert.event === 'resolved' ? 'Resolved: ' : alert.event === 'test' ? 'Test alert: ' : '';
  const text = `[homeiq-influx-console] ${prefix}${alert.title}. ${alert.message}`;
  switch (flavourOf(url)) {
    case 'slack':
      return { text };
    case 'discord':
      return { content: text.slice(0, 2000), text };
    case 'generic':
      return { source: 'homeiq-influx-console', ...alert };
  }
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  /** The last HTTP status, or null when the receiver could not be reached. */
  status: number | null;
  error: string | null;
}

export interface DeliveryOptions {
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * POSTs the body, retrying what may succeed later (no answer, 429, 5xx) with exponential backoff;
 * a 4xx other than 429 is final. Exactly one 2xx ends it: a receiver that failed twice and then
 * answered gets the alert once.
 */
export async function deliver(url: string, body: Record<string, unknown>, opts: DeliveryOptions = {}): Promise<DeliveryResult> {
  const attempts = opts.attempts ?? 5;
  const base = opts.baseDelayMs ?? 1_000;
  const doFetch = opts.fetchImpl ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: DeliveryResult = { ok: false, attempts: 0, status: null, error: 'not sent' };
  for (let i = 1; i <= attempts; i++) {
    try {
      const res = await doFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000), redirect: 'error' });
      await res.body?.cancel().catch(() => {});
      if (res.ok) return { ok: true, attempts: i, status: res.status, error: null };
      last = { ok: false, attempts: i, status: res.status, error: `the webhook answered HTTP ${res.status}` };
      if (res.status < 500 && res.status !== 429) return last;
    } catch (e) {
      last = { ok: false, attempts: i, status: null, error: `the webhook could not be reached (${e instanceof Error ? e.message : String(e)})` };
    }
    if (i < attempts) await sleep(base * 2 ** (i - 1));
  }
  return last;
}
