'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { BackupFirstCheckbox, BackupTaken } from '@/components/backup-first';
import { Card } from '@/components/card';
import { primaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { applyPlan } from '@/lib/actions/apply-plan';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import { errorDetail, fetchResult, unwrap } from '@/lib/client/fetch-result';
import { keys } from '@/lib/client/query-keys';
import type { Plan } from '@/lib/model/provision';
import { PlanTable } from './plan-table';
import { TokenSteps } from './token-steps';
import { plural } from '@/lib/model/plural';

export function ProvisionScreen() {
  const client = useQueryClient();
  const canChange = useCanChange();
  const plan = useQuery({ queryKey: keys.plan(), queryFn: () => fetchResult<Plan>('/api/provision/plan'), refetchInterval: 15_000 });
  const [confirm, setConfirm] = useState<Record<string, string>>({});
  const [backupFirst, setBackupFirst] = useState(true);
  const apply = useMutation({
    mutationFn: (progressId: string) =>
      unwrap(
        applyPlan({
          confirm: Object.entries(confirm)
            .filter(([bucket, typed]) => bucket === typed)
            .map(([bucket]) => bucket),
          backupFirst,
          progressId,
        }),
      ),
    onSuccess: async () => {
      setConfirm({});
      await Promise.all([client.invalidateQueries({ queryKey: keys.plan() }), client.invalidateQueries({ queryKey: keys.buckets() })]);
    },
  });
  const progress = useProgress(apply.isPending);
  // After Enter on Provision, focus goes to what happened, not to a button that may now be disabled.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (apply.data || apply.error) outcome.current?.focus();
  }, [apply.data, apply.error]);
  const data = plan.data;
  const pending = data ? data.steps.filter((s) => s.action !== 'noop').length : 0;
  const unconfirmed = data ? data.steps.filter((s) => s.destructive && !s.refused && confirm[s.bucket] !== s.bucket).length : 0;
  const refused = data ? data.steps.filter((s) => s.refused).length : 0;
  const destructive = data ? data.steps.some((s) => s.destructive && !s.refused) : false;
  return (
    <div className="space-y-5">
      <Card title={data ? `Plan for the ${data.spec} spec in org ${data.org}` : 'Plan'}>
        {plan.isPending ? <p className="text-sm text-slate-500">Reading the buckets and planning…</p> : null}
        {plan.error ? <ErrorPanel error={errorDetail(plan.error)} /> : null}
        {data ? (
          <div className="space-y-4">
            <p className="text-sm" data-testid="plan-summary">
              {data.blocker
                ? 'Provisioning is blocked.'
                : pending === 0
                  ? 'Nothing to do: every bucket matches the spec.'
                  : `${plural(pending, 'step')} to apply${unconfirmed ? `, ${unconfirmed} destructive (needs the bucket name typed)` : ''}${refused ? `, ${refused} refused (InfluxDB would reject it: fix the spec)` : ''}. Provisioning never deletes anything.`}
            </p>
            <PlanTable
              steps={apply.data?.steps ?? data.steps}
              results={apply.data?.steps}
              confirm={confirm}
              onConfirm={(bucket, typed) => setConfirm((c) => ({ ...c, [bucket]: typed }))}
            />
            {data.notes.map((n) => (
              <p key={n.bucket} className="rounded-md bg-slate-100 p-2 text-xs text-slate-700">
                Note: {n.message}
              </p>
            ))}
            {data.blocker ? <ErrorPanel error={{ code: 'not_found', message: data.blocker, fix: `influx org create -n ${data.org}` }} /> : null}
            {canChange ? null : <ReadOnlyNote what="the plan" />}
            {destructive ? <BackupFirstCheckbox checked={backupFirst} onChange={setBackupFirst} /> : null}
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                className={primaryButton}
                disabled={apply.isPending || !!data.blocker || !canChange || pending === 0}
                onClick={() => apply.mutate(progress.next())}
              >
                {apply.isPending ? 'Provisioning…' : `Provision ${data.spec} buckets`}
              </button>
            </div>
            {apply.isPending ? <ProgressSteps steps={progress.steps} /> : null}
            <div ref={outcome} tabIndex={-1} className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
              {apply.data ? (
                <p role="status" className={`text-sm ${apply.data.applied ? 'text-emerald-700' : 'text-amber-800'}`}>
                  {apply.data.applied ? 'Provisioned: the buckets match the spec.' : 'Some steps were not applied: see the results.'}
                  {apply.data.steps.map((s) => (s.backup ? <BackupTaken key={s.bucket} backup={s.backup} /> : null))}
                </p>
              ) : null}
              {apply.error ? <ErrorPanel error={errorDetail(apply.error)} /> : null}
            </div>
          </div>
        ) : null}
      </Card>
      <TokenSteps />
    </div>
  );
}
