/**
 * Faction colours from the Okabe-Ito palette, which stays distinguishable under the common
 * colour-vision deficiencies. The four main factions get fixed colours so a screenshot reads
 * the same in every session; sub-groups and others take the rest in order.
 */
import type { Faction } from '../timeline-types.js';

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;

const FIXED: Readonly<Record<string, string>> = {
  yanan: '#E69F00',
  soviet: '#0072B2',
  guerrilla: '#009E73',
  southern: '#CC79A7',
};

export function factionColours(factions: readonly Faction[]): ReadonlyMap<string, string> {
  const colours = new Map<string, string>();
  const used = new Set<string>();
  for (const f of factions) {
    const fixed = FIXED[f.id];
    if (fixed !== undefined) {
      colours.set(f.id, fixed);
      used.add(fixed);
    }
  }
  const spare = OKABE_ITO.filter((c) => !used.has(c));
  let next = 0;
  for (const f of factions) {
    if (colours.has(f.id)) continue;
    // A sub-group shares its parent's hue so the family reads as one; the border tells them apart.
    const parent = f.parentId === null ? undefined : (colours.get(f.parentId) ?? FIXED[f.parentId]);
    colours.set(f.id, parent ?? spare[next++ % spare.length] ?? '#999999');
  }
  return colours;
}

export const UNAFFILIATED = '#BBBBBB';
