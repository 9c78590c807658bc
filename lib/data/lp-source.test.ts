import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isGzipFile, readRecords } from './lp-source';

const dir = mkdtempSync(join(tmpdir(), 'lp-source-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function all(path: string, chunkBytes?: number) {
  const out: { line: number; text: string }[] = [];
  let lastBytes = 0;
  for await (const { records, bytesRead } of readRecords(path, { chunkBytes })) {
    expect(bytesRead).toBeGreaterThanOrEqual(lastBytes);
    lastBytes = bytesRead;
    out.push(...records);
  }
  return { records: out, bytesRead: lastBytes };
}

// Multi-byte characters and a string field with a line break, so chunks of 7 bytes cut through both.
const content = ['# precision=ns', 'm,t=café v=1 1', 'm,t=日本 s="a', 'b" 2\r', '', 'm v=3 3'].join('\n');
const expected = [
  { line: 1, text: '# precision=ns' },
  { line: 2, text: 'm,t=café v=1 1' },
  { line: 3, text: 'm,t=日本 s="a\nb" 2' },
  { line: 5, text: '' },
  { line: 6, text: 'm v=3 3' },
];

describe('reading a line-protocol file', () => {
  it('gives every record of a plain file with its line, whatever the read size', async () => {
    const path = file('plain.lp', content);
    for (const chunk of [7, 64 * 1024]) expect(await all(path, chunk)).toEqual({ records: expected, bytesRead: Buffer.byteLength(content) });
    expect(await isGzipFile(path)).toBe(false);
  });

  it('gives the same records from the gzipped file, counting the compressed bytes read', async () => {
    const zipped = gzipSync(content);
    const path = file('zipped.lp.gz', zipped);
    for (const chunk of [7, 64 * 1024]) expect(await all(path, chunk)).toEqual({ records: expected, bytesRead: zipped.length });
    expect(await isGzipFile(path)).toBe(true);
  });

  it('reads a gzipped file larger than its buffer many times over', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `m,host=h${i % 97} v=${i} ${i}`);
    const path = file('large.lp.gz', gzipSync(lines.join('\n') + '\n'));
    const { records } = await all(path, 1024);
    expect(records.length).toBe(20_000);
    expect(records[19_999]).toEqual({ line: 20_000, text: lines[19_999] });
  });

  it('fails on a file that starts like gzip but is not', async () => {
    const path = file('broken.lp.gz', Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]));
    await expect(all(path)).rejects.toMatchObject({ code: expect.stringMatching(/^Z_/) });
  });

  it('fails on a truncated gzip file', async () => {
    const zipped = gzipSync('m v=1 1\n'.repeat(1_000));
    const path = file('truncated.lp.gz', zipped.subarray(0, zipped.length - 20));
    await expect(all(path, 16)).rejects.toThrow();
  });

  it('stops reading when the reader stops early', async () => {
    const path = file('early.lp.gz', gzipSync('m v=1 1\n'.repeat(50_000)));
    for await (const { records } of readRecords(path, { chunkBytes: 256 })) {
      // A chunk's record count depends on where it is cut: only that it holds some is known.
      expect(records.length).toBeGreaterThan(0);
      break;
    }
  });
});
