'use client';

import { CopyButton } from '@/components/copy-button';
import { secondaryButton } from '@/components/form-styles';

/** A new token's secret, shown this once with its `.env` line: it lives in the caller's state only. */
export function SecretReveal({ description, can, secret, onDone }: { description: string; can: string; secret: string; onDone?: () => void }) {
  const envLine = `INFLUXDB_TOKEN=${secret}`;
  return (
    <div className="space-y-3" data-testid="token-reveal">
      <p className="text-sm">
        Created <strong>{description}</strong>: {can}. Copy the secret now: it is shown this once and never again.
      </p>
      <div className="flex items-center gap-2 rounded-md bg-slate-900 p-3 font-mono text-xs text-emerald-200">
        <span className="break-all" data-testid="token-secret">
          {secret}
        </span>
        <CopyButton text={secret} />
      </div>
      <div className="flex items-center gap-2 rounded-md bg-slate-100 p-3 font-mono text-xs">
        <span className="break-all">{envLine}</span>
        <CopyButton text={envLine} label="Copy .env line" />
      </div>
      {onDone ? (
        <button type="button" className={secondaryButton} onClick={onDone}>
          Done, I stored it
        </button>
      ) : null}
    </div>
  );
}
