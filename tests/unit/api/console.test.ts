import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkConsoleText, checkPlan, graphOf, stripLiterals } from '../../../server/src/db/console.js';
import { GraphNode, GraphRelationship } from '../../../server/src/db/values.js';
import { AtlasError } from '../../../server/src/errors.js';
import { countRootField } from '../../../server/src/graphql/resolvers/console.js';

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
    // A leading CYPHER clause (version, planner or runtime options) hid the real first keyword.
    'CYPHER SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters',
    'CYPHER TERMINATE TRANSACTIONS $id',
    'cypher 5 MATCH (n) RETURN n',
    'CYPHER runtime=slotted MATCH (n) RETURN n',
    '/* hello */ CYPHER SHOW SETTINGS',
    '// a comment\n  CyPhEr planner=cost SHOW PROCEDURES',
    '\u00A0\u2003\u3000CYPHER 5 CREATE (n)',
    // Comments and whitespace JavaScript's \s does not know, in front of a command.
    '/* x */SHOW TRANSACTIONS',
    '\u001C\u001FSHOW SETTINGS',
    '\u0085TERMINATE TRANSACTIONS "neo4j-transaction-1"',
    'MATCH (n) CALL {\u001CUSE system MATCH (m) RETURN m } RETURN n',
    '/**/EXPLAIN MATCH (n) RETURN n',
  ])('refuses %s', (query) => expect(codeOf(() => checkConsoleText(query))).toBe('QUERY_REJECTED'));

  it.each([
    'MATCH (p:Person) WHERE p.name = "LOAD CSV" RETURN p',
    "MATCH (p:Person {id: 'use'}) RETURN p.use AS use",
    'CALL db.labels()',
    'CALL db.index.fulltext.queryNodes("person_names", "pak") YIELD node RETURN node',
    'MATCH (n) RETURN n;',
    '// a comment that says LOAD CSV\nMATCH (n) RETURN count(n)',
  ])('accepts %s', (query) => expect(codeOf(() => checkConsoleText(query))).toBeUndefined());

  it.each([
    // Issue 14: values built inside one expression, which the memory tracker does not see.
    ["RETURN size(reduce(s='x', i IN range(1,29) | s+s))", 'accumulator twice'],
    ['RETURN size([x IN range(1,60000000) | x])', 'range too large'],
    ['RETURN reduce(a=0, x IN range(1,2000000000) | a+x)', 'range too large'],
    ['UNWIND range(1, 1000) AS a UNWIND range(1, 10000) AS b RETURN count(*)', 'ranges together too large'],
    ['RETURN range(1, $n)', 'range bound not a literal'],
    ['RETURN range(1, 10 ^ 9)', 'range bound an expression'],
    ["RETURN reduce(s='x', i IN range(1,29) | replace(s, 'x', 'xx'))", 'replace in a reduce step'],
    ['RETURN reduce(l=[1], i IN range(1,40) | [x IN range(1,2) | l])', 'iteration in a reduce step'],
    ['RETURN [a IN [1] | [b IN [2] | [c IN [3] | c]]]', 'iterations nested three deep'],
    ["RETURN replace('x', '', 'yy')", 'replace with an empty search'],
    ['RETURN replace("x", "x", $y)', 'replace with a computed replacement'],
    [`WITH 'x' AS s${' WITH s + s AS s'.repeat(7)} RETURN size(s)`, 'self-concatenation chain'],
    [`WITH [1] AS l${' WITH [l, l] AS l'.repeat(30)} RETURN l`, 'a list that holds itself twice, 30 times over'],
    // Regular expressions that backtrack for minutes, or cannot be checked.
    ["WITH 'aaaaaaaaaaaaaaaaaaaaaaaaaaab' AS s RETURN s =~ '(.*a){12}$'", 'nested repeat'],
    ["RETURN 'x' =~ '(a|aa)+b'", 'repeated alternation'],
    ["RETURN 'x' =~ '(a)\\\\1'", 'backreference'],
    ["RETURN 'x' =~ '.*a.*b'", 'two unbounded repeats (quadratic backtracking over a built string)'],
    ["RETURN 'x' =~ 'a{0,5000}a{0,5000}b'", 'large bounded repeats'],
    ["RETURN 'x' =~ $pattern", 'pattern not a literal'],
    // Nesting that overflows Neo4j's parser (it never answers), and size that makes planning slow.
    [`RETURN ${'('.repeat(500)}1${')'.repeat(500)}`, '500 parentheses'],
    [`RETURN ${'NOT '.repeat(500)}true`, '500 NOTs'],
    [`RETURN ${Array.from({ length: 3000 }, () => '1').join('+')}`, '3000 operators'],
  ])('refuses %s (%s)', (query) => expect(codeOf(() => checkConsoleText(query))).toBe('QUERY_REJECTED'));

  it.each([
    "MATCH (p:Person) WHERE p.name =~ '(?i)kim.*' RETURN p.name, [x IN range(1, 10) | x * 2] AS xs",
    "MATCH (p:Person) WHERE p.name =~ '[A-Z][a-z]{1,20} [A-Z].*' RETURN p.name",
    'MATCH (p:Person) RETURN reduce(total = 0, x IN [1, 2, 3] | total + x) AS s, [t IN [(p)-[:TIE]-(q) | q] | t.name] AS names',
    "MATCH (p:Person)-[:TIE]-(q) RETURN p.name + ' - ' + q.name AS pair, replace(p.name, '-', ' ') AS spaced LIMIT 5",
    'UNWIND range(1, 100000) AS x RETURN sum(x)',
    "RETURN 'Kim Il-sung' =~ '^Kim( [A-Z][a-z-]+)?$' AS ok",
    `RETURN ${'('.repeat(30)}1${')'.repeat(30)} AS deep`,
    'MATCH p = (a:Person)-[*1..3]-(b:Person) RETURN count(p)',
    'MATCH (a:Person)-[t:TIE]-(b:Person) RETURN [a, b] AS pair, {tie: t, ends: [a.name, b.name]} AS detail LIMIT 5',
  ])('accepts %s', (query) => expect(codeOf(() => checkConsoleText(query))).toBeUndefined());

  it('an empty query is bad input', () => expect(codeOf(() => checkConsoleText('  '))).toBe('BAD_USER_INPUT'));
  it('blanks literals without moving anything', () => {
    const text = `RETURN 'a;b' AS x // ;`;
    expect(stripLiterals(text)).toHaveLength(text.length);
    expect(stripLiterals(text)).not.toContain(';');
  });
});

describe('plan checks', () => {
  it.each([
    'ShowTransactions',
    'TerminateTransactions',
    'ShowSettings',
    'ShowProcedures',
    'ShowFunctions',
    'ShowIndexes',
    'AdministrationCommand',
    'Create',
    'Merge',
    'LockingMerge',
    'Delete',
    'DetachDelete',
    'SetProperty',
    'SetLabels',
    'SetNodePropertiesFromMap',
    'RemoveLabels',
    'Foreach',
    'SubqueryForeach',
    'TransactionForeach',
    'TransactionApply',
    'LoadCSV',
    'SomethingNew',
  ])('refuses a %s operator even in a plan Neo4j calls a read', (operator) => {
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['ProduceResults', operator], details: ['', ''] }))).toBe('QUERY_REJECTED');
  });
  it('accepts the read operators real plans use, variant suffixes included', () => {
    const operators = [
      'ProduceResults',
      'Top',
      'Projection',
      'Expand(All)',
      'VarLengthExpand(Pruning,BFS,All)',
      'StatefulShortestPath(Into)',
      'OptionalExpand(All)',
      'SemiApply',
      'RollUpApply',
      'NodeUniqueIndexSeek',
      'NodeByLabelScan',
    ];
    expect(codeOf(() => checkPlan({ queryType: 'r', operators, details: operators.map(() => '') }))).toBeUndefined();
  });
  it('checks each procedure call against its own details', () => {
    const plan = {
      queryType: 'r',
      operators: ['ProduceResults', 'ProcedureCall', 'ProcedureCall'],
      details: ['label', 'db.labels() :: (label :: STRING)', 'db.ping() :: (success :: BOOLEAN)'],
    };
    expect(codeOf(() => checkPlan(plan))).toBe('QUERY_REJECTED');
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['ProcedureCall'], details: [''] }))).toBe('QUERY_REJECTED');
  });
  it('refuses writes and schema changes', () => {
    expect(codeOf(() => checkPlan({ queryType: 'rw', operators: [], details: [] }))).toBe('QUERY_REJECTED');
    expect(codeOf(() => checkPlan({ queryType: 's', operators: [], details: [] }))).toBe('QUERY_REJECTED');
  });
  it('refuses LoadCSV and unlisted procedures the text scan missed', () => {
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['LoadCSV'], details: [] }))).toBe('QUERY_REJECTED');
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['ProcedureCall'], details: ['dbms.listConfig() :: (name :: STRING)'] }))).toBe(
      'QUERY_REJECTED',
    );
  });
  it('accepts allowed procedures and plain reads', () => {
    expect(
      codeOf(() => checkPlan({ queryType: 'r', operators: ['ProcedureCall', 'ProduceResults'], details: ['db.labels() :: (label :: STRING)'] })),
    ).toBeUndefined();
    expect(codeOf(() => checkPlan({ queryType: 'r', operators: ['AllNodesScan'], details: [] }))).toBeUndefined();
  });
});

describe('graph extraction', () => {
  const node = (id: string, name: string) => new GraphNode(id, ['Person'], { name });
  it('collects nodes and drawable relationships from rows, lists and paths', () => {
    const rel = new GraphRelationship('r1', 'TIE', 'a', 'b', {});
    const dangling = new GraphRelationship('r2', 'TIE', 'a', 'zzz', {});
    const graph = graphOf([[node('a', 'Kim'), [rel, dangling]], [{ start: node('b', 'Pak'), segments: [] }]]);
    expect(graph.nodes.map((n) => [n.id, n.caption])).toEqual([
      ['a', 'Kim'],
      ['b', 'Pak'],
    ]);
    expect(graph.relationships.map((r) => [r.id, r.source, r.target])).toEqual([['r1', 'a', 'b']]);
  });
  it('ignores maps that merely look like nodes or relationships', () => {
    const graph = graphOf([
      [
        { elementId: 'a', labels: ['X'], properties: null },
        { elementId: 'r', type: 'T', startElementId: 'a', endElementId: 'a', properties: {} },
      ],
    ]);
    expect(graph).toEqual({ nodes: [], relationships: [] });
  });
});

describe('one cypher field per operation', () => {
  const count = (document: string): number => {
    const parsed = parse(document);
    const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const fragments = Object.fromEntries(
      parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
    );
    return countRootField({ operation, fragments }, 'cypher');
  };
  it('counts aliases, fragments and inline fragments, once per response key', () => {
    expect(count('{ cypher(query: "RETURN 1") { columns } }')).toBe(1);
    expect(count('{ cypher(query: "RETURN 1") { columns } cypher(query: "RETURN 1") { rows } }')).toBe(1);
    expect(count('{ a: cypher(query: "RETURN 1") { columns } b: cypher(query: "RETURN 2") { columns } }')).toBe(2);
    expect(
      count(
        '{ ...F ... on Query { c: cypher(query: "RETURN 3") { columns } } } fragment F on Query { a: cypher(query: "RETURN 1") { columns } ...G } fragment G on Query { b: cypher(query: "RETURN 2") { columns } }',
      ),
    ).toBe(3);
  });
});
