/**
 * How well detected communities match the declared factions: normalised mutual information
 * (NMI), with the arithmetic mean of the two entropies as the normaliser:
 *   NMI(U, V) = 2 I(U; V) / (H(U) + H(V)),  0 (independent) .. 1 (the same partition).
 * Over the persons that have both labels. When both partitions are a single group the two agree
 * entirely (1); when only one is, they share no information (0); with no person, 0.
 */
export const AGREEMENT_METHOD = 'normalised mutual information (arithmetic mean normaliser)';

function entropy(counts: Iterable<number>, total: number): number {
  let h = 0;
  for (const count of counts) if (count > 0) h -= (count / total) * Math.log(count / total);
  return h;
}

/** `pairs`: one [community, faction] per person. */
export function normalisedMutualInformation(pairs: readonly (readonly [string, string])[]): number {
  const total = pairs.length;
  if (total === 0) return 0;
  const byU = new Map<string, number>();
  const byV = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const [u, v] of pairs) {
    byU.set(u, (byU.get(u) ?? 0) + 1);
    byV.set(v, (byV.get(v) ?? 0) + 1);
    const key = JSON.stringify([u, v]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const hU = entropy(byU.values(), total);
  const hV = entropy(byV.values(), total);
  if (hU === 0 && hV === 0) return 1;
  if (hU === 0 || hV === 0) return 0;
  let mutual = 0;
  for (const [key, count] of joint) {
    const [u, v] = JSON.parse(key) as [string, string];
    const p = count / total;
    mutual += p * Math.log(p / (((byU.get(u) ?? 0) / total) * ((byV.get(v) ?? 0) / total)));
  }
  // Floating-point noise can push a perfect match a hair past 1.
  return Math.min(1, Math.max(0, (2 * mutual) / (hU + hV)));
}
