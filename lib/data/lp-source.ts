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
 * The most text a file may expand to: 256 MiB, or 100 times the file (line protocol gzips 10 to 30
 * times smaller), and never more than 4 GiB. A gzip that expands further is refused (a "zip bomb"
 * of 381 KiB can hold 128 MiB of text).
 */
export function maxTextChars(fileBytes: number): number {
  return Math.min(4 * 1024 ** 3, Math.max(256 * 1024 ** 2, 100 * fileBytes));
}

export class TextTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The file expands to more than ${Math.round(limit / 1024 ** 2)} MiB of text.`);
    this.name = 'TextTooLarge';
  }
}

/** The caller went away (its request was closed): the reading stopped. */
export class ReadAborted extends Error {
  constructor() {
    super('The reading was stopped: the request that asked for it was closed.');
    this.name = 'ReadAborted';
  }
}

export interface ReadOptions {
  chunkBytes?: number;
  maxTextChars?: number;
  signal?: AbortSignal;
}

/**
 * The records of a line-protocol file, plain or gzipped, in batches as they are read (with the
 * bytes of the file read so far): the file is read only as fast as the caller consumes, so memory
 * stays the same at any size. The file is read into one buffer, reused: a fresh buffer per read
 * outlives the parsing of its lines, is promoted by V8 and freed only by a full collection, so
 * those buffers would add up to the size of the file.
 */
export async function* readRecords(path: string, opts: ReadOptions = {}): AsyncGenerator<{ records: LpRecord[]; bytesRead: number }> {
  const chunkBytes = opts.chunkBytes ?? READ_CHUNK_BYTES;
  const handle = await open(path, 'r');
  const fileBytes = (await handle.stat()).size;
  const maxText = opts.maxTextChars ?? maxTextChars(fileBytes);
  let textChars = 0;
  /** Counts the text read, and stops the reading when the caller has gone or the text is too large. */
  const take = (text: string): string => {
    if (opts.signal?.aborted) throw new ReadAborted();
    textChars += text.length;
    if (textChars > maxText) throw new TextTooLarge(maxText);
    return text;
  };
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
        const records = splitter.push(take(decoder.write(chunk)));
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
      const records = splitter.push(take(text));
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
