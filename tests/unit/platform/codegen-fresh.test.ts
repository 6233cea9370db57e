/**
 * The generated types (server resolver types, client operations) must be what `npm run codegen`
 * makes of server/schema.graphql and client/src/graphql/*.graphql now. Codegen runs in memory
 * (nothing written), and each output is compared with the tracked file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** What generate() returns when it does not save (its typings say `FileOutput[] | any`). */
interface GeneratedFile {
  readonly filename: string;
  readonly content: string;
}

describe('generated GraphQL types', () => {
  it('are up to date with the schema and the client documents (run `npm run codegen` if not)', async () => {
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as GeneratedFile[];
    expect(outputs.map((o) => path.relative(ROOT, path.resolve(ROOT, o.filename))).sort()).toEqual(Object.keys(config.generates).sort());
    for (const output of outputs) {
      const tracked = readFileSync(path.resolve(ROOT, output.filename), 'utf8');
      expect(tracked, `${output.filename} is stale: run \`npm run codegen\` and commit the result`).toBe(output.content);
    }
  }, 60_000);
});
