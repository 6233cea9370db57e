/**
 * The stable map's seats for a timeline: builds the union graph and lays it out. Runs in a web
 * worker (worker.ts) or, where workers are unavailable, on the main thread (layoutInWorker).
 */
import type { Timeline } from '../timeline-types.js';
import { buildUnionGraph } from './union-graph.js';
import { layoutUnion, type Seat } from './union-layout.js';

export interface SeatsMessage {
  /** [seat key, x, y] triples: plain arrays cross the worker boundary cheaply. */
  readonly seats: readonly (readonly [string, number, number])[];
  readonly ms: number;
}

export function computeSeats(timeline: Timeline): SeatsMessage {
  const layout = layoutUnion(buildUnionGraph(timeline));
  return { seats: [...layout.seats].map(([key, s]) => [key, s.x, s.y] as const), ms: layout.ms };
}

export function seatMap(message: SeatsMessage): Map<string, Seat> {
  return new Map(message.seats.map(([key, x, y]) => [key, { x, y }]));
}

/** Lays the union graph out in a worker; falls back to the main thread if none can start. */
export function layoutInWorker(timeline: Timeline): Promise<SeatsMessage> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(computeSeats(timeline));
      return;
    }
    worker.onmessage = (event: MessageEvent<SeatsMessage>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The map layout failed: ${event.message}`));
    };
    worker.postMessage(timeline);
  });
}
