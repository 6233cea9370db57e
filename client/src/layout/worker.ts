/**
 * The union layout off the main thread: the page posts the timeline once, the worker answers
 * with every seat's position. Deterministic (union-layout.ts), so no cache is needed for the
 * same data to give the same picture; it runs once per page load, never while scrubbing.
 */
import type { Timeline } from '../timeline-types.js';
import { computeSeats, type SeatsMessage } from './seats.js';

self.onmessage = (event: MessageEvent<Timeline>) => {
  const message: SeatsMessage = computeSeats(event.data);
  self.postMessage(message);
};
