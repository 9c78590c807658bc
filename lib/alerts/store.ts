import 'server-only';
import { openDb, type Db } from '../db';
import type { AlertKind, Condition, OpenIncident } from './conditions';
import type { DeliveryResult } from './webhook';

export interface Incident extends OpenIncident {
  title: string;
  message: string;
  openedAt: string;
  resolvedAt: string | null;
}

export interface Delivery {
  id: number;
  incidentId: number | null;
  event: 'open' | 'resolved' | 'test';
  at: string;
  ok: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
}

interface IncidentRow {
  id: number;
  key: string;
  kind: AlertKind;
  title: string;
  message: string;
  opened_at: number;
  resolved_at: number | null;
}

const incident = (r: IncidentRow): Incident => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  title: r.title,
  message: r.message,
  openedAt: new Date(r.opened_at).toISOString(),
  resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at).toISOString(),
});

export function openIncidents(db: Db = openDb()): Incident[] {
  return (db.prepare('SELECT * FROM alert_incidents WHERE resolved_at IS NULL ORDER BY opened_at').all() as IncidentRow[]).map(incident);
}

export function recentIncidents(limit = 100, db: Db = openDb()): Incident[] {
  return (db.prepare('SELECT * FROM alert_incidents ORDER BY opened_at DESC, id DESC LIMIT ?').all(limit) as IncidentRow[]).map(incident);
}

/** Opens an incident, unless one is open for the key already (another process got there first): null then. */
export function openIncident(c: Condition, now: number, db: Db = openDb()): Incident | null {
  const r = db
    .prepare('INSERT INTO alert_incidents (key, kind, title, message, opened_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *')
    .get(c.key, c.kind, c.title, c.message, now) as IncidentRow | undefined;
  return r ? incident(r) : null;
}

/** Resolves an open incident; false when it was resolved already. */
export function resolveIncident(id: number, now: number, db: Db = openDb()): boolean {
  return db.prepare('UPDATE alert_incidents SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run(now, id).changes === 1;
}

export function recordDelivery(incidentId: number | null, event: Delivery['event'], result: DeliveryResult, now: number, db: Db = openDb()): void {
  db.prepare('INSERT INTO alert_deliveries (incident_id, event, ts, ok, attempts, status, error) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    incidentId,
    event,
    now,
    result.ok ? 1 : 0,
    result.attempts,
    result.status,
    result.error,
  );
}

export function recentDeliveries(limit = 100, db: Db = openDb()): Delivery[] {
  const rows = db.prepare('SELECT * FROM alert_deliveries ORDER BY ts DESC, id DESC LIMIT ?').all(limit) as {
    id: number;
    incident_id: number | null;
    event: Delivery['event'];
    ts: number;
    ok: number;
    attempts: number;
    status: number | null;
    error: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    event: r.event,
    at: new Date(r.ts).toISOString(),
    ok: r.ok === 1,
    attempts: r.attempts,
    status: r.status,
    error: r.error,
  }));
}
