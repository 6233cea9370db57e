/**
 * The read-only Cypher console: the API enforces read-only-ness; this panel shows the
 * refusal or the rows, and draws any nodes and relationships that came back.
 */
import type { Core } from 'cytoscape';
import { ApiError, runCypher, type CypherResult } from '../api.js';
import { drawResultGraph, highlightResult } from '../graph/result-graph.js';
import { captionOf, elementIdsOf, rawText } from '../state/cypher-values.js';
import { h, replace } from './dom.js';

const EXAMPLES: readonly [string, string][] = [
  ['Who denounced whom', "MATCH (a:Person)-[t:TIE {kind: 'DENUNCIATION'}]->(b:Person) RETURN a, t, b LIMIT 50"],
  [
    "Members of the Yan'an faction",
    "MATCH (p:Person)-[m:MEMBER_OF]->(f:Faction {id: 'yanan'}) RETURN p.name AS name, m.fromIso AS since, m.toIso AS until ORDER BY since",
  ],
  [
    'Purge events by year',
    "MATCH (e:Event) WHERE e.kind IN ['EXPULSION','ARREST','EXECUTION','REMOVAL'] RETURN substring(e.dateIso, 0, 4) AS year, count(*) AS events ORDER BY year",
  ],
];

/** A compact caption; the raw value (a path is thousands of pixels of JSON) only on request. */
function cell(value: unknown): HTMLTableCellElement {
  const caption = captionOf(value);
  if (!caption.hasRaw) return h('td', { class: `cell-${caption.kind}` }, caption.text);
  return h(
    'td',
    { class: `cell-${caption.kind}` },
    h('details', {}, h('summary', { title: 'Show the raw value' }, caption.text), h('pre', { class: 'raw' }, rawText(value))),
  );
}

export function mountConsole(root: HTMLElement): void {
  const input = h('textarea', { id: 'cypher-input', 'aria-label': 'Cypher query (read-only)', spellcheck: 'false' });
  input.value = EXAMPLES[0]?.[1] ?? '';
  const out = h('div', { id: 'cypher-output', 'aria-live': 'polite' });
  const graphBox = h('div', { class: 'result-graph', id: 'cypher-graph', role: 'img', 'aria-label': 'Drawing of the nodes, relationships and paths returned' });
  let cy: Core | null = null;
  // Pointing at (or focusing) a row picks out its nodes, relationships and paths in the drawing.
  const pickRow = (e: Event): void => {
    const row = (e.target as Element).closest('tr[data-row]');
    const index = row === null ? -1 : Number(row.getAttribute('data-row'));
    if (cy !== null) highlightResult(cy, index >= 0 ? elementIdsOf(lastRows[index]) : new Set());
  };
  let lastRows: readonly (readonly unknown[])[] = [];
  out.addEventListener('mouseover', pickRow);
  out.addEventListener('focusin', pickRow);
  const run = async (): Promise<void> => {
    replace(out, h('p', {}, 'Running…'));
    try {
      const result = await runCypher(input.value);
      lastRows = result.rows;
      showTable(out, result);
      cy = drawResultGraph(graphBox, result, cy);
      if (cy === null) replace(graphBox, h('p', { class: 'cite' }, 'No nodes, relationships or paths in this result to draw.'));
    } catch (error) {
      const code = error instanceof ApiError ? ` (${error.code})` : '';
      replace(out, h('p', { class: 'error', role: 'alert' }, `The query was not run${code}: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  replace(
    root,
    h(
      'div',
      { class: 'console' },
      h(
        'div',
        { class: 'console-main' },
        input,
        h(
          'div',
          {},
          h('button', { id: 'cypher-run', onClick: () => void run() }, 'Run (Ctrl+Enter)'),
          ' ',
          h(
            'select',
            {
              'aria-label': 'Example queries',
              onChange: (e: Event) => {
                input.value = (e.target as HTMLSelectElement).value;
              },
            },
            h('option', { value: input.value }, 'Examples…'),
            ...EXAMPLES.map(([name, q]) => h('option', { value: q }, name)),
          ),
        ),
        h('p', { class: 'cite' }, 'Read-only: writes, LOAD CSV and most procedures are refused by the server.'),
        out,
      ),
      graphBox,
    ),
  );
}

function showTable(out: HTMLElement, r: CypherResult): void {
  replace(
    out,
    h('p', { class: 'cite' }, `${r.rows.length} row${r.rows.length === 1 ? '' : 's'} in ${r.elapsedMs} ms${r.truncated ? ' (truncated by the row cap)' : ''}`),
    r.rows.length === 0
      ? h('p', {}, 'No rows.')
      : h(
          'table',
          { id: 'cypher-table' },
          h('thead', {}, h('tr', {}, ...r.columns.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...r.rows.map((row, i) => h('tr', { 'data-row': i }, ...row.map((v) => cell(v))))),
        ),
  );
}
