/** JSON: every node and edge with all its stored properties, plus the window it was cut to. */
import type { ExportGraph } from './graph.js';

export function toJson(graph: ExportGraph): string {
  return `${JSON.stringify(
    {
      window: graph.window,
      nodes: graph.nodes.map(({ id, type, label, start, end, properties }) => ({ id, type, label, start, end, properties })),
      edges: graph.edges.map(({ id, type, source, target, directed, start, end, properties }) => ({
        id,
        type,
        source,
        target,
        directed,
        start,
        end,
        properties,
      })),
    },
    null,
    2,
  )}\n`;
}
