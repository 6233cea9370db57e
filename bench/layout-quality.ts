/**
 * Layout quality of the stable map against the per-date fcose layout it replaced, on the curated
 * timeline from a running server: `npx tsx bench/layout-quality.ts [http://127.0.0.1:4000]`.
 * At each sample date, on the people and ties shown then:
 * - stress: mean over connected pairs of ((d_layout - s*d_graph) / d_graph)^2 / s^2, with s the
 *   scale that minimises it (lower is better; ties as unit edges; pairs in different components
 *   left out);
 * - neighbourhood preservation: mean Jaccard of each person's graph neighbours and their k
 *   nearest people on the picture, k = their degree (higher is better; isolated people skipped);
 * - movement: mean distance a person present at consecutive sample dates moved, relative to the
 *   picture's diagonal (the stable map's whole point is that this is about zero).
 * fcose runs as the old client ran it (randomize, default quality, tie edges, no seeds), once per
 * date, without labels: positions only.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { adaptTimeline } from '../client/src/api.js';
import { TimelineDocument, type TimelineQuery } from '../client/src/graphql/generated/operations.js';
import { useFcose } from '../client/src/layout/fcose.js';
import { buildUnionGraph, seatKey } from '../client/src/layout/union-graph.js';
import { layoutUnion } from '../client/src/layout/union-layout.js';
import { NO_FILTERS } from '../client/src/state/filters.js';
import { computeFrame, prepare, type Frame } from '../client/src/state/frame.js';
import { dayOf } from '../core/partial-date.js';

useFcose();
type Pos = Map<string, { x: number; y: number }>;
const base = process.argv[2] ?? 'http://127.0.0.1:4000';
const response = await fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: TimelineDocument.toString() }),
});
const timeline = adaptTimeline(((await response.json()) as { data: TimelineQuery }).data);
const seats = layoutUnion(buildUnionGraph(timeline)).seats;
const prepared = prepare(timeline, NO_FILTERS);
const DATES = ['1945-09-01', '1948-01-01', '1950-06-01', '1953-08-01', '1956-08-30', '1958-03-01', '1961-01-01', '1965-01-01'];

function adjacency(frame: Frame): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>([...frame.persons.keys()].map((id) => [id, new Set<string>()]));
  for (const t of frame.ties) {
    adj.get(t.source)?.add(t.target);
    adj.get(t.target)?.add(t.source);
  }
  return adj;
}

function bfs(adj: Map<string, Set<string>>, from: string): Map<string, number> {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const n of adj.get(at) ?? []) {
      if (dist.has(n)) continue;
      dist.set(n, (dist.get(at) ?? 0) + 1);
      queue.push(n);
    }
  }
  return dist;
}

function stress(adj: Map<string, Set<string>>, pos: Pos): number {
  const ids = [...adj.keys()];
  const pairs: [number, number][] = [];
  for (const a of ids) {
    const d = bfs(adj, a);
    for (const b of ids) {
      if (b <= a || !d.has(b)) continue;
      const pa = pos.get(a);
      const pb = pos.get(b);
      if (pa === undefined || pb === undefined) continue;
      pairs.push([Math.hypot(pa.x - pb.x, pa.y - pb.y), d.get(b) as number]);
    }
  }
  if (pairs.length === 0) return 0;
  // The s minimising sum ((x - s g) / g)^2 is the mean of x / g.
  const s = pairs.reduce((sum, [x, g]) => sum + x / g, 0) / pairs.length;
  // Divided by s^2 so the figure does not depend on the picture's scale.
  return pairs.reduce((sum, [x, g]) => sum + ((x - s * g) / g) ** 2, 0) / pairs.length / (s * s);
}

function neighbourhood(adj: Map<string, Set<string>>, pos: Pos): number {
  let total = 0;
  let n = 0;
  for (const [id, neighbours] of adj) {
    if (neighbours.size === 0) continue;
    const p = pos.get(id);
    if (p === undefined) continue;
    const nearest = [...adj.keys()]
      .filter((o) => o !== id && pos.has(o))
      .sort((a, b) => Math.hypot((pos.get(a)?.x ?? 0) - p.x, (pos.get(a)?.y ?? 0) - p.y) - Math.hypot((pos.get(b)?.x ?? 0) - p.x, (pos.get(b)?.y ?? 0) - p.y))
      .slice(0, neighbours.size);
    const inter = nearest.filter((o) => neighbours.has(o)).length;
    total += inter / (neighbours.size + nearest.length - inter);
    n += 1;
  }
  return n === 0 ? 0 : total / n;
}

function fcoseAt(frame: Frame): Pos {
  const elements: ElementDefinition[] = [
    ...[...new Set([...frame.persons.values()].map((p) => p.parent).filter((f): f is string => f !== null))].map((f) => ({
      group: 'nodes' as const,
      data: { id: `faction:${f}` },
    })),
    ...[...frame.persons.values()].map((p) => ({
      group: 'nodes' as const,
      data: { id: p.id, ...(p.parent === null ? {} : { parent: `faction:${p.parent}` }) },
    })),
    ...frame.ties.map((t) => ({ group: 'edges' as const, data: { id: t.id, source: t.source, target: t.target } })),
  ];
  const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: 'node', style: { width: 22, height: 22 } }] });
  cy.layout({
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 70,
    nestingFactor: 0.6,
    tile: true,
  } as cytoscape.LayoutOptions).run();
  const pos: Pos = new Map();
  cy.nodes().forEach((n) => {
    if (!n.isParent()) pos.set(n.id(), { ...n.position() });
  });
  cy.destroy();
  return pos;
}

function diagonal(pos: Pos): number {
  const xs = [...pos.values()];
  return Math.hypot(Math.max(...xs.map((p) => p.x)) - Math.min(...xs.map((p) => p.x)), Math.max(...xs.map((p) => p.y)) - Math.min(...xs.map((p) => p.y))) || 1;
}

function movement(before: Pos | null, after: Pos): number {
  if (before === null) return NaN;
  const both = [...after.keys()].filter((id) => before.has(id));
  if (both.length === 0) return NaN;
  const d = diagonal(after);
  return (
    both.reduce((sum, id) => sum + Math.hypot((after.get(id)?.x ?? 0) - (before.get(id)?.x ?? 0), (after.get(id)?.y ?? 0) - (before.get(id)?.y ?? 0)), 0) /
    both.length /
    d
  );
}

const rows: string[] = [
  '| date | people / ties | stress: stable map | stress: fcose per date | neighbourhood: stable | neighbourhood: fcose | moved: stable | moved: fcose |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
let prevStable: Pos | null = null;
let prevFcose: Pos | null = null;
for (const iso of DATES) {
  const frame = computeFrame(prepared, dayOf(iso));
  const adj = adjacency(frame);
  const stable: Pos = new Map([...frame.persons.values()].map((p) => [p.id, seats.get(seatKey(p.id, p)) ?? { x: 0, y: 0 }]));
  const fc = fcoseAt(frame);
  const f = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(3));
  rows.push(
    `| ${iso} | ${frame.persons.size} / ${frame.ties.length} | ${f(stress(adj, stable))} | ${f(stress(adj, fc))} | ${f(neighbourhood(adj, stable))} | ${f(neighbourhood(adj, fc))} | ${f(movement(prevStable, stable))} | ${f(movement(prevFcose, fc))} |`,
  );
  prevStable = stable;
  prevFcose = fc;
}
console.log(rows.join('\n'));
