'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { primaryButton } from '@/components/form-styles';
import { useCanChange } from '@/components/role-context';
import { SecretReveal } from '@/components/secret-reveal';
import { provisionTokens } from '@/lib/actions/provision-tokens';
import { errorDetail, fetchResult, unwrap } from '@/lib/client/fetch-result';
import { keys } from '@/lib/client/query-keys';
import type { TokenStep } from '@/lib/model/provision';

/** The spec's tokens for HomeIQ's services: planned like buckets, created on a click, each secret revealed once. */
export function TokenSteps() {
  const client = useQueryClient();
  const canChange = useCanChange();
  const plan = useQuery({ queryKey: keys.tokenPlan(), queryFn: () => fetchResult<TokenStep[]>('/api/provision/tokens') });
  const create = useMutation({
    mutationFn: () => unwrap(provisionTokens(undefined)),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokenPlan() }),
  });
  const steps = plan.data ?? [];
  const pending = steps.filter((s) => s.action === 'create').length;
  const created = (create.data ?? []).filter((s) => s.secret);
  return (
    <Card title="Tokens for HomeIQ's services">
      {plan.isPending ? <p className="text-sm text-slate-500">Reading the tokens…</p> : null}
      {plan.error ? <ErrorPanel error={errorDetail(plan.error)} title="Token steps not planned" /> : null}
      {plan.data ? (
        <div className="space-y-3">
          {steps.length === 0 ? <p className="text-sm text-slate-500">The spec names no tokens.</p> : null}
          <ul className="space-y-1 text-sm" data-testid="token-steps">
            {steps.map((s) => (
              <li key={s.description} className="font-mono text-xs">
                {s.summary}
              </li>
            ))}
          </ul>
          {canChange ? (
            <button type="button" className={primaryButton} disabled={create.isPending || pending === 0} onClick={() => create.mutate()}>
              {create.isPending ? 'Creating tokens…' : pending === 0 ? 'Nothing to create' : `Create ${pending === 1 ? 'the token' : `${pending} tokens`}`}
            </button>
          ) : (
            <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-600">Read-only: viewers see the token steps; creating tokens needs the admin.</p>
          )}
          {create.error ? <ErrorPanel error={errorDetail(create.error)} title="Tokens not created" /> : null}
          {(create.data ?? [])
            .filter((s) => s.status === 'failed' || s.status === 'skipped')
            .map((s) => (
              <p key={s.description} className="text-sm text-amber-800">
                {s.description}: {s.message}
              </p>
            ))}
          {created.map((s) => (
            <SecretReveal key={s.description} description={s.description} can={s.summary.replace(/^create token [^:]+: /, '')} secret={s.secret ?? ''} />
          ))}
        </div>
      ) : null}
    </Card>
  );
}
