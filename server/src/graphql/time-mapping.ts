/**
 * The stored results of the time rules (server/src/seed/dataset-to-rows.ts): an interval's span and
 * bounds, a person's evidence, a faction's lifespan. The JSON parts were written by our own
 * loader; a value of the wrong shape is a bad load, reported as unexpected data.
 */
import type { Bound, BoundBasis, FactKind, FactRef } from '../../../core/attestation.js';
import { DATE_PRECISIONS, type PartialDate } from '../../../core/partial-date.js';
import type { Range, Span } from '../../../core/span.js';
import type { Plain } from '../db/values.js';
import { certaintyOf, citationsOf, dateOf, optStr, unexpectedData, type Props } from './mapping.js';
import type { EvidenceModel, LifespanClaimModel, LifespanModel } from './domain-objects.js';

const BASES: ReadonlySet<string> = new Set<BoundBasis>([
  'RECORDED',
  'FIRST_ATTESTATION',
  'LAST_ATTESTATION',
  'FACTION_FORMED',
  'FACTION_DISSOLVED',
  'DEATH',
  'EXECUTION',
  'FLIGHT',
  'UNDATED',
]);
const FACT_KINDS: ReadonlySet<string> = new Set<FactKind>(['EVENT', 'OFFICE', 'MEMBERSHIP', 'TIE', 'DEATH_DATE', 'FACTION']);

/** Parsed JSON by its stored string: the same strings come back on every load of the same elements. */
const parsed = new Map<string, unknown>();
const PARSED_ENTRIES = 20_000;

function json(value: Plain | undefined): unknown {
  if (typeof value !== 'string' || value === '') return null;
  if (parsed.has(value)) return parsed.get(value);
  let result: unknown = null;
  try {
    result = JSON.parse(value);
  } catch {
    result = undefined;
  }
  if (parsed.size >= PARSED_ENTRIES) parsed.clear();
  parsed.set(value, result);
  return result;
}

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function partialDate(value: unknown): PartialDate | null {
  const r = record(value);
  if (r === null || typeof r['iso'] !== 'string' || typeof r['earliest'] !== 'string' || typeof r['latest'] !== 'string') return null;
  const precision = DATE_PRECISIONS.find((p) => p === r['precision']) ?? 'YEAR';
  const date: PartialDate = { iso: r['iso'], precision, approximate: r['approximate'] === true, earliest: r['earliest'], latest: r['latest'] };
  const written = r['qualifier'];
  return written === 'early' || written === 'mid' || written === 'late' ? { ...date, qualifier: written } : date;
}

function factRef(value: unknown): FactRef | null {
  const r = record(value);
  if (r === null || typeof r['kind'] !== 'string' || !FACT_KINDS.has(r['kind']) || typeof r['id'] !== 'string') return null;
  return { kind: r['kind'] as FactKind, id: r['id'], label: typeof r['label'] === 'string' ? r['label'] : r['id'] };
}

function bound(value: unknown, kind: string, id: string): Bound {
  const r = record(value);
  if (r === null || typeof r['basis'] !== 'string' || !BASES.has(r['basis'])) throw unexpectedData(kind, id, 'has no valid inferred bounds (reload the seed)');
  return { basis: r['basis'] as BoundBasis, date: partialDate(r['date']), fact: factRef(r['fact']) };
}

const day = (props: Props, key: string): string | null => optStr(props, key)?.slice(0, 10) ?? null;

function range(props: Props, prefix: string): Range<string> | null {
  const earliest = day(props, `${prefix}Earliest`);
  const latest = day(props, `${prefix}Latest`);
  return earliest === null || latest === null ? null : { earliest, latest };
}

/** The stored span of a membership, office or tie (possibleEarliest ... certainLatest). */
export function spanOf(props: Props): Span<string> {
  return { possible: range(props, 'possible'), certain: range(props, 'certain') };
}

/** The span and bounds of a membership, office or tie. */
export function spanFieldsOf(props: Props, kind: string, id: string): { span: Span<string>; start: Bound; end: Bound } {
  const bounds = record(json(props['bounds']));
  if (bounds === null) throw unexpectedData(kind, id, 'has no inferred bounds (reload the seed)');
  return {
    span: spanOf(props),
    start: bound(bounds['start'], kind, id),
    end: bound(bounds['end'], kind, id),
  };
}

function attested(value: unknown): { date: PartialDate; fact: FactRef } | null {
  const r = record(value);
  const date = partialDate(r?.['date']);
  const fact = factRef(r?.['ref']);
  return date === null || fact === null ? null : { date, fact };
}

export function evidenceFrom(value: Plain | undefined): EvidenceModel | null {
  const r = record(json(value));
  if (r === null) return null;
  const first = attested(r['first']);
  const last = attested(r['last']);
  return first === null || last === null || typeof r['fadesAfter'] !== 'string' ? null : { first, last, fadesAfter: r['fadesAfter'] };
}

function lifespanClaim(props: Props, prefix: 'formed' | 'dissolved', stored: unknown, id: string): LifespanClaimModel | null {
  const date = dateOf(props, prefix);
  const claim = record(stored);
  if (date === null || claim === null) return null;
  return {
    date,
    certainty: certaintyOf(claim['certainty'] as Plain, `faction ${prefix} claim of`, id),
    citations: citationsOf(JSON.stringify(claim['citations'] ?? [])),
  };
}

export function lifespanFrom(props: Props, id: string): LifespanModel {
  const stored = record(json(props['lifespan']));
  return { formed: lifespanClaim(props, 'formed', stored?.['formed'], id), dissolved: lifespanClaim(props, 'dissolved', stored?.['dissolved'], id) };
}
