'use client';

import Link from 'next/link';
import { Badge } from '@/components/badge';
import { estimateBadge } from '@/lib/client/estimate-badge';
import { formatCount, formatDay } from '@/lib/client/format';
import { measurementPagePath } from '@/lib/client/measurement-view';
import type { MeasurementStats } from '@/lib/model/stats';
import { expectation, type Coverage } from '@/lib/stats/coverage';
import { TableScroll } from '@/components/table-scroll';

function perDayAverage(m: MeasurementStats): string {
  if (m.perDay.length === 0) return '—';
  return formatCount(m.perDay.reduce((n, d) => n + d.records, 0) / m.perDay.length);
}

export function MeasurementTable({ bucket, rows, cov }: { bucket: string; rows: MeasurementStats[]; cov: Coverage }) {
  return (
    <TableScroll label={`Measurements of ${bucket}`}>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-2 py-2">Measurement</th>
            <th className="px-2 py-2 text-right">Records</th>
            <th className="px-2 py-2 text-right">Expected now</th>
            <th className="px-2 py-2">Versus estimate</th>
            <th className="px-2 py-2 text-right">Series</th>
            <th className="px-2 py-2 text-right">Tag sets</th>
            <th className="px-2 py-2 text-right">Per day</th>
            <th className="px-2 py-2">First · last</th>
            <th className="px-2 py-2">Tags · fields</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const e = expectation(m.records, m.expectedRecords, cov);
            const v = estimateBadge(e);
            return (
              <tr key={m.name} data-testid={`measurement-${m.name}`} className="border-b border-slate-100 align-top">
                <td className="px-2 py-2">
                  <Link href={measurementPagePath(bucket, m.name)} prefetch={false} className="font-mono text-xs font-semibold text-indigo-700 underline" title={`Records per day and per entity, the latest points and the insights of ${m.name}`}>
                    {m.name}
                  </Link>
                  <p className="text-xs text-slate-600">{m.detector ?? 'not in the spec'}</p>
                </td>
                <td className="px-2 py-2 text-right font-medium tabular-nums" data-testid="records">
                  {formatCount(m.records)}
                </td>
                <td className="px-2 py-2 text-right tabular-nums text-slate-500">{e.expectedNow === null ? '—' : formatCount(e.expectedNow)}</td>
                <td className="whitespace-nowrap px-2 py-2">
                  <Badge tone={v.tone}>{v.text}</Badge>
                </td>
                <td className="px-2 py-2 text-right tabular-nums" data-testid="series">
                  {formatCount(m.series)}
                </td>
                <td className="px-2 py-2 text-right tabular-nums">{formatCount(m.tagSets)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{perDayAverage(m)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-xs text-slate-500">
                  {formatDay(m.firstTime)} · {formatDay(m.lastTime)}
                </td>
                <td className="px-2 py-2 text-xs text-slate-500">
                  <span className="font-mono">{m.tagKeys.join(', ') || '—'}</span>
                  <br />
                  <span className="font-mono">{m.fieldKeys.join(', ') || '—'}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
