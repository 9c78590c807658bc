import { CopyButton } from './copy-button';

/** "Fix: …" with a button that copies it: how every error and failed check says what to do next. */
export function FixLine({ fix, className = '', testId }: { fix: string; className?: string; testId?: string }) {
  return (
    <div className={`flex flex-wrap items-start gap-2 ${className}`} data-testid={testId}>
      <p className="min-w-48 flex-1 break-words">
        <span className="font-semibold">Fix: </span>
        {fix}
      </p>
      <CopyButton text={fix} label="Copy fix" />
    </div>
  );
}
