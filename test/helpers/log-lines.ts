/** A stream that keeps each line a logger writes, for tests that check what was (not) logged. */
import { Writable } from 'node:stream';

export function logLines(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, sink };
}
