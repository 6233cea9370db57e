/**
 * A small separate Cytoscape view for the console: every node, relationship and path in a
 * result (the server collects them, server/src/db/console.ts graphOf), captioned like the cells.
 */
import cytoscape, { type Core } from 'cytoscape';
import type { CypherResult } from '../api.js';
import { OKABE_ITO } from '../state/palette.js';
import { stylesheet } from './style.js';

/** Closest the drawing fits in, so a short path is not drawn at poster size. */
const MAX_FIT_ZOOM = 1.2;

export function drawResultGraph(container: HTMLElement, result: CypherResult, previous: Core | null): Core | null {
  previous?.destroy();
  if (result.nodes.length === 0) return null;
  container.replaceChildren();
  const labelColour = new Map<string, string>();
  const colourOf = (label: string): string => {
    if (!labelColour.has(label)) labelColour.set(label, OKABE_ITO[labelColour.size % OKABE_ITO.length] ?? '#999');
    return labelColour.get(label) ?? '#999';
  };
  const ids = new Set(result.nodes.map((n) => n.id));
  const cy = cytoscape({
    container,
    style: stylesheet(),
    elements: [
      ...result.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.caption, colour: colourOf(n.labels[0] ?? '') }, classes: 'result' })),
      ...result.relationships
        .filter((r) => ids.has(r.source) && ids.has(r.target))
        .map((r) => ({ group: 'edges' as const, data: { id: r.id, source: r.source, target: r.target, label: r.type }, classes: 'result' })),
    ],
    layout: { name: 'cose', animate: false, padding: 16, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 110, nodeRepulsion: () => 40_000 },
    minZoom: 0.2,
    maxZoom: 2.5,
  });
  // A handful of nodes would be blown up by the fit; past 1.2 the captions only get in each other's way.
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
  return cy;
}

/** Picks out one row's elements (by element id) and dims the rest; an empty set clears. */
export function highlightResult(cy: Core, elementIds: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.elements().removeClass('result-on result-off');
    if (elementIds.size === 0) return;
    for (const ele of cy.elements()) ele.addClass(elementIds.has(ele.id()) ? 'result-on' : 'result-off');
  });
}
