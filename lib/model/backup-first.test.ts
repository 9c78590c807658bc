import { describe, expect, it } from 'vitest';
import { restoreCommand, restoredName } from './backup-first';

describe('the restore command a destructive change names', () => {
  it('restores the bucket as <bucket>_restored by default', () => {
    expect(restoreCommand('20261206T031220Z', 'pattern_aggregates_daily')).toBe(
      'homeiq-console backup restore 20261206T031220Z --bucket pattern_aggregates_daily --as pattern_aggregates_daily_restored',
    );
  });

  it('quotes a name a shell would split or expand, and keeps the new name within 255 characters', () => {
    expect(restoreCommand('20261206T031220Z', "it's a bucket", 'new $one')).toBe(
      `homeiq-console backup restore 20261206T031220Z --bucket 'it'\\''s a bucket' --as 'new $one'`,
    );
    expect(restoredName('b'.repeat(255))).toHaveLength(255);
    expect(restoredName('b'.repeat(255)).endsWith('_restored')).toBe(true);
  });
});
