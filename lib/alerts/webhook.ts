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

/**
 * A webhook URL as the console sends to it: credentials in the URL (`user:password@`) go in an
 * Authorization header (fetch refuses such a URL, and its error would quote it whole). Every text
 * the console shows or stores names the webhook by `host` only: the path of a Slack or Discord
 * webhook is its secret.
 */
export interface WebhookTarget {
  href: string;
  host: string;
  authorization: string | null;
}

export function webhookTarget(url: string): WebhookTarget | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const authorization =
    u.username || u.password ? `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}` : null;
  u.username = '';
  u.password = '';
  return { href: u.href, host: u.host, authorization };
}

/** Why a URL cannot be a webhook, without quoting it (it may hold a secret); null when it can. */
export function webhookUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'CONSOLE_ALERT_WEBHOOK_URL is not a URL the console can parse (check the host and that any port is a number from 1 to 65535)';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'CONSOLE_ALERT_WEBHOOK_URL must be an http(s) URL';
  if (!u.hostname) return 'CONSOLE_ALERT_WEBHOOK_URL has no host';
  return null;
}

/** Why a request failed, from its error's code or name only: an error's message may quote the URL. */
function failureReason(e: unknown): string {
  const err = e as { name?: unknown; code?: unknown; cause?: { code?: unknown; name?: unknown } };
  const code = err.cause?.code ?? err.code;
  if (typeof code === 'string' && /^[A-Z_0-9]{2,40}$/.test(code)) return code;
  if (err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError') return 'no answer in time';
  if (err.name === 'AbortError') return 'aborted';
  return 'network error';
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
  const target = webhookTarget(url);
  if (!target) return { ok: false, attempts: 0, status: null, error: 'the webhook URL cannot be parsed' };
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(target.authorization ? { Authorization: target.authorization } : {}) };
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: DeliveryResult = { ok: false, attempts: 0, status: null, error: 'not sent' };
  for (let i = 1; i <= attempts; i++) {
    try {
      const res = await doFetch(target.href, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await res.body?.cancel().catch(() => {});
      if (res.ok) return { ok: true, attempts: i, status: res.status, error: null };
      last = { ok: false, attempts: i, status: res.status, error: `the webhook at ${target.host} answered HTTP ${res.status}` };
      if (res.status < 500 && res.status !== 429) return last;
    } catch (e) {
      last = { ok: false, attempts: i, status: null, error: `the webhook at ${target.host} could not be reached (${failureReason(e)})` };
    }
    if (i < attempts) await sleep(base * 2 ** (i - 1));
  }
  return last;
}
