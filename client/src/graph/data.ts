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
import { STATUS_GROUPS } from '../state/status-groups.js';

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

const UNAPPLIED_TIE = 255;

/**
 * Remembers what was last applied so the next frame touches only the differences. Per step it
 * walks every person and tie, so the walk itself is kept to array reads and number compares
 * (ids and element references are taken once; a tie's look is a small number): Cytoscape is
 * called only for what changed.
 */
export class FrameApplier {
  private readonly persons: NodeSingular[];
  /** Person ids, by the index of `persons`. */
  private readonly personIds: string[];
  /** Each person's place as last applied, by index. */
  private readonly placeOf: Place[];
  /** Each person's look as last applied, by index (personLook; HIDDEN_LOOK: not drawn). */
  private readonly looks: Int32Array;
  /** The look whose classes each person node carries (a person out of the graph keeps the last). */
  private readonly classLooks: Int32Array;
  private readonly factions: NodeSingular[];
  private readonly edges: EdgeSingular[];
  private readonly edgeIndex = new Map<string, number>();
  private readonly edgeBase: string[];
  /** Per edge: 0 hidden (out of the graph), else 1 | 2 directed | 4 uncertain | 8 dimmed. */
  private edgeCodes: Uint8Array;
  private nextCodes: Uint8Array;
  /** The code whose classes each edge carries (0: as created, hidden). */
  private readonly edgeClassCodes: Uint8Array;

  constructor(
    private readonly cy: Core,
    private readonly colours: ReadonlyMap<string, string>,
  ) {
    // Element references are cached: a selector per frame would cost more than the diff itself.
    this.persons = cy.nodes('.person').toArray();
    this.personIds = this.persons.map((n) => n.id().slice(2));
    this.placeOf = this.persons.map(placeOfNode);
    // Nothing applied yet: the first frame touches everyone (and takes the hidden out).
    this.looks = new Int32Array(this.persons.length).fill(UNAPPLIED_LOOK);
    this.classLooks = new Int32Array(this.persons.length).fill(HIDDEN_LOOK);
    this.factions = cy.nodes('.faction').toArray();
    this.edges = cy.edges('.tie').toArray();
    this.edges.forEach((e, i) => this.edgeIndex.set(e.id().slice('tie:'.length), i));
    this.edgeBase = this.edges.map((e) => `tie k-${String(e.data('kind'))}`);
    this.edgeCodes = new Uint8Array(this.edges.length).fill(UNAPPLIED_TIE);
    this.nextCodes = new Uint8Array(this.edges.length);
    this.edgeClassCodes = new Uint8Array(this.edges.length);
  }

  apply(frame: Frame, overlay: Overlay): ApplyResult {
    const placed: string[] = [];
    const movedIds = new Set<string>();
    let structural = false;
    const members = new Set<string>();
    /** People and ties that leave the graph at this date, removed together at the end. */
    const leaving = this.cy.collection();
    this.cy.batch(() => {
      // People not drawn at this date are taken out of the graph, not only hidden: Cytoscape
      // sorts, bounds and checks every element it holds on every redraw, shown or not (a third
      // of a step's frame at 1k people). Removing a person removes their ties with them.
      const persons = this.persons;
      for (let i = 0; i < persons.length; i += 1) {
        const node = persons[i] as NodeSingular;
        const id = this.personIds[i] as string;
        const p = frame.persons.get(id);
        const look = p === undefined ? HIDDEN_LOOK : personLook(p, id, overlay);
        const was = this.placeOf[i] as Place;
        const wasHidden = this.looks[i] === HIDDEN_LOOK || this.looks[i] === UNAPPLIED_LOOK;
        if (p !== undefined) {
          const box = boxOf(p);
          if (box !== null) members.add(box);
          if (p.parent !== was.parent || p.former !== was.former) {
            this.moveTo(node, i, p);
            movedIds.add(id);
            placed.push(id);
            structural = true;
          } else if (wasHidden) {
            placed.push(id);
            structural = true;
          }
        } else if (!wasHidden) structural = true;
        if (this.looks[i] === look) continue;
        this.looks[i] = look;
        if (p === undefined) {
          // Leaving: no new classes (it is out of the graph until it comes back with its look).
          if (!node.removed()) leaving.merge(node);
          continue;
        }
        // Someone coming back as they left keeps their classes: no restyle, no class event.
        if (this.classLooks[i] !== look) {
          node.classes(lookClasses(look));
          this.classLooks[i] = look;
        }
        // Restored one at a time (a collection's restore() made the next frame slower, session 8).
        if (node.removed()) node.restore();
      }
      for (const node of this.factions) {
        const shown = members.has(node.id().slice('faction:'.length));
        if (shown === node.hasClass('hidden')) node.toggleClass('hidden', !shown);
      }
      const codes = this.nextCodes.fill(0);
      const chainTies = overlay.chainTies;
      for (const t of frame.ties) {
        const index = this.edgeIndex.get(t.id);
        // A small number per edge; the class string is built only when it changes.
        if (index !== undefined) codes[index] = 1 | (t.directed ? 2 : 0) | (t.certain ? 0 : 4) | (chainTies !== null && !chainTies.has(t.id) ? 8 : 0);
      }
      const before = this.edgeCodes;
      for (let index = 0; index < codes.length; index += 1) {
        const code = codes[index] as number;
        const was = before[index] as number;
        if (code === was) continue;
        const edge = this.edges[index] as EdgeSingular;
        // A tie not shown may already have gone with one of its people; it keeps its old
        // classes while out of the graph and gets its look when it comes back.
        if (code === 0) {
          if (!edge.removed()) leaving.merge(edge);
          continue;
        }
        if (this.edgeClassCodes[index] !== code) {
          let cls = this.edgeBase[index] ?? 'tie';
          if (code & 2) cls += ' directed';
          if (code & 4) cls += ' uncertain';
          if (code & 8) cls += ' dim';
          edge.classes(cls);
          this.edgeClassCodes[index] = code;
        }
        // A tie shown at this date has both its people in the graph (restored above).
        if (edge.removed()) edge.restore();
      }
      this.edgeCodes = codes;
      this.nextCodes = before;
      // One remove() for everything that leaves: each call walks every element still in the
      // graph (Cytoscape's check for compound parents), so one call per element made a step
      // where a cohort leaves cost k x N (2.1 s of a 2.5 s step at 5k; BENCHMARKS session 9).
      if (leaving.nonempty()) leaving.remove();
    });
    return { placed, moved: movedIds, structural };
  }

  /** Another place: another colour, box or seat (the node keeps its identity and edges). */
  private moveTo(node: NodeSingular, index: number, place: Place): void {
    node.data(placeData(place, this.colours));
    this.placeOf[index] = { parent: place.parent, former: place.former };
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
  // From the data object: data(key) pays Cytoscape's argument checks, and box fitting reads
  // every shown person's faction on a step that changes who is shown.
  const f: unknown = (node.data() as Record<string, unknown>)[key];
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

const MARKS: readonly CompareMark[] = ['same', 'vanished', 'unattested', 'joined', 'rose', 'fell', 'moved'];
const GROUP_INDEX = new Map(STATUS_GROUPS.map((g, i) => [g, i]));
const MARK_INDEX = new Map(MARKS.map((m, i) => [m, i]));
/** A person's look as a number (see personLook), not drawn. */
const HIDDEN_LOOK = -1;
/** Nothing applied yet: every person differs from it. */
const UNAPPLIED_LOOK = -2;

/**
 * A person's look as a small number (status group, the flags, the overlay's marks), so the
 * per-step walk compares numbers; lookClasses spells it as classes, once per distinct look.
 */
function personLook(p: PersonFrame, id: string, overlay: Overlay): number {
  let look = GROUP_INDEX.get(p.group) ?? 0;
  if (!p.statusCertain) look |= 1 << 4;
  if (p.former) look |= 1 << 5;
  if (!p.membershipCertain && p.parent !== null) look |= 1 << 6;
  if (overlay.selected === id) look |= 1 << 7;
  if (overlay.chainPersons !== null) look |= (overlay.chainPersons.has(id) ? 1 : 2) << 8;
  const mark = overlay.compare?.get(id);
  if (mark !== undefined) look |= (MARK_INDEX.get(mark) ?? 0) << 10;
  return look;
}

const lookNames = new Map<number, string>([[HIDDEN_LOOK, 'person hidden']]);

function lookClasses(look: number): string {
  let cls = lookNames.get(look);
  if (cls !== undefined) return cls;
  cls = `person s-${STATUS_GROUPS[look & 15] ?? 'active'}`;
  if (look & (1 << 4)) cls += ' uncertain';
  if (look & (1 << 5)) cls += ' former';
  if (look & (1 << 6)) cls += ' member-uncertain';
  if (look & (1 << 7)) cls += ' selected';
  const chain = (look >> 8) & 3;
  if (chain !== 0) cls += chain === 1 ? ' in-chain' : ' dim';
  const mark = MARKS[(look >> 10) & 7] ?? 'same';
  if (mark !== 'same') cls += ` cmp-${mark}`;
  lookNames.set(look, cls);
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
