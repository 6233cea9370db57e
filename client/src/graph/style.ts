/**
 * How every encoding looks: faction colour on faction boxes and their members, status as
 * node shape and fill, uncertainty as a dashed outline and lower opacity, tie kind as line
 * colour and pattern, arrows only for directed ties. ui/legend.ts draws from the same tables,
 * so the legend cannot drift from the graph.
 */
import type { StylesheetJson } from 'cytoscape';
import type { TieKind } from '../timeline-types.js';
import type { StatusGroup } from '../state/status-groups.js';
import { LABEL_FONT, NODE_SIZE } from '../layout/sizes.js';

export interface StatusLook {
  readonly shape: 'ellipse' | 'round-triangle' | 'diamond' | 'square' | 'octagon' | 'vee' | 'star';
  /** Fill: 'faction' uses the faction colour; else a fixed colour. */
  readonly fill: 'faction' | string;
  readonly border: string;
  readonly borderWidth: number;
}

export const STATUS_LOOK: Readonly<Record<StatusGroup, StatusLook>> = {
  active: { shape: 'ellipse', fill: 'faction', border: '#1a1a1a', borderWidth: 1.5 },
  demoted: { shape: 'round-triangle', fill: 'faction', border: '#1a1a1a', borderWidth: 3 },
  expelled: { shape: 'diamond', fill: '#ffffff', border: '#1a1a1a', borderWidth: 3 },
  imprisoned: { shape: 'square', fill: '#5a5a5a', border: '#1a1a1a', borderWidth: 3 },
  dead: { shape: 'octagon', fill: '#111111', border: '#111111', borderWidth: 2 },
  fled: { shape: 'vee', fill: '#ffffff', border: '#555555', borderWidth: 2 },
  rehabilitated: { shape: 'star', fill: 'faction', border: '#1a1a1a', borderWidth: 2 },
  // No source speaks of them at this date: a pale, hollow ghost, so silence never reads as "active".
  unattested: { shape: 'ellipse', fill: '#ffffff', border: '#8a8a8a', borderWidth: 1.5 },
};

export interface TieLook {
  readonly colour: string;
  readonly line: 'solid' | 'dashed' | 'dotted';
  /** Dash pattern for dashed lines, so kinds differ by pattern as well as hue. */
  readonly dash: readonly number[];
  readonly width: number;
  readonly label: string;
}

// Okabe-Ito hues again, chosen apart from the faction fills so ties and factions don't merge.
export const TIE_LOOK: Readonly<Record<TieKind, TieLook>> = {
  ALLIANCE: { colour: '#0072B2', line: 'solid', dash: [], width: 2.5, label: 'Alliance' },
  PATRONAGE: { colour: '#009E73', line: 'solid', dash: [], width: 2.5, label: 'Patronage (patron → client)' },
  RIVALRY: { colour: '#D55E00', line: 'dashed', dash: [8, 4], width: 2.5, label: 'Rivalry' },
  DENUNCIATION: { colour: '#B2182B', line: 'solid', dash: [], width: 3.5, label: 'Denunciation (accuser → accused)' },
  COMRADES: { colour: '#444444', line: 'dashed', dash: [14, 3, 2, 3], width: 1.5, label: 'Comrades-in-arms' },
  KINSHIP: { colour: '#8c6d31', line: 'solid', dash: [], width: 5, label: 'Kinship' },
  PROTECTION: { colour: '#56B4E9', line: 'dashed', dash: [3, 3], width: 3, label: 'Protection' },
  ASSOCIATION: { colour: '#888888', line: 'dotted', dash: [], width: 1.5, label: 'Association' },
};

export const FONT = '"Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans", "DejaVu Sans", sans-serif';

/**
 * Above this many people a changed node snaps to its new look instead of fading over 250 ms:
 * a transition restyles its node on every animation frame, so at 1k people a step kept the
 * renderer busy for the whole fade (BENCHMARKS.md, "Explorer step").
 */
export const TRANSITION_MAX_PERSONS = 300;

export interface StyleOptions {
  /** Fade changed people into their new look (small graphs only, see TRANSITION_MAX_PERSONS). */
  readonly transitions: boolean;
}

export function stylesheet(options: StyleOptions = { transitions: true }): StylesheetJson {
  const statusRules = Object.entries(STATUS_LOOK).map(([group, look]) => ({
    selector: `node.person.s-${group}`,
    style: {
      shape: look.shape,
      'border-color': look.border,
      'border-width': look.borderWidth,
      ...(look.fill === 'faction' ? {} : { 'background-color': look.fill }),
    },
  }));
  const tieRules = Object.entries(TIE_LOOK).map(([kind, look]) => ({
    selector: `edge.k-${kind}`,
    style: {
      'line-color': look.colour,
      'target-arrow-color': look.colour,
      'line-style': look.line,
      width: look.width,
      ...(look.dash.length > 0 ? { 'line-dash-pattern': [...look.dash] } : {}),
    },
  }));
  return [
    {
      selector: 'node',
      // Labels too small to read are skipped: drawing thousands of them dominates large frames.
      style: { 'font-family': FONT, 'font-size': LABEL_FONT, color: '#111', 'text-wrap': 'wrap', 'text-max-width': '110px', 'min-zoomed-font-size': 6 },
    },
    // A fixed stacking: faction boxes at the bottom, then ties, then people.
    { selector: 'node, edge', style: { 'z-compound-depth': 'orphan' } },
    {
      selector: 'node.faction',
      style: {
        'background-color': 'data(colour)',
        'background-opacity': 0.14,
        'border-color': 'data(colour)',
        'border-width': 2,
        shape: 'round-rectangle',
        // A plain node sized around its members by graph/layout.ts (not a compound parent).
        width: 'data(w)',
        height: 'data(h)',
        // Clicks and drags go through the box to the canvas, as on the background.
        events: 'no',
        'z-compound-depth': 'bottom',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': 14,
        'font-weight': 'bold',
        // One line: the map leaves one line of room above each box (union-layout.ts FACTION_TITLE);
        // a wrapped name ran into the people seated above it.
        'text-wrap': 'none',
        'text-background-color': '#fff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    {
      selector: 'node.person',
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        'background-color': 'data(colour)',
        label: 'data(label)',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#fff',
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
        ...(options.transitions ? { 'transition-property': 'background-color, border-color, opacity, width, height', 'transition-duration': 250 } : {}),
      },
    },
    ...statusRules,
    // Uncertain status: dashed outline and a paler node, so "possibly purged" never reads as fact.
    { selector: 'node.person.uncertain', style: { 'border-style': 'dashed', 'border-width': 3, opacity: 0.65 } },
    { selector: 'node.person.former', style: { 'background-opacity': 0.55 } },
    // The ghost itself is faint; its name stays legible (grey), so it can still be read and found.
    { selector: 'node.person.s-unattested', style: { 'border-style': 'dotted', 'background-opacity': 0.35, 'border-opacity': 0.7, color: '#555' } },
    { selector: 'node.person.member-uncertain', style: { 'outline-width': 2, 'outline-color': '#777', 'outline-style': 'dotted', 'outline-offset': 2 } },
    { selector: '.hidden', style: { display: 'none' } },
    {
      // Straight: a lone tie between two people is drawn straight by 'bezier' too, but 'bezier'
      // looks for parallel edges whenever a tie is redrawn; only the pairs that have them pay it.
      selector: 'edge.tie',
      style: { 'curve-style': 'straight', opacity: 0.85, 'arrow-scale': 1.3, 'target-arrow-shape': 'none' },
    },
    { selector: 'edge.tie[?parallel]', style: { 'curve-style': 'bezier' } },
    ...tieRules,
    { selector: 'edge.tie.directed', style: { 'target-arrow-shape': 'triangle' } },
    { selector: 'edge.tie.uncertain', style: { opacity: 0.45 } },
    // Selection and chain mode.
    { selector: 'node.person.selected', style: { 'underlay-color': '#000', 'underlay-opacity': 0.25, 'underlay-padding': 8, 'font-weight': 'bold' } },
    { selector: '.dim', style: { opacity: 0.15 } },
    // Keyboard focus in the canvas mirror: a ring in the page's focus colour (styles.css --focus).
    { selector: 'node.person.kb-focus', style: { 'outline-width': 4, 'outline-color': '#b35900', 'outline-opacity': 1, 'outline-offset': 3 } },
    { selector: 'node.person.in-chain', style: { 'underlay-color': '#B2182B', 'underlay-opacity': 0.35, 'underlay-padding': 7, 'font-weight': 'bold' } },
    {
      selector: 'edge.chain-link',
      style: {
        'curve-style': 'unbundled-bezier',
        'line-color': '#B2182B',
        'target-arrow-color': '#B2182B',
        'target-arrow-shape': 'triangle-backcurve',
        'line-style': 'dashed',
        'line-dash-pattern': [8, 4],
        width: 4,
        label: 'data(label)',
        'font-size': 10,
        'text-background-color': '#fff',
        'text-background-opacity': 0.9,
        'z-index': 99,
      },
    },
    { selector: 'edge.chain-link.current', style: { width: 7, 'line-style': 'solid' } },
    // Compare mode.
    { selector: 'node.person.cmp-vanished', style: { opacity: 0.35, 'border-style': 'dotted', 'border-width': 3, 'border-color': '#B2182B' } },
    { selector: 'node.person.cmp-fell', style: { 'underlay-color': '#B2182B', 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
    { selector: 'node.person.cmp-rose', style: { 'underlay-color': '#009E73', 'underlay-opacity': 0.45, 'underlay-padding': 6 } },
    { selector: 'node.person.cmp-moved', style: { 'underlay-color': '#0072B2', 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
    { selector: 'node.person.cmp-joined', style: { 'underlay-color': '#56B4E9', 'underlay-opacity': 0.4, 'underlay-padding': 6 } },
    { selector: 'node.person.cmp-unattested', style: { opacity: 0.35, 'border-style': 'dotted', 'border-width': 3, 'border-color': '#777' } },
    // The console's result graph.
    {
      selector: 'node.result',
      style: {
        label: 'data(label)',
        'background-color': 'data(colour)',
        width: 22,
        height: 22,
        'font-size': 12,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
      },
    },
    {
      selector: 'edge.result',
      style: {
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 10,
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'target-arrow-shape': 'triangle',
        width: 1.5,
      },
    },
    { selector: '.result-off', style: { opacity: 0.2 } },
    { selector: 'node.result-on', style: { 'border-width': 3, 'border-color': '#111' } },
    { selector: 'edge.result-on', style: { width: 3.5, 'line-color': '#111', 'target-arrow-color': '#111' } },
  ] as StylesheetJson;
}
