/**
 * Resilience tests leave what they measured in artifacts/resilience/ (gitignored): <name>.json
 * with the raw numbers and <name>.md with the stamped section for RESILIENCE.md. A test never
 * writes a tracked file, so `npm test` leaves the tree clean; `npm run resilience:report`
 * (scripts/resilience-report.ts) runs these tests and copies the fresh sections in.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../support/paths.js';
import { measuredStamp } from '../../../bench/lib/report.js';

export const RESILIENCE_ARTIFACTS = path.join(ROOT, 'artifacts/resilience');

export function record(name: string, markdown: string, raw: unknown): void {
  mkdirSync(RESILIENCE_ARTIFACTS, { recursive: true });
  writeFileSync(path.join(RESILIENCE_ARTIFACTS, `${name}.json`), `${JSON.stringify(raw, null, 2)}\n`);
  writeFileSync(path.join(RESILIENCE_ARTIFACTS, `${name}.md`), `${measuredStamp()}\n\n${markdown.trim()}\n`);
}
