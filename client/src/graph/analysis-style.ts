/**
 * How the analysis view looks on the map: a measured person's diameter follows their score
 * (data `asize`), a person the measure does not cover is small and faint (data `unmeasured`),
 * and in community colouring the fill is the community's (data `acolour`). Statuses drawn with
 * a fixed fill (expelled, imprisoned, dead, fled, unattested) keep it: status outranks colour.
 */
import type { StylesheetJson } from 'cytoscape';
import { STATUS_LOOK } from './style.js';

/** The look of a person outside the network at the date, shared with the legend. */
export const UNMEASURED_LOOK = { size: 12, opacity: 0.3 } as const;

export function analysisRules(): StylesheetJson {
  const fills = Object.entries(STATUS_LOOK)
    .filter(([, look]) => look.fill === 'faction')
    .map(([group]) => ({ selector: `node.person.s-${group}[acolour]`, style: { 'background-color': 'data(acolour)' } }));
  return [
    ...fills,
    { selector: 'node.faction[?neutral]', style: { 'background-color': '#9a9a9a', 'border-color': '#777777', 'background-opacity': 0.1 } },
    { selector: 'node.person[asize]', style: { width: 'data(asize)', height: 'data(asize)' } },
    {
      selector: 'node.person[?unmeasured]',
      style: { width: UNMEASURED_LOOK.size, height: UNMEASURED_LOOK.size, 'background-opacity': UNMEASURED_LOOK.opacity, 'border-opacity': 0.5 },
    },
  ] as StylesheetJson;
}
