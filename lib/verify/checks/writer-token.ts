import { findBucket } from '../../influx/buckets';
import { listAuthorizations } from '../../influx/authorizations';
import { judgeCoverage, writerCoverage } from '../token-coverage';
import { pass, warn, type Check } from '../types';

const CREATE_WRITER =
  'Create a writer with write on the spec buckets only (Provision → "Create tokens", or `homeiq-console tokens create --role writer --out homeiq-writer.token`) and set HomeIQ\'s INFLUXDB_TOKEN to it.';

/** HomeIQ's writer should not need an all-access token: some active scoped token must write each spec bucket. */
export const writerToken: Check = {
  id: 'writer-token',
  title: 'A scoped token can write each bucket of the spec',
  dependsOn: ['token-org'],
  async run(ctx) {
    const orgID = ctx.connection?.orgID ?? '';
    const buckets = [];
    for (const b of ctx.spec.buckets) {
      const found = await findBucket(orgID, b.name, ctx.conn);
      if (!found)
        return {
          status: 'skipped',
          detail: `Bucket ${b.name} does not exist yet: no token can write it.`,
          fix: 'Provision the spec first (Provision, or `homeiq-console provision`).',
        };
      buckets.push(found);
    }
    const tokens = await listAuthorizations(orgID, ctx.conn);
    if (tokens.length === 0) {
      return warn(
        'The console sees no token of the organization, so it cannot tell which tokens write the buckets.',
        "Give the console read:orgs/<org ID>/authorizations and read:users/<owner ID> (docs/tokens.md), or run `homeiq-console tokens check` with the writer's token.",
      );
    }
    const verdict = judgeCoverage(writerCoverage(buckets, tokens));
    return verdict.ok ? pass(`Scoped writers: ${verdict.detail}.`) : warn(`${verdict.detail.charAt(0).toUpperCase()}${verdict.detail.slice(1)}`, CREATE_WRITER);
  },
};
