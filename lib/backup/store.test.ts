import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countsDiffer } from './drill';
import { backupId, checkFiles, completePartial, listStored, openPartial, readStored, removeStored, sweepPartials, type ConsoleManifest } from './store';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function manifestFor(id: string, files: { name: string; text: string }[]): ConsoleManifest {
  return {
    formatVersion: 1,
    id,
    createdAt: new Date(0).toISOString(),
    org: 'homeiq',
    influxManifest: `${id}.manifest`,
    bytes: 0,
    buckets: [],
    files: files.map((f) => ({ name: f.name, bytes: Buffer.byteLength(f.text), sha256: sha(f.text) })),
    verified: null,
  };
}

describe('the backup folder', () => {
  it('names backups as influx backup does (UTC 20060102T150405Z), a second one in the same second with -2', async () => {
    const root = mkdtempSync(join(tmpdir(), 'backup-store-'));
    const at = new Date('2026-12-06T02:30:05.123Z');
    expect(backupId(at)).toBe('20261206T023005Z');
    const first = await openPartial(root, at);
    const second = await openPartial(root, at);
    expect([first.id, second.id]).toEqual(['20261206T023005Z', '20261206T023005Z-2']);
    expect(readdirSync(root).sort()).toEqual(['.partial-20261206T023005Z', '.partial-20261206T023005Z-2']);
  });

  it('lists a backup only once it is complete, and sweeps partial folders whose writer is gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'backup-store-'));
    const partial = await openPartial(root, new Date('2026-12-06T02:30:05Z'));
    writeFileSync(join(partial.dir, 'a.tar.gz'), 'shard');
    expect(await listStored(root), 'a partial backup is never listed').toEqual([]);
    await completePartial(root, partial, manifestFor(partial.id, [{ name: 'a.tar.gz', text: 'shard' }]));
    expect((await listStored(root)).map((b) => b.id)).toEqual(['20261206T023005Z']);
    expect(readdirSync(join(root, partial.id)).sort()).toEqual(['a.tar.gz', 'console-manifest.json']);

    // A writer that died (no such process) left a partial folder: the next backup removes it.
    mkdirSync(join(root, '.partial-20261206T040000Z'));
    writeFileSync(join(root, '.partial-20261206T040000Z', '.owner-pid'), '999999999');
    expect(await sweepPartials(root)).toEqual(['.partial-20261206T040000Z']);
    expect(readdirSync(root)).toEqual([partial.id]);
  });

  it('refuses to complete a backup whose file differs from what was written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'backup-store-'));
    const partial = await openPartial(root);
    writeFileSync(join(partial.dir, 'a.tar.gz'), 'shard');
    await expect(completePartial(root, partial, manifestFor(partial.id, [{ name: 'a.tar.gz', text: 'shaRd' }]))).rejects.toThrow(/a\.tar\.gz was altered/);
    expect(await listStored(root)).toEqual([]);
  });

  it('names the missing, truncated or altered file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-files-'));
    writeFileSync(join(dir, 'x'), 'abc');
    expect(await checkFiles(dir, [{ name: 'x', bytes: 3, sha256: sha('abc') }])).toBeNull();
    expect(await checkFiles(dir, [{ name: 'y', bytes: 3, sha256: sha('abc') }])).toBe('y is missing');
    expect(await checkFiles(dir, [{ name: 'x', bytes: 4, sha256: sha('abcd') }])).toBe('x has 3 bytes, 4 were backed up');
    expect(await checkFiles(dir, [{ name: 'x', bytes: 3, sha256: sha('abd') }])).toMatch(/^x was altered/);
  });

  it('lists folders an older format left as legacy (dated by their ID), removes them, and refuses to restore them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'backup-store-'));
    const partial = await openPartial(root, new Date('2026-12-06T02:30:05Z'));
    await completePartial(root, partial, manifestFor(partial.id, []));
    mkdirSync(join(root, '20261101T010203Z'));
    writeFileSync(
      join(root, '20261101T010203Z', 'console-manifest.json'),
      JSON.stringify({ id: '20261101T010203Z', buckets: [{ name: 'daily' }], bytes: 'many' }),
    );
    mkdirSync(join(root, '20261102T000000Z'));
    writeFileSync(join(root, '20261102T000000Z', 'notes.txt'), 'not a backup');
    const listed = await listStored(root);
    // Newest first by creation time (the complete one here says 1970).
    expect(listed.map((b) => [b.id, b.createdAt, b.legacy === null, b.buckets])).toEqual([
      ['20261101T010203Z', '2026-11-01T01:02:03.000Z', false, ['daily']],
      ['20261206T023005Z', new Date(0).toISOString(), true, []],
    ]);
    await expect(readStored(root, '20261101T010203Z')).rejects.toThrow(/written by an older console.*cannot restore or verify it/);
    await removeStored(root, '20261101T010203Z');
    expect(readdirSync(root).sort()).toEqual(['20261102T000000Z', '20261206T023005Z']);
  });

  it('refuses IDs that are not backup IDs (no path escapes the folder)', async () => {
    await expect(readStored(tmpdir(), '../etc')).rejects.toThrow(/is not a backup ID/);
  });
});

describe('comparing restored counts with the backup', () => {
  it('names each measurement that differs', () => {
    const expected = { records: 5, measurements: { a: 3, b: 2 } };
    expect(countsDiffer('x', expected, { records: 5, measurements: { a: 3, b: 2 } })).toBeNull();
    expect(countsDiffer('x', expected, { records: 4, measurements: { a: 3, b: 1 } })).toBe('x: b has 1 records, 2 were backed up');
    expect(countsDiffer('x', expected, { records: 6, measurements: { a: 3, b: 2, c: 1 } })).toBe('x: c has 1 records, 0 were backed up');
  });
});
