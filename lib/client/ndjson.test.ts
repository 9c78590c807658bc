import { describe, expect, it } from 'vitest';
import { ndjsonEvents } from './ndjson';

/** A body that arrives in the given pieces, as a slow network hands it over. */
function body(...pieces: string[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  const bytes = pieces.map((p) => new TextEncoder().encode(p));
  return new ReadableStream({
    pull(controller) {
      const next = bytes.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of ndjsonEvents(stream)) out.push(e);
  return out;
}

describe('ndjsonEvents', () => {
  it('yields each line once it is complete, across pieces split anywhere (even inside a character)', async () => {
    const text = '{"type":"check","n":1}\n\n{"type":"check","name":"é"}\n{"type":"done"}\n';
    const raw = new TextEncoder().encode(text);
    const at = raw.indexOf(0xa9); // the second byte of "é"
    const split = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(c) {
        c.enqueue(raw.slice(0, 5));
        c.enqueue(raw.slice(5, at));
        c.enqueue(raw.slice(at));
        c.close();
      },
    });
    expect(await all(split)).toEqual([{ type: 'check', n: 1 }, { type: 'check', name: 'é' }, { type: 'done' }]);
  });

  it('takes a last line that has no newline', async () => {
    expect(await all(body('{"a":1}\n{"b"', ':2}'))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('throws on a line that is not JSON', async () => {
    await expect(all(body('{"a":1}\nnot json\n'))).rejects.toThrow(SyntaxError);
  });
});
