/** A small separate Cytoscape view for the console's nodes and relationships. */
import cytoscape, { type Core } from 'cytoscape';
import type { CypherResult } from '../api.js';
import { OKABE_ITO } from '../state/palette.js';
import { stylesheet } from './style.js';

export function drawResultGraph(container: HTMLElement, result: CypherResult, previous: Core | null): Core | null {
  previous?.destroy();
  if (result.nodes.length === 0) return null;
  const labelColour = new Map<string, string>();
  const colourOf = (label: string): string => {
    if (!labelColour.has(label)) labelColour.set(label, OKABE_ITO[labelColour.size % OKABE_ITO.length] ?? '#999');
    return labelColour.get(label) ?? '#999';
  };
  const ids = new Set(result.nodes.map((n) => n.id));
  return cytoscape({
    container,
    style: stylesheet(),
    elements: [
      ...result.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.caption, colour: colourOf(n.labels[0] ?? '') }, classes: 'result' })),
      ...result.relationships
        .filter((r) => ids.has(r.source) && ids.has(r.target))
        .map((r) => ({ group: 'edges' as const, data: { id: `r${r.id}`, source: r.source, target: r.target, label: r.type }, classes: 'result' })),
    ],
    layout: { name: 'cose', animate: false },
  });
}
