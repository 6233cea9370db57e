import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../server/src/seed/export/csv.js';
import { toGexf } from '../../../server/src/seed/export/gexf.js';
import { toGraphml } from '../../../server/src/seed/export/graphml.js';
import type { ExportGraph } from '../../../server/src/seed/export/graph.js';
import { toJson } from '../../../server/src/seed/export/json.js';

const nasty = 'Quote " amp & lt < gt > apos \' comma, newline\nend\u0001';
const graph: ExportGraph = {
  window: { from: 1950, to: 1960 },
  nodes: [
    { id: 'p-a', type: 'Person', label: nasty, start: '1938-01-01', end: '1957-04-30', attributes: { type: 'Person', summary: nasty, certainty: null }, properties: { id: 'p-a' } },
    { id: 'p-b', type: 'Person', label: 'B', start: null, end: null, attributes: { type: 'Person' }, properties: { id: 'p-b' } },
  ],
  edges: [
    { id: 'tie-1', type: 'TIE', source: 'p-a', target: 'p-b', directed: false, start: '1950-01-01', end: null, attributes: { type: 'TIE', kind: 'RIVALRY', certaintyRank: 3 }, properties: {} },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('export formats', () => {
  it('GEXF 1.3 is well-formed, dynamic with dates, and escapes text', () => {
    const xml = toGexf(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.gexf['@version']).toBe('1.3');
    expect(doc.gexf.graph['@mode']).toBe('dynamic');
    expect(doc.gexf.graph['@timeformat']).toBe('date');
    const nodes = doc.gexf.graph.nodes.node;
    expect(nodes[0]['@start']).toBe('1938-01-01');
    expect(nodes[0]['@end']).toBe('1957-04-30');
    expect(nodes[1]['@start']).toBeUndefined();
    expect(doc.gexf.graph.edges.edge['@type']).toBe('undirected');
    expect(xml).not.toContain('\u0001');
  });

  it('GraphML is well-formed with keys and an undirected tie', () => {
    const xml = toGraphml(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.graphml.graph.node).toHaveLength(2);
    expect(doc.graphml.graph.edge['@directed']).toBe('false');
    expect(doc.graphml.key.length).toBeGreaterThan(5);
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
