/**
 * Pointer events on the graph, translated into the app's vocabulary (a person was picked,
 * the background was clicked) so no other module listens to Cytoscape directly.
 */
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { personIdOf } from './data.js';

export interface GraphHandlers {
  readonly onPick: (personId: string | null) => void;
  readonly onHover: (personId: string | null, at: { x: number; y: number } | null) => void;
}

export function bindGraphEvents(cy: Core, handlers: GraphHandlers): () => void {
  // Cytoscape types an event's target as `any`: the selectors above bind these to nodes only.
  const nodeIdOf = (e: EventObject): string => (e.target as NodeSingular).id();
  const tapNode = (e: EventObject): void => {
    const id = personIdOf(nodeIdOf(e));
    if (id !== null) handlers.onPick(id);
  };
  const tapBackground = (e: EventObject): void => {
    if (e.target === cy) handlers.onPick(null);
  };
  const over = (e: EventObject): void => {
    const id = personIdOf(nodeIdOf(e));
    handlers.onHover(id, id === null ? null : e.renderedPosition);
  };
  const out = (): void => handlers.onHover(null, null);
  cy.on('tap', 'node.person', tapNode);
  cy.on('tap', tapBackground);
  cy.on('mouseover', 'node.person', over);
  cy.on('mouseout', 'node.person', out);
  return () => {
    cy.off('tap', 'node.person', tapNode);
    cy.off('tap', tapBackground);
    cy.off('mouseover', 'node.person', over);
    cy.off('mouseout', 'node.person', out);
  };
}
