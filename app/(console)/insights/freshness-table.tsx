'use client';

import { useEffect, useState } from 'react';
import { Badge } from '@/components/badge';
import { CopyButton } from '@/components/copy-button';
import { DataTable, type Column } from '@/components/data-table';
import { RelativeTime } from '@/components/relative-time';
import { CADENCE_TEXT, formatAge, freshnessRows, STATUS_TEXT } from '@/lib/client/insights-view';
import type { InsightsReport } from '@/lib/model/insights';

type Row = ReturnType<typeof freshnessRows>[number];

/** Each measurement's last write against its cadence; a silent one carries the finding's fix. */
export function FreshnessTable({ report }: { report: InsightsReport }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const columns: Column<Row>[] = [
    {
      id: 'measurement',
      header: 'Measurement',
      cell: (r) => (
        <>
          <p className="font-mono text-xs font-semibold">{r.measurement}</p>
          <p className="font-mono text-xs text-slate-600">{r.bucket}</p>
        </>
      ),
    },
    { id: 'detector', header: 'Detector', className: 'text-xs', cell: (r) => r.detector ?? '—' },
    { id: 'cadence', header: 'Cadence', className: 'text-xs', cell: (r) => (r.cadence ? CADENCE_TEXT[r.cadence] : '—') },
    {
      id: 'last',
      header: 'Last written',
      className: 'whitespace-nowrap text-xs',
      cell: (r) => (r.lastWritten ? <RelativeTime at={r.lastWritten} text={formatAge(r.lastWritten, now)} /> : formatAge(null, now)),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (r) => {
        const status = STATUS_TEXT[r.status];
        return (
          <>
            <Badge tone={status.tone}>{status.text}</Badge>
            {r.finding ? (
              <div className="mt-1 flex items-start gap-2 text-xs text-slate-600">
                <p>
                  {r.finding.detail} <span className="font-medium">Fix:</span> {r.finding.fix}
                </p>
                <CopyButton text={r.finding.fix} label="Copy fix" />
              </div>
            ) : null}
          </>
        );
      },
    },
  ];
  return (
    <DataTable
      label="Freshness table"
      testId="freshness-table"
      columns={columns}
      rows={freshnessRows(report)}
      rowKey={(r) => `${r.bucket}/${r.measurement}`}
      rowTestId={(r) => `freshness-${r.measurement}`}
      rowData={(r) => ({ 'data-status': r.status })}
      rowClassName="align-top"
    />
  );
}
