/** Export actions: files of the current view and the permalink. */
import type { Explorer } from './explorer.js';
import { toSvg } from './graph/svg.js';
import { isoOf, monthLabel } from './state/dates.js';
import { bibliography, bibliographyText, subgraphGraphml, subgraphJson, visibleFacts } from './state/export.js';
import { download } from './ui/dom.js';
import { mountExport } from './ui/export.js';
import { showError, showMessage } from './ui/status.js';
import { linkState } from './url-sync.js';
import { encode } from './state/permalink.js';

export function mountExportActions(app: Explorer): void {
  const name = (ext: string): string => `faction-atlas-${isoOf(app.currentFrame().day)}.${ext}`;
  mountExport(document.getElementById('export') as HTMLElement, {
    png: () => {
      const blob = app.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
      download(name('png'), blob);
    },
    svg: () => download(name('svg'), toSvg(app.cy, `Faction Atlas, ${monthLabel(app.currentFrame().day)}`), 'image/svg+xml'),
    json: () => download(name('json'), `${JSON.stringify(subgraphJson(app.timeline, app.currentFrame()), null, 2)}\n`, 'application/json'),
    graphml: () => download(name('graphml'), subgraphGraphml(app.timeline, app.currentFrame()), 'application/xml'),
    bibliography: () => {
      const facts = visibleFacts(app.timeline, app.currentFrame());
      download(name('sources.txt'), bibliographyText(bibliography(app.timeline.sources, facts.citations), app.currentFrame().day));
    },
    link: async () => {
      const href = `${window.location.origin}${window.location.pathname}${encode(linkState(app.store.get()))}`;
      try {
        await navigator.clipboard.writeText(href);
        showMessage(`Permalink copied: ${href}`);
      } catch {
        // Clipboard access needs a secure context or permission; show the link instead.
        showError(`Copy this permalink: ${href}`);
      }
    },
  });
}
