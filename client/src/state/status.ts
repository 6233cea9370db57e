/**
 * Status kinds grouped into the seven visual encodings the legend explains. The API's finer
 * kinds (ARRESTED vs IMPRISONED, EXECUTED vs DEAD) stay visible in labels and the details panel.
 */
import type { StatusKind } from '../model.js';

export type StatusGroup = 'active' | 'demoted' | 'expelled' | 'imprisoned' | 'dead' | 'fled' | 'rehabilitated';

export const STATUS_GROUPS: readonly StatusGroup[] = [
  'active',
  'demoted',
  'expelled',
  'imprisoned',
  'dead',
  'fled',
  'rehabilitated',
];

export function statusGroup(kind: StatusKind): StatusGroup {
  switch (kind) {
    case 'ACTIVE':
      return 'active';
    case 'DEMOTED':
      return 'demoted';
    case 'EXPELLED':
      return 'expelled';
    case 'ARRESTED':
    case 'IMPRISONED':
    case 'LABOUR_REFORM':
      return 'imprisoned';
    case 'EXECUTED':
    case 'DEAD':
      return 'dead';
    case 'FLED_ABROAD':
      return 'fled';
    case 'REHABILITATED':
      return 'rehabilitated';
  }
}

export const STATUS_LABEL: Readonly<Record<StatusGroup, string>> = {
  active: 'Active',
  demoted: 'Demoted or removed',
  expelled: 'Expelled',
  imprisoned: 'Arrested, imprisoned or in labour reform',
  dead: 'Executed or dead',
  fled: 'Fled abroad',
  rehabilitated: 'Rehabilitated',
};

export function statusKindLabel(kind: StatusKind): string {
  return kind.toLowerCase().replace(/_/g, ' ');
}

/** Purge kinds counted in "purges per year": a fall, not a natural death or a flight. */
export const PURGE_STATES: ReadonlySet<StatusKind> = new Set<StatusKind>([
  'DEMOTED',
  'EXPELLED',
  'ARRESTED',
  'IMPRISONED',
  'LABOUR_REFORM',
  'EXECUTED',
]);

/** Gone from the scene: hidden by the "hide the dead and departed" filter. */
export function isGone(group: StatusGroup): boolean {
  return group === 'dead' || group === 'fled';
}
