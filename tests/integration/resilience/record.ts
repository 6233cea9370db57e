/** Resilience tests record what they measured in RESILIENCE.md (between markers) and artifacts/resilience/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../bench/lib/neo4j.js';
import { writeSection } from '../../../bench/lib/report.js';

export const RESILIENCE_MD = path.join(ROOT, 'RESILIENCE.md');

export function record(name: string, markdown: string, raw: unknown): void {
  writeSection(RESILIENCE_MD, name, markdown);
  const dir = path.join(ROOT, 'artifacts/resilience');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(raw, null, 2)}\n`);
}
