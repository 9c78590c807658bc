import { findOrg } from '../../influx/orgs';
import { failed, pass, type Check } from '../types';

export const token: Check = {
  id: 'token-org',
  title: 'Token is valid and belongs to the organization',
  dependsOn: ['influx-ready'],
  async run(ctx) {
    // 401 here is mapped by the runner to the `unauthorized` fix.
    const org = await findOrg(ctx.spec.org, ctx.conn);
    if (!org) {
      return failed(`Organization "${ctx.spec.org}" does not exist, or the token cannot see it.`, `Check INFLUXDB_ORG, create the organization (influx org create -n ${ctx.spec.org}), or use a token of that organization.`);
    }
    ctx.orgID = org.id;
    return pass(`The token is accepted and sees organization ${org.name} (${org.id}).`);
  },
};
