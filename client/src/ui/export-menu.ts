/** Export and share: PNG, SVG, JSON, GraphML, GEXF, the reference list of visible facts, a permalink. */
import { h, replace } from './dom.js';

export interface ExportHandlers {
  readonly png: () => Promise<void>;
  readonly svg: () => void;
  readonly json: () => void;
  readonly graphml: () => void;
  readonly gexf: () => void;
  readonly bibliography: () => void;
  readonly link: () => Promise<void>;
}

export function mountExport(root: HTMLElement, on: ExportHandlers): void {
  const button = (id: string, text: string, title: string, run: () => void): HTMLButtonElement => h('button', { id, title, onClick: run }, text);
  replace(
    root,
    h('span', {}, 'Export:'),
    button('export-png', 'PNG', 'Picture of the current view, with title, date, legend and source line', () => void on.png()),
    button('export-svg', 'SVG', 'Vector drawing of the current view', on.svg),
    button('export-json', 'JSON', 'The visible subgraph as JSON', on.json),
    button('export-graphml', 'GraphML', 'The visible subgraph as GraphML (NetworkX, yEd, Gephi)', on.graphml),
    button('export-gexf', 'GEXF', 'The visible subgraph as GEXF, ties spelled over their dates (Gephi)', on.gexf),
    button('export-bib', 'Sources', 'Reference list of the visible facts, with the passages cited', on.bibliography),
    button('copy-link', 'Copy link', 'Copy a permalink to this view', () => void on.link()),
  );
}
