/** Export formats: one function per format, all over the same ExportGraph. */
import { toCsv } from './csv.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import type { ExportGraph } from './graph.js';
import { toJson } from './json.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name -> contents. Single-file formats give one entry named after the format. */
export function renderExport(graph: ExportGraph, format: ExportFormat): Record<string, string> {
  switch (format) {
    case 'gexf':
      return { 'graph.gexf': toGexf(graph) };
    case 'graphml':
      return { 'graph.graphml': toGraphml(graph) };
    case 'json':
      return { 'graph.json': toJson(graph) };
    case 'csv':
      return { ...toCsv(graph) };
  }
}

export { readExportGraph, type ExportGraph, type TimeWindow } from './graph.js';
