import { describe, expect, it } from 'vitest';
import { checkConsoleText, checkPlan, graphOf, stripLiterals } from '../../../server/src/db/console.js';
import { AtlasError } from '../../../server/src/errors.js';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AtlasError ? error.code : 'NOT_ATLAS';
  }
};

describe('console text checks', () => {
  it.each([
    'LOAD CSV FROM "file:///etc/passwd" AS row RETURN row',
    'load   csv with headers from "http://x" as r return r',
    'USE system SHOW USERS',
    'MATCH (n) RETURN n UNION USE other MATCH (m) RETURN m',
    'CALL dbms.components()',
    'CALL apoc.load.json("http://x")',
    'SHOW DATABASES',
    'CREATE INDEX foo FOR (n:Person) ON (n.x)',
    'MATCH (n) RETURN n; MATCH (m) DETACH DELETE m',
    'CALL { MATCH (n) SET n.x = 1 } IN TRANSACTIONS',
    'PROFILE MATCH (n) RETURN n',
  ])('refuses %s', (query) => expect(codeOf(() => checkConsoleText(query))).toBe('QUERY_REJECTED'));

  it.each([
    'MATCH (p:Person) WHERE p.name = "LOAD CSV" RETURN p',
    "MATCH (p:Person {id: 'use'}) RETURN p.use AS use",
    'CALL db.labels()',
    'CALL db.index.fulltext.queryNodes("person_names", "pak") YIELD node RETURN node',
    'MATCH (n) RETURN n;',
    '// a comment that says LOAD CSV\nMATCH (n) RETURN count(n)',
  ])('accepts %s', (query) => expect(codeOf(() => checkConsoleText(query))).toBeUndefined());

  it('an empty query is bad input', () => expect(codeOf(() => checkConsoleText('  '))).toBe('BAD_USER_INPUT'));
  it('blanks literals without moving anything', () => {
    const text = `RETURN 'a;b' AS x // ;`;
    expect(stripLiterals(text)).toHaveLength(text.length);
    expect(stripLiterals(text)).not.toContain(';');
  });
});

describe('plan checks', () => {
  it('refuses writes and schema changes', () => {
    expect(codeOf(() => checkPlan({ queryType: 'rw', operators: [], details: [] }))).toBe('QUERY_REJECTED');
    expect(codeOf(() => checkPlan({ queryType: 's', operators: [], details: [] }))).toBe('QUERY_REJECTED');
  });
  it('refuses LoadCSV and unlisted procedures the text scan missed', () => {
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['LoadCSV'], details: [] }))).toBe('QUERY_REJECTED');
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['ProcedureCall'], details: ['dbms.listConfig() :: (name :: STRING)'] }))).toBe('QUERY_REJECTED');
  });
  it('accepts allowed procedures and plain reads', () => {
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['ProcedureCall', 'ProduceResults'], details: ['db.labels() :: (label :: STRING)'] }))).toBeUndefined();
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['AllNodesScan'], details: [] }))).toBeUndefined();
  });
});

describe('graph extraction', () => {
  const node = (id: string, name: string) => ({ elementId: id, labels: ['Person'], properties: { name } });
  it('collects nodes and drawable relationships from rows, lists and paths', () => {
    const rel = { elementId: 'r1', type: 'TIE', startElementId: 'a', endElementId: 'b', properties: {} };
    const dangling = { elementId: 'r2', type: 'TIE', startElementId: 'a', endElementId: 'zzz', properties: {} };
    const graph = graphOf([[node('a', 'Kim'), [rel, dangling]], [{ start: node('b', 'Pak'), segments: [] }]]);
    expect(graph.nodes.map((n) => [n.id, n.caption])).toEqual([['a', 'Kim'], ['b', 'Pak']]);
    expect(graph.relationships.map((r) => [r.id, r.source, r.target])).toEqual([['r1', 'a', 'b']]);
  });
});
