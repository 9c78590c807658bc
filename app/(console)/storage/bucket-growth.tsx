'use client';

import { Badge } from '@/components/badge';
import { diskFigure, formatBytes, formatCount, formatRatio, formatSpan } from '@/lib/model/format';
import { formatRetention } from '@/lib/model/retention';
import type { BucketStorage } from '@/lib/model/storage';
import { BudgetForm } from './budget-form';
import { Figure } from '@/components/figure';

export function BucketGrowth({ b }: { b: BucketStorage }) {
  const p = b.projection;
  const disk = diskFigure(b.records, b.diskBytes);
  const measured = b.measuredGrowth;
  const ratioTone = p.estimateRatio === null ? 'slate' : p.estimateRatio > 2 ? 'red' : 'green';
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={`growth-${b.name}`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-mono text-sm font-semibold">
          {b.name} <span className="font-sans font-normal text-slate-500">· retention {formatRetention(b.retentionSeconds)}</span>
        </h2>
        <Badge tone={ratioTone}>{p.estimateRatio === null ? 'no projection yet' : `${formatRatio(p.estimateRatio)} the seed's estimate at full window`}</Badge>
      </div>
      <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Figure
          label="On disk now"
          value={disk.value}
          hint={[disk.hint, b.series === null ? null : `${formatCount(b.series)} series`].filter(Boolean).join(' · ') || undefined}
          testId="disk-now"
        />
        <Figure label="Records now" value={formatCount(b.records)} />
        <Figure
          label="Growth per day"
          value={p.recordsPerDay === null ? '—' : `${formatCount(p.recordsPerDay)} rec`}
          hint={p.bytesPerDay === null ? undefined : `≈ ${formatBytes(p.bytesPerDay)} at today's bytes per record`}
        />
        <Figure
          label="At full window"
          value={p.recordsAtFullWindow === null ? '—' : `${formatCount(p.recordsAtFullWindow)} rec`}
          hint={p.bytesAtFullWindow === null ? undefined : `≈ ${formatBytes(p.bytesAtFullWindow)}`}
          testId="projection-records"
        />
        <Figure label="Seed estimate" value={b.estimatedRecords === null ? '—' : `~${formatCount(b.estimatedRecords)} rec`} />
        <Figure label="Bytes per record" value={p.bytesPerRecord === null ? '—' : formatBytes(p.bytesPerRecord)} />
      </dl>
      <p className="mt-3 text-sm text-slate-600" data-testid="measured-growth">
        {measured.perDay !== null
          ? `Measured on disk: ${formatBytes(measured.perDay)} per day, from samples spanning ${formatSpan(measured.spanMs)}.`
          : `Measured growth on disk: pending. The samples span ${formatSpan(measured.spanMs)}; a rate per day needs ${formatSpan(measured.minSpanMs)} of them, so ${formatSpan(measured.pendingMs)} more.`}
      </p>
      <div className="mt-4 flex flex-wrap items-end justify-between gap-4 border-t border-slate-100 pt-4">
        <BudgetForm bucket={b.name} budget={b.budget} />
        <ul className="text-sm" data-testid="crossings">
          {p.crossings.map((c) => (
            <li key={c.kind}>
              {c.kind} budget {c.kind === 'bytes' ? formatBytes(c.budget) : formatCount(c.budget)}:{' '}
              <strong>{c.date === 'now' ? 'already crossed' : c.date === null ? 'not reached at steady state' : `crossed on ${c.date}`}</strong>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
