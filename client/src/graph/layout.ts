/**
 * One stable map: every person sits on the seat the union layout (layout/union-layout.ts) gave
 * them for the place the frame draws them in, so nobody moves while the date changes unless the
 * frame itself moves them into or out of a faction, and no layout runs while scrubbing. The
 * camera fits what is shown on load and on request, and only widens (never jumps in) when
 * newcomers land outside the view. "Tidy this date" lays out the visible slice afresh; the next
 * step in time, or "Stable map", puts everyone back on their seats.
 */
import type { BaseLayoutOptions, Core, NodeSingular, Position } from 'cytoscape';
import { seatKey } from '../layout/union-graph.js';
import { seededRandom, type Seat } from '../layout/union-layout.js';
import { personIdOf } from './data.js';

/** Closest the fit zooms in, so a date with three people does not blow them up. */
const MAX_FIT_ZOOM = 1.5;
const FIT_PADDING = 6;

interface FcoseTidyOptions extends BaseLayoutOptions {
  readonly name: 'fcose';
  readonly quality: 'default';
  readonly randomize: boolean;
  readonly animate: boolean;
  readonly animationDuration: number;
  readonly fit: boolean;
  readonly padding: number;
  readonly nodeDimensionsIncludeLabels: boolean;
  readonly nodeRepulsion: () => number;
  readonly idealEdgeLength: () => number;
  readonly tile: boolean;
}

export class StableMap {
  private seats: ReadonlyMap<string, Seat> = new Map();
  /** Each person's seats, for a placement the union never saw (a filtered view). */
  private anySeat = new Map<string, Seat>();
  private tidied = false;
  /** Milliseconds the last layout (the union's, or a tidy) took, for the performance readout. */
  lastMs = 0;

  constructor(private readonly cy: Core) {}

  setSeats(seats: ReadonlyMap<string, Seat>, ms: number): void {
    this.seats = seats;
    this.anySeat = new Map();
    for (const [key, seat] of seats) {
      const person = key.slice(0, key.lastIndexOf('@'));
      // The seat inside a faction wins: keys sort "id@" (outside) before "id@faction".
      if (!this.anySeat.has(person) || !key.endsWith('@')) this.anySeat.set(person, seat);
    }
    this.lastMs = ms;
  }

  get isTidied(): boolean {
    return this.tidied;
  }

  seatOf(personId: string, factionId: string | null): Seat {
    return this.seats.get(seatKey(personId, factionId)) ?? this.anySeat.get(personId) ?? { x: 0, y: 0 };
  }

  /** Puts `ids` (people just shown or moved to another faction) on their seats. */
  seat(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.cy.batch(() => {
      for (const id of ids) this.seatNode(this.cy.getElementById(`p:${id}`));
    });
  }

  /** Everyone visible back on their seat: after a tidy, or after the seats arrived. */
  restore(): void {
    this.tidied = false;
    this.cy.batch(() => {
      this.cy.nodes('.person').forEach((n) => this.seatNode(n));
    });
  }

  private seatNode(node: NodeSingular): void {
    if (node.empty()) return;
    const id = personIdOf(node.id());
    if (id === null) return;
    const parent = node.parent();
    const faction = parent.nonempty()
      ? parent
          .first()
          .id()
          .replace(/^faction:/, '')
      : null;
    const seat = this.seatOf(id, faction);
    const p = node.position();
    if (p.x !== seat.x || p.y !== seat.y) node.position({ x: seat.x, y: seat.y });
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

  /** fcose on the visible slice only, seeded so the same date tidies the same way. */
  tidy(): Promise<void> {
    const started = performance.now();
    const visible = this.cy.elements(':visible');
    const options: FcoseTidyOptions = {
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: true,
      animationDuration: 400,
      fit: true,
      padding: FIT_PADDING,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => 70,
      tile: true,
    };
    const random = Math.random;
    Math.random = seededRandom(visible.nodes('.person').length);
    const layout = visible.layout(options);
    return new Promise((resolve) => {
      layout.one('layoutstop', () => {
        this.lastMs = performance.now() - started;
        resolve();
      });
      try {
        layout.run();
      } finally {
        Math.random = random;
      }
      this.tidied = true;
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
