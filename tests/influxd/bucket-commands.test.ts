import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createBucket as createBucketCommand } from '@/lib/use-cases/create-bucket';
import { deleteBucket as deleteBucketCommand } from '@/lib/use-cases/delete-bucket';
import { listBuckets as listOrgBuckets } from '@/lib/use-cases/list-buckets';
import { updateBucket as updateBucketCommand } from '@/lib/use-cases/update-bucket';
import { resetBuckets } from '../support/reset';

const DAY = 86_400;

async function find(name: string) {
  const list = await listOrgBuckets();
  if (!list.ok) throw new Error(list.error.message);
  return list.data.find((b) => b.name === name);
}

describe('bucket verbs against a real influxd', () => {
  beforeEach(resetBuckets);

  it('creates, edits and deletes a bucket', async () => {
    const created = await createBucketCommand({ name: 'console test bucket', retention: '12h', description: 'made by a test' }, CLI_ACTOR);
    expect(created.ok).toBe(true);
    const b = await find('console test bucket');
    expect(b?.retentionSeconds).toBe(43_200);
    expect(b?.managed).toBe(false);

    const updated = await updateBucketCommand({ id: b?.id, retention: '52w', description: 'longer now' }, CLI_ACTOR);
    expect(updated.ok && updated.data.retentionSeconds).toBe(52 * 7 * DAY);

    const refused = await deleteBucketCommand({ id: b?.id, confirmName: 'console test' }, CLI_ACTOR);
    expect(refused.ok).toBe(false);
    expect((await find('console test bucket'))?.description).toBe('longer now');

    const deleted = await deleteBucketCommand({ id: b?.id, confirmName: 'console test bucket' }, CLI_ACTOR);
    expect(deleted.ok).toBe(true);
    expect(await find('console test bucket')).toBeUndefined();
  });

  it('does not shorten retention without the typed bucket name', async () => {
    await createBucketCommand({ name: 'keep_me', retention: '90d', description: '' }, CLI_ACTOR);
    const b = await find('keep_me');
    const refused = await updateBucketCommand({ id: b?.id, retention: '30d', description: '' }, CLI_ACTOR);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid');
      expect(refused.error.fix).toContain('keep_me');
    }
    expect((await find('keep_me'))?.retentionSeconds).toBe(90 * DAY);
    const confirmed = await updateBucketCommand({ id: b?.id, retention: '30d', description: '', confirmName: 'keep_me' }, CLI_ACTOR);
    expect(confirmed.ok).toBe(true);
    expect((await find('keep_me'))?.retentionSeconds).toBe(30 * DAY);
  });

  it('reports a duplicate name as a conflict with the seed fix', async () => {
    await createBucketCommand({ name: 'twice', retention: '1h', description: '' }, CLI_ACTOR);
    const again = await createBucketCommand({ name: 'twice', retention: '1h', description: '' }, CLI_ACTOR);
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('conflict');
      expect(again.error.fix).toContain('influx bucket list');
    }
  });

  it('refuses to delete or edit a system bucket', async () => {
    const tasks = await find('_tasks');
    const del = await deleteBucketCommand({ id: tasks?.id, confirmName: '_tasks' }, CLI_ACTOR);
    expect(del.ok).toBe(false);
    if (!del.ok) expect(del.error.message).toContain('system bucket');
    expect((await find('_tasks'))?.name).toBe('_tasks');
  });

  describe('with bad input', () => {
    // Pointing at a closed port proves no call is made: a call would come back `unreachable`.
    let url: string | undefined;
    beforeEach(() => {
      url = process.env.INFLUXDB_URL;
      process.env.INFLUXDB_URL = 'http://127.0.0.1:9';
    });
    afterEach(() => {
      process.env.INFLUXDB_URL = url;
    });

    it.each([
      [{ name: '', retention: '90d' }, 'name', 'required'],
      [{ name: '_private', retention: '90d' }, 'name', 'reserved'],
      [{ name: 'say "hi"', retention: '90d' }, 'name', 'double quote'],
      [{ name: 'ok', retention: '59m' }, 'retention', 'at least 1h'],
      [{ name: 'ok', retention: '-1d' }, 'retention', 'retention'],
      [{ name: 'ok', retention: 'abc' }, 'retention', 'not a retention'],
      [{ name: 'ok', retention: '1e309' }, 'retention', 'not a retention'],
      [{ name: 'ok', retention: '0.5h' }, 'retention', 'not a retention'],
      [{ name: 'x'.repeat(10_000), retention: '1d' }, 'name', 'too long'],
      [{ name: 'ok', retention: '1d', admin: true }, 'form', 'Unexpected field'],
    ])('refuses %j with a message on %s and makes no call', async (input, field, words) => {
      const result = await createBucketCommand(input, CLI_ACTOR);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid');
        expect(result.error.fields?.[field]?.toLowerCase()).toContain(words.toLowerCase());
      }
    });
  });
});
