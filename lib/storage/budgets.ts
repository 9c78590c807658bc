import type { Db } from '../db';

import type { Budget } from '../model/storage';

export type { Budget };

export function readBudgets(db: Db): Map<string, Budget> {
  const rows = db.prepare('SELECT bucket_name AS bucketName, max_bytes AS maxBytes, max_records AS maxRecords FROM budgets').all() as Budget[];
  return new Map(rows.map((r) => [r.bucketName, r]));
}

/** Sets (or, with both limits null, removes) a bucket's budget. */
export function writeBudget(db: Db, budget: Budget, now: number = Date.now()): void {
  if (budget.maxBytes === null && budget.maxRecords === null) {
    db.prepare('DELETE FROM budgets WHERE bucket_name = ?').run(budget.bucketName);
    return;
  }
  db.prepare(
    `INSERT INTO budgets (bucket_name, max_bytes, max_records, updated_at) VALUES (@bucketName, @maxBytes, @maxRecords, @now)
     ON CONFLICT (bucket_name) DO UPDATE SET max_bytes = excluded.max_bytes, max_records = excluded.max_records, updated_at = excluded.updated_at`,
  ).run({ ...budget, now });
}
