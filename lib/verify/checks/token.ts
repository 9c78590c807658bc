import { diagnosis, failed, pass, type Check } from '../types';

export const token: Check = {
  id: 'token-org',
  title: 'Token is valid and belongs to the organization',
  dependsOn: ['influx-ready'],
  async run(ctx) {
    // A refused token is thrown (the runner gives it the `unauthorized` fix); a missing org is a failed check.
    const status = diagnosis(ctx, (s) => !!s.orgID || s.error?.code === 'not_found', 'token and organization');
    if (!status.orgID) return failed(status.error?.message ?? 'The organization was not found.', status.error?.fix ?? '');
    return pass(`The token is accepted and sees organization ${status.org} (${status.orgID}).`);
  },
};
