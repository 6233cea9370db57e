/**
 * One stable map: every person sits on the seat the union layout (layout/union-layout.ts) gave
 * them for the place the frame draws them in, so nobody moves while the date changes unless the
 * frame itself moves them into or out of a faction, and no layout runs while scrubbing. The
 * camera fits what is shown on load and on request, and only widens (never jumps in) when
 * newcomers land outside the view. "Tidy this date" lays out the visible slice afresh; the next
 * step in time, or "Stable map", puts everyone back on their seats.
 *
 * Faction boxes are plain nodes (not compound parents, whose bookkeeping was most of a step's
 * redraw): after people take their seats, each shown faction's box is sized around the seats of
 * its members shown at this date, with the same padding the union layout left around them, so
 * a box holds exactly the members at this date (a former member's seat is shelved beside the
 * box, outside it: union-layout.ts) and never spills over another faction's seats.
 */
import cytoscape, { type BaseLayoutOptions, type Core, type ElementDefinition, type NodeSingular, type Position } from 'cytoscape';
import { headlessSeats, useFcose } from '../layout/fcose.js';
import { FACTION_PAD, NODE_SIZE } from '../layout/sizes.js';
import { placeOfKey, seatKey, type Place } from '../layout/union-graph.js';
import { seatBox, seededRandom, type Seat } from '../layout/union-layout.js';
import { factionData, factionNodeId, personIdOf, placeOfNode } from './data.js';

/** Closest the fit zooms in, so a date with three people does not blow them up. */
const MAX_FIT_ZOOM = 1.5;
const FIT_PADDING = 6;

interface FcoseTidyOptions extends BaseLayoutOptions {
  readonly name: 'fcose';
  readonly quality: 'default';
  readonly randomize: boolean;
  readonly animate: false;
  readonly fit: boolean;
  readonly nodeDimensionsIncludeLabels: boolean;
  readonly nodeRepulsion: () => number;
  readonly idealEdgeLength: () => number;
  readonly tile: boolean;
}

interface PresetOptions extends BaseLayoutOptions {
  readonly name: 'preset';
  readonly positions: (node: NodeSingular) => Position;
  readonly animate: boolean;
  readonly animationDuration: number;
  readonly fit: boolean;
  readonly padding: number;
}

/** A box in model coordinates. */
interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Room a person takes around their node centre: the node, and the name drawn below it. */
interface PersonRoom {
  readonly width: number;
  readonly labelHeight: number;
}

export class StableMap {
  private seats: ReadonlyMap<string, Seat> = new Map();
  /** Each person's seats, for a placement the union never saw (a filtered view). */
  private anySeat = new Map<string, Seat>();
  private tidied = false;
  /** Milliseconds the last layout (the union's, or a tidy) took, for the performance readout. */
  lastMs = 0;
  private readonly personNodes: NodeSingular[];
  private readonly factionNodes: NodeSingular[];
  private readonly rooms = new Map<string, PersonRoom>();
  private boxesPending = false;
  /** Box fits so far: a refit queued by a data change is skipped when a step's seating already refitted. */
  private fits = 0;

  constructor(private readonly cy: Core) {
    // Everyone, taken before the first frame: people not drawn at a date are out of the graph.
    this.personNodes = cy.nodes('.person').toArray();
    this.factionNodes = cy.nodes('.faction').toArray();
    // A box follows its members when they grow (analysis sizes) or are dragged by hand; both are
    // rare, so the refit waits for the end of the current task and runs once.
    const later = (): void => this.fitBoxesSoon();
    cy.on('data', 'node.person', later);
    cy.on('drag', 'node.person', later);
  }

  setSeats(seats: ReadonlyMap<string, Seat>, ms: number): void {
    this.seats = seats;
    this.anySeat = new Map();
    for (const [key, seat] of seats) {
      const person = key.slice(0, key.lastIndexOf('@'));
      // A seat inside a box wins over one beside a box or in no faction.
      const place = placeOfKey(key);
      if (!this.anySeat.has(person) || (place.parent !== null && !place.former)) this.anySeat.set(person, seat);
    }
    this.lastMs = ms;
  }

  get isTidied(): boolean {
    return this.tidied;
  }

  seatOf(personId: string, place: Place): Seat {
    return this.seats.get(seatKey(personId, place)) ?? this.anySeat.get(personId) ?? { x: 0, y: 0 };
  }

  /** Puts `ids` (people just shown or moved to another faction) on their seats; boxes follow. */
  seat(ids: readonly string[]): void {
    this.cy.batch(() => {
      for (const id of ids) this.seatNode(this.cy.getElementById(`p:${id}`));
      this.fitBoxes();
    });
  }

  /** Everyone visible back on their seat: after a tidy, or after the seats arrived. */
  restore(): void {
    this.tidied = false;
    this.cy.batch(() => {
      for (const n of this.persons()) this.seatNode(n);
      this.fitBoxes();
    });
  }

  private seatNode(node: NodeSingular): void {
    if (node.empty()) return;
    const id = personIdOf(node.id());
    if (id === null) return;
    const seat = this.seatOf(id, placeOfNode(node));
    const p = node.position();
    if (p.x !== seat.x || p.y !== seat.y) node.position({ x: seat.x, y: seat.y });
  }

  private persons(): NodeSingular[] {
    return this.personNodes;
  }

  private roomOf(node: NodeSingular): PersonRoom {
    let room = this.rooms.get(node.id());
    if (room === undefined) {
      // The union layout's own estimate of the seat (layout/union-layout.ts), so a box is as
      // large as the room the map left for its members, whatever fonts the browser has.
      const box = seatBox(String(node.data('label')));
      room = { width: box.width, labelHeight: box.height - NODE_SIZE };
      this.rooms.set(node.id(), room);
    }
    return room;
  }

  private fitBoxesSoon(): void {
    if (this.boxesPending) return;
    this.boxesPending = true;
    const fits = this.fits;
    queueMicrotask(() => {
      this.boxesPending = false;
      // A step that moves someone to another box changes their data and seats them, which
      // refits every box: a second walk over everyone in the same task would find nothing new.
      if (this.fits === fits) this.cy.batch(() => this.fitBoxes());
    });
  }

  /**
   * Sizes each shown faction's box around its shown members (at `at` where given, else where
   * they stand). Only boxes whose extent changed are touched. Hidden boxes keep their last size.
   */
  fitBoxes(at?: ReadonlyMap<string, Position>): void {
    this.fits += 1;
    const extents = new Map<string, Extent>();
    for (const node of this.persons()) {
      if (!isShown(node)) continue;
      const faction = factionData(node);
      if (faction === null) continue;
      const p = at?.get(node.id()) ?? node.position();
      const room = this.roomOf(node);
      // The data object, not data('asize'): each data(key) call pays Cytoscape's argument checks.
      const size = Math.max(NODE_SIZE, Number((node.data() as { asize?: unknown }).asize ?? 0));
      const half = Math.max(room.width, size) / 2;
      const x1 = p.x - half;
      const x2 = p.x + half;
      const y1 = p.y - size / 2;
      const y2 = p.y + size / 2 + room.labelHeight;
      const e = extents.get(faction);
      if (e === undefined) extents.set(faction, { x1, y1, x2, y2 });
      else {
        e.x1 = Math.min(e.x1, x1);
        e.y1 = Math.min(e.y1, y1);
        e.x2 = Math.max(e.x2, x2);
        e.y2 = Math.max(e.y2, y2);
      }
    }
    for (const box of this.factionNodes) {
      const e = extents.get(box.id().slice('faction:'.length));
      if (e === undefined) continue;
      const w = Math.round((e.x2 - e.x1 + 2 * FACTION_PAD) * 10) / 10;
      const h = Math.round((e.y2 - e.y1 + 2 * FACTION_PAD) * 10) / 10;
      const x = Math.round(((e.x1 + e.x2) / 2) * 10) / 10;
      const y = Math.round(((e.y1 + e.y2) / 2) * 10) / 10;
      if (box.data('w') !== w || box.data('h') !== h) box.data({ w, h });
      const p = box.position();
      if (p.x !== x || p.y !== y) box.position({ x, y });
    }
  }

  /** Fits what is shown, never closer than MAX_FIT_ZOOM. */
  fit(): void {
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    this.cy.fit(visible, FIT_PADDING);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(visible);
    }
  }

  /** Widens the view only if something shown lies outside it (the camera never jumps in). */
  keepInView(): void {
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    const box = visible.renderedBoundingBox({});
    const w = this.cy.width();
    const h = this.cy.height();
    if (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= w && box.y2 <= h) return;
    this.fit();
  }

  /**
   * fcose on the visible slice only, seeded so the same date tidies the same way. It runs on a
   * headless copy where factions are compound clusters (the shown map has none, see above), and
   * the people then glide to where it put them, their boxes already fitted around the result.
   */
  tidy(): Promise<void> {
    const started = performance.now();
    const target = tidyPositions(
      this.persons().filter(isShown),
      this.cy.edges('.tie').filter((e) => !e.hasClass('hidden')),
      (n) => this.roomOf(n),
    );
    this.cy.batch(() => this.fitBoxes(target));
    const shown = this.cy.elements(':visible');
    const options: PresetOptions = {
      name: 'preset',
      positions: (n) => target.get(n.id()) ?? n.position(),
      animate: true,
      animationDuration: 400,
      fit: true,
      padding: FIT_PADDING,
    };
    const layout = shown.layout(options);
    this.tidied = true;
    return new Promise((resolve) => {
      layout.one('layoutstop', () => {
        this.lastMs = performance.now() - started;
        resolve();
      });
      layout.run();
    });
  }

  /** Positions of every shown person, rounded: the browser test compares two loads of a link. */
  positions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.cy.nodes('.person:visible').forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    return out;
  }
}

/**
 * Whether a person is drawn at this date: people not drawn are out of the graph (FrameApplier),
 * keeping the classes they left with; before the first frame everyone is in it, as `hidden`.
 */
function isShown(node: NodeSingular): boolean {
  return !node.removed() && !node.hasClass('hidden');
}

/** Where fcose puts the shown people when their factions are compound clusters (headless). */
function tidyPositions(persons: readonly NodeSingular[], ties: cytoscape.EdgeCollection, roomOf: (node: NodeSingular) => PersonRoom): Map<string, Position> {
  useFcose();
  const factions = new Set(persons.map(factionData).filter((f): f is string => f !== null));
  const elements: ElementDefinition[] = [
    ...[...factions].map((f) => ({ group: 'nodes' as const, data: { id: factionNodeId(f) } })),
    ...persons.map((n) => {
      const room = roomOf(n);
      const faction = factionData(n);
      return {
        group: 'nodes' as const,
        data: { id: n.id(), width: room.width, height: NODE_SIZE + room.labelHeight, ...(faction === null ? {} : { parent: factionNodeId(faction) }) },
        position: { ...n.position() },
      };
    }),
    ...ties.map((e) => ({ group: 'edges' as const, data: { id: e.id(), source: e.source().id(), target: e.target().id() } })),
  ];
  const headless = headlessSeats(elements);
  const options: FcoseTidyOptions = {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 70,
    tile: true,
  };
  const random = Math.random;
  Math.random = seededRandom(persons.length);
  try {
    headless.layout(options).run();
  } finally {
    Math.random = random;
  }
  const out = new Map<string, Position>();
  headless.nodes().forEach((n) => {
    // fcose placed the seat's box; the node sits at its top, its name below it (as union-layout.ts).
    if (n.isChildless() && n.id().startsWith('p:')) out.set(n.id(), { x: n.position().x, y: n.position().y - (n.height() - NODE_SIZE) / 2 });
  });
  headless.destroy();
  return out;
}
