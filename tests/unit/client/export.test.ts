/** The client's files of the visible subgraph, read as their consumers read them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../client/src/state/dates.js';
import { formatSource, subgraphGexf, subgraphGraphml } from '../../../client/src/state/visible-subgraph.js';
import { NO_FILTERS } from '../../../client/src/state/filters.js';
import { computeFrame, prepare } from '../../../client/src/state/frame.js';
import { gexfProblems, graphmlProblems, hasNetworkx, loadWithNetworkx } from '../export/graph-readers.js';
import { imageCaption } from '../../../client/src/graph/caption.js';
import { timeline } from './fixtures/timeline.js';

const frame = computeFrame(prepare(timeline, NO_FILTERS), dayOf('1952-06-01'));

const golden = (name: string): string => readFileSync(path.join(import.meta.dirname, 'fixtures/golden', name), 'utf8');

describe('GraphML and GEXF of the view', () => {
  // The files as written before the writers shared core/graph-xml.ts with the server, but for
  // the one escaping rule now shared: an apostrophe is written &apos; (same text once parsed).
  it('are byte for byte the golden files', () => {
    expect(subgraphGexf(timeline, frame)).toBe(golden('view-1952-06-01.gexf'));
    expect(subgraphGraphml(timeline, frame)).toBe(golden('view-1952-06-01.graphml'));
  });

  it('are one flat graph with one direction, faction an attribute', () => {
    const graphml = subgraphGraphml(timeline, frame);
    const gexf = subgraphGexf(timeline, frame);
    expect(graphmlProblems(graphml)).toEqual([]);
    expect(gexfProblems(gexf)).toEqual([]);
    expect(graphml).not.toContain('<graph id="faction:');
    // The alliance has no direction; it says so in an attribute, not in the edge element.
    expect(graphml).not.toMatch(/directed="(true|false)"/);
    expect(gexf).not.toContain('type="undirected"');
  });

  it('NetworkX loads both, with node labels and factions, and edge labels, spans and citations', () => {
    expect(hasNetworkx(), 'python3-networkx is needed (apt-get install python3-networkx)').toBe(true);
    const read = loadWithNetworkx({ 'view.graphml': subgraphGraphml(timeline, frame), 'view.gexf': subgraphGexf(timeline, frame) });
    for (const name of ['view.graphml', 'view.gexf']) {
      const s = read[name]!;
      expect(s.error, name).toBeUndefined();
      expect(s, name).toMatchObject({ directed: true, nodes: frame.persons.size, edges: frame.ties.length });
      expect(Object.keys(s.node ?? {}), name).toEqual(expect.arrayContaining(['label', 'status']));
      expect(s.edge, name).toMatchObject({
        label: expect.any(String),
        startBasis: expect.any(String),
        endBasis: expect.any(String),
        citations: expect.stringMatching(/\w/),
      });
      expect(Object.keys(s.edge ?? {}), name).toEqual(expect.arrayContaining(['possibleFrom', 'directed', 'certainty']));
    }
  });
});

describe('the reference list', () => {
  it("leads with the title when there is no author, and keeps a title's own quotes and question mark", () => {
    expect(
      formatSource({
        id: 'x',
        title: 'Alliance of "Tooth and Lips" or Marriage of Convenience?',
        author: 'Shen Zhihua',
        year: 2008,
        publication: 'Working Paper 08-09',
      }),
    ).toBe('Shen Zhihua. 2008. “Alliance of ‘Tooth and Lips’ or Marriage of Convenience?” Working Paper 08-09.');
    expect(formatSource({ id: 'y', title: 'Proletarian internationalism', author: null, year: null, publication: null })).toBe(
      '“Proletarian internationalism.” n.d.',
    );
  });
});

describe('the picture caption', () => {
  it('has a title, the date, a legend of what is shown and a source line', () => {
    const colours = new Map([
      ['yanan', '#E69F00'],
      ['guerrilla', '#009E73'],
      ['southern', '#CC79A7'],
    ]);
    const caption = imageCaption(timeline, frame, colours, false, 'http://atlas.example/?at=1952-06');
    expect(caption.title).not.toBe('');
    expect(caption.subtitle).toMatch(/^June 1952/);
    expect(caption.source).toContain('http://atlas.example/?at=1952-06');
    const factions = caption.legend.filter((i) => i.kind === 'faction').map((i) => i.label);
    expect(factions.length).toBeGreaterThan(0);
    expect(caption.legend.some((i) => i.kind === 'status')).toBe(true);
    expect(caption.legend.filter((i) => i.kind === 'tie').length).toBe(new Set(frame.ties.map((t) => t.kind)).size);
    expect(imageCaption(timeline, frame, colours, true, '').subtitle).toContain('filtered');
  });
});
