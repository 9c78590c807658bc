import { consoleError, type ConsoleError } from './errors';

/**
 * The messages and fixes more than one place shows (proxy, guard, plan, checks, screens, CLI),
 * written once. Each returns the console's one error type.
 */
const PROVISION_FIX = 'Provision the AI-5 buckets first (Provision screen, or: npm run --silent cli -- provision).';

export function orgMissing(org: string): ConsoleError {
  return consoleError(
    'not_found',
    `Organization "${org}" does not exist, or the token cannot see it (seeing it needs read:orgs/<org ID>).`,
    `Check INFLUXDB_ORG, create the organization (influx org create -n ${org}), or use a token of that organization with read:orgs/<org ID>.`,
  );
}

export function bucketMissing(name: string, fix: string = PROVISION_FIX): ConsoleError {
  return { ...consoleError('not_found', `Bucket ${name} does not exist.`, fix), missingBucket: name };
}

/** An ID that is not a bucket of the configured organization: nothing about it is revealed. */
export function bucketIdUnknown(): ConsoleError {
  return consoleError('not_found', 'No such bucket in this organization.', 'Refresh the bucket list and pick a bucket from it.');
}

export function systemBucket(name: string, verb: 'edited' | 'deleted'): ConsoleError {
  return consoleError(
    'invalid',
    `${name} is a system bucket: InfluxDB ${verb === 'deleted' ? 'needs' : 'manages'} it, so it cannot be ${verb} here.`,
    'Choose a bucket of your own.',
  );
}

export function signedOut(): ConsoleError {
  return consoleError(
    'signed_out',
    'You are signed out: sign in to the console first.',
    'Open /login and sign in (your session ended, was revoked, or never started).',
  );
}

export function readOnly(): ConsoleError {
  return consoleError('read_only', 'The viewer role can browse everything and change nothing.', 'Sign in as admin to make changes.');
}

/** A change asked from another site's page: refused (403) whatever the session. */
export function crossSite(): ConsoleError {
  return consoleError('forbidden', 'Cross-site request refused.', 'Open the console from its own address.');
}

export function notVersion2(version: string): ConsoleError {
  return consoleError('invalid', `The server reports version ${version}; the console needs InfluxDB 2.x.`, 'Point INFLUXDB_URL at an InfluxDB 2.x server.');
}

export function unknownCheck(id: string): ConsoleError {
  return consoleError(
    'invalid',
    `Unknown check "${id.slice(0, 100)}".`,
    'Use a check id from the Verify screen or `cli verify --json` (for example token-org).',
  );
}
