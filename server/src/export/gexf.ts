/**
 * GEXF 1.2 (Gephi): a dynamic graph with timeformat="date", so Gephi's timeline shows persons
 * over their membership or life span, ties over their interval, events on their date. Every
 * edge is directed, as the graph declares: a tie without direction carries `directed` false
 * (core/graph-xml.ts).
 */
import { escapeXml, gexfAttributes, gexfAttvalues, gexfSpan } from '../../../core/graph-xml.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec, type AttributeValue, type ExportElement, type ExportGraph } from './graph.js';

function attvalues(specs: readonly AttributeSpec[], values: Record<string, AttributeValue>, indent: string): string[] {
  const present = gexfAttvalues(specs, values);
  if (present.length === 0) return [];
  return [`${indent}<attvalues>`, ...present.map((line) => `${indent}  ${line}`), `${indent}</attvalues>`];
}

const span = (element: ExportElement): string => gexfSpan(element.start, element.end);

export function toGexf(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // GEXF 1.2: read by Gephi, graphology and every NetworkX (Debian's 2.8 refuses 1.3).
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    '  <meta>',
    '    <creator>Faction Atlas</creator>',
    `    <description>${escapeXml(`Faction Atlas graph${graph.window.from !== null || graph.window.to !== null ? `, ${graph.window.from ?? '...'}-${graph.window.to ?? '...'}` : ''}`)}</description>`,
    '  </meta>',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    ...gexfAttributes('node', NODE_ATTRIBUTES, 'static'),
    ...gexfAttributes('edge', EDGE_ATTRIBUTES, 'static'),
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    lines.push(`      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}"${span(node)}>`);
    lines.push(...attvalues(NODE_ATTRIBUTES, node.attributes, '        '));
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" label="${escapeXml(edge.label)}"${span(edge)}>`,
    );
    lines.push(...attvalues(EDGE_ATTRIBUTES, edge.attributes, '        '));
    lines.push('      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
