/**
 * The events of a streamed NDJSON response body (one JSON value per line), each as soon as its
 * line is complete; a last line without its newline counts too. Blank lines are skipped.
 */
export async function* ndjsonEvents<T>(body: ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<T> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield JSON.parse(line) as T;
    }
  }
  const last = buffer.trim();
  if (last) yield JSON.parse(last) as T;
}
