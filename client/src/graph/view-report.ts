/**
 * What the canvas shows, measured as a reader sees it: on-screen label and node sizes, and what
 * lies outside the canvas. Exposed as window.__atlasView for the browser tests.
 */
import type { BoundingBox12, Core, NodeSingular, Position } from 'cytoscape';
import { factionData, factionNodeId } from './data.js';

export interface ViewReport {
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
  readonly persons: number;
  /** Smallest on-screen font size of a shown person's name, in CSS pixels. */
  readonly minNameFontPx: number;
  readonly minNodePx: number;
  readonly minFactionFontPx: number;
  /** Elements (people or factions, with their labels) that reach past the canvas edge. */
  readonly cutOff: readonly string[];
  /** Share of the canvas covered by the drawing's bounding box. */
  readonly used: number;
  /** Shown people (with their names) not wholly inside the box of the faction they are drawn in. */
  readonly outsideTheirBox: readonly string[];
  /**
   * Shown people whose node overlaps a box they are not drawn in: "p:… in faction:…". A box
   * holds only its members at the date; a former member sits beside his old box, not in it.
   */
  readonly inAnotherBox: readonly string[];
  /** Shown people drawn faded as former members of a faction. */
  readonly former: readonly string[];
  /** Faction names drawn over a shown person or their name: "faction:… over p:…". */
  readonly boxLabelsOverPeople: readonly string[];
}

declare global {
  interface Window {
    __atlasView?: () => ViewReport & { positions: Record<string, Position> };
  }
}

export function viewReport(cy: Core): ViewReport {
  const zoom = cy.zoom();
  const width = cy.width();
  const height = cy.height();
  let minName = Infinity;
  let minNode = Infinity;
  let minFaction = Infinity;
  const cutOff: string[] = [];
  const check = (n: NodeSingular): void => {
    const b = n.renderedBoundingBox({ includeLabels: true });
    if (b.x1 < -0.5 || b.y1 < -0.5 || b.x2 > width + 0.5 || b.y2 > height + 0.5) cutOff.push(n.id());
  };
  const persons = cy.nodes('.person:visible');
  persons.forEach((n) => {
    minName = Math.min(minName, parseFloat(String(n.style('font-size'))) * zoom);
    minNode = Math.min(minNode, n.renderedWidth(), n.renderedHeight());
    check(n);
  });
  cy.nodes('.faction:visible').forEach((n) => {
    minFaction = Math.min(minFaction, parseFloat(String(n.style('font-size'))) * zoom);
    check(n);
  });
  const outsideTheirBox: string[] = [];
  const boxLabelsOverPeople: string[] = [];
  const inside = (a: BoundingBox12, b: BoundingBox12): boolean => a.x1 >= b.x1 - 0.5 && a.y1 >= b.y1 - 0.5 && a.x2 <= b.x2 + 0.5 && a.y2 <= b.y2 + 0.5;
  // By more than a pixel: Cytoscape's box of an outlined shape (a dotted ring) is a little generous.
  const overlap = (a: BoundingBox12, b: BoundingBox12): boolean => a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1;
  const titles = cy
    .nodes('.faction:visible')
    .map((f) => ({ id: f.id(), title: f.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false, includeUnderlays: false }) }));
  const boxes = cy.nodes('.faction:visible').map((f) => ({ id: f.id(), box: f.boundingBox({ includeLabels: false }) }));
  const inAnotherBox: string[] = [];
  persons.forEach((n) => {
    const own = n.boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: false });
    const node = n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
    // Someone drawn faded as a former member belongs in no box, whatever his data says.
    const drawnIn = n.hasClass('former') ? null : factionData(n);
    for (const b of boxes) if (b.id !== (drawnIn === null ? null : factionNodeId(drawnIn)) && overlap(node, b.box)) inAnotherBox.push(`${n.id()} in ${b.id}`);
    const faction = factionData(n);
    if (faction !== null) {
      const box = cy.getElementById(factionNodeId(faction));
      if (box.empty() || !box.visible() || !inside(own, box.boundingBox({ includeLabels: false }))) outsideTheirBox.push(n.id());
    }
    for (const t of titles) if (overlap(t.title, own)) boxLabelsOverPeople.push(`${t.id} over ${n.id()}`);
  });
  const all = cy.elements(':visible').renderedBoundingBox({ includeLabels: true });
  const used = persons.empty() ? 0 : ((Math.min(all.x2, width) - Math.max(all.x1, 0)) * (Math.min(all.y2, height) - Math.max(all.y1, 0))) / (width * height);
  const finite = (x: number): number => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);
  return {
    zoom: finite(zoom),
    width,
    height,
    persons: persons.length,
    minNameFontPx: finite(minName),
    minNodePx: finite(minNode),
    minFactionFontPx: finite(minFaction),
    cutOff,
    used: finite(used),
    outsideTheirBox,
    inAnotherBox,
    former: persons.filter('.former').map((n) => n.id()),
    boxLabelsOverPeople,
  };
}
