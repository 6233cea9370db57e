/** A child process's output, line by line. */
import type { Readable } from 'node:stream';

/**
 * Calls `take` with each complete line of the streams (stdout and stderr, say). Each stream keeps
 * its own partial line, so a chunk of one never splices into a half line of the other. `flush`
 * hands over what is left unterminated (call it once the process has closed).
 */
export function eachLine(streams: readonly Readable[], take: (line: string) => void): { flush(): void } {
  const pending = streams.map(() => '');
  streams.forEach((stream, i) => {
    stream.on('data', (chunk: Buffer) => {
      const lines = `${pending[i] ?? ''}${chunk.toString('utf8')}`.split('\n');
      pending[i] = lines.pop() ?? '';
      lines.forEach(take);
    });
  });
  return {
    flush() {
      pending.forEach((rest, i) => {
        pending[i] = '';
        if (rest !== '') take(rest);
      });
    },
  };
}
