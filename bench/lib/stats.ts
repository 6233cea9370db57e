/** Latency samples and their summaries. */

export interface Summary {
  readonly n: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    p99Ms: quantile(sorted, 0.99),
    meanMs: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface TimingPlan {
  readonly warmup: number;
  readonly iterations: number;
  /** Stop early (keeping what was measured) once this much time has passed. */
  readonly maxMs: number;
}

/** Runs `work` sequentially: warm-up rounds first, then timed rounds. */
export async function time(work: () => Promise<unknown>, plan: TimingPlan): Promise<number[]> {
  // Warm-up stops early for slow work (one call over 2 s is warm enough and costly to repeat).
  for (let i = 0; i < plan.warmup; i += 1) {
    const started = performance.now();
    await work();
    if (performance.now() - started > 2_000) break;
  }
  const samples: number[] = [];
  const deadline = performance.now() + plan.maxMs;
  for (let i = 0; i < plan.iterations && (i < 3 || performance.now() < deadline); i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Times several variants interleaved round by round (a, b, c, a, b, c, ...), so noise from
 * other processes on the machine falls on all of them alike: their ratios stay comparable.
 */
export async function timeInterleaved(variants: Readonly<Record<string, () => Promise<unknown>>>, plan: TimingPlan): Promise<Record<string, Summary>> {
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < plan.warmup; i += 1) for (const name of names) await variants[name]!();
  const deadline = performance.now() + plan.maxMs;
  for (let i = 0; i < plan.iterations && (i < 5 || performance.now() < deadline); i += 1) {
    for (const name of names) {
      const started = performance.now();
      await variants[name]!();
      samples[name]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name]!)]));
}

export const ms = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
export const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : 'n/a');
