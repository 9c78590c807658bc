/**
 * A batch of line-protocol records on their way to InfluxDB, held as UTF-8 bytes in one buffer
 * (reused from batch to batch) with their line numbers in typed arrays. A batch stays alive while
 * it is on the wire; held as thousands of strings and objects it would be promoted to V8's old
 * generation, and that garbage grows the heap with the size of the file. Held as bytes outside the
 * heap, it costs the same at any size: the batch's bytes, once.
 */

const INITIAL_BYTES = 1024 * 1024;

export class LineBatch {
  private buf: Buffer;
  /** Byte offset where each record starts; one more entry than records (the end). */
  private starts: Float64Array;
  /** The file line each record starts on (a Float64Array: exact beyond 2^31 lines). */
  private lines: Float64Array;
  private count = 0;

  constructor(
    readonly maxLines: number,
    private readonly initialBytes = INITIAL_BYTES,
  ) {
    this.buf = Buffer.allocUnsafe(initialBytes);
    this.starts = new Float64Array(maxLines + 1);
    this.lines = new Float64Array(maxLines);
  }

  get length(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.maxLines;
  }

  /** Bytes the records take (each followed by a line break but the last). */
  get bytes(): number {
    return this.count === 0 ? 0 : this.end(this.count - 1);
  }

  /** Bytes the buffer holds: the largest batch since the last shrink. */
  get capacity(): number {
    return this.buf.length;
  }

  add(line: number, text: string): void {
    if (this.full) throw new RangeError(`a batch holds at most ${this.maxLines} lines`);
    const at = this.starts[this.count] ?? 0;
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and one more for the line break.
    const need = at + text.length * 3 + 1;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, at);
      this.buf = grown;
    }
    let end = at + this.buf.write(text, at, 'utf8');
    this.buf[end++] = 10;
    this.lines[this.count] = line;
    this.count++;
    this.starts[this.count] = end;
  }

  /** The line number of record i. */
  lineAt(i: number): number {
    if (i < 0 || i >= this.count) throw new RangeError(`no record ${i} in a batch of ${this.count}`);
    return this.lines[i] ?? 0;
  }

  /** The text of records [from, to), joined by line breaks: a view of the buffer, valid until the next clear. */
  body(from = 0, to = this.count): Buffer {
    if (from < 0 || to > this.count || from > to) throw new RangeError(`no records [${from}, ${to}) in a batch of ${this.count}`);
    if (from === to) return this.buf.subarray(0, 0);
    return this.buf.subarray(this.starts[from] ?? 0, this.end(to - 1));
  }

  /** Empties the batch for the next one; a buffer grown far past its start size (huge lines) is given back. */
  clear(): void {
    this.count = 0;
    if (this.buf.length > this.initialBytes * 8) this.buf = Buffer.allocUnsafe(this.initialBytes);
  }

  /** Where record i ends, before its line break. */
  private end(i: number): number {
    return (this.starts[i + 1] ?? 1) - 1;
  }
}
