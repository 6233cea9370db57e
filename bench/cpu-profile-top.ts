/**
 * Summarises a V8 .cpuprofile (from `serve --cpu-prof`): the functions with the most self time,
 * and the project files with the most total (inclusive) time, so a regression can be located.
 *
 *   npx tsx bench/cpu-profile-top.ts FILE [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
const file = positionals[0];
if (file === undefined) throw new Error('usage: cpu-profile-top.ts FILE [--top N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

// Self time per node: each sample's delta belongs to the sampled (leaf) node.
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const label = (node: ProfileNode): string => {
  const url = node.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*?\/(node_modules\/)/, '$1')
    .replace(/^.*?\/((server|core|client)\/)/, '$1');
  return `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
};
const pct = (us: number): string => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms`;

const self = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (node !== undefined) self.set(label(node), (self.get(label(node)) ?? 0) + us);
}
console.log(`total sampled ${(totalUs / 1000).toFixed(0)} ms\n\nself time, top ${top}:`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);

// Inclusive time per function (counted once per sample even under recursion).
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at);
    if (node === undefined) break;
    const name = label(node);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}
console.log(`\ninclusive time, project code, top ${top}:`);
for (const [name, us] of [...inclusive]
  .filter(([name]) => /(server|core|client)\//.test(name) && !name.includes('node_modules'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`${pct(us)}  ${name}`);
