/**
 * Compaction of a force layout: keeps its arrangement (who is left of, above, near whom) but
 * pulls it together until labelled boxes almost touch, and towards the canvas's aspect, so the
 * default fit draws names at a readable size with no large empty areas. Pure and deterministic.
 */

export interface Box {
  readonly id: string;
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
}

/** Pushes overlapping boxes apart along the axis of least overlap; a uniform grid finds pairs. */
export function removeOverlaps(boxes: Box[], gap: number, iterations: number): number {
  if (boxes.length < 2) return 0;
  const cell = Math.max(...boxes.map((b) => Math.max(b.w, b.h))) + gap;
  let moved = 0;
  for (let it = 0; it < iterations; it += 1) {
    const grid = new Map<string, number[]>();
    boxes.forEach((b, i) => {
      const key = `${Math.floor(b.x / cell)},${Math.floor(b.y / cell)}`;
      const list = grid.get(key);
      if (list === undefined) grid.set(key, [i]);
      else list.push(i);
    });
    let overlaps = 0;
    boxes.forEach((a, i) => {
      const gx = Math.floor(a.x / cell);
      const gy = Math.floor(a.y / cell);
      for (let dx = -1; dx <= 1; dx += 1) {
        for (let dy = -1; dy <= 1; dy += 1) {
          for (const j of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
            if (j <= i) continue;
            const b = boxes[j] as Box;
            const ox = (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x);
            const oy = (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y);
            if (ox <= 0 || oy <= 0) continue;
            overlaps += 1;
            // The smaller box gives way more, so a faction's block is not shoved by one person.
            const wa = a.w * a.h;
            const wb = b.w * b.h;
            const shareA = wb / (wa + wb);
            const shareB = wa / (wa + wb);
            // Ties (identical centres) break by index, so the result never depends on chance.
            if (ox < oy) {
              const s = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
              a.x += s * ox * shareA;
              b.x -= s * ox * shareB;
            } else {
              const s = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
              a.y += s * oy * shareA;
              b.y -= s * oy * shareB;
            }
          }
        }
      }
    });
    moved += overlaps;
    if (overlaps === 0) break;
  }
  return moved;
}

export function bounds(boxes: readonly Box[]): { x1: number; y1: number; x2: number; y2: number } {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x - b.w / 2);
    y1 = Math.min(y1, b.y - b.h / 2);
    x2 = Math.max(x2, b.x + b.w / 2);
    y2 = Math.max(y2, b.y + b.h / 2);
  }
  return { x1, y1, x2, y2 };
}

/**
 * Shrinks the layout towards its centre round by round, each round followed by overlap
 * removal, so slack goes but no boxes collide; `aspect` (width / height) is approached by
 * shrinking the longer side a little faster.
 */
export function compact(boxes: Box[], gap: number, aspect: number, rounds = 80): void {
  if (boxes.length < 2) return;
  // Stretch the short side first: shrinking alone keeps whatever shape the forces gave.
  const start = bounds(boxes);
  const shape = (start.x2 - start.x1) / Math.max(1, start.y2 - start.y1);
  const cx0 = (start.x1 + start.x2) / 2;
  const cy0 = (start.y1 + start.y2) / 2;
  for (const box of boxes) {
    if (shape < aspect) box.x = cx0 + (box.x - cx0) * (aspect / shape);
    else box.y = cy0 + (box.y - cy0) * (shape / aspect);
  }
  for (let r = 0; r < rounds; r += 1) {
    const b = bounds(boxes);
    const cx = (b.x1 + b.x2) / 2;
    const cy = (b.y1 + b.y2) / 2;
    const current = (b.x2 - b.x1) / Math.max(1, b.y2 - b.y1);
    const sx = current > aspect ? 0.85 : 0.95;
    const sy = current > aspect ? 0.95 : 0.85;
    for (const box of boxes) {
      box.x = cx + (box.x - cx) * sx;
      box.y = cy + (box.y - cy) * sy;
    }
    removeOverlaps(boxes, gap, 30);
  }
  removeOverlaps(boxes, gap, 200);
}

/**
 * Skyline packing at a target aspect: items are taken top to bottom in their current order and
 * each drops to the lowest place near its current horizontal position. Dense like a puzzle, yet
 * what the forces put left stays left and what they put on top stays on top.
 */
export function skylinePack(boxes: Box[], gap: number, aspect: number): void {
  if (boxes.length === 0) return;
  const area = boxes.reduce((sum, b) => sum + (b.w + gap) * (b.h + gap), 0);
  const widest = Math.max(...boxes.map((b) => b.w + gap));
  const width = Math.max(widest, Math.sqrt(area * 1.2 * aspect));
  const unit = 4;
  const columns = Math.ceil(width / unit);
  const sky = new Array<number>(columns).fill(0);
  const b0 = bounds(boxes);
  const spanX = Math.max(1, b0.x2 - b0.x1);
  const order = boxes.map((b, i) => ({ b, i })).sort((p, q) => p.b.y - p.b.h / 2 - (q.b.y - q.b.h / 2) || p.b.x - q.b.x || p.i - q.i);
  for (const { b } of order) {
    const cols = Math.ceil((b.w + gap) / unit);
    const wanted = ((b.x - b0.x1) / spanX) * (columns - cols);
    let best = 0;
    let bestScore = Infinity;
    let bestTop = 0;
    for (let c = 0; c + cols <= columns; c += 1) {
      let top = 0;
      for (let k = c; k < c + cols; k += 1) top = Math.max(top, sky[k] as number);
      const score = top + Math.abs(c - wanted) * unit * 0.35;
      if (score < bestScore) {
        bestScore = score;
        best = c;
        bestTop = top;
      }
    }
    for (let k = best; k < best + cols; k += 1) sky[k] = bestTop + b.h + gap;
    b.x = best * unit + b.w / 2;
    b.y = bestTop + b.h / 2;
  }
}

/**
 * Greedy placement from the centre outwards, in the given order (the union layout passes items
 * by first appearance, so the early years sit together in the middle and each later arrival
 * takes a seat around them). Each item goes to the free spot touching an already placed item
 * that is nearest to where the forces wanted it, distances stretched vertically so the drawing
 * grows to the canvas's shape.
 */
export function growFromCentre(items: Box[], gap: number, aspect: number): void {
  if (items.length === 0) return;
  const fb = bounds(items);
  const area = items.reduce((sum, b) => sum + (b.w + gap) * (b.h + gap), 0);
  const scale = Math.sqrt(area / Math.max(1, (fb.x2 - fb.x1) * (fb.y2 - fb.y1)));
  const fx = (fb.x1 + fb.x2) / 2;
  const fy = (fb.y1 + fb.y2) / 2;
  const wanted = items.map((b) => ({ x: (b.x - fx) * scale, y: (b.y - fy) * scale }));
  const placed: Box[] = [];
  const free = (x: number, y: number, w: number, h: number): boolean => {
    for (const p of placed) if (Math.abs(p.x - x) * 2 < p.w + w + 2 * gap - 0.01 && Math.abs(p.y - y) * 2 < p.h + h + 2 * gap - 0.01) return false;
    return true;
  };
  items.forEach((item, i) => {
    const want = wanted[i] ?? { x: 0, y: 0 };
    if (placed.length === 0) {
      item.x = 0;
      item.y = 0;
      placed.push(item);
      return;
    }
    let best: { x: number; y: number } | null = null;
    let bestScore = Infinity;
    for (const p of placed) {
      const rx = (p.w + item.w) / 2 + gap;
      const ry = (p.h + item.h) / 2 + gap;
      const candidates = [
        { x: p.x + rx, y: p.y - (p.h - item.h) / 2 },
        { x: p.x + rx, y: p.y + (p.h - item.h) / 2 },
        { x: p.x - rx, y: p.y - (p.h - item.h) / 2 },
        { x: p.x - rx, y: p.y + (p.h - item.h) / 2 },
        { x: p.x - (p.w - item.w) / 2, y: p.y + ry },
        { x: p.x + (p.w - item.w) / 2, y: p.y + ry },
        { x: p.x - (p.w - item.w) / 2, y: p.y - ry },
        { x: p.x + (p.w - item.w) / 2, y: p.y - ry },
      ];
      for (const c of candidates) {
        const toWant = Math.hypot(c.x - want.x, (c.y - want.y) * aspect);
        const toCentre = Math.hypot(c.x, c.y * aspect);
        const score = toWant * 0.6 + toCentre;
        if (score < bestScore && free(c.x, c.y, item.w, item.h)) {
          bestScore = score;
          best = c;
        }
      }
    }
    item.x = best?.x ?? 0;
    item.y = best?.y ?? 0;
    placed.push(item);
  });
}
