import 'server-only';
import type { Actor } from '../auth/actor';
import { openDb, type Db } from '../db';
import { errorText, log } from '../log';

/** One change the console made (or refused to make), as the Audit screen lists it. */
export interface AuditEntry {
  id: number;
  ts: number;
  role: string;
  action: string;
  bucket: string | null;
  before: unknown;
  after: unknown;
  result: 'ok' | 'failed' | 'skipped';
  message: string;
}

export type AuditInput = Omit<AuditEntry, 'id' | 'ts' | 'role'>;

/** Records a change. Never throws: a full disk must not turn a done change into a reported failure. */
export function audit(actor: Actor, entry: AuditInput, db?: Db): void {
  try {
    const d = db ?? openDb();
    d.prepare('INSERT INTO audit_log (ts, role, action, bucket, before_json, after_json, result, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      Date.now(),
      actor.role,
      entry.action,
      entry.bucket,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.result,
      entry.message,
    );
  } catch (e) {
    log.error('audit log write failed', { error: errorText(e) });
  }
}

export interface AuditFilter {
  action?: string;
  bucket?: string;
  role?: string;
  limit?: number;
}

export function readAudit(filter: AuditFilter = {}, db?: Db): AuditEntry[] {
  const { sql, params } = auditQuerySql(filter);
  const d = db ?? openDb();
  const rows = d.prepare(`${sql} LIMIT ?`).all(...params, Math.min(Math.max(filter.limit ?? 200, 1), 1000)) as AuditRow[];
  return rows.map(auditEntry);
}

type AuditRow = {
  id: number;
  ts: number;
  role: string;
  action: string;
  bucket: string | null;
  before_json: string | null;
  after_json: string | null;
  result: AuditEntry['result'];
  message: string;
};

const auditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  ts: r.ts,
  role: r.role,
  action: r.action,
  bucket: r.bucket,
  before: r.before_json ? JSON.parse(r.before_json) : null,
  after: r.after_json ? JSON.parse(r.after_json) : null,
  result: r.result,
  message: r.message,
});

/**
 * Every entry matching the filter, newest first (the CSV download: all of them, not a page), read
 * 500 at a time by ID: no statement is left open on the shared connection between two batches.
 */
export function* eachAudit(filter: Omit<AuditFilter, 'limit'> = {}, db?: Db): Generator<AuditEntry> {
  const d = db ?? openDb();
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const { sql, params } = auditQuerySql(filter, before);
    const rows = d.prepare(`${sql} LIMIT 500`).all(...params) as AuditRow[];
    for (const r of rows) yield auditEntry(r);
    if (rows.length < 500) return;
    before = rows[rows.length - 1]?.id ?? 0;
  }
}

function auditQuerySql(filter: AuditFilter, beforeId?: number): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (beforeId !== undefined) {
    where.push('id < ?');
    params.push(beforeId);
  }
  if (filter.action) {
    where.push('action = ?');
    params.push(filter.action);
  }
  if (filter.role) {
    where.push('role = ?');
    params.push(filter.role);
  }
  if (filter.bucket) {
    where.push("bucket LIKE ? ESCAPE '\\'");
    params.push(`%${filter.bucket.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return {
    sql: `SELECT id, ts, role, action, bucket, before_json, after_json, result, message FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC`,
    params,
  };
}
