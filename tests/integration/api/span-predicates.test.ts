/**
 * Cypher keeps only the filtering a query must do in the database, on the spans the seed loader
 * stored (docs/data-model.md, "Time"). This checks (1) that every query filters on time with the
 * one canonical predicate and never on the recorded from/to or birth dates, and (2) that the
 * predicate, run by Neo4j, agrees with core/span.ts on a table of cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanActivity } from '../../../core/span.js';
import type { Database } from '../../../server/src/db/database.js';
import { openTestDatabase, ROOT_DIR } from '../../setup/database.js';
import { at, SPAN_CASES } from '../../unit/core/support.js';

const QUERY_DIRS = ['cypher/queries', 'cypher/export', 'cypher/meta'];

/** The one way a query may ask "may this interval hold during [from, to]?", and "is the person attested by to?". */
const POSSIBLY_ACTIVE = /^(\w+)\.possibleEarliest <= (\w+|date\(\$\w+\)) AND (\w+|date\(\$\w+\)) <= \1\.possibleLatest$/;
const ATTESTED_BY = /^(\w+)\.attestedEarliest <= (\w+|date\(\$\w+\))$/;

function queryTexts(): { file: string; text: string }[] {
  return QUERY_DIRS.flatMap((dir) =>
    readdirSync(path.join(ROOT_DIR, dir))
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(path.join(ROOT_DIR, dir, f), 'utf8').replace(/\/\/[^\n]*/g, '') })),
  );
}

describe('time filters in Cypher', () => {
  it('use the canonical span predicate wherever a span bound is compared', () => {
    let seen = 0;
    for (const { file, text } of queryTexts()) {
      for (const match of text.matchAll(/\w+\.possibleEarliest <= [^\n]*?<= \w+\.possibleLatest/g)) {
        expect(match[0], file).toMatch(POSSIBLY_ACTIVE);
        seen += 1;
      }
      for (const match of text.matchAll(/\w+\.attestedEarliest <= (?:\w+|date\(\$\w+\))/g)) {
        expect(match[0], file).toMatch(ATTESTED_BY);
        seen += 1;
      }
      // Any other comparison with a span bound would be a second rule.
      const stray = [...text.matchAll(/[^\n]*\.(?:possible|certain)(?:Earliest|Latest)\s*[<>=][^\n]*/g)].filter(
        (m) => !/possibleEarliest <= [^\n]*<= \w+\.possibleLatest/.test(m[0]) && !/(\w+)\.certainEarliest <= \w+ AND \w+ <= \1\.certainLatest/.test(m[0]),
      );
      expect(
        stray.map((m) => m[0].trim()),
        file,
      ).toEqual([]);
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('never filter on recorded from/to or birth and death dates: a missing date is not "always"', () => {
    for (const { file, text } of queryTexts()) {
      const filters = [...text.matchAll(/[^\n]*\b\w+\.(?:from|to|born|died)(?:Earliest|Latest)\s*(?:IS NULL|<=|>=|<|>)[^\n]*/g)].map((m) => m[0].trim());
      expect(filters, file).toEqual([]);
    }
  });
});

describe('the span predicate in Neo4j agrees with core/span.ts', () => {
  let db: Database;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(SPAN_CASES)('$name', async ({ span, at: date, activity }) => {
    const period = at(date);
    const [row] = await db.read('meta/span-activity', {
      possibleFrom: span.possible?.earliest ?? null,
      possibleTo: span.possible?.latest ?? null,
      certainFrom: span.certain?.earliest ?? null,
      certainTo: span.certain?.latest ?? null,
      atFrom: period.earliest,
      atTo: period.latest,
    });
    expect(row?.['activity']).toBe(activity);
    expect(spanActivity(span, period)).toBe(activity);
  });
});
