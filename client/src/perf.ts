/**
 * Time-step measurements, exposed on window.__atlasPerf so the browser tests (and anyone with
 * devtools) can read what a frame cost on real data.
 */
export interface PerfSnapshot {
  readonly frames: number;
  readonly lastMs: number;
  readonly maxMs: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  /** Mean of the frame computation alone (state/frame.ts), the rest being Cytoscape updates. */
  readonly computeMeanMs: number;
  /** People who changed faction across the recorded steps (each costs a Cytoscape move). */
  readonly moves: number;
  readonly persons: number;
  readonly ties: number;
  readonly layoutMs: number;
}

declare global {
  interface Window {
    __atlasPerf?: () => PerfSnapshot;
    __atlasPerfReset?: () => void;
  }
}

export class PerfLog {
  private samples: number[] = [];
  private compute: number[] = [];
  private moves = 0;
  private persons = 0;
  private ties = 0;
  private layoutMs = 0;

  constructor() {
    window.__atlasPerf = () => this.snapshot();
    window.__atlasPerfReset = () => {
      this.samples = [];
      this.compute = [];
      this.moves = 0;
    };
  }

  record(ms: number, computeMs: number, persons: number, ties: number, moves: number): void {
    this.samples.push(ms);
    this.compute.push(computeMs);
    this.moves += moves;
    if (this.samples.length > 5000) {
      this.samples.shift();
      this.compute.shift();
    }
    this.persons = persons;
    this.ties = ties;
  }

  layout(ms: number): void {
    this.layoutMs = ms;
  }

  snapshot(): PerfSnapshot {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const n = sorted.length;
    return {
      frames: n,
      lastMs: this.samples[n - 1] ?? 0,
      maxMs: sorted[n - 1] ?? 0,
      meanMs: n === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / n,
      p95Ms: sorted[Math.min(n - 1, Math.floor(n * 0.95))] ?? 0,
      computeMeanMs: n === 0 ? 0 : this.compute.reduce((a, b) => a + b, 0) / n,
      moves: this.moves,
      persons: this.persons,
      ties: this.ties,
      layoutMs: this.layoutMs,
    };
  }
}
