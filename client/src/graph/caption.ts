/**
 * What a picture of the network must carry to stand alone in a paper: a title, the date, a
 * legend of what it shows (from the same tables as the graph style) and a source line. Pure, so
 * it is tested without a browser; graph/png.ts draws it.
 */
import type { Timeline } from '../timeline-types.js';
import { monthLabel } from '../state/dates.js';
import type { Frame } from '../state/frame.js';
import { STATUS_LABEL } from '../state/status-groups.js';
import { STATUS_LOOK, TIE_LOOK } from './style.js';

export type LegendItem =
  | { readonly kind: 'faction'; readonly label: string; readonly colour: string }
  | { readonly kind: 'status'; readonly label: string; readonly shape: string; readonly fill: string; readonly border: string }
  | { readonly kind: 'tie'; readonly label: string; readonly colour: string; readonly dash: readonly number[] };

export interface ImageCaption {
  readonly title: string;
  readonly subtitle: string;
  readonly legend: readonly LegendItem[];
  readonly source: string;
}

/** Only what the picture shows is in its legend: factions drawn, statuses and tie kinds present. */
export function imageCaption(timeline: Timeline, frame: Frame, colours: ReadonlyMap<string, string>, filtered: boolean, address: string): ImageCaption {
  const persons = [...frame.persons.values()];
  const factionIds = new Set(persons.map((p) => p.parent));
  const groups = new Set(persons.map((p) => p.group));
  const tieKinds = new Set(frame.ties.map((t) => t.kind));
  const legend: LegendItem[] = [
    ...timeline.factions
      .filter((f) => factionIds.has(f.id))
      .map((f): LegendItem => ({ kind: 'faction', label: f.name, colour: colours.get(f.id) ?? '#bbbbbb' })),
    ...(factionIds.has(null) ? [{ kind: 'faction', label: 'No faction at this date', colour: '#dddddd' } as const] : []),
    ...(Object.keys(STATUS_LOOK) as (keyof typeof STATUS_LOOK)[])
      .filter((g) => groups.has(g))
      .map((g): LegendItem => {
        const look = STATUS_LOOK[g];
        return { kind: 'status', label: STATUS_LABEL[g], shape: look.shape, fill: look.fill === 'faction' ? '#56B4E9' : look.fill, border: look.border };
      }),
    ...(Object.keys(TIE_LOOK) as (keyof typeof TIE_LOOK)[])
      .filter((k) => tieKinds.has(k))
      .map((k): LegendItem => ({ kind: 'tie', label: TIE_LOOK[k].label, colour: TIE_LOOK[k].colour, dash: TIE_LOOK[k].dash })),
  ];
  // Ghosts are drawn but not attested, so they are counted apart, as the overview does.
  const ghosts = persons.filter((p) => p.state === 'NOT_ATTESTED').length;
  const attested = persons.length - ghosts;
  const people = `${attested} ${attested === 1 ? 'person' : 'people'} attested, ${frame.ties.length} ${frame.ties.length === 1 ? 'tie' : 'ties'}${ghosts === 0 ? '' : `; ${ghosts} pale ghosts no longer attested`}`;
  return {
    title: 'Factions of the early North Korean communist movement',
    subtitle: `${monthLabel(frame.day)}: ${people}${filtered ? ' (filtered view)' : ''}. Dashed or pale: only possible at this date.`,
    legend,
    source: `Source: Faction Atlas, ${address}. Every fact is cited; see the sources file of this view.`,
  };
}
