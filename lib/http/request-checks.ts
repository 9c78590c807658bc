import { consoleError, type ConsoleError } from '../errors';

/**
 * Checks on the shape of a request, made before Next.js parses anything, so a malformed request
 * is answered with a 4xx that says what is wrong instead of a 500 from deep inside the framework.
 */
export interface Refusal {
  status: 400 | 403 | 405 | 413 | 415;
  error: ConsoleError;
  headers?: Record<string, string>;
}

/** Next.js's own limit for server action bodies. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Far deeper than any action's input; well below what overflows the parser's stack. */
export const MAX_JSON_DEPTH = 32;

export function methodNotAllowed(method: string, allowed: readonly string[]): Refusal {
  return {
    status: 405,
    error: consoleError(
      'invalid',
      `The method ${method.slice(0, 20)} is not allowed here.`,
      `Use ${allowed.join(', ')}: pages are read with GET, and changes are made with the console's buttons.`,
    ),
    headers: { Allow: allowed.join(', ') },
  };
}

export function tooLarge(bytes: number | null): Refusal {
  return {
    status: 413,
    error: consoleError('invalid', `The request body is too large${bytes === null ? '' : ` (${bytes} bytes)`}: 1 MB at most.`, 'Send less at once.'),
  };
}

export function badRequest(message: string): Refusal {
  return { status: 400, error: consoleError('invalid', message, 'Use the console from its own pages; a request made by hand must send a well-formed body.') };
}

export function malformedPath(): Refusal {
  return {
    status: 400,
    error: consoleError(
      'invalid',
      'The address is not valid: it holds a percent sign that does not encode UTF-8 text (such as %FF).',
      "Open the page from the console's own links.",
    ),
  };
}

export const FOREIGN_ORIGIN: Refusal = {
  status: 403,
  error: consoleError('forbidden', 'Cross-site request refused: it came from another origin.', 'Open the console from its own address.'),
};

/** A declared Content-Length over the limit, or one that is not a number. */
export function checkContentLength(header: string | null): Refusal | null {
  if (header === null) return null;
  if (!/^\d{1,15}$/.test(header.trim())) return badRequest('The Content-Length header is not a number.');
  const bytes = Number(header.trim());
  return bytes > MAX_BODY_BYTES ? tooLarge(bytes) : null;
}

/** How deeply arrays and objects nest in a JSON text (strings skipped), without recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * The special strings React's reply encoding gives meaning to, when the body is plain text: the
 * ones plain values produce. Every other `$…` string points at a part or chunk a text body cannot
 * carry (`$@1`, `$Q2`, `$h0`, …) and makes the framework fail with a 500.
 */
const PLAIN_MARKERS = /^\$(?:\$.*|undefined|-0|Infinity|-Infinity|NaN|n-?\d{1,400}|D[-+:.\dTZ]{1,40})$/s;

function referencesMissingData(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.startsWith('$') && !PLAIN_MARKERS.test(v)) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

/**
 * A server action call's body as this console's screens send it: a JSON array of plain
 * arguments, as text (React sends multipart only for files, maps and the like, which no action takes).
 * Null when acceptable.
 */
export function checkActionBody(contentType: string | null, body: string): Refusal | null {
  if (contentType && /^multipart\//i.test(contentType)) {
    return {
      status: 415,
      error: consoleError('invalid', 'Server actions of this console take JSON arguments, not multipart form data.', 'Use the console from its own pages.'),
    };
  }
  if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) return tooLarge(null);
  if (body.trim() === '') return badRequest('The server action request has an empty body.');
  if (jsonDepth(body) > MAX_JSON_DEPTH) return badRequest(`The server action arguments nest deeper than ${MAX_JSON_DEPTH} levels.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badRequest('The server action body is not valid JSON.');
  }
  if (!Array.isArray(parsed)) return badRequest('The server action body must be a JSON array of arguments.');
  return referencesMissingData(parsed) ? badRequest('The server action arguments refer to data the request does not carry.') : null;
}
