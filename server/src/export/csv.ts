/** CSV: nodes.csv and edges.csv (RFC 4180 quoting), columns fixed so spreadsheets line up. */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeValue, type ExportGraph } from './graph.js';

export function csvField(value: AttributeValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values: readonly (AttributeValue | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface CsvFiles {
  readonly 'nodes.csv': string;
  readonly 'edges.csv': string;
}

export function toCsv(graph: ExportGraph): CsvFiles {
  const nodeKeys = NODE_ATTRIBUTES.map((spec) => spec.key).filter((key) => key !== 'type');
  // type and directed have their own columns.
  const edgeKeys = EDGE_ATTRIBUTES.map((spec) => spec.key).filter((key) => key !== 'type' && key !== 'directed');
  let nodes = csvLine(['id', 'type', 'label', 'start', 'end', ...nodeKeys]);
  for (const node of graph.nodes) nodes += csvLine([node.id, node.type, node.label, node.start, node.end, ...nodeKeys.map((key) => node.attributes[key])]);
  let edges = csvLine(['id', 'type', 'source', 'target', 'directed', 'start', 'end', ...edgeKeys]);
  for (const edge of graph.edges) {
    edges += csvLine([edge.id, edge.type, edge.source, edge.target, edge.directed, edge.start, edge.end, ...edgeKeys.map((key) => edge.attributes[key])]);
  }
  return { 'nodes.csv': nodes, 'edges.csv': edges };
}
