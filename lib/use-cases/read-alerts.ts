import 'server-only';
import { recentDeliveries, recentIncidents, type Delivery, type Incident } from '../alerts/store';
import { flavourOf, webhookTarget } from '../alerts/webhook';
import type { Result } from '../result';
import { withSpec } from './context';

export interface AlertsView {
  /** Where alerts go, without the secret part of the URL; null when no webhook is set. */
  webhook: { host: string; flavour: string } | null;
  incidents: Incident[];
  deliveries: Delivery[];
}

export function readAlerts(): Promise<Result<AlertsView>> {
  return withSpec(({ config }) => {
    const url = config.alertWebhookUrl;
    return {
      webhook: url ? { host: webhookTarget(url)?.host ?? '(unparseable URL)', flavour: flavourOf(url) } : null,
      incidents: recentIncidents(),
      deliveries: recentDeliveries(),
    };
  });
}
