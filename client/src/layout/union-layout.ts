/**
 * Lays out the union graph (union-graph.ts) once: fcose on a headless Cytoscape, factions as
 * compound clusters, seats sized by their labels so names do not collide. Deterministic: the
 * random numbers fcose draws come from a generator seeded by the graph itself, and label sizes
 * are estimated from the text rather than measured with the browser's fonts, so the same data
 * gives the same picture in every browser, worker or test.
 */
import type { BaseLayoutOptions, ElementDefinition } from 'cytoscape';
import { bounds, compact, growFromCentre, skylinePack, type Box } from './compact.js';
import { headlessSeats, useFcose } from './fcose.js';
import { FACTION_PAD, LABEL_FONT, NODE_SIZE } from './sizes.js';
import type { SeatNode, UnionGraph } from './union-graph.js';

useFcose();

const LABEL_GAP = 3;
const LINE_HEIGHT = LABEL_FONT * 1.25;
const WRAP_WIDTH = 110;

export interface Seat {
  readonly x: number;
  readonly y: number;
}

export interface UnionLayout {
  /** Node centre of each seat, keyed by SeatNode.key. */
  readonly seats: ReadonlyMap<string, Seat>;
  readonly ms: number;
}

/** Width of a line at LABEL_FONT: Hangul and Hanja take a full em, Latin about half. */
function lineWidth(line: string): number {
  let w = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x1100 ? 1.0 : /[A-Z]/.test(ch) ? 0.66 : /[ilj'.,-]/.test(ch) ? 0.3 : 0.55;
  }
  return w * LABEL_FONT;
}

/** The box a seat needs: node plus its label below it, wrapped as style.ts wraps it. */
export function seatBox(label: string): { width: number; height: number } {
  let lines = 0;
  let width = NODE_SIZE;
  for (const line of label.split('\n')) {
    const w = lineWidth(line);
    lines += Math.max(1, Math.ceil(w / WRAP_WIDTH));
    width = Math.max(width, Math.min(w, WRAP_WIDTH));
  }
  return { width: width + 4, height: NODE_SIZE + LABEL_GAP + lines * LINE_HEIGHT + 1 };
}

/** mulberry32: small, fast, and the same sequence everywhere for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the graph's ids: the seed, so another data revision may give another picture. */
export function graphSeed(graph: UnionGraph): number {
  let h = 0x811c9dc5;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  for (const s of graph.seats) feed(s.key);
  for (const e of graph.edges) feed(`${e.source}>${e.target}`);
  return h >>> 0;
}

interface FcoseUnionOptions extends BaseLayoutOptions {
  readonly name: 'fcose';
  readonly quality: 'draft' | 'default' | 'proof';
  readonly randomize: boolean;
  readonly animate: boolean;
  readonly fit: boolean;
  readonly nodeDimensionsIncludeLabels: boolean;
  readonly uniformNodeDimensions: boolean;
  readonly packComponents: boolean;
  readonly nodeRepulsion: () => number;
  readonly idealEdgeLength: (edge: { data: (key: string) => unknown }) => number;
  readonly edgeElasticity: (edge: { data: (key: string) => unknown }) => number;
  readonly nestingFactor: number;
  readonly gravity: number;
  readonly gravityCompound: number;
  readonly gravityRangeCompound: number;
  readonly numIter: number;
  readonly tile: boolean;
  readonly tilingPaddingVertical: number;
  readonly tilingPaddingHorizontal: number;
}

/** Above this many seats fcose runs in draft quality (its proof pass is quadratic-ish). */
const DRAFT_ABOVE = 800;
/** Above this many seats no force layout runs at all (gridSeats). */
const FORCES_UP_TO = 1500;
/** Above this many blocks to place, the greedy placement (cubic) gives way to the skyline. */
const GREEDY_UP_TO = 250;

export function layoutUnion(graph: UnionGraph): UnionLayout {
  const started = Date.now();
  // The forces place the seats with no band, each member's inside its faction's cluster; the
  // others are shelved beside a box afterwards (SeatNode.band), outside it.
  const forced = graph.seats.filter((s) => s.band === null);
  const clusterOf = (s: SeatNode): string | null => (s.former ? null : s.factionId);
  const factions = new Set(forced.map(clusterOf).filter((f): f is string => f !== null));
  const boxes = new Map(graph.seats.map((s) => [s.key, seatBox(s.label)]));
  const elements: ElementDefinition[] = [
    ...graph.factions.filter((f) => factions.has(f)).map((f) => ({ group: 'nodes' as const, data: { id: `f:${f}` } })),
    ...forced.map((s) => {
      const box = boxes.get(s.key) ?? { width: NODE_SIZE, height: NODE_SIZE };
      const cluster = clusterOf(s);
      return {
        group: 'nodes' as const,
        data: { id: s.key, width: box.width, height: box.height, ...(cluster === null ? {} : { parent: `f:${cluster}` }) },
      };
    }),
    ...graph.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight, kind: e.kind } })),
  ];
  const big = graph.seats.length > FORCES_UP_TO;
  const placed: Box[] = big ? gridSeats(forced, boxes, clusterOf) : forceSeats(graph, elements, boxes);
  const factionOf = new Map(forced.map((s) => [s.key, clusterOf(s)]));
  const bands = new Map<string, Box[]>();
  for (const s of graph.seats) {
    if (s.band === null) continue;
    const box = boxes.get(s.key) ?? { width: NODE_SIZE, height: NODE_SIZE };
    bands.set(s.band, [...(bands.get(s.band) ?? []), { id: s.key, x: 0, y: 0, w: box.width, h: box.height }]);
  }
  const seats = new Map<string, Seat>();
  for (const box of compactTwoLevels(placed, factionOf, bands, new Map(graph.seats.map((s) => [s.key, s.appears])), big)) {
    // The layout placed the seat's box; the node sits at its top, its label below it.
    const lift = box.h / 2 - NODE_SIZE / 2;
    seats.set(box.id, { x: Math.round(box.x * 10) / 10, y: Math.round((box.y - lift) * 10) / 10 });
  }
  return { seats, ms: Date.now() - started };
}

/** fcose on the union graph, seeded: the arrangement the compaction then tightens. */
function forceSeats(graph: UnionGraph, elements: ElementDefinition[], boxes: ReadonlyMap<string, { width: number; height: number }>): Box[] {
  const cy = headlessSeats(elements);
  const options: FcoseUnionOptions = {
    name: 'fcose',
    quality: graph.seats.length > DRAFT_ABOVE ? 'draft' : 'proof',
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: true,
    nodeRepulsion: () => 5200,
    idealEdgeLength: (edge) => {
      const kind = edge.data('kind');
      const weight = Number(edge.data('weight'));
      return kind === 'self' ? 60 : kind === 'event' ? 150 : 70 + 90 * (1 - weight);
    },
    edgeElasticity: (edge) => (edge.data('kind') === 'event' ? 0.1 : 0.3 + 0.4 * Number(edge.data('weight'))),
    nestingFactor: 0.1,
    gravity: 0.4,
    gravityCompound: 1.2,
    gravityRangeCompound: 1.2,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 8,
    tilingPaddingHorizontal: 8,
  };
  // fcose draws its random numbers from Math.random; a seeded generator stands in for the run.
  const random = Math.random;
  Math.random = seededRandom(graphSeed(graph));
  try {
    cy.layout(options).run();
  } finally {
    Math.random = random;
  }
  const placed: Box[] = [];
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const box = boxes.get(n.id()) ?? { width: NODE_SIZE, height: NODE_SIZE };
    placed.push({ id: n.id(), x: n.position().x, y: n.position().y, w: box.width, h: box.height });
  });
  cy.destroy();
  return placed;
}

/**
 * Above FORCES_UP_TO seats (synthetic scale tests) a force layout would hold the page for
 * minutes: seats go in rows by faction, earliest first, and the packing arranges the rest.
 */
function gridSeats(
  forced: readonly SeatNode[],
  boxes: ReadonlyMap<string, { width: number; height: number }>,
  clusterOf: (s: SeatNode) => string | null,
): Box[] {
  const byFaction = new Map<string, Box[]>();
  for (const s of [...forced].sort((a, b) => a.appears - b.appears || a.key.localeCompare(b.key))) {
    const box = boxes.get(s.key) ?? { width: NODE_SIZE, height: NODE_SIZE };
    const list = byFaction.get(clusterOf(s) ?? '') ?? [];
    const perRow = Math.max(4, Math.ceil(Math.sqrt(list.length + 1) * 1.6));
    list.push({ id: s.key, x: (list.length % perRow) * 120, y: Math.floor(list.length / perRow) * 50, w: box.width, h: box.height });
    byFaction.set(clusterOf(s) ?? '', list);
  }
  return [...byFaction.values()].flat();
}

/**
 * Rows of seats under a faction's box, as wide as the box (sorted by id, so stable), below the
 * padding the box keeps around its members: where its former members sit, and its members while
 * no source shows them in it, outside the box whatever subset of members it holds at a date.
 */
function shelve(band: Box[], width: number, centreX: number, top: number): Box[] {
  const sorted = [...band].sort((a, b) => a.id.localeCompare(b.id));
  const rows: Box[][] = [[]];
  let used = 0;
  for (const box of sorted) {
    const row = rows[rows.length - 1] as Box[];
    if (row.length > 0 && used + box.w + 4 > Math.max(width, 200)) {
      rows.push([box]);
      used = box.w + 4;
    } else {
      row.push(box);
      used += box.w + 4;
    }
  }
  let y = top;
  for (const row of rows) {
    const rowWidth = row.reduce((sum, b) => sum + b.w + 4, -4);
    const height = Math.max(...row.map((b) => b.h), 0);
    let x = centreX - rowWidth / 2;
    for (const box of row) {
      box.x = x + box.w / 2;
      box.y = y + box.h / 2;
      x += box.w + 4;
    }
    y += height + 4;
  }
  return sorted;
}

/** Room for a faction's name above its box. */
const FACTION_TITLE = 24;
/** The canvas at 1600x1000 is about 990 by 630 pixels. */
const ASPECT = 1.6;

/** Each faction compacted on its own, then factions (as rigid boxes) and free seats together. */
function compactTwoLevels(
  placed: Box[],
  factionOf: ReadonlyMap<string, string | null>,
  bands: ReadonlyMap<string, Box[]>,
  appears: ReadonlyMap<string, number>,
  big: boolean,
): Box[] {
  const groups = new Map<string, Box[]>();
  const items: Box[] = [];
  for (const box of placed) {
    const f = factionOf.get(box.id) ?? null;
    if (f === null) items.push(box);
    else groups.set(f, [...(groups.get(f) ?? []), box]);
  }
  const members = new Map<string, { box: Box; members: Box[] }>();
  for (const [f, list] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!big) compact(list, 3, ASPECT);
    const inner = bounds(list);
    const band = shelve(bands.get(f) ?? [], inner.x2 - inner.x1 + 2 * FACTION_PAD, (inner.x1 + inner.x2) / 2, inner.y2 + FACTION_PAD + 8);
    const b = bounds([...list, ...band]);
    const group: Box = {
      id: `f:${f}`,
      x: (b.x1 + b.x2) / 2,
      y: (b.y1 + b.y2) / 2 - FACTION_TITLE / 2,
      w: b.x2 - b.x1 + 2 * FACTION_PAD,
      h: b.y2 - b.y1 + 2 * FACTION_PAD + FACTION_TITLE,
    };
    members.set(group.id, { box: group, members: [...list, ...band] });
    items.push(group);
  }
  const before = new Map(items.map((i) => [i.id, { x: i.x, y: i.y }]));
  // Earliest first, so the early years sit together in the middle of the map.
  const first = (item: Box): number => {
    const group = members.get(item.id);
    return group === undefined ? (appears.get(item.id) ?? Infinity) : Math.min(...group.members.map((m) => appears.get(m.id) ?? Infinity));
  };
  const ordered = items.map((item, i) => ({ item, i, first: first(item) })).sort((a, b) => a.first - b.first || a.i - b.i);
  // Greedy placement is quadratic in the items: at synthetic scale a skyline packs them instead.
  if (big || ordered.length > GREEDY_UP_TO)
    skylinePack(
      ordered.map((o) => o.item),
      6,
      ASPECT,
    );
  else
    growFromCentre(
      ordered.map((o) => o.item),
      4,
      ASPECT,
    );
  const out: Box[] = [];
  for (const item of items) {
    const group = members.get(item.id);
    if (group === undefined) {
      out.push(item);
      continue;
    }
    const was = before.get(item.id) ?? item;
    for (const m of group.members) out.push({ ...m, x: m.x + item.x - was.x, y: m.y + item.y - was.y });
  }
  return out;
}
