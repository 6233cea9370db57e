/**
 * Layout that stays stable through time. The first frame gets a full fcose layout; after
 * that, people who persist keep their positions (fixed-node constraints) and only people who
 * appear or change faction are placed near their new faction and settled by an incremental,
 * animated fcose run. Layout runs after the frame is drawn, so it never delays a time step.
 */
import type { BaseLayoutOptions, Core, Layouts, NodeSingular, Position } from 'cytoscape';
import { personNodeId } from './data.js';

/**
 * Above this many visible people an incremental fcose run takes seconds on the main thread
 * (measured: ~1.5 s at 900 people), which would freeze scrubbing: newcomers are only seated
 * beside their faction, and "Tidy layout" runs the full layout on request.
 */
const INCREMENTAL_LIMIT = 400;

/** The cytoscape-fcose options this module uses (the extension ships no types). */
interface FcoseOptions extends BaseLayoutOptions {
  readonly name: 'fcose';
  readonly quality: 'draft' | 'default' | 'proof';
  readonly randomize: boolean;
  readonly animate: boolean;
  readonly animationDuration?: number;
  readonly fit: boolean;
  readonly padding?: number;
  readonly nodeDimensionsIncludeLabels: boolean;
  readonly nodeRepulsion: () => number;
  readonly idealEdgeLength: () => number;
  readonly nestingFactor?: number;
  readonly tile?: boolean;
  readonly fixedNodeConstraint?: readonly { nodeId: string; position: Position }[];
}

export interface LayoutOptions {
  readonly animate: boolean;
}

export class StableLayout {
  private running: Layouts | null = null;
  private readonly placedOnce = new Set<string>();
  /** Milliseconds the last layout took, for the performance readout. */
  lastMs = 0;

  constructor(private readonly cy: Core) {}

  /** Full layout of what is visible; used once at start and by "Tidy layout". */
  full(): Promise<void> {
    const visible = this.cy.elements(':visible');
    visible.nodes('.person').forEach((n) => {
      this.placedOnce.add(n.id());
    });
    const big = visible.nodes().length > INCREMENTAL_LIMIT;
    const options: FcoseOptions = {
      name: 'fcose',
      quality: big ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: !big,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => 70,
      nestingFactor: 0.6,
      tile: true,
    };
    return this.run(visible.layout(options));
  }

  /**
   * Places `placed` people near their faction, then lets fcose settle them around everyone else,
   * who stay exactly where they were.
   */
  incremental(placedIds: readonly string[], moved: ReadonlySet<string>, options: LayoutOptions): Promise<void> {
    const cy = this.cy;
    const placed = placedIds.map((id) => cy.getElementById(personNodeId(id))).filter((n) => n.nonempty()) as NodeSingular[];
    // Centres are measured once per call: per node it would be quadratic at thousands of people.
    const centres = new Map<string, Position>();
    for (const node of placed) {
      // A returning person keeps their remembered seat; a newcomer or a defector gets a new one.
      if (!this.placedOnce.has(node.id()) || moved.has(node.id().slice(2))) node.position(this.seat(node, centres));
      this.placedOnce.add(node.id());
    }
    const visible = cy.elements(':visible');
    const people = visible.nodes('.person');
    if (placed.length === 0 || people.length > INCREMENTAL_LIMIT) return Promise.resolve();
    const moving = new Set(placed.map((n) => n.id()));
    const fixedNodeConstraint = people
      .filter((n) => !moving.has(n.id()))
      .map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
    const layout: FcoseOptions = {
      name: 'fcose',
      quality: 'default',
      randomize: false,
      animate: options.animate,
      animationDuration: 350,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => 70,
      fixedNodeConstraint,
    };
    return this.run(visible.layout(layout));
  }

  stop(): void {
    this.running?.stop();
    this.running = null;
  }

  /** Near the visible members of the node's faction, or beside the drawing if it has none. */
  private seat(node: NodeSingular, centres: Map<string, Position>): Position {
    const parent = node.parent();
    const key = parent.nonempty() ? parent.first().id() : '';
    let centre = centres.get(key);
    if (centre === undefined) {
      const siblings = key === '' ? this.cy.collection() : node.siblings(':visible');
      if (siblings.nonempty()) {
        const box = siblings.boundingBox({});
        centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
      } else {
        const box = this.cy.elements(':visible').boundingBox({});
        centre = !Number.isFinite(box.x2) || box.w === 0 ? { x: 0, y: 0 } : { x: box.x2 + 80, y: (box.y1 + box.y2) / 2 };
      }
      centres.set(key, centre);
    }
    const spread = key === '' ? 60 : 40 + Math.sqrt(parent.children().length) * 6;
    return { x: centre.x + (Math.random() - 0.5) * spread, y: centre.y + (Math.random() - 0.5) * spread };
  }

  private run(layout: Layouts): Promise<void> {
    this.stop();
    this.running = layout;
    const started = performance.now();
    return new Promise((resolve) => {
      layout.one('layoutstop', () => {
        if (this.running === layout) this.running = null;
        this.lastMs = performance.now() - started;
        resolve();
      });
      layout.run();
    });
  }
}
