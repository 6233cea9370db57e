/**
 * GraphML: keys for every attribute plus start/end. The graph is directed and says so once
 * (edgedefault); a tie without direction is one edge with `directed` false (core/graph-xml.ts).
 */
import { escapeXml, graphmlData, graphmlKeys, type XmlColumn } from '../../../core/graph-xml.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec, type AttributeValue, type ExportElement, type ExportGraph } from './graph.js';

const keys = (kind: 'node' | 'edge', prefix: string, specs: readonly AttributeSpec[]): string[] => {
  const columns: readonly XmlColumn[] = [{ key: 'label', type: 'string' }, ...specs, { key: 'start', type: 'string' }, { key: 'end', type: 'string' }];
  return graphmlKeys(kind, prefix, columns);
};

function data(prefix: string, values: Record<string, AttributeValue>, element: ExportElement, label: string): string[] {
  const all: Record<string, AttributeValue> = { label, ...values, start: element.start, end: element.end };
  return graphmlData(prefix, Object.entries(all)).map((line) => `      ${line}`);
}

export function toGraphml(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys('node', 'n', NODE_ATTRIBUTES),
    ...keys('edge', 'e', EDGE_ATTRIBUTES),
    '  <graph id="faction-atlas" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`, ...data('n', node.attributes, node, node.label), '    </node>');
  }
  for (const edge of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...data('e', edge.attributes, edge, edge.label),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
