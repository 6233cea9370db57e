/** server/src/embedded/lines.ts: a child's output split into lines, one partial line per stream. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eachLine } from '../../../server/src/embedded/lines.js';

describe('eachLine', () => {
  it('joins chunks into lines per stream, never splicing one stream into the other, and flushes the rest', () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const lines: string[] = [];
    const reader = eachLine([out, err], (line) => lines.push(line));
    out.write('ATLAS-REA');
    err.write('WARN half');
    out.write('DY bolt://x\nnext');
    err.write(' a line\n');
    reader.flush();
    expect(lines).toEqual(['ATLAS-READY bolt://x', 'WARN half a line', 'next']);
  });
});
