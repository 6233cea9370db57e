/** Export and share: PNG, SVG, JSON, GraphML, the bibliography of visible facts, a permalink. */
import { h, replace } from './dom.js';

export interface ExportHandlers {
  readonly png: () => void;
  readonly svg: () => void;
  readonly json: () => void;
  readonly graphml: () => void;
  readonly bibliography: () => void;
  readonly link: () => Promise<void>;
}

export function mountExport(root: HTMLElement, on: ExportHandlers): void {
  const button = (id: string, text: string, title: string, run: () => void): HTMLButtonElement => h('button', { id, title, onClick: run }, text);
  replace(
    root,
    h('span', {}, 'Export:'),
    button('export-png', 'PNG', 'Picture of the current view', on.png),
    button('export-svg', 'SVG', 'Vector drawing of the current view', on.svg),
    button('export-json', 'JSON', 'The visible subgraph as JSON', on.json),
    button('export-graphml', 'GraphML', 'The visible subgraph as GraphML', on.graphml),
    button('export-bib', 'Sources', 'Bibliography of the visible facts', on.bibliography),
    button('copy-link', 'Copy link', 'Copy a permalink to this view', () => void on.link()),
  );
}
