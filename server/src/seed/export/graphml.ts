/**
 * GraphML: keys for every attribute plus start/end. The graph is directed and says so once
 * (edgedefault); a tie without direction is one edge with `directed` false, never a per-edge
 * directed="false", which readers such as NetworkX refuse in a directed graph.
 */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec, type AttributeValue, type ExportElement, type ExportGraph } from './graph.js';
import { escapeXml } from './xml.js';

const GRAPHML_TYPE: Readonly<Record<AttributeSpec['type'], string>> = { string: 'string', integer: 'int', boolean: 'boolean' };

function keys(kind: 'node' | 'edge', prefix: string, specs: readonly AttributeSpec[]): string[] {
  return [
    ...[{ key: 'label', type: 'string' as const }, ...specs, { key: 'start', type: 'string' as const }, { key: 'end', type: 'string' as const }].map(
      (spec) => `  <key id="${prefix}_${spec.key}" for="${kind}" attr.name="${spec.key}" attr.type="${GRAPHML_TYPE[spec.type]}"/>`,
    ),
  ];
}

function data(prefix: string, values: Record<string, AttributeValue>, element: ExportElement, label: string): string[] {
  const all: Record<string, AttributeValue> = { label, ...values, start: element.start, end: element.end };
  return Object.entries(all)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => `      <data key="${prefix}_${key}">${escapeXml(String(value))}</data>`);
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
