import { rawOrgId } from './raw-buckets';
import { rawApi } from './reset';

/**
 * A token of homeiq with everything but an operator's rights (its buckets read and written, the org read),
 * created through the raw API: what a backup refuses to run with. Answers the token's secret.
 */
export async function rawNonOperatorToken(): Promise<string> {
  const org = await rawOrgId('homeiq');
  const permissions = [
    ...['read', 'write'].map((action) => ({ action, resource: { type: 'buckets', orgID: org } })),
    { action: 'read', resource: { type: 'orgs', id: org } },
  ];
  const res = await rawApi('/api/v2/authorizations', { method: 'POST', body: JSON.stringify({ orgID: org, permissions }) });
  if (res.status !== 201) throw new Error(`creating a token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
