import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../server/src/export/csv.js';
import { toGexf } from '../../../server/src/export/gexf.js';
import { toGraphml } from '../../../server/src/export/graphml.js';
import type { ExportGraph } from '../../../server/src/export/graph.js';
import { toJson } from '../../../server/src/export/json.js';
import { gexfProblems, graphmlProblems, hasNetworkx, loadWithNetworkx } from './graph-readers.js';

const nasty = 'Quote " amp & lt < gt > apos \' comma, newline\nend\u0001';
const graph: ExportGraph = {
  window: { from: 1950, to: 1960 },
  nodes: [
    {
      id: 'p-a',
      type: 'Person',
      label: nasty,
      start: '1938-01-01',
      end: '1957-04-30',
      attributes: { type: 'Person', summary: nasty, certainty: null },
      properties: { id: 'p-a' },
    },
    { id: 'p-b', type: 'Person', label: 'B', start: null, end: null, attributes: { type: 'Person' }, properties: { id: 'p-b' } },
  ],
  edges: [
    {
      id: 'tie-1',
      type: 'TIE',
      source: 'p-a',
      target: 'p-b',
      directed: false,
      label: 'rivalry',
      start: '1950-01-01',
      end: null,
      properties: {},
      attributes: {
        type: 'TIE',
        directed: false,
        kind: 'RIVALRY',
        certaintyRank: 3,
        possibleFrom: '1950-01-01',
        certainFrom: '1950-12-31',
        startBasis: 'RECORDED',
        endBasis: 'FADE_OUT',
        endInferredFrom: 'tie: last attested',
        citations: 'lankov2002, ch. 4',
      },
    },
    {
      id: 'tie-2',
      type: 'TIE',
      source: 'p-b',
      target: 'p-a',
      directed: true,
      label: 'denunciation',
      start: '1951-01-01',
      end: '1953-12-31',
      properties: {},
      attributes: { type: 'TIE', directed: true, kind: 'DENUNCIATION' },
    },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const golden = (name: string): string => readFileSync(path.join(import.meta.dirname, 'golden', name), 'utf8');

describe('export formats', () => {
  // The files as the writers wrote them before they shared core/graph-xml.ts with the client: a
  // change of layout or escaping shows here first (update the golden files on purpose).
  it('GEXF and GraphML are byte for byte the golden files', () => {
    expect(toGexf(graph)).toBe(golden('graph.gexf'));
    expect(toGraphml(graph)).toBe(golden('graph.graphml'));
  });

  it('GEXF 1.2 is well-formed, dynamic with dates, and escapes text', () => {
    const xml = toGexf(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.gexf['@version']).toBe('1.2');
    expect(doc.gexf.graph['@mode']).toBe('dynamic');
    expect(doc.gexf.graph['@timeformat']).toBe('date');
    const nodes = doc.gexf.graph.nodes.node;
    expect(nodes[0]['@start']).toBe('1938-01-01');
    expect(nodes[0]['@end']).toBe('1957-04-30');
    expect(nodes[1]['@start']).toBeUndefined();
    // One direction for the graph (NetworkX refuses an undirected edge in a directed graph); the
    // tie without direction says so in an attribute.
    expect(doc.gexf.graph['@defaultedgetype']).toBe('directed');
    expect(doc.gexf.graph.edges.edge.map((e: Record<string, string>) => e['@type'])).toEqual([undefined, undefined]);
    expect(doc.gexf.graph.edges.edge[0]['@label']).toBe('rivalry');
    expect(gexfProblems(xml)).toEqual([]);
    expect(xml).not.toContain('\u0001');
  });

  it('GraphML is well-formed with keys, one direction for the graph, and the tie without direction marked', () => {
    const xml = toGraphml(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.graphml.graph.node).toHaveLength(2);
    expect(doc.graphml.graph['@edgedefault']).toBe('directed');
    expect(doc.graphml.graph.edge[0]['@directed']).toBeUndefined();
    expect(doc.graphml.key.length).toBeGreaterThan(5);
    expect(graphmlProblems(xml)).toEqual([]);
  });

  it('NetworkX reads both XML formats with labels, the inferred span and citations on the edges', () => {
    expect(hasNetworkx(), 'python3-networkx is needed (apt-get install python3-networkx)').toBe(true);
    const read = loadWithNetworkx({ 'g.graphml': toGraphml(graph), 'g.gexf': toGexf(graph) });
    for (const name of ['g.graphml', 'g.gexf']) {
      const summary = read[name]!;
      expect(summary.error, name).toBeUndefined();
      expect(summary).toMatchObject({ directed: true, nodes: 2, edges: 2 });
      expect(summary.edge).toMatchObject({
        label: 'rivalry',
        directed: false,
        possibleFrom: '1950-01-01',
        startBasis: 'RECORDED',
        endBasis: 'FADE_OUT',
        citations: 'lankov2002, ch. 4',
      });
    }
  });

  it('the structural checks catch what NetworkX refuses', () => {
    expect(
      graphmlProblems('<graphml><graph edgedefault="directed"><node id="a"/><edge id="e" source="a" target="a" directed="false"/></graph></graphml>'),
    ).toHaveLength(1);
    expect(
      gexfProblems('<gexf><graph defaultedgetype="directed"><edges><edge id="e" source="a" target="a" type="undirected"/></edges></graph></gexf>'),
    ).toHaveLength(1);
    expect(hasNetworkx()).toBe(true);
    const read = loadWithNetworkx({
      'bad.graphml':
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/><edge source="a" target="a" directed="false"/></graph></graphml>',
    });
    expect(read['bad.graphml']?.error).toContain('directed=false edge found in directed graph');
  });

  it('CSV quotes fields with commas, quotes and newlines', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    const files = toCsv(graph);
    expect(files['nodes.csv'].split('\r\n')[0]).toMatch(/^id,type,label,start,end,/);
    expect(files['edges.csv']).toContain('tie-1,TIE,p-a,p-b,false,1950-01-01,,RIVALRY');
    expect(files['nodes.csv']).toContain('"Quote "" amp');
  });

  it('JSON round-trips', () => {
    const parsed = JSON.parse(toJson(graph));
    expect(parsed.window).toEqual({ from: 1950, to: 1960 });
    expect(parsed.nodes[0].label).toBe(nasty);
  });
});
