'use client';

import { Badge, type Tone } from '@/components/badge';
import type { StepResult } from '@/lib/provision/plan';
import type { PlanStep } from '@/lib/provision/plan';
import { TableScroll } from '@/components/table-scroll';

const ACTION_TONE: Record<PlanStep['action'], Tone> = { create: 'indigo', update: 'amber', noop: 'green' };
const STATUS_TONE: Record<StepResult['status'], Tone> = { done: 'green', noop: 'green', skipped: 'amber', failed: 'red' };
const ACTION_LABEL: Record<PlanStep['action'], string> = { create: 'create', update: 'update', noop: 'nothing to do' };

/** Old → new like the retention; the current one, or InfluxDB's own choice, when the spec leaves it alone. */
function shardGroups(s: PlanStep): string {
  if (!s.to.shardGroupDuration) return s.from?.shardGroupDuration ? `${s.from.shardGroupDuration} (InfluxDB's choice)` : "InfluxDB's choice";
  return s.from?.shardGroupDuration && s.from.shardGroupDuration !== s.to.shardGroupDuration ? `${s.from.shardGroupDuration} → ${s.to.shardGroupDuration}` : s.to.shardGroupDuration;
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
  return (
    <TableScroll label="Plan table">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-2 py-2">Bucket</th>
            <th className="px-2 py-2">Step</th>
            <th className="px-2 py-2">Retention</th>
            <th className="px-2 py-2">Shard groups</th>
            <th className="px-2 py-2">Detail</th>
            {results ? <th className="px-2 py-2">Result</th> : null}
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => {
            const result = results?.find((r) => r.bucket === s.bucket);
            return (
              <tr key={s.bucket} data-testid={`plan-step-${s.bucket}`} className="border-b border-slate-100 align-top">
                <td className="px-2 py-2 font-mono text-xs font-medium">{s.bucket}</td>
                <td className="px-2 py-2">
                  <Badge tone={s.refused || s.destructive ? 'red' : ACTION_TONE[s.action]}>{s.refused ? `${ACTION_LABEL[s.action]} · refused` : s.destructive ? 'update · destructive' : ACTION_LABEL[s.action]}</Badge>
                </td>
                <td className="px-2 py-2">{s.from && s.from.retention !== s.to.retention ? `${s.from.retention} → ${s.to.retention}` : s.to.retention}</td>
                <td className="px-2 py-2" data-testid="plan-shard-groups">
                  {shardGroups(s)}
                </td>
                <td className="px-2 py-2 text-slate-600">
                  {s.summary}
                  {s.refused && !result ? (
                    <p className="mt-2 text-xs text-red-700" data-testid="plan-refused">
                      Never applied: {s.refused}
                    </p>
                  ) : null}
                  {s.destructive && !s.refused && !result ? (
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
                </td>
                {results ? (
                  <td className="px-2 py-2" data-testid="step-result">
                    {result ? (
                      <>
                        <Badge tone={STATUS_TONE[result.status]}>{result.status}</Badge>
                        <p className="mt-1 text-xs text-slate-600">{result.message}</p>
                        {result.error ? <p className="mt-1 text-xs text-red-700">Fix: {result.error.fix}</p> : null}
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
