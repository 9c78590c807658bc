/**
 * Cross-site request check for route handlers that change something (server actions get
 * Next.js's own): a browser sends Origin on every POST; it must name this host.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true; // not a browser (curl, scripts): no ambient cookies to abuse
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
