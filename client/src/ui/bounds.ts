/**
 * Words for what a bound or a status rests on (core/attestation.ts, core/status.ts), so every
 * inferred date on screen says it is inferred and from which fact.
 */
import { isoOf } from '../../../core/partial-date.js';
import type { BoundView, FactLabel, Moment, Person } from '../timeline-types.js';

export const when = (m: Moment | null): string => (m === null ? '?' : `${m.approximate ? 'c. ' : ''}${m.iso}`);
const fact = (f: FactLabel | null): string => (f === null ? '' : `“${f.label}”${f.date === null ? '' : ` (${when(f.date)})`}`);

export function startText(start: BoundView, from: Moment | null): string {
  switch (start.basis) {
    case 'RECORDED':
      return `from ${when(from)}`;
    case 'FIRST_ATTESTATION':
      return `undated start; first attested ${when(start.fact?.date ?? null)} by ${fact(start.fact)} (inferred)`;
    case 'FACTION_FORMED':
      return `from the faction's formation, ${when(start.fact?.date ?? null)} (inferred)`;
    case 'UNDATED':
      return 'undated: no dated fact shows it, so it is drawn at no date';
    default:
      return `from ${when(start.fact?.date ?? null)} (inferred)`;
  }
}

export function endText(end: BoundView, to: Moment | null): string {
  switch (end.basis) {
    case 'RECORDED':
      return `to ${when(to)}`;
    case 'LAST_ATTESTATION':
      return `undated end; last attested ${when(end.fact?.date ?? null)} by ${fact(end.fact)}, then fades out (inferred)`;
    case 'DEATH':
    case 'EXECUTION':
    case 'FLIGHT':
      return `until ${end.basis === 'FLIGHT' ? 'flight abroad' : end.basis.toLowerCase()}, ${fact(end.fact)} (inferred)`;
    case 'FACTION_DISSOLVED':
      return `until the faction ceased to act as a group (inferred)`;
    case 'UNDATED':
      return '';
    default:
      return '(inferred)';
  }
}

/** One line: "from 1945-09; undated end; last attested 1956 by ... (inferred)". */
export function boundsText(x: { readonly start: BoundView; readonly end: BoundView; readonly from: Moment | null; readonly to: Moment | null }): string {
  return [startText(x.start, x.from), endText(x.end, x.to)].filter((t) => t !== '').join('; ');
}

export function evidenceText(p: Pick<Person, 'evidence' | 'evidenceFacts'>): string {
  if (p.evidence === null || p.evidenceFacts === null) return 'No dated fact about this person is recorded: their status is unknown at every date.';
  const { first, last } = p.evidenceFacts;
  return (
    `Attested from ${when(first.date)} (${fact(first)}) to ${when(last.date)} (${fact(last)}). ` +
    `After ${isoOf(p.evidence.fadesAfter)} their status is “not attested”, not carried on.`
  );
}
