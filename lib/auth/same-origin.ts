/**
 * Cross-site request check for route handlers that change something (server actions get
 * Next.js's own): a browser sends Origin on every POST; it must name this host. The host is the
 * request's own `Host`; `X-Forwarded-Host` counts only behind a proxy the console trusts
 * (CONSOLE_TRUSTED_PROXY), since anyone can send that header.
 */
export function isSameOrigin(req: Request, trustProxy: boolean): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true; // not a browser (curl, scripts): no ambient cookies to abuse
  const host = (trustProxy ? req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined) || req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
