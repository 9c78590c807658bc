import type { ConsoleError } from '@/lib/errors';
import { FixLine } from './fix-line';

const TITLES: Record<ConsoleError['code'], string> = {
  unreachable: 'InfluxDB unreachable',
  unauthorized: 'Token refused',
  forbidden: 'Permission denied',
  conflict: 'Bucket already exists',
  invalid: 'Invalid input',
  not_found: 'Not found',
  config: 'Console not configured',
  signed_out: 'Signed out',
  read_only: 'Read-only access',
  internal: 'Unexpected error',
  busy: 'Busy',
  too_large: 'Too large',
};

/** An error as the user needs it: what happened, and what to do next. */
export function ErrorPanel({ error, title }: { error: ConsoleError; title?: string }) {
  return (
    <div role="alert" data-error-code={error.code} className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <p className="font-semibold text-red-800">{title ?? TITLES[error.code]}</p>
      <p className="mt-1 text-red-900">{error.message}</p>
      <FixLine fix={error.fix} className="mt-2 text-red-900" />
      {error.requestId ? (
        <p className="mt-2 text-xs text-red-700" data-testid="error-request-id">
          Request ID {error.requestId} (the server log has the details under it)
        </p>
      ) : null}
    </div>
  );
}
