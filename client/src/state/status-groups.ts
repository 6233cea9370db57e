/**
 * Status kinds grouped into the eight visual encodings the legend explains. The API's finer
 * kinds (ARRESTED vs IMPRISONED, EXECUTED vs DEAD) stay visible in labels and the details panel.
 * What a status is at a date is core/status.ts's rule; this module only names and groups.
 */
import type { StatusKind } from '../timeline-types.js';
export { PURGE_STATUSES as PURGE_STATES } from '../../../core/vocabulary.js';

export type StatusGroup = 'active' | 'demoted' | 'expelled' | 'imprisoned' | 'dead' | 'fled' | 'rehabilitated' | 'unattested';

export const STATUS_GROUPS: readonly StatusGroup[] = ['active', 'demoted', 'expelled', 'imprisoned', 'dead', 'fled', 'rehabilitated', 'unattested'];

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
    case 'NOT_ATTESTED':
      return 'unattested';
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
  unattested: 'Not attested (no source speaks of them at this date)',
};

export function statusKindLabel(kind: StatusKind): string {
  return kind.toLowerCase().replace(/_/g, ' ');
}

/** Gone from the scene, or out of the sources' sight: hidden by the "hide the dead and departed" filter. */
export function isGone(group: StatusGroup): boolean {
  return group === 'dead' || group === 'fled' || group === 'unattested';
}
