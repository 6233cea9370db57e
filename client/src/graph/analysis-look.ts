/**
 * Puts the analysis view's sizes and colours on the person nodes as data fields (the classes
 * belong to the frame; see analysis-style.ts for how the fields are drawn). Only nodes whose
 * value changed are touched, in one batch.
 */
import type { Core } from 'cytoscape';
import { personNodeId } from './data.js';

export interface AnalysisLook {
  /** Diameter per measured person; null: sizes are not shown. */
  readonly sizes: ReadonlyMap<string, number> | null;
  /** People on the map the measure does not cover. */
  readonly unmeasured: ReadonlySet<string>;
  /** Fill per person; null: the faction colours. */
  readonly fills: ReadonlyMap<string, string> | null;
}

export const PLAIN_LOOK: AnalysisLook = { sizes: null, unmeasured: new Set(), fills: null };

export class AnalysisPainter {
  private sizes = new Map<string, number>();
  private unmeasured = new Set<string>();
  private fills = new Map<string, string>();
  private neutral = false;

  constructor(private readonly cy: Core) {}

  paint(look: AnalysisLook): void {
    const sizes = new Map(look.sizes ?? []);
    const fills = new Map(look.fills ?? []);
    const unmeasured = new Set(look.sizes === null ? [] : look.unmeasured);
    this.cy.batch(() => {
      this.diff(this.sizes, sizes, 'asize');
      this.diff(this.fills, fills, 'acolour');
      for (const id of this.unmeasured) if (!unmeasured.has(id)) this.node(id)?.removeData('unmeasured');
      for (const id of unmeasured) if (!this.unmeasured.has(id)) this.node(id)?.data('unmeasured', true);
      // Community fills beside coloured faction boxes would read as factions: the boxes go grey.
      const neutral = look.fills !== null;
      if (neutral !== this.neutral) {
        this.cy.nodes('.faction').forEach((box) => {
          if (neutral) box.data('neutral', true);
          else box.removeData('neutral');
        });
      }
      this.neutral = neutral;
    });
    this.sizes = sizes;
    this.fills = fills;
    this.unmeasured = unmeasured;
  }

  private diff<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, field: string): void {
    for (const id of before.keys()) if (!after.has(id)) this.node(id)?.removeData(field);
    for (const [id, value] of after) if (before.get(id) !== value) this.node(id)?.data(field, value);
  }

  /** The people shown as drawn: for tests and for reading the map without a canvas. */
  report(): AnalysisReport {
    const nodes: Record<string, AnalysisReport['nodes'][string]> = {};
    this.cy.nodes('.person').forEach((node) => {
      if (!node.visible()) return;
      const id = node.id().slice(2);
      nodes[id] = {
        width: node.width(),
        fill: String(node.style('background-color')),
        size: this.sizes.get(id) ?? null,
        unmeasured: this.unmeasured.has(id),
        community: this.fills.get(id) ?? null,
      };
    });
    return { nodes };
  }

  private node(id: string) {
    const node = this.cy.getElementById(personNodeId(id));
    return node.nonempty() ? node : null;
  }
}
