import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSeedError, type SeedError } from '../../../server/src/seed/errors.js';
import { validateSeedDir } from '../../../server/src/seed/validate.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const BAD = path.join(FIXTURES, 'seed-bad-mixed');

function errorsOf(dir: string): SeedError[] {
  const result = validateSeedDir(dir);
  if (result.ok) throw new Error(`expected ${dir} to be invalid`);
  return result.errors;
}

/** The error at file:line on `field` whose message matches. */
function expectError(errors: readonly SeedError[], file: string, line: number, field: string, message: RegExp): void {
  const match = errors.find((e) => e.file.endsWith(file) && e.line === line && e.field === field && message.test(e.message));
  expect(match, `no error ${file}:${line}: ${field}: ${message}\n got:\n${errors.map(formatSeedError).join('\n')}`).toBeDefined();
}

describe('validateSeedDir', () => {
  it('accepts the valid fixture and types its records', () => {
    const result = validateSeedDir(path.join(FIXTURES, 'seed-valid'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.persons.map((p) => p.id).sort()).toEqual(['fx-alpha', 'fx-beta', 'fx-gamma']);
    expect(result.dataset.ties.find((t) => t.kind === 'denunciation')?.directed).toBe(true);
    expect(result.dataset.events[1]?.certainty).toBe('probable');
  });

  const errors = errorsOf(BAD);

  it('rejects what the time model forbids, naming file, line and field', () => {
    const time = errorsOf(path.join(FIXTURES, 'seed-bad-time'));
    expectError(time, 'factions.yaml', 34, '[2].formed', /every faction needs "formed:"/);
    expectError(time, 'people/fx-gamma.yaml', 18, 'memberships[0].from', /before the faction formed \("1930"\)/);
    expectError(time, 'people/fx-gamma.yaml', 25, 'offices[0].from', /after fx-gamma's recorded death/);
    expectError(time, 'events/1956.yaml', 16, '[0].participants[1].person', /taking part as speaker .* after fx-gamma's recorded death/);
    expect(time).toHaveLength(4);
  });

  it('reports every error, sorted by file then line', () => {
    expect(errors.length).toBeGreaterThanOrEqual(29);
    const keys = errors.map((e) => [e.file, e.line] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });

  it('formats errors as file:line: field: message', () => {
    const line = formatSeedError(errors.find((e) => e.field === 'memberships[0].faction')!);
    expect(line).toBe(
      'tests/fixtures/seed-bad-mixed/people/fx-one.yaml:15: memberships[0].faction: unknown faction "yenan" (known: fx-orphan, fx-uncited, yanan)',
    );
  });

  it('reports unknown and dangling references with the known ids', () => {
    expectError(errors, 'people/fx-one.yaml', 15, 'memberships[0].faction', /unknown faction "yenan" \(known: .*yanan\)/);
    expectError(errors, 'factions.yaml', 8, '[1].parent', /unknown faction "yenan"/);
    expectError(errors, 'events/1956.yaml', 14, '[0].participants[1].person', /unknown person "fx-nobody"/);
    expectError(errors, 'events/1956.yaml', 23, '[0].links[1].event', /unknown event "1956-09-01-fx-missing"/);
    expectError(errors, 'ties/core.yaml', 16, '[2].b', /unknown person "fx-ghost"/);
  });

  it('reports duplicate and malformed ids', () => {
    expectError(errors, 'events/1956.yaml', 27, '[1].id', /duplicate id "fx-two": already used by the person at .*people\/fx-two\.yaml:1/);
    expectError(errors, 'events/1956.yaml', 27, '[1].id', /event ids start with the year/);
    expectError(errors, 'ties/core.yaml', 13, '[2].id', /malformed id "Tie_Bad"/);
    expectError(errors, 'ties/core.yaml', 13, '[2].id', /tie ids start with "tie-"/);
  });

  it('reports malformed dates and intervals that end before they start', () => {
    expectError(errors, 'people/fx-one.yaml', 7, 'born[0].date', /malformed date: "1956-13" has month 13/);
    expectError(errors, 'events/1956.yaml', 30, '[1].date', /malformed date: "1956-9"/);
    expectError(errors, 'people/fx-one.yaml', 17, 'memberships[0].to', /interval ends before it starts/);
    // ~1945 may begin in 1944, so ending in 1944 is possible: not an error.
    expect(errors.some((e) => e.file.endsWith('people/fx-two.yaml') && e.field === 'memberships[0].to')).toBe(false);
  });

  it('reports unknown vocabulary values with the allowed list', () => {
    expectError(errors, 'events/1956.yaml', 2, '[0].kind', /unknown event kind "plenum" \(allowed: meeting, removal/);
    expectError(errors, 'events/1956.yaml', 10, '[0].participants[0].role', /unknown role "victim" \(allowed: target, instigator/);
    expectError(errors, 'events/1956.yaml', 17, '[0].links[0].type', /unknown link type "caused" \(allowed: led-to, preview-of, reversed-by, part-of\)/);
    expectError(errors, 'people/fx-one.yaml', 5, 'aliases[0].system', /unknown alias system "hepburn" \(allowed: mr, dprk, rr/);
    expectError(errors, 'people/fx-one.yaml', 18, 'memberships[0].certainty', /unknown certainty "sure" \(allowed: certain, probable, possible\)/);
    expectError(errors, 'ties/core.yaml', 2, '[0].kind', /unknown tie kind "friendship"/);
    expectError(errors, 'sources.yaml', 15, '[3].kind', /unknown source kind "blog"/);
    expectError(errors, 'sources.yaml', 16, '[3].family', /unknown source family "gossip" \(allowed: soviet-archives-as-read, chinese-archives-as-read/);
  });

  it('refuses a source without a family', () => {
    expectError(errors, 'sources.yaml', 9, '[2].family', /missing: required \(allowed: soviet-archives-as-read/);
  });

  it('reports facts without a citation and citations of unknown sources', () => {
    expectError(errors, 'factions.yaml', 12, '[2].cite', /missing citation: every faction/);
    expectError(errors, 'people/fx-one.yaml', 23, 'offices[0].cite', /missing citation: every office/);
    expectError(errors, 'events/1956.yaml', 14, '[0].participants[1].cite', /missing citation: every participation/);
    expectError(errors, 'ties/core.yaml', 8, '[1].cite', /missing citation: every tie/);
    expectError(errors, 'people/fx-one.yaml', 20, 'memberships[0].cite[0].source', /unknown source "fx-missing"/);
    expectError(errors, 'people/fx-two.yaml', 7, 'cite[0].at', /missing locator/);
  });

  it('applies the names_cite and editorial-source rules', () => {
    expectError(errors, 'people/fx-one.yaml', 12, 'cite[0].source', /editorial source .* only in names_cite/);
    expectError(errors, 'people/fx-two.yaml', 4, 'names_cite', /has none/);
  });

  it('checks tie direction and self-ties', () => {
    expectError(errors, 'ties/core.yaml', 12, '[1].directed', /denunciation tie is directed/);
    expectError(errors, 'ties/core.yaml', 11, '[1].b', /two different people/);
  });

  it('reports YAML syntax errors with their line, and a missing folder', () => {
    const yamlErrors = errorsOf(path.join(FIXTURES, 'seed-bad-yaml'));
    expectError(yamlErrors, 'factions.yaml', 1, '', /YAML syntax error/);
    expectError(yamlErrors, 'people/fx-dup.yaml', 1, '', /Map keys must be unique/);
    expect(errorsOf(path.join(FIXTURES, 'no-such-seed'))[0]?.message).toMatch(/seed folder not found/);
  });
});
