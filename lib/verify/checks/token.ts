import { InfluxError } from '../../errors';
import { failed, pass, type Check } from '../types';

export const token: Check = {
  id: 'token-org',
  title: 'Token is valid and belongs to the organization',
  dependsOn: ['influx-ready'],
  async run(ctx) {
    const status = ctx.connection;
    if (!status?.orgID) {
      const error = status?.error;
      // A refused token is mapped by the runner to the `unauthorized` fix.
      if (!error || error.code !== 'not_found') throw new InfluxError(error ?? { code: 'internal', message: 'The connection was not diagnosed.', fix: 'Rerun the checks.' });
      return failed(error.message, error.fix);
    }
    return pass(`The token is accepted and sees organization ${status.org} (${status.orgID}).`);
  },
};
