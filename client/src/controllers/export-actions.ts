/** Export actions: files of the current view and the permalink. */
import type { ExplorerContext } from './context.js';
import { imageCaption } from '../graph/caption.js';
import { captionedPng } from '../graph/png.js';
import { toSvg } from '../graph/svg.js';
import { isoOf } from '../state/dates.js';
import { bibliography, bibliographyText, subgraphGexf, subgraphGraphml, subgraphJson, visibleFacts } from '../state/visible-subgraph.js';
import { isDefault } from '../state/filters.js';
import { download } from '../ui/dom.js';
import { mountExport } from '../ui/export-menu.js';
import { showError, showMessage } from '../ui/status.js';
import { permalinkHref } from '../url-sync.js';

export function mountExportActions(app: ExplorerContext): void {
  // Title, date, legend and source line for the pictures, with the permalink of this very view.
  const caption = () => {
    return imageCaption(app.timeline, app.currentFrame(), app.colours, !isDefault(app.store.get().filters), permalinkHref(app.store.get()));
  };
  const name = (ext: string): string => `faction-atlas-${isoOf(app.currentFrame().day)}.${ext}`;
  mountExport(document.getElementById('export') as HTMLElement, {
    png: async () => {
      try {
        download(name('png'), await captionedPng(app.cy, caption()));
      } catch (error) {
        showError(`Could not draw the picture: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    svg: () => download(name('svg'), toSvg(app.cy, caption()), 'image/svg+xml'),
    json: () => download(name('json'), `${JSON.stringify(subgraphJson(app.timeline, app.currentFrame()), null, 2)}\n`, 'application/json'),
    graphml: () => download(name('graphml'), subgraphGraphml(app.timeline, app.currentFrame()), 'application/xml'),
    gexf: () => download(name('gexf'), subgraphGexf(app.timeline, app.currentFrame()), 'application/xml'),
    bibliography: () => {
      const facts = visibleFacts(app.timeline, app.currentFrame());
      download(name('sources.txt'), bibliographyText(bibliography(app.timeline.sources, facts.citations), app.currentFrame().day));
    },
    link: async () => {
      const href = permalinkHref(app.store.get());
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
