import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, type Gunzip } from 'node:zlib';
import { RecordSplitter, type LpRecord } from './lp-parse';

/** Whether a file starts with gzip's magic bytes (1f 8b): then it is read through gunzip. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    return await startsWithGzip(handle);
  } finally {
    await handle.close();
  }
}

async function startsWithGzip(handle: FileHandle): Promise<boolean> {
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0);
  return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export const READ_CHUNK_BYTES = 64 * 1024;

/**
 * The records of a line-protocol file, plain or gzipped, in batches as they are read (with the
 * bytes of the file read so far): the file is read only as fast as the caller consumes, so memory
 * stays the same at any size. The file is read into one buffer, reused: a fresh buffer per read
 * outlives the parsing of its lines, is promoted by V8 and freed only by a full collection, so
 * those buffers would add up to the size of the file.
 */
export async function* readRecords(path: string, chunkBytes = READ_CHUNK_BYTES): AsyncGenerator<{ records: LpRecord[]; bytesRead: number }> {
  const handle = await open(path, 'r');
  const input = Buffer.allocUnsafe(chunkBytes);
  const splitter = new RecordSplitter();
  let bytesRead = 0;
  const read = async (): Promise<Buffer> => {
    const n = (await handle.read(input, 0, input.length, bytesRead)).bytesRead;
    bytesRead += n;
    return input.subarray(0, n);
  };
  let gunzip: Gunzip | null = null;
  try {
    if (!(await startsWithGzip(handle))) {
      const decoder = new StringDecoder('utf8');
      for (let chunk = await read(); chunk.length > 0; chunk = await read()) {
        const records = splitter.push(decoder.write(chunk));
        if (records.length) yield { records, bytesRead };
      }
      const tail = [...splitter.push(decoder.end()), ...splitter.end()];
      if (tail.length) yield { records: tail, bytesRead };
      return;
    }
    const unzip = createGunzip();
    gunzip = unzip;
    unzip.setEncoding('utf8');
    // Feeds the buffer to gunzip and reads the next only when gunzip has consumed it (the write's
    // callback), which it does only as fast as its text is read below.
    const feed = async () => {
      try {
        for (let chunk = await read(); chunk.length > 0; chunk = await read()) {
          await new Promise<void>((resolve, reject) => unzip.write(chunk, (e) => (e ? reject(e) : resolve())));
        }
        unzip.end();
      } catch (e) {
        unzip.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const feeding = feed();
    for await (const text of unzip as AsyncIterable<string>) {
      const records = splitter.push(text);
      if (records.length) yield { records, bytesRead };
    }
    await feeding;
    const last = splitter.end();
    if (last.length) yield { records: last, bytesRead };
  } finally {
    gunzip?.destroy();
    await handle.close();
  }
}
