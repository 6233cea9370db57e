/** Registers cytoscape-fcose once, whichever module (explorer, union layout) asks first. */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { FACTION_PAD } from './sizes.js';

let registered = false;

export function useFcose(): void {
  if (registered) return;
  registered = true;
  cytoscape.use(fcose);
}

/**
 * A headless graph for fcose to lay out: people as rectangles of their seat's size (`width` and
 * `height` data, label room included), factions as compound parents padded as the map draws them.
 * The stable map and "Tidy this date" both lay out on one of these.
 */
export function headlessSeats(elements: ElementDefinition[]): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [
      { selector: 'node[width]', style: { shape: 'rectangle', width: 'data(width)', height: 'data(height)' } },
      { selector: 'node:parent', style: { padding: `${FACTION_PAD}px` } },
    ],
  });
}
