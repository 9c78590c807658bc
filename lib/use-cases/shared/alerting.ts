import 'server-only';
import type { ConsoleConfig } from '../../config';
import { openDb } from '../../db';
import { log } from '../../log';
import type { Result } from '../../result';
import {
  backupConditions,
  budgetConditions,
  detectorConditions,
  reconcile,
  unreachableConditions,
  verifyConditions,
  type AlertKind,
  type BackupHealth,
  type Condition,
} from '../../alerts/conditions';
import { lastScheduledRun } from '../../backup/scheduled-run';
import { periodMs, scheduleText, type BackupSchedule } from '../../backup/schedule';
import { listStored } from '../../backup/store';
import { bucketGate } from '../../insights/gate';
import { graceSeconds } from '../../spec/schema';
import { openIncident, openIncidents, recordDelivery, resolveIncident } from '../../alerts/store';
import { deliver, webhookBody, type AlertMessage, type DeliveryOptions, type DeliveryResult } from '../../alerts/webhook';
import { readBudgets } from '../../storage/budgets';
import { samplerStatus } from '../../storage/sampler-status';
import type { VerifyReport } from '../../verify/types';
import { withInflux } from '../context';
import { statsOf } from './stats';
import { storageOf } from './storage-report';

/** Alerting, shared by the verbs that evaluate it (the sampler's tick, a verification run) and the Alerts screen's. */

/** How delivery retries (tests shorten the backoff). */
let deliveryOptions: DeliveryOptions = {};
export function setDeliveryOptions(opts: DeliveryOptions): void {
  deliveryOptions = opts;
}

export async function send(url: string, incidentId: number | null, message: AlertMessage): Promise<DeliveryResult> {
  const result = await deliver(url, webhookBody(url, message), deliveryOptions);
  recordDelivery(incidentId, message.event, result, Date.now());
  if (result.ok) log.info('alert delivered', { event: message.event, key: message.key, attempts: result.attempts });
  else log.warn('alert not delivered', { event: message.event, key: message.key, attempts: result.attempts, error: result.error });
  return result;
}

/** Opens and resolves incidents for the kinds evaluated, notifying the webhook (when one is configured) once for each. */
async function apply(active: readonly Condition[], kinds: readonly AlertKind[], now: number, url: string | null): Promise<void> {
  const open = openIncidents();
  const { opened, resolved } = reconcile(open, active, kinds);
  for (const c of opened) {
    const incident = openIncident(c, now);
    if (!incident) continue; // another process opened it first, and notifies
    log.warn('alert: incident opened', { key: c.key, kind: c.kind });
    if (url) await send(url, incident.id, { event: 'open', key: c.key, kind: c.kind, title: c.title, message: c.message, at: new Date(now).toISOString() });
  }
  for (const i of resolved) {
    if (!resolveIncident(i.id, now)) continue;
    log.info('alert: incident resolved', { key: i.key, kind: i.kind });
    if (url)
      await send(url, i.id, {
        event: 'resolved',
        key: i.key,
        kind: i.kind,
        title: i.title,
        message: `No longer the case: ${i.message}`,
        at: new Date(now).toISOString(),
      });
  }
}

/**
 * The background evaluation (each sampler tick): InfluxDB unreachable for more than N minutes,
 * and budgets crossed within 30 days (only when a budget is set: it costs a check of the counts),
 * and, with a backup schedule, a failed scheduled backup or a newest good backup too old.
 */
export async function evaluateAlerts(config: ConsoleConfig, now: number = Date.now()): Promise<void> {
  const sampler = samplerStatus();
  const kinds: AlertKind[] = ['unreachable'];
  const active: Condition[] = unreachableConditions(sampler.unreachableSince, now, config.alertUnreachableMinutes, sampler.lastFailure?.message ?? null);
  if (sampler.unreachableSince === null) {
    const down = await detectorsDown(now);
    if (down.ok) {
      kinds.push('detector');
      active.push(...detectorConditions(down.data));
    }
  }
  if (sampler.unreachableSince === null && readBudgets(openDb()).size > 0) {
    const storage = await storageOf('24h');
    if (storage.ok) {
      kinds.push('budget');
      active.push(...budgetConditions(storage.data.buckets.map((b) => ({ name: b.name, crossings: b.projection.crossings }))));
    }
  }
  if (config.backupSchedule.kind !== 'off') {
    kinds.push('backup');
    active.push(...backupConditions(await backupHealth(config.backupSchedule, config.backupDir), now));
  }
  await apply(active, kinds, now, config.alertWebhookUrl);
}

/** What the backup conditions read: the backup folder's listing and the last scheduled run (no InfluxDB call). */
export async function backupHealth(schedule: BackupSchedule, dir: string): Promise<BackupHealth> {
  const good = (await listStored(dir)).filter((b) => b.legacy === null && b.verified?.ok !== false);
  const last = await lastScheduledRun(dir);
  return {
    periodMs: periodMs(schedule),
    schedule: scheduleText(schedule),
    newestGoodAt: good.length ? Math.max(...good.map((b) => Date.parse(b.createdAt))) : null,
    lastScheduled: last ? { at: Date.parse(last.at), ok: last.ok, message: last.message } : null,
    dir,
  };
}

/** The spec's detectors down past their grace, from the counts the console holds (no recount). */
function detectorsDown(now: number): Promise<Result<{ bucket: string; kind: 'never-written' | 'silent'; measurement: string; detail: string }[]>> {
  return withInflux(
    async (ctx) => {
      const existing = await ctx.influx.buckets();
      const stats = await statsOf(ctx);
      return ctx.spec.buckets.flatMap((b) => {
        const s = stats.find((x) => x.name === b.name);
        const bucket = existing.find((x) => x.name === b.name);
        if (!s || !bucket) return [];
        return bucketGate(s, b, bucket.createdAt || null, now, graceSeconds)
          .filter((v) => v.status === 'fail')
          .map((v) => ({ bucket: b.name, kind: v.kind, measurement: v.measurement, detail: v.detail }));
      });
    },
    { shareBucketList: true },
  );
}

/** After a full verification run: a check that passed before and fails now is an incident; passing again resolves it. */
export async function alertOnVerify(config: ConsoleConfig, previous: VerifyReport | null, report: VerifyReport, now: number = Date.now()): Promise<void> {
  const openKeys = new Set(
    openIncidents()
      .filter((i) => i.kind === 'verify')
      .map((i) => i.key),
  );
  await apply(verifyConditions(previous?.checks ?? null, report.checks, openKeys), ['verify'], now, config.alertWebhookUrl);
}
