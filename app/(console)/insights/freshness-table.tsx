'use client';

import { useEffect, useState } from 'react';
import { Badge } from '@/components/badge';
import { CopyButton } from '@/components/copy-button';
import { CADENCE_TEXT, formatAge, freshnessRows, STATUS_TEXT } from '@/lib/client/insights-view';
import type { InsightsReport } from '@/lib/model/insights';
import { TableScroll } from '@/components/table-scroll';

/** Each measurement's last write against its cadence; a silent one carries the finding's fix. */
export function FreshnessTable({ report }: { report: InsightsReport }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const rows = freshnessRows(report);
  return (
    <TableScroll label="Freshness table">
      <table className="w-full text-left text-sm" data-testid="freshness-table">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-2 py-2">Measurement</th>
            <th className="px-2 py-2">Detector</th>
            <th className="px-2 py-2">Cadence</th>
            <th className="px-2 py-2">Last written</th>
            <th className="px-2 py-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const status = STATUS_TEXT[r.status];
            return (
              <tr key={`${r.bucket}/${r.measurement}`} className="border-b border-slate-100 align-top" data-testid={`freshness-${r.measurement}`} data-status={r.status}>
                <td className="px-2 py-2">
                  <p className="font-mono text-xs font-semibold">{r.measurement}</p>
                  <p className="font-mono text-xs text-slate-600">{r.bucket}</p>
                </td>
                <td className="px-2 py-2 text-xs">{r.detector ?? '—'}</td>
                <td className="px-2 py-2 text-xs">{r.cadence ? CADENCE_TEXT[r.cadence] : '—'}</td>
                <td className="whitespace-nowrap px-2 py-2 text-xs" title={r.lastWritten ?? undefined}>
                  {formatAge(r.lastWritten, now)}
                </td>
                <td className="px-2 py-2">
                  <Badge tone={status.tone}>{status.text}</Badge>
                  {r.finding ? (
                    <div className="mt-1 flex items-start gap-2 text-xs text-slate-600">
                      <p>
                        {r.finding.detail} <span className="font-medium">Fix:</span> {r.finding.fix}
                      </p>
                      <CopyButton text={r.finding.fix} label="Copy fix" />
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
