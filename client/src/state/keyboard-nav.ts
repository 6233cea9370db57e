/**
 * Arrow keys in the canvas mirror move from a person to a tied neighbour in the arrow's
 * direction on the map, so the keyboard follows what the eye sees. Positions come from the
 * graph module; this is plain geometry, tested without a browser.
 */
import type { Frame } from './frame.js';
import { tiesOf } from './network-table.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Point {
  readonly x: number;
  readonly y: number;
}

const UNIT: Readonly<Record<Direction, Point>> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

/** Distinct neighbours of `id` in the frame, in tie order. */
export function neighbours(frame: Frame, id: string): string[] {
  return [...new Set(tiesOf(frame, id).map((t) => t.otherId))];
}

/**
 * The tied neighbour that lies in `direction` (within 90° either side of it) and is nearest once
 * the angle away from the arrow is weighed in; null when no neighbour lies that way.
 */
export function neighbourToward(frame: Frame, id: string, direction: Direction, positions: ReadonlyMap<string, Point>): string | null {
  const from = positions.get(id);
  const unit = UNIT[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const other of neighbours(frame, id)) {
    const to = positions.get(other);
    if (from === undefined || to === undefined) continue;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const cos = (dx * unit.x + dy * unit.y) / distance;
    if (cos <= 0) continue;
    const score = distance / cos;
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  }
  return best;
}
