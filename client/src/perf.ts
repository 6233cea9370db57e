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
  /**
   * Per step, the step's own work plus the Cytoscape redraw of the frame that follows it (the
   * time from the frame's start to the end of the renderer's drawing): what a step costs until
   * it is on screen. `meanMs`/`p95Ms` above count the step's own work only.
   */
  readonly paintedP95Ms: number;
  readonly paintedMeanMs: number;
  readonly paintedFrames: number;
  /** Layouts started (fcose or any other) since the last reset: a time step must start none. */
  readonly layoutRuns: number;
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
  private painted: number[] = [];
  private layoutRuns = 0;
  /** The step waiting for its frame: its own cost, set until the next animation frame. */
  private pendingStepMs: number | null = null;

  constructor() {
    window.__atlasPerf = () => this.snapshot();
    window.__atlasPerfReset = () => {
      this.samples = [];
      this.compute = [];
      this.moves = 0;
      this.painted = [];
      this.layoutRuns = 0;
      this.pendingStepMs = null;
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
    this.awaitPaint(ms);
  }

  /**
   * Cytoscape draws in its own requestAnimationFrame callback, queued before this one (it
   * re-queues itself every frame), so when this callback runs the frame's drawing is done:
   * the time since the frame started is the redraw's cost. Several steps within one frame
   * share that frame; the last of them is charged with it.
   */
  private awaitPaint(stepMs: number): void {
    const waiting = this.pendingStepMs !== null;
    this.pendingStepMs = stepMs;
    if (waiting) return;
    const queued = performance.now();
    requestAnimationFrame((frameStart) => {
      const own = this.pendingStepMs ?? 0;
      this.pendingStepMs = null;
      this.painted.push(own + Math.max(0, performance.now() - Math.max(frameStart, queued)));
      if (this.painted.length > 5000) this.painted.shift();
    });
  }

  layoutStarted(): void {
    this.layoutRuns += 1;
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
      paintedP95Ms: percentile(this.painted, 0.95),
      paintedMeanMs: this.painted.length === 0 ? 0 : this.painted.reduce((a, b) => a + b, 0) / this.painted.length,
      paintedFrames: this.painted.length,
      layoutRuns: this.layoutRuns,
    };
  }
}

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}
