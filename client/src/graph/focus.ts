/**
 * The canvas side of keyboard focus: which node the focused mirror entry stands for (a ring
 * drawn around it, panned into view when off screen), and where people sit, for the arrow keys.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from '../state/keyboard-nav.js';
import { personNodeId } from './data.js';

export function personPositions(cy: Core, ids: Iterable<string>): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const id of ids) {
    const node = cy.getElementById(personNodeId(id));
    if (node.nonempty()) out.set(id, { ...node.position() });
  }
  return out;
}

/** The ringed node, kept here: a person not drawn at a date is out of the graph, where a selector would miss them. */
let ringed: NodeSingular | null = null;

/** Rings the focused person (style: node.person.kb-focus) and brings them into view. */
export function showFocus(cy: Core, id: string | null): void {
  ringed?.removeClass('kb-focus');
  ringed = null;
  if (id === null) return;
  const node = cy.getElementById(personNodeId(id));
  if (node.empty() || !node.visible()) return;
  node.addClass('kb-focus');
  ringed = node;
  const box = node.renderedBoundingBox({});
  const margin = 30;
  if (box.x1 < margin || box.y1 < margin || box.x2 > cy.width() - margin || box.y2 > cy.height() - margin) {
    cy.animate({ center: { eles: node }, duration: 200 });
  }
}
