/** What a `person` selection asks persons-full for, and the models built from a narrower row. */
import { Kind, parse, type FieldNode, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { citationsOf, toFullPerson } from '../../../server/src/graphql/mapping.js';
import {
  FULL_PERSON,
  isFull,
  personProjection,
  personsFullParams,
  projectionKey,
  type PersonProjection,
} from '../../../server/src/graphql/person-projection.js';
import { selectsOnlyFields } from '../../../server/src/graphql/resolvers/selection.js';

/** The projection of the first root field of `query`. */
/** What the seed loader stores on an interval no dated fact shows (core/attestation.ts). */
const UNDATED_BOUNDS = JSON.stringify({ start: { basis: 'UNDATED', date: null, fact: null }, end: { basis: 'UNDATED', date: null, fact: null } });

function projectionOf(query: string): PersonProjection {
  const document = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const roots: FieldNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const first = definition.selectionSet.selections[0];
      if (first?.kind === Kind.FIELD) roots.push(first);
    }
  }
  return personProjection(fragments, roots);
}

const NONE: PersonProjection = { memberships: false, offices: false, participations: false, ties: false, tieEnds: false };

describe('personProjection', () => {
  it('scalars only ask for no collection', () => {
    expect(projectionOf('{ person(id: "x") { id name hangul born { iso } citations { locator } } }')).toEqual(NONE);
  });

  it('each collection selected is asked for, whatever its alias', () => {
    expect(projectionOf('{ person(id: "x") { m: memberships { certainty } offices { title } } }')).toEqual({ ...NONE, memberships: true, offices: true });
  });

  it('status and statusChanges need the participations', () => {
    expect(projectionOf('{ person(id: "x") { status(at: "1956") { state } } }')).toEqual({ ...NONE, participations: true });
    expect(projectionOf('{ person(id: "x") { statusChanges { state } } }')).toEqual({ ...NONE, participations: true });
  });

  it('tie ends asked only for id and name stay thin; anything more takes full ends', () => {
    expect(projectionOf('{ person(id: "x") { ties { id source { id name } target { id __typename } } } }')).toEqual({ ...NONE, ties: true });
    expect(projectionOf('{ person(id: "x") { ties { id } } }')).toEqual({ ...NONE, ties: true });
    expect(projectionOf('{ person(id: "x") { ties { source { id } target { id hangul } } } }')).toEqual({ ...NONE, ties: true, tieEnds: true });
    expect(projectionOf('{ person(id: "x") { ties { source { id ties { id } } } } }')).toEqual({ ...NONE, ties: true, tieEnds: true });
  });

  it('aliases of ties merge: one alias wanting more takes full ends', () => {
    expect(projectionOf('{ person(id: "x") { ties { source { id } } more: ties { source { summary } } } }')).toEqual({ ...NONE, ties: true, tieEnds: true });
  });

  it('fragments (inline and named) count as the selection they stand for', () => {
    const query = `{ person(id: "x") { ...P ... on Person { offices { title } } } }
      fragment P on Person { ties { source { ...N } target { ...N } } }
      fragment N on Person { id name }`;
    expect(projectionOf(query)).toEqual({ ...NONE, offices: true, ties: true });
    const more = `{ person(id: "x") { ties { source { ...N } } } } fragment N on Person { id died { iso } }`;
    expect(projectionOf(more)).toEqual({ ...NONE, ties: true, tieEnds: true });
  });

  it('the person under its own participations or memberships adds its selection to the root', () => {
    expect(projectionOf('{ person(id: "x") { participations { person { ties { id } } } } }')).toEqual({ ...NONE, participations: true, ties: true });
    expect(projectionOf('{ person(id: "x") { memberships { person { participations { person { offices { title } } } } } } }')).toEqual({
      ...NONE,
      memberships: true,
      participations: true,
      offices: true,
    });
  });

  it('keys, parameters and the full projection', () => {
    expect(isFull(FULL_PERSON)).toBe(true);
    expect(isFull({ ...FULL_PERSON, tieEnds: false })).toBe(false);
    expect(projectionKey(NONE)).not.toBe(projectionKey({ ...NONE, ties: true }));
    expect(personsFullParams(['x'], { ...NONE, tieEnds: true })).toEqual({
      ids: ['x'],
      withMemberships: false,
      withOffices: false,
      withParticipations: false,
      withTies: false,
      withTieEnds: false,
    });
  });
});

describe('selectsOnlyFields', () => {
  it('looks through fragments', () => {
    const document = parse('{ a { ...F } b { ...G } } fragment F on T { id } fragment G on T { id name }');
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const operation = document.definitions[0];
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
    const [a, b] = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    expect(selectsOnlyFields(fragments, [a!], ['id'])).toBe(true);
    expect(selectsOnlyFields(fragments, [b!], ['id'])).toBe(false);
    expect(selectsOnlyFields(fragments, [a!, b!], ['id', 'name'])).toBe(true);
  });
});

describe('toFullPerson with a projection', () => {
  const row = {
    person: { id: 'p', name: 'P', citations: '[{"source":"s1","locator":"p. 1"}]' },
    memberships: [{ id: 'm1', personId: 'p', factionId: 'f', certainty: 'CERTAIN', bounds: UNDATED_BOUNDS }],
    offices: [],
    participations: [
      {
        personId: 'p',
        eventId: 'e',
        role: 'TARGET',
        event: { id: 'e', kind: 'PURGE', title: 'E', certainty: 'PROBABLE', dateIso: '1956', dateEarliest: '1956-01-01', dateLatest: '1956-12-31' },
      },
    ],
    ties: [
      {
        id: 't',
        kind: 'ALLY',
        sourceId: 'p',
        targetId: 'q',
        sourceName: 'P',
        targetName: 'Q',
        source: null,
        target: null,
        certainty: 'CERTAIN',
        bounds: UNDATED_BOUNDS,
      },
    ],
  };

  it('leaves out what was not asked for, so resolvers load it rather than answer empty', () => {
    const person = toFullPerson(row, { ...NONE, ties: true });
    expect(person.details?.memberships).toBeUndefined();
    expect(person.details?.participations).toBeUndefined();
    expect(person.details?.offices).toBeUndefined();
    expect(person.details?.ties).toHaveLength(1);
  });

  it('thin tie ends carry the names and no person', () => {
    const [tie] = toFullPerson(row, { ...NONE, ties: true }).details?.ties ?? [];
    expect(tie).toMatchObject({ sourceId: 'p', targetId: 'q', sourceName: 'P', targetName: 'Q' });
    expect(tie?.source).toBeUndefined();
    expect(tie?.target).toBeUndefined();
  });

  it('its own memberships and participations point back at the person', () => {
    const person = toFullPerson(row, FULL_PERSON);
    expect(person.details?.memberships?.[0]?.person).toBe(person);
    expect(person.details?.participations?.[0]?.person).toBe(person);
    expect(person.details?.offices).toEqual([]);
  });
});

describe('citationsOf', () => {
  it('parses once per distinct string and shares a frozen answer', () => {
    const text = '[{"source":"a","locator":"p. 2","note":"n"},{"locator":"no source"}]';
    const first = citationsOf(text);
    expect(first).toEqual([{ sourceId: 'a', locator: 'p. 2', note: 'n' }]);
    expect(citationsOf(text)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(citationsOf('not json')).toEqual([]);
    expect(citationsOf(null)).toEqual([]);
  });
});
