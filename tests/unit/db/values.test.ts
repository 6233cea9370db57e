/** Graph values are marked at the database boundary; look-alike maps built by a query are not graph values. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphNode, GraphRelationship, toPlain } from '../../../server/src/db/values.js';

describe('toPlain graph values', () => {
  it('turns driver nodes and relationships into GraphNode / GraphRelationship', () => {
    const node = toPlain(new neo4j.types.Node(neo4j.int(1), ['Person'], { name: 'Kim', born: neo4j.int(1912) }, '4:a:1'));
    expect(node).toBeInstanceOf(GraphNode);
    // Serialised (GraphQL JSON scalar) it is the same three keys as before.
    expect(JSON.parse(JSON.stringify(node))).toEqual({ elementId: '4:a:1', labels: ['Person'], properties: { name: 'Kim', born: 1912 } });
    const rel = toPlain(new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'TIE', {}, '5:a:2', '4:a:1', '4:a:3'));
    expect(rel).toBeInstanceOf(GraphRelationship);
    expect(rel).toMatchObject({ type: 'TIE', startElementId: '4:a:1', endElementId: '4:a:3' });
  });

  it('a map with node-shaped keys stays a plain map', () => {
    const fake = toPlain({ elementId: 'a', labels: ['X'], properties: null });
    expect(fake).not.toBeInstanceOf(GraphNode);
    expect(fake).toEqual({ elementId: 'a', labels: ['X'], properties: null });
    const fakeRel = toPlain({ elementId: 'r', type: 'T', startElementId: 'a', endElementId: 'b', properties: {} });
    expect(fakeRel).not.toBeInstanceOf(GraphRelationship);
  });
});
