'use client';

import { Badge, type Tone } from '@/components/badge';
import type { PlanStep, StepResult } from '@/lib/model/provision';
import { DataTable, type Column } from '@/components/data-table';

const ACTION_TONE: Record<PlanStep['action'], Tone> = { create: 'indigo', update: 'amber', noop: 'green' };
const STATUS_TONE: Record<StepResult['status'], Tone> = { done: 'green', noop: 'green', skipped: 'amber', failed: 'red' };
const ACTION_LABEL: Record<PlanStep['action'], string> = { create: 'create', update: 'update', noop: 'nothing to do' };

/** Old → new like the retention; the current one, or InfluxDB's own choice, when the spec leaves it alone. */
function shardGroups(s: PlanStep): string {
  if (!s.to.shardGroupDuration) return s.from?.shardGroupDuration ? `${s.from.shardGroupDuration} (InfluxDB's choice)` : "InfluxDB's choice";
  return s.from?.shardGroupDuration && s.from.shardGroupDuration !== s.to.shardGroupDuration
    ? `${s.from.shardGroupDuration} → ${s.to.shardGroupDuration}`
    : s.to.shardGroupDuration;
}

export function PlanTable({
  steps,
  results,
  confirm,
  onConfirm,
}: {
  steps: PlanStep[];
  results?: StepResult[];
  confirm: Record<string, string>;
  onConfirm: (bucket: string, typed: string) => void;
}) {
  const result = (s: PlanStep) => results?.find((r) => r.bucket === s.bucket);
  const columns: Column<PlanStep>[] = [
    { id: 'bucket', header: 'Bucket', className: 'font-mono text-xs font-medium', cell: (s) => s.bucket },
    {
      id: 'step',
      header: 'Step',
      cell: (s) => (
        <Badge tone={s.refused || s.destructive ? 'red' : ACTION_TONE[s.action]}>
          {s.refused ? `${ACTION_LABEL[s.action]} · refused` : s.destructive ? 'update · destructive' : ACTION_LABEL[s.action]}
        </Badge>
      ),
    },
    {
      id: 'retention',
      header: 'Retention',
      cell: (s) => (s.from && s.from.retention !== s.to.retention ? `${s.from.retention} → ${s.to.retention}` : s.to.retention),
    },
    { id: 'shardGroups', header: 'Shard groups', cell: (s) => <span data-testid="plan-shard-groups">{shardGroups(s)}</span> },
    {
      id: 'detail',
      header: 'Detail',
      className: 'text-slate-600',
      cell: (s) => (
        <>
          {s.summary}
          {s.refused && !result(s) ? (
            <p className="mt-2 text-xs text-red-700" data-testid="plan-refused">
              Never applied: {s.refused}
            </p>
          ) : null}
          {s.destructive && !s.refused && !result(s) ? (
            <label className="mt-2 block text-xs">
              <span className="font-medium text-red-800">Type {s.bucket} to allow this step</span>
              <input
                className="mt-1 w-full rounded border border-red-300 px-2 py-1 font-mono text-xs"
                aria-label={`Confirm ${s.bucket}`}
                value={confirm[s.bucket] ?? ''}
                onChange={(e) => onConfirm(s.bucket, e.target.value)}
              />
            </label>
          ) : null}
        </>
      ),
    },
  ];
  if (results) {
    columns.push({
      id: 'result',
      header: 'Result',
      cell: (s) => {
        const r = result(s);
        return r ? (
          <div data-testid="step-result">
            <Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge>
            <p className="mt-1 text-xs text-slate-600">{r.message}</p>
            {r.error ? <p className="mt-1 text-xs text-red-700">Fix: {r.error.fix}</p> : null}
          </div>
        ) : (
          <div data-testid="step-result" />
        );
      },
    });
  }
  return (
    <DataTable label="Plan table" columns={columns} rows={steps} rowKey={(s) => s.bucket} rowTestId={(s) => `plan-step-${s.bucket}`} rowClassName="align-top" />
  );
}
