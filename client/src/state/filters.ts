/**
 * Which facts the user wants to see. Filters are plain arrays so they serialise into the
 * permalink as they are; prepare() turns them into sets once per change, not per frame.
 */
import { CERTAINTY_RANK, type Certainty, type Citation, type SourceFamily, type TieKind } from '../timeline-types.js';

export interface Filters {
  /** Factions whose members are hidden. */
  readonly hiddenFactions: readonly string[];
  readonly hiddenTieKinds: readonly TieKind[];
  /** Event kinds whose events (and the status changes they cause) are ignored. */
  readonly hiddenEventKinds: readonly string[];
  /** Facts below this certainty are ignored; PROBABLE is "hide possible facts". */
  readonly minCertainty: Certainty;
  /** When non-empty, only facts citing at least one of these sources are used. */
  readonly sources: readonly string[];
  /**
   * When non-empty, only facts cited by at least one source of these families are used (the
   * API's `sourceFamilies`; docs/data-model.md, "Source families").
   */
  readonly families: readonly SourceFamily[];
  /** Hide people who are dead or abroad at the date, to declutter late years. */
  readonly hideGone: boolean;
  /**
   * People in no faction at the date. 'follow' (the default) shows them while every faction is
   * shown and hides them once any faction is hidden, so "only the Yan'an faction" means only
   * its members; 'show' and 'hide' are the user's explicit choice.
   */
  readonly noFaction: NoFactionFilter;
}

export type NoFactionFilter = 'follow' | 'show' | 'hide';

export const NO_FILTERS: Filters = {
  hiddenFactions: [],
  hiddenTieKinds: [],
  hiddenEventKinds: [],
  minCertainty: 'POSSIBLE',
  sources: [],
  families: [],
  hideGone: false,
  noFaction: 'follow',
};

function toggled<T>(list: readonly T[], item: T): readonly T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export const toggleFaction = (f: Filters, id: string): Filters => ({ ...f, hiddenFactions: toggled(f.hiddenFactions, id) });
export const toggleTieKind = (f: Filters, kind: TieKind): Filters => ({ ...f, hiddenTieKinds: toggled(f.hiddenTieKinds, kind) });
export const toggleEventKind = (f: Filters, kind: string): Filters => ({
  ...f,
  hiddenEventKinds: toggled(f.hiddenEventKinds, kind),
});
export const toggleSource = (f: Filters, id: string): Filters => ({ ...f, sources: toggled(f.sources, id) });
export const toggleFamily = (f: Filters, family: SourceFamily): Filters => ({ ...f, families: toggled(f.families, family) });
export const setMinCertainty = (f: Filters, minCertainty: Certainty): Filters => ({ ...f, minCertainty });
export const setHideGone = (f: Filters, hideGone: boolean): Filters => ({ ...f, hideGone });

/** Whether people in no faction at the date are hidden under these filters. */
export function hidesNoFaction(f: Filters): boolean {
  return f.noFaction === 'hide' || (f.noFaction === 'follow' && f.hiddenFactions.length > 0);
}

/** The no-faction box as ticked now, flipped into an explicit choice. */
export const toggleNoFaction = (f: Filters): Filters => ({ ...f, noFaction: hidesNoFaction(f) ? 'show' : 'hide' });

/** Only this faction: every other hidden, and (unless the user chose otherwise) the unaffiliated too. */
export const onlyFaction = (f: Filters, id: string, all: readonly string[]): Filters => ({
  ...f,
  hiddenFactions: all.filter((x) => x !== id),
  noFaction: f.noFaction === 'show' ? 'show' : 'follow',
});

export function isDefault(f: Filters): boolean {
  return (
    f.hiddenFactions.length === 0 &&
    f.hiddenTieKinds.length === 0 &&
    f.hiddenEventKinds.length === 0 &&
    f.minCertainty === 'POSSIBLE' &&
    f.sources.length === 0 &&
    f.families.length === 0 &&
    !f.hideGone &&
    f.noFaction === 'follow'
  );
}

/**
 * A compiled predicate for facts (memberships, ties, events): certainty, source and source-family
 * filters. `familyOf` gives each source's family; a fact passes the family filter when one of its
 * sources is of a ticked family, as the API's `sourceFamilies` does (server/src/graphql/args.ts).
 */
export function factPredicate(f: Filters, familyOf: ReadonlyMap<string, SourceFamily>): (certainty: Certainty, citations: readonly Citation[]) => boolean {
  const min = CERTAINTY_RANK[f.minCertainty];
  const sources = new Set(f.sources);
  const families = new Set(f.families);
  return (certainty, citations) =>
    CERTAINTY_RANK[certainty] >= min &&
    (sources.size === 0 || citations.some((c) => sources.has(c.sourceId))) &&
    (families.size === 0 ||
      citations.some((c) => {
        const family = familyOf.get(c.sourceId);
        return family !== undefined && families.has(family);
      }));
}

/** A set of source families as one string, the same for any order: it keys answers fetched for it. */
export const familiesKey = (families: readonly string[]): string => [...new Set(families)].sort().join(',');

/** The key of a person's or an event's panel fetched under the filter's families. */
export const panelKey = (id: string, families: readonly string[]): string => `${id}|${familiesKey(families)}`;

/** Whether the families differ: answers fetched for one set do not serve the other. */
export const familiesChanged = (a: readonly string[], b: readonly string[]): boolean => familiesKey(a) !== familiesKey(b);

/** Whether the filters keep only what some sources say (then people no kept fact speaks of are hidden). */
export const filtersBySource = (f: Filters): boolean => f.sources.length > 0 || f.families.length > 0;
