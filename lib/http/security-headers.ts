/**
 * Headers every response carries. Scripts run only from the console itself or with the nonce of
 * the request (Next.js puts it on its own inline scripts); styles may be inline because the charts
 * set style attributes, which a nonce cannot allow.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface SecurityHeaders extends Record<string, string> {
  'Content-Security-Policy': string;
}

export function securityHeaders(nonce: string, dev = false): SecurityHeaders {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, dev),
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
  };
}
