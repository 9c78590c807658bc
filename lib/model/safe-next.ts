/**
 * Where to go after signing in: `next` parsed as a URL against the console's own origin, kept
 * only when it stays on that origin (backslashes, tabs and `//host` all resolve elsewhere); else `/`.
 * Pure, shared by the login form and the proxy's sign-in redirect.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next || next.length > 2000) return '/';
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return '/';
  }
  // Only paths: a full URL, even one naming our own origin, is not what the proxy ever sends.
  if (!next.startsWith('/')) return '/';
  let target: URL;
  try {
    target = new URL(next, base);
  } catch {
    return '/';
  }
  if (target.origin !== base.origin || (target.protocol !== 'http:' && target.protocol !== 'https:')) return '/';
  const path = `${target.pathname}${target.search}${target.hash}`;
  // What we hand back is parsed again by the browser: it must read as the same path there too.
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';
}
