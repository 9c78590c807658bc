import { describe, expect, it } from 'vitest';
import { deliver, flavourOf, webhookBody, webhookTarget, webhookUrlProblem, type AlertMessage } from './webhook';

const alert: AlertMessage = {
  event: 'open',
  key: 'budget:daily:bytes',
  kind: 'budget',
  title: 'Budget of daily will be crossed',
  message: 'Soon.',
  at: '2026-11-28T12:00:00.000Z',
};

describe('webhook bodies', () => {
  it('are {"text"} for Slack, {"content","text"} for Discord and the alert itself elsewhere', () => {
    expect(flavourOf('https://hooks.slack.com/services/T/B/X')).toBe('slack');
    expect(flavourOf('https://discord.com/api/webhooks/1/abc')).toBe('discord');
    expect(flavourOf('http://127.0.0.1:9999/hook')).toBe('generic');
    expect(flavourOf('not a url')).toBe('generic');
    expect(webhookBody('https://hooks.slack.com/services/T/B/X', alert)).toEqual({ text: '[homeiq-influx-console] Budget of daily will be crossed. Soon.' });
    expect(webhookBody('https://discord.com/api/webhooks/1/abc', { ...alert, event: 'resolved' })).toMatchObject({
      content: '[homeiq-influx-console] Resolved: Budget of daily will be crossed. Soon.',
    });
    expect(webhookBody('http://x/hook', alert)).toEqual({ source: 'homeiq-influx-console', ...alert });
  });
});

describe('delivery', () => {
  const answers = (statuses: (number | 'down')[]) => {
    let i = 0;
    const calls: string[] = [];
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      calls.push(String(init?.body));
      const s = statuses[Math.min(i++, statuses.length - 1)];
      if (s === 'down') throw new Error('ECONNREFUSED');
      return new Response(null, { status: s });
    }) as typeof fetch;
    return { fetchImpl, calls };
  };
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };

  it('retries no answer and 5xx with backoff and stops at the first 2xx', async () => {
    const { fetchImpl, calls } = answers(['down', 503, 204]);
    sleeps.length = 0;
    expect(await deliver('http://x', { a: 1 }, { fetchImpl, sleep, baseDelayMs: 100 })).toEqual({ ok: true, attempts: 3, status: 204, error: null });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up on a 4xx at once, and after the last attempt otherwise', async () => {
    expect(await deliver('http://x', {}, { ...answers([404]), sleep })).toMatchObject({ ok: false, attempts: 1, status: 404 });
    expect(await deliver('http://x', {}, { ...answers([500]), sleep, attempts: 3 })).toMatchObject({ ok: false, attempts: 3, status: 500 });
  });
});

describe('a webhook URL with secrets in it', () => {
  const url = 'http://user:PASSWORD@127.0.0.1:9/services/T0/B0/PATHSECRET?token=QUERYSECRET';
  const secrets = /user|PASSWORD|PATHSECRET|QUERYSECRET|services/;

  it('is sent without credentials in the URL: they go in a Basic Authorization header', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fetchImpl = (async (target: string, init?: RequestInit) => {
      seen.push({ url: target, auth: new Headers(init?.headers).get('authorization') });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    expect((await deliver(url, {}, { fetchImpl })).ok).toBe(true);
    expect(seen[0]?.url).toBe('http://127.0.0.1:9/services/T0/B0/PATHSECRET?token=QUERYSECRET');
    expect(seen[0]?.auth).toBe(`Basic ${Buffer.from('user:PASSWORD').toString('base64')}`);
  });

  it('is named by host only when a delivery fails, whatever the error says', async () => {
    const leaky = (async () => {
      throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url}`, {
        cause: Object.assign(new Error(url), { code: 'ECONNREFUSED' }),
      });
    }) as typeof fetch;
    const refused = await deliver(url, {}, { fetchImpl: leaky, attempts: 1 });
    expect(refused.error).toBe('the webhook at 127.0.0.1:9 could not be reached (ECONNREFUSED)');
    const real = await deliver(url, {}, { attempts: 1, timeoutMs: 2_000 });
    expect(real.ok).toBe(false);
    expect(real.error).not.toMatch(secrets);
    const status = await deliver(url, {}, { fetchImpl: (async () => new Response(null, { status: 403 })) as typeof fetch });
    expect(status.error).toBe('the webhook at 127.0.0.1:9 answered HTTP 403');
  });

  it('is refused by the configuration when it cannot be parsed, saying why without quoting it', () => {
    expect(webhookUrlProblem('http://user:PASSWORD@host:99999/PATHSECRET')).toMatch(/port/);
    expect(webhookUrlProblem('http://user:PASSWORD@host:99999/PATHSECRET')).not.toMatch(secrets);
    expect(webhookUrlProblem('ftp://host/x')).toMatch(/http\(s\)/);
    expect(webhookUrlProblem(url)).toBeNull();
    expect(webhookTarget('http://a:b@h:99999/x')).toBeNull();
  });
});
