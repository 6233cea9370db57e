/**
 * The network at a date, read whole when it is small (analytics/network-pairs), with a key
 * naming its content. Many dates share one network (the tie set changes only where a tie's span
 * starts or ends), so answers that depend on the network alone (a centrality ranking, Leiden's
 * communities) are kept per (data revision, filter, content key): a new date whose network is
 * unchanged finds them kept. The key is a digest of the active ties' ids: the same ties are read
 * in the same order by analytics/project-ties, so GDS is given the very same projection, and
 * seeded Leiden the very same input, as at any other date with that key.
 */
import { createHash } from 'node:crypto';
import { HOSTILE_TIE_KINDS } from '../../../core/vocabulary.js';
import type { FactFilter, Period } from './args.js';
import type { Context } from './context.js';

/** Tie kinds that join two people without binding them (communities leave them out), sorted. */
export const HOSTILE = [...HOSTILE_TIE_KINDS].sort();

export interface SmallNetwork {
  /** Digest of the active ties' ids: equal keys, equal networks (within one data revision and filter). */
  readonly key: string;
  readonly nodes: readonly string[];
  /** Each joined pair once, ids in order (a < b), parallel ties merged. */
  readonly pairs: readonly (readonly [string, string])[];
  /** How many pairs are joined by a bond (any of their ties not hostile). */
  readonly bonds: number;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The network at `period`, or null when more than `max` ties are active then (the caller
 * projects it into GDS instead). `max` 0: always null.
 */
export async function readSmallNetwork(ctx: Context, period: Period, filter: FactFilter, max: number): Promise<SmallNetwork | null> {
  if (max === 0) return null;
  const rows = await ctx.db.read('analytics/network-pairs', { atFrom: period.earliest, atTo: period.latest, ...filter, hostileKinds: HOSTILE, max });
  if (rows.length > max) return null;
  const names = new Map<string, string>();
  const bondOf = new Map<string, boolean>();
  const tieIds: string[] = [];
  for (const row of rows) {
    const [a, b, tieId] = [row['a'], row['b'], row['tieId']];
    if (typeof a !== 'string' || typeof b !== 'string' || typeof tieId !== 'string') continue;
    tieIds.push(tieId);
    const pair = `${a}\t${b}`;
    bondOf.set(pair, bondOf.get(pair) === true || row['bond'] === true);
    names.set(a, typeof row['aName'] === 'string' ? row['aName'] : a);
    names.set(b, typeof row['bName'] === 'string' ? row['bName'] : b);
  }
  const digest = createHash('sha256');
  for (const id of tieIds.sort()) digest.update(`${id}\n`);
  const pairs = [...bondOf.keys()].sort().map((pair) => pair.split('\t') as [string, string]);
  return {
    key: digest.digest('base64url'),
    nodes: [...names.keys()].sort(),
    pairs,
    bonds: [...bondOf.values()].filter(Boolean).length,
    names,
  };
}
