/**
 * The network at the shown date as rows: the table that follows the slider, and the order of the
 * focusable mirror of the canvas. Built from the frame the canvas draws, so the table, the mirror
 * and the picture always agree (same filters, same core/ rules).
 */
import type { Faction, Person, TieKind } from '../timeline-types.js';
import type { Frame, PersonFrame } from './frame.js';
import { statusKindLabel } from './status-groups.js';

export interface NetworkTie {
  readonly otherId: string;
  readonly kind: TieKind;
  /** 'out' for a directed tie from this person, 'in' towards them, 'both' when undirected. */
  readonly direction: 'out' | 'in' | 'both';
  readonly certain: boolean;
}

export interface NetworkRow {
  readonly id: string;
  readonly name: string;
  readonly hangul: string | null;
  /** "Yan'an faction", "formerly Yan'an faction" or "no faction". */
  readonly faction: string;
  readonly factionId: string | null;
  /** "active", "expelled?" (a question mark when the status is uncertain). */
  readonly status: string;
  readonly ties: readonly NetworkTie[];
}

/** Every shown person's ties in the frame, in the frame's order: one pass over the ties. */
export function tiesByPerson(frame: Frame): Map<string, NetworkTie[]> {
  const out = new Map<string, NetworkTie[]>();
  const add = (id: string, tie: NetworkTie): void => {
    const list = out.get(id);
    if (list === undefined) out.set(id, [tie]);
    else list.push(tie);
  };
  for (const t of frame.ties) {
    add(t.source, { otherId: t.target, kind: t.kind, direction: t.directed ? 'out' : 'both', certain: t.certain });
    add(t.target, { otherId: t.source, kind: t.kind, direction: t.directed ? 'in' : 'both', certain: t.certain });
  }
  return out;
}

/** One person's ties in the frame, in the frame's order. */
export function tiesOf(frame: Frame, id: string): NetworkTie[] {
  const out: NetworkTie[] = [];
  for (const t of frame.ties) {
    if (t.source === id) out.push({ otherId: t.target, kind: t.kind, direction: t.directed ? 'out' : 'both', certain: t.certain });
    else if (t.target === id) out.push({ otherId: t.source, kind: t.kind, direction: t.directed ? 'in' : 'both', certain: t.certain });
  }
  return out;
}

function factionText(p: PersonFrame, factions: ReadonlyMap<string, Faction>): string {
  if (p.parent === null) return 'no faction';
  const name = factions.get(p.parent)?.name ?? p.parent;
  return p.former ? `formerly ${name}` : name;
}

/**
 * One row per person shown, grouped by faction in the timeline's faction order (no faction
 * last), by name within a faction: the order Tab walks through the mirror.
 */
export function networkRows(frame: Frame, persons: ReadonlyMap<string, Person>, factions: readonly Faction[]): NetworkRow[] {
  const byId = new Map(factions.map((f) => [f.id, f]));
  const rank = new Map(factions.map((f, i) => [f.id, i]));
  const ties = tiesByPerson(frame);
  const rows = [...frame.persons.values()].map((p): NetworkRow & { readonly rank: number } => ({
    id: p.id,
    name: persons.get(p.id)?.name ?? p.id,
    hangul: persons.get(p.id)?.hangul ?? null,
    faction: factionText(p, byId),
    factionId: p.parent,
    status: `${statusKindLabel(p.state)}${p.statusCertain ? '' : '?'}`,
    ties: ties.get(p.id) ?? [],
    rank: p.parent === null ? factions.length : (rank.get(p.parent) ?? factions.length),
  }));
  rows.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'en'));
  return rows.map(({ rank: _rank, ...row }) => row);
}

/** "denunciation → Pak Hon-yong", "ally with Kim Tu-bong (uncertain)". */
export function tieText(t: NetworkTie, names: ReadonlyMap<string, string>): string {
  const arrow = t.direction === 'out' ? '→' : t.direction === 'in' ? '←' : 'with';
  return `${t.kind.toLowerCase().replace(/_/g, ' ')} ${arrow} ${names.get(t.otherId) ?? t.otherId}${t.certain ? '' : ' (uncertain)'}`;
}

/** The accessible name of a person in the mirror: who, where, status and how many ties. */
export function mirrorLabel(row: NetworkRow): string {
  const ties = row.ties.length === 1 ? '1 tie' : `${row.ties.length} ties`;
  return `${row.name}, ${row.faction}, ${row.status}, ${ties}`;
}
