/**
 * Graph data: every person, faction and tie is added to Cytoscape once; a frame only changes
 * classes, visibility and each person's faction, and only where they differ from the last frame.
 * Faction boxes are plain nodes, not compound parents: the box a person is drawn in is a data
 * field (`faction`, frame.ts boxOf: members only), a former member's old faction is `formerly`,
 * and layout.ts sizes each box around the seats of its shown members. Compound parents
 * made every show or hide re-sort and re-walk the compound tree (BENCHMARKS.md, "Explorer step").
 */
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Timeline } from '../timeline-types.js';
import type { CompareMark } from '../state/compare.js';
import type { Place } from '../layout/union-graph.js';
import { boxOf, type Frame, type PersonFrame } from '../state/frame.js';
import { UNAFFILIATED } from '../state/palette.js';

export const factionNodeId = (id: string): string => `faction:${id}`;
export const tieEdgeId = (id: string): string => `tie:${id}`;
export const personIdOf = (nodeId: string): string | null => (nodeId.startsWith('p:') ? nodeId.slice(2) : null);
export const personNodeId = (id: string): string => `p:${id}`;

/**
 * The name drawn under a node: the romanised name only, so every name fits at a readable size
 * on the map of all dates; Hangul and Hanja are in the tooltip, the people list and the details.
 */
export function personLabel(name: string): string {
  return name;
}

/** Every element, people already carrying their faction of the first frame. */
export function initialElements(timeline: Timeline, colours: ReadonlyMap<string, string>, first: Frame): ElementDefinition[] {
  const factions: ElementDefinition[] = timeline.factions.map((f) => ({
    group: 'nodes',
    // Sized and placed by layout.ts (StableMap.fitBoxes); never dragged on its own.
    data: { id: factionNodeId(f.id), label: f.name, colour: colours.get(f.id) ?? UNAFFILIATED, w: 1, h: 1 },
    classes: 'faction hidden',
    grabbable: false,
    selectable: false,
  }));
  const persons: ElementDefinition[] = timeline.persons.map((p) => {
    const frame = first.persons.get(p.id);
    return {
      group: 'nodes',
      data: { id: personNodeId(p.id), label: personLabel(p.name), ...placeData(frame ?? { parent: null, former: false }, colours) },
      classes: 'person hidden',
    };
  });
  const pairs = new Map<string, number>();
  const pairOf = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const t of timeline.ties) pairs.set(pairOf(t.sourceId, t.targetId), (pairs.get(pairOf(t.sourceId, t.targetId)) ?? 0) + 1);
  const ties: ElementDefinition[] = timeline.ties.map((t) => ({
    group: 'edges',
    data: {
      id: tieEdgeId(t.id),
      source: personNodeId(t.sourceId),
      target: personNodeId(t.targetId),
      kind: t.kind,
      // Two people joined by more than one tie at some date: those ties are drawn bowed apart.
      ...((pairs.get(pairOf(t.sourceId, t.targetId)) ?? 0) > 1 ? { parallel: true } : {}),
    },
    classes: `tie k-${t.kind} hidden`,
  }));
  return [...factions, ...persons, ...ties];
}

/** Per-person overlays that are not part of the frame: selection, chain and compare marks. */
export interface Overlay {
  readonly selected: string | null;
  /** Non-null in chain mode: people on the revealed chain; everyone else is dimmed. */
  readonly chainPersons: ReadonlySet<string> | null;
  readonly chainTies: ReadonlySet<string> | null;
  readonly compare: ReadonlyMap<string, CompareMark> | null;
}

export const NO_OVERLAY: Overlay = { selected: null, chainPersons: null, chainTies: null, compare: null };

export interface ApplyResult {
  /** People newly shown or moved to another faction: the layout has to place them. */
  readonly placed: readonly string[];
  /** The subset of `placed` that changed place (into, out of or beside another box). */
  readonly moved: ReadonlySet<string>;
  /** Whether anything structural changed (visibility or faction). */
  readonly structural: boolean;
}

/** Remembers what was last applied so the next frame touches only the differences. */
export class FrameApplier {
  /** Each person's place as last applied. */
  private readonly placeOf = new Map<string, Place>();
  private readonly classes = new Map<string, string>();
  private readonly persons: NodeSingular[];
  private readonly factions: NodeSingular[];
  private readonly edges: EdgeSingular[];
  private readonly edgeBase: string[];
  /** Per edge: 0 hidden, else 1 | 2 directed | 4 uncertain | 8 dimmed. */
  private edgeCodes: number[];

  constructor(
    private readonly cy: Core,
    private readonly colours: ReadonlyMap<string, string>,
  ) {
    // Element references are cached: a selector per frame would cost more than the diff itself.
    this.persons = cy.nodes('.person').toArray();
    this.factions = cy.nodes('.faction').toArray();
    this.edges = cy.edges('.tie').toArray();
    this.edgeBase = this.edges.map((e) => `tie k-${String(e.data('kind'))}`);
    this.edgeCodes = this.edges.map(() => 0);
    for (const node of this.persons) this.placeOf.set(node.id().slice(2), placeOfNode(node));
  }

  apply(frame: Frame, overlay: Overlay): ApplyResult {
    const placed: string[] = [];
    const movedIds = new Set<string>();
    let structural = false;
    const members = new Map<string, number>();
    this.cy.batch(() => {
      for (const node of this.persons) {
        const id = node.id().slice(2);
        const p = frame.persons.get(id);
        const cls = p === undefined ? 'person hidden' : personClasses(p, id, overlay);
        const box = p === undefined ? null : boxOf(p);
        if (box !== null) members.set(factionNodeId(box), (members.get(factionNodeId(box)) ?? 0) + 1);
        const wasHidden = (this.classes.get(id) ?? 'person hidden').endsWith('hidden');
        const was = this.placeOf.get(id);
        if (p !== undefined && (p.parent !== (was?.parent ?? null) || p.former !== (was?.former ?? false))) {
          this.moveTo(node, id, p);
          movedIds.add(id);
          placed.push(id);
          structural = true;
        } else if (p !== undefined && wasHidden) {
          placed.push(id);
          structural = true;
        } else if (p === undefined && !wasHidden) structural = true;
        if (this.classes.get(id) !== cls) {
          node.classes(cls);
          this.classes.set(id, cls);
        }
      }
      for (const node of this.factions) {
        const shown = (members.get(node.id()) ?? 0) > 0;
        if (shown === node.hasClass('hidden')) node.toggleClass('hidden', !shown);
      }
      // People not drawn at this date are taken out of the graph, not only hidden: Cytoscape
      // sorts, bounds and checks every element it holds on every redraw, shown or not (a third
      // of a step's frame at 1k people). Removing a person removes their ties with them.
      for (const node of this.persons) {
        const shown = !(this.classes.get(node.id().slice(2)) ?? 'person hidden').endsWith('hidden');
        if (shown && node.removed()) node.restore();
        else if (!shown && !node.removed()) node.remove();
      }
      const visibleTies = new Map(frame.ties.map((t) => [tieEdgeId(t.id), t]));
      this.edges.forEach((edge, index) => {
        const t = visibleTies.get(edge.id());
        // A small number per edge; the class string is built only when it changes.
        const code =
          t === undefined ? 0 : 1 | (t.directed ? 2 : 0) | (t.certain ? 0 : 4) | (overlay.chainTies !== null && !overlay.chainTies.has(t.id) ? 8 : 0);
        if (this.edgeCodes[index] === code) return;
        // Classes are kept on removed ties too, so a restored tie comes back with its look.
        this.edgeCodes[index] = code;
        let cls = this.edgeBase[index] ?? 'tie';
        if (code === 0) cls += ' hidden';
        if (code & 2) cls += ' directed';
        if (code & 4) cls += ' uncertain';
        if (code & 8) cls += ' dim';
        edge.classes(cls);
      });
      // Ties go back in after their people (a tie cannot be restored without both ends).
      this.edges.forEach((edge, index) => {
        const wanted = this.edgeCodes[index] !== 0;
        if (wanted && edge.removed()) {
          if (!edge.source().removed() && !edge.target().removed()) edge.restore();
        } else if (!wanted && !edge.removed()) edge.remove();
      });
    });
    return { placed, moved: movedIds, structural };
  }

  /** Another place: another colour, box or seat (the node keeps its identity and edges). */
  private moveTo(node: NodeSingular, id: string, place: Place): void {
    node.data(placeData(place, this.colours));
    this.placeOf.set(id, { parent: place.parent, former: place.former });
  }
}

/** A person node's data for a place: the faction colour (faded by style.ts when former), the box it is in, the box it is beside. */
function placeData(place: Place, colours: ReadonlyMap<string, string>): { colour: string; faction: string | null; formerly: string | null } {
  return {
    colour: place.parent === null ? UNAFFILIATED : (colours.get(place.parent) ?? UNAFFILIATED),
    faction: boxOf(place),
    formerly: place.former ? place.parent : null,
  };
}

const stringData = (node: NodeSingular, key: string): string | null => {
  const f: unknown = node.data(key);
  return typeof f === 'string' && f !== '' ? f : null;
};

/** The faction whose box a person node is drawn in (its `faction` data field: members only), or null. */
export function factionData(node: NodeSingular): string | null {
  return stringData(node, 'faction');
}

/** Where a person node is drawn (seatKey's place): in a box, beside a box as a former member, or in none. */
export function placeOfNode(node: NodeSingular): Place {
  const formerly = stringData(node, 'formerly');
  return formerly !== null ? { parent: formerly, former: true } : { parent: factionData(node), former: false };
}

function personClasses(p: PersonFrame, id: string, overlay: Overlay): string {
  let cls = `person s-${p.group}`;
  if (!p.statusCertain) cls += ' uncertain';
  if (p.former) cls += ' former';
  if (!p.membershipCertain && p.parent !== null) cls += ' member-uncertain';
  if (overlay.selected === id) cls += ' selected';
  if (overlay.chainPersons !== null) cls += overlay.chainPersons.has(id) ? ' in-chain' : ' dim';
  const mark = overlay.compare?.get(id);
  if (mark !== undefined && mark !== 'same') cls += ` cmp-${mark}`;
  return cls;
}

let chainKey = '';

/** Chain arrows between people, replaced wholesale (there are only a handful) when they change. */
export function setChainLinks(
  cy: Core,
  links: readonly { readonly from: string; readonly to: string; readonly current: boolean; readonly label: string }[],
): void {
  // Only between people in the graph at this date (the others are taken out, see FrameApplier).
  const present = (id: string): boolean => cy.getElementById(personNodeId(id)).nonempty();
  const drawn = links.filter((l) => present(l.from) && present(l.to));
  const key = drawn.map((l) => `${l.from}>${l.to}:${l.current}:${l.label}`).join('|');
  if (key === chainKey) return;
  chainKey = key;
  cy.batch(() => {
    cy.edges('.chain-link').remove();
    cy.add(
      drawn.map((l, i) => ({
        group: 'edges' as const,
        data: { id: `chain:${i}`, source: personNodeId(l.from), target: personNodeId(l.to), label: l.label },
        classes: l.current ? 'chain-link current' : 'chain-link',
      })),
    );
  });
}
