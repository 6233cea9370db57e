/**
 * The visible subgraph as GraphML and GEXF for NetworkX, Gephi and the like. Both files are one
 * flat directed graph: a person's faction is a node attribute (nested graphs lose membership in
 * Gephi), and a tie without direction is one edge whose `directed` attribute is false (a per-edge
 * directed="false" or type="undirected" in a directed graph is refused by NetworkX). Every tie
 * carries its label, its inferred span with what each end rests on, and its citations.
 */
import { escapeXml as xml, gexfAttributes, gexfAttvalues, gexfSpan, graphmlData, graphmlKeys, type XmlColumn, type XmlValue } from '../../../core/graph-xml.js';
import type { BoundView, Citation, Tie, Timeline } from '../timeline-types.js';
import { isoOf } from './dates.js';
import type { Frame } from './frame.js';

type Value = Extract<XmlValue, string | boolean>;
type Column = XmlColumn & { readonly type: 'string' | 'boolean' };

const NODE_COLUMNS: readonly Column[] = [
  { key: 'label', type: 'string' },
  { key: 'faction', type: 'string' },
  { key: 'factionName', type: 'string' },
  { key: 'formerMember', type: 'boolean' },
  { key: 'membershipCertain', type: 'boolean' },
  { key: 'status', type: 'string' },
  { key: 'statusCertain', type: 'boolean' },
];

const EDGE_COLUMNS: readonly Column[] = [
  { key: 'label', type: 'string' },
  { key: 'kind', type: 'string' },
  { key: 'directed', type: 'boolean' },
  { key: 'certainty', type: 'string' },
  { key: 'activeAtDate', type: 'string' },
  { key: 'recordedFrom', type: 'string' },
  { key: 'recordedTo', type: 'string' },
  { key: 'possibleFrom', type: 'string' },
  { key: 'possibleTo', type: 'string' },
  { key: 'certainFrom', type: 'string' },
  { key: 'certainTo', type: 'string' },
  { key: 'startBasis', type: 'string' },
  { key: 'startInferredFrom', type: 'string' },
  { key: 'endBasis', type: 'string' },
  { key: 'endInferredFrom', type: 'string' },
  { key: 'summary', type: 'string' },
  { key: 'citations', type: 'string' },
];

export interface GraphRow {
  readonly id: string;
  readonly values: Readonly<Record<string, Value | null>>;
}
export interface EdgeRow extends GraphRow {
  readonly source: string;
  readonly target: string;
  /** The possible span as ISO days, for Gephi's timeline (null: open or undated). */
  readonly start: string | null;
  readonly end: string | null;
}
export interface GraphTable {
  readonly date: string;
  readonly nodes: readonly GraphRow[];
  readonly edges: readonly EdgeRow[];
}

const inferredFrom = (b: BoundView): string | null =>
  b.fact === null ? null : `${b.fact.kind.toLowerCase()}: ${b.fact.label}${b.fact.date === null ? '' : ` (${b.fact.date.iso})`}`;

/** "shen2008, §V, para 20; lankov2002, ch. 4": enough to find each passage with the sources file. */
export function citationText(citations: readonly Citation[]): string {
  return citations.map((c) => (c.locator === '' ? c.sourceId : `${c.sourceId}, ${c.locator}`)).join('; ');
}

function tieRow(t: Tie, certainNow: boolean): EdgeRow {
  const day = (n: number | undefined): string | null => (n === undefined || !Number.isFinite(n) ? null : isoOf(n));
  return {
    id: t.id,
    source: t.sourceId,
    target: t.targetId,
    start: day(t.span.possible?.earliest),
    end: day(t.span.possible?.latest),
    values: {
      label: t.kind.toLowerCase().replace(/_/g, ' '),
      kind: t.kind,
      directed: t.directed,
      certainty: t.certainty,
      activeAtDate: certainNow ? 'CERTAIN' : 'POSSIBLE',
      recordedFrom: t.from?.iso ?? null,
      recordedTo: t.to?.iso ?? null,
      possibleFrom: day(t.span.possible?.earliest),
      possibleTo: day(t.span.possible?.latest),
      certainFrom: day(t.span.certain?.earliest),
      certainTo: day(t.span.certain?.latest),
      startBasis: t.start.basis,
      startInferredFrom: inferredFrom(t.start),
      endBasis: t.end.basis,
      endInferredFrom: inferredFrom(t.end),
      summary: t.summary,
      citations: citationText(t.citations),
    },
  };
}

export function graphTable(timeline: Timeline, frame: Frame): GraphTable {
  const names = new Map(timeline.persons.map((p) => [p.id, p.name]));
  const factions = new Map(timeline.factions.map((f) => [f.id, f.name]));
  const ties = new Map(timeline.ties.map((t) => [t.id, t]));
  const nodes = [...frame.persons.values()].map((p) => ({
    id: p.id,
    values: {
      label: names.get(p.id) ?? p.id,
      faction: p.parent,
      factionName: p.parent === null ? null : (factions.get(p.parent) ?? p.parent),
      formerMember: p.former,
      membershipCertain: p.membershipCertain,
      status: p.state,
      statusCertain: p.statusCertain,
    },
  }));
  const edges = frame.ties.flatMap((t) => {
    const tie = ties.get(t.id);
    return tie === undefined ? [] : [tieRow(tie, t.certain)];
  });
  return { date: isoOf(frame.day), nodes, edges };
}

export function subgraphGraphml(timeline: Timeline, frame: Frame): string {
  const g = graphTable(timeline, frame);
  const data = (prefix: string, row: GraphRow, columns: readonly Column[]) =>
    graphmlData(
      prefix,
      columns.map((c) => [c.key, row.values[c.key]] as const),
    ).join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...graphmlKeys('node', 'n', NODE_COLUMNS),
    ...graphmlKeys('edge', 'e', EDGE_COLUMNS),
    `  <graph id="faction-atlas-${g.date}" edgedefault="directed">`,
    ...g.nodes.map((n) => `    <node id="${xml(n.id)}">${data('n', n, NODE_COLUMNS)}</node>`),
    ...g.edges.map((e) => `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data('e', e, EDGE_COLUMNS)}</edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/** GEXF 1.2: ties spelled over their possible span (start/end), so Gephi's timeline can filter. */
export function subgraphGexf(timeline: Timeline, frame: Frame): string {
  const g = graphTable(timeline, frame);
  // The label is the element's own attribute, not an attvalue.
  const values = (row: GraphRow, columns: readonly Column[]) => {
    const list = gexfAttvalues(columns, row.values, ['label']);
    return list.length === 0 ? '' : `<attvalues>${list.join('')}</attvalues>`;
  };
  const label = (row: GraphRow) => xml(String(row.values['label'] ?? row.id));
  const spell = (e: EdgeRow) => gexfSpan(e.start, e.end);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // GEXF 1.2: read by Gephi, graphology and every NetworkX (Debian's 2.8 refuses 1.3).
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    `  <meta lastmodifieddate="${g.date}"><creator>Faction Atlas</creator><description>People and ties shown at ${g.date}</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    ...gexfAttributes('node', NODE_COLUMNS),
    ...gexfAttributes('edge', EDGE_COLUMNS),
    '    <nodes>',
    ...g.nodes.map((n) => `      <node id="${xml(n.id)}" label="${label(n)}">${values(n, NODE_COLUMNS)}</node>`),
    '    </nodes>',
    '    <edges>',
    ...g.edges.map(
      (e) =>
        `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${label(e)}"${spell(e)}>${values(e, EDGE_COLUMNS)}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return `${lines.join('\n')}\n`;
}
