import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { RecordSplitter, type LpRecord } from './lp-parse';

/** Whether a file starts with gzip's magic bytes (1f 8b): then it is read through gunzip. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * The records of a line-protocol file, plain or gzipped, in batches as they are read (with the
 * bytes of the file read so far): the file is read only as fast as the caller consumes, so memory
 * stays the same at any size.
 */
export async function* readRecords(path: string): AsyncGenerator<{ records: LpRecord[]; bytesRead: number }> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const gzip = await isGzipFile(path);
  const source = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on('error', (e) => source.destroy(e));
  source.setEncoding('utf8');
  const splitter = new RecordSplitter();
  try {
    for await (const chunk of source as AsyncIterable<string>) {
      const records = splitter.push(chunk);
      if (records.length) yield { records, bytesRead: file.bytesRead };
    }
    const last = splitter.end();
    if (last.length) yield { records: last, bytesRead: file.bytesRead };
  } finally {
    file.destroy();
    source.destroy();
  }
}
