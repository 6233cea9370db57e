/**
 * Reading exported graph files as their consumers do: a structural check of the rules NetworkX
 * enforces (one direction for the whole graph, edges inside it, no nested graphs), and NetworkX
 * itself through scripts/networkx-load.py.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['node', 'edge', 'key', 'data', 'attvalue', 'attribute', 'attributes', 'graph'].includes(name),
});
type Xml = Record<string, unknown>;
const list = (value: unknown): Xml[] => (Array.isArray(value) ? (value as Xml[]) : []);

/** What NetworkX's read_graphml would refuse or lose, as messages (empty when none). */
export function graphmlProblems(text: string): string[] {
  const doc = parser.parse(text) as { graphml?: { graph?: Xml[] } };
  const graphs = list(doc.graphml?.graph);
  if (graphs.length !== 1) return [`${graphs.length} top-level graphs`];
  const graph = graphs[0]!;
  const directed = graph['@edgedefault'] === 'directed';
  const problems: string[] = [];
  for (const node of list(graph['node'])) if (node['graph'] !== undefined) problems.push(`node ${String(node['@id'])} holds a nested graph`);
  for (const edge of list(graph['edge'])) {
    const own = edge['@directed'];
    if (own !== undefined && (own === 'true') !== directed)
      problems.push(`edge ${String(edge['@id'])} directed=${String(own)} in a graph with edgedefault=${String(graph['@edgedefault'])}`);
  }
  return problems;
}

/** The same for read_gexf: per-edge type against the graph's defaultedgetype. */
export function gexfProblems(text: string): string[] {
  const doc = parser.parse(text) as { gexf?: { graph?: Xml[] } };
  const graph = list(doc.gexf?.graph)[0];
  if (graph === undefined) return ['no graph'];
  const directed = (graph['@defaultedgetype'] ?? 'undirected') === 'directed';
  const edges = list((graph['edges'] as Xml | undefined)?.['edge']);
  return edges
    .filter((edge) => (directed ? edge['@type'] === 'undirected' : edge['@type'] === 'directed'))
    .map((edge) => `edge ${String(edge['@id'])} type=${String(edge['@type'])} in a graph with defaultedgetype=${String(graph['@defaultedgetype'])}`);
}

export interface NetworkxSummary {
  readonly directed?: boolean;
  readonly nodes?: number;
  readonly edges?: number;
  readonly node?: Record<string, unknown>;
  readonly edge?: Record<string, unknown> | null;
  readonly error?: string;
}

/**
 * Debian's Python, whose python3-networkx is the reader researchers on Debian get (and the one
 * scripts/ensure-system-packages.sh installs): another python3 first on PATH (pyenv, a venv) may
 * carry a newer NetworkX that accepts what Debian's refuses.
 */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Whether Debian's python3-networkx is importable (scripts/ensure-system-packages.sh installs it). */
export function hasNetworkx(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Loads each named file with NetworkX; the files are written to a temporary folder and removed. */
export function loadWithNetworkx(files: Record<string, string>): Record<string, NetworkxSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nx-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    let out: string;
    try {
      out = execFileSync(PYTHON, [join(import.meta.dirname, '../../../scripts/networkx-load.py'), ...paths], { encoding: 'utf8' });
    } catch (error) {
      // A refused file exits 1 with the summary still on stdout.
      out = String((error as { stdout?: unknown }).stdout ?? '{}');
    }
    const raw = JSON.parse(out) as Record<string, NetworkxSummary>;
    return Object.fromEntries(Object.entries(raw).map(([path, summary]) => [path.slice(dir.length + 1), summary]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
