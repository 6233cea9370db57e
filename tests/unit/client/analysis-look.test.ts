/** The analysis painter on a headless Cytoscape: data fields set, changed and cleared. */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { AnalysisPainter, PLAIN_LOOK } from '../../../client/src/graph/analysis-look.js';

function graph() {
  return cytoscape({
    headless: true,
    elements: [
      { group: 'nodes', data: { id: 'faction:yanan' }, classes: 'faction' },
      { group: 'nodes', data: { id: 'p:a', parent: 'faction:yanan' }, classes: 'person' },
      { group: 'nodes', data: { id: 'p:b' }, classes: 'person' },
      { group: 'nodes', data: { id: 'p:c' }, classes: 'person' },
    ],
  });
}

describe('the analysis painter', () => {
  it('sets sizes, the unmeasured mark and community fills, greys the boxes, and clears them all', () => {
    const cy = graph();
    const painter = new AnalysisPainter(cy);
    painter.paint({
      sizes: new Map([
        ['a', 40],
        ['b', 14],
      ]),
      unmeasured: new Set(['c']),
      fills: new Map([['a', '#332288']]),
    });
    expect(cy.getElementById('p:a').data('asize')).toBe(40);
    expect(cy.getElementById('p:c').data('unmeasured')).toBe(true);
    expect(cy.getElementById('p:a').data('acolour')).toBe('#332288');
    expect(cy.getElementById('faction:yanan').data('neutral')).toBe(true);
    painter.paint({ sizes: new Map([['b', 20]]), unmeasured: new Set(), fills: null });
    expect(cy.getElementById('p:a').data('asize')).toBeUndefined();
    expect(cy.getElementById('p:b').data('asize')).toBe(20);
    expect(cy.getElementById('p:c').data('unmeasured')).toBeUndefined();
    expect(cy.getElementById('p:a').data('acolour')).toBeUndefined();
    expect(cy.getElementById('faction:yanan').data('neutral')).toBeUndefined();
    painter.paint(PLAIN_LOOK);
    expect(cy.getElementById('p:b').data('asize')).toBeUndefined();
  });

  it('marks nobody unmeasured while sizes are off', () => {
    const cy = graph();
    new AnalysisPainter(cy).paint({ sizes: null, unmeasured: new Set(['c']), fills: null });
    expect(cy.getElementById('p:c').data('unmeasured')).toBeUndefined();
  });
});
